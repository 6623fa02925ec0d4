package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.ysh.core.Secret;
import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NFS-e end to end on the strict simulator: fiscal information saved as a form (secrets only as
 * flags), municipal services, an invoice scheduled for a payment and for a customer alone,
 * authorized (SCHEDULED → AUTHORIZED with a number and PDF) or refused by the city hall (ERROR),
 * corrected and authorized again, cancelled; the webhook events arrive typed and in order; a
 * schedule whose answer was lost is not scheduled twice.
 */
class InvoicesSimulatorTest {

  private static final String TOKEN = "whsec-ysh-invoices-0123456789abcdef0123";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
  private final AsaasClient asaas = Sim.client();
  private String customer;
  private Payment payment;

  @BeforeEach
  void setUp() {
    Sim.SIM.faults().clear();
    Sim.SIM.rejectInvoices(null);
    customer = asaas.customers().create(CustomerRequest.builder().name("Integradora Fiscal").cpfCnpj(Docs.cpf()).build()).id();
    payment = asaas.payments().create(PaymentRequest.builder().customer(customer).billingType(BillingType.PIX)
        .value(Money.of("100.00")).dueDate(TODAY.plusDays(1)).build());
    asaas.invoices().saveFiscalInfo(FiscalInfoRequest.builder().email("fiscal@ysh.com.br").simplesNacional(true).municipalInscription("21779501")
        .rpsSerie("E").rpsNumber(101L).username("ysh").password(Secret.of("s3nha-da-prefeitura")).build());
  }

  @AfterEach
  void tearDown() {
    Sim.SIM.rejectInvoices(null);
    Sim.SIM.faults().clear();
  }

  private InvoiceRequest.Builder fee(String ref) {
    return InvoiceRequest.builder().payment(payment.id()).serviceDescription("Taxa da plataforma YSH").observations("")
        .externalReference(ref).value(Money.of("100.00")).deductions(Money.of("0.00")).effectiveDate(TODAY)
        .municipalServiceId("170101").municipalServiceName("Assessoria ou consultoria")
        .taxes(InvoiceTaxes.issOnly(new BigDecimal("5"), false));
  }

  @Test
  void fiscalInfoKeepsOnlyFlagsForSecretsAndListsTheCitysServices() {
    FiscalInfo fi = asaas.invoices().fiscalInfo();
    assertThat(fi.email()).isEqualTo("fiscal@ysh.com.br");
    assertThat(fi.simplesNacional()).isTrue();
    assertThat(fi.rpsSerie()).isEqualTo("E");
    assertThat(fi.passwordSent()).isTrue();
    assertThat(fi.accessTokenSent()).isFalse();
    assertThat(fi.username()).isEqualTo("ysh");
    assertThat(Sim.SIM.requests()).isNotEmpty();
    Page<MunicipalService> services = asaas.invoices().municipalServices("consultoria", 0, 10);
    assertThat(services.data()).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo("170101");
      assertThat(s.issTax()).isEqualByComparingTo("5");
    });
    assertThat(asaas.invoices().municipalServices(null, 0, 100).data()).hasSizeGreaterThan(1);
  }

  @Test
  void anInvoiceForAPaymentIsAuthorizedAndTheEventsArriveTyped() throws Exception {
    List<InvoiceEvent> got = new CopyOnWriteArrayList<>();
    AsaasWebhooks receiver = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).build();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/asaas", receiver.httpHandler(e -> {
      if (e instanceof InvoiceEvent i) {
        got.add(i);
      }
    }));
    server.start();
    WebhookConfig cfg = asaas.webhooks().create(WebhookConfigRequest.of("nfse", "http://127.0.0.1:" + server.getAddress().getPort() + "/asaas",
        "ops@example.com", Secret.of(TOKEN), List.of("INVOICE_CREATED", "INVOICE_SYNCHRONIZED", "INVOICE_AUTHORIZED", "INVOICE_CANCELED",
            "INVOICE_PROCESSING_CANCELLATION")));
    try {
      Invoice i = asaas.invoices().schedule(fee("fee-" + UUID.randomUUID()).build());
      assertThat(i.status()).isEqualTo(InvoiceStatus.SCHEDULED);
      assertThat(i.customer()).isEqualTo(customer);
      assertThat(i.number()).isNull();
      assertThat(i.taxes().iss()).isEqualByComparingTo("5");

      Invoice a = asaas.invoices().authorize(i.id());
      assertThat(a.status()).isEqualTo(InvoiceStatus.AUTHORIZED);
      assertThat(a.number()).isNotBlank();
      assertThat(a.pdfUrl()).contains(i.id());
      assertThat(a.rpsSerie()).isEqualTo("E");
      assertThat(asaas.invoices().get(i.id()).status()).isEqualTo(InvoiceStatus.AUTHORIZED);
      assertThat(asaas.invoices().stream(InvoiceFilter.all().payment(payment.id()).status(InvoiceStatus.AUTHORIZED)).toList())
          .extracting(Invoice::id).containsExactly(i.id());
      assertThat(asaas.invoices().list(InvoiceFilter.all().payment(payment.id()).status(InvoiceStatus.SCHEDULED), 0, 10).data()).isEmpty();
      assertThat(asaas.invoices().list(InvoiceFilter.all().payment(payment.id()).effectiveDateFrom(TODAY.plusDays(1)), 0, 10).data()).isEmpty();
      assertThatThrownBy(() -> asaas.invoices().update(i.id(), InvoiceUpdate.builder().observations("tarde").build()))
          .isInstanceOf(AsaasInvalidRequestException.class);

      Invoice c = asaas.invoices().cancel(i.id(), false);
      assertThat(c.status()).isEqualTo(InvoiceStatus.CANCELED);
      assertThatThrownBy(() -> asaas.invoices().cancel(i.id(), false)).isInstanceOf(AsaasInvalidRequestException.class);

      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() >= 5);
      assertThat(got).extracting(InvoiceEvent::type).containsExactly(InvoiceEventType.INVOICE_CREATED, InvoiceEventType.INVOICE_SYNCHRONIZED,
          InvoiceEventType.INVOICE_AUTHORIZED, InvoiceEventType.INVOICE_PROCESSING_CANCELLATION, InvoiceEventType.INVOICE_CANCELED);
      assertThat(got).allSatisfy(e -> assertThat(e.invoice().id()).isEqualTo(i.id()));
      assertThat(got.get(2).invoice().status()).isEqualTo(InvoiceStatus.AUTHORIZED);
      assertThat(got.get(2).invoice().number()).isEqualTo(a.number());
    } finally {
      asaas.webhooks().delete(cfg.id());
      server.stop(0);
    }
  }

  @Test
  void aRefusedInvoiceIsInErrorAndCanBeCorrectedAndAuthorizedAgain() {
    Invoice i = asaas.invoices().schedule(InvoiceRequest.builder().customer(customer).serviceDescription("Consultoria avulsa")
        .observations("sem cobrança").value(Money.of("50.00")).deductions(Money.of("5.00")).effectiveDate(TODAY.plusDays(2))
        .municipalServiceCode("17.01").municipalServiceName("Consultoria").taxes(InvoiceTaxes.issOnly(new BigDecimal("2"), true)).build());
    assertThat(i.payment()).isNull();
    assertThat(i.customer()).isEqualTo(customer);
    Sim.SIM.rejectInvoices("Inscrição municipal não encontrada");
    Invoice e = asaas.invoices().authorize(i.id());
    assertThat(e.status()).isEqualTo(InvoiceStatus.ERROR);
    assertThat(e.statusDescription()).isEqualTo("Inscrição municipal não encontrada");
    assertThat(e.number()).isNull();

    Sim.SIM.rejectInvoices(null);
    Invoice u = asaas.invoices().update(i.id(), InvoiceUpdate.builder().value(Money.of("60.00")).observations("corrigida").build());
    assertThat(u.value()).isEqualTo(Money.of("60.00"));
    assertThat(u.observations()).isEqualTo("corrigida");
    assertThat(u.deductions()).isEqualTo(Money.of("5.00"));
    assertThat(asaas.invoices().authorize(i.id()).status()).isEqualTo(InvoiceStatus.AUTHORIZED);
    assertThat(asaas.invoices().cancel(i.id(), true).status()).as("only on Asaas: straight to CANCELED").isEqualTo(InvoiceStatus.CANCELED);
  }

  @Test
  void aScheduleWhoseAnswerWasLostIsNotScheduledTwice() {
    String ref = "fee-" + UUID.randomUUID();
    long posts = Sim.SIM.requestCount("POST", "/invoices");
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/invoices", 1);
    Invoice i = asaas.invoices().schedule(fee(ref).build());
    assertThat(i.externalReference()).isEqualTo(ref);
    assertThat(Sim.SIM.requestCount("POST", "/invoices") - posts).as("never re-posted").isEqualTo(1);
    assertThat(asaas.invoices().list(InvoiceFilter.all().externalReference(ref), 0, 10).data()).hasSize(1);
    assertThat(asaas.invoices().reconcile(fee(ref).build())).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(i.id()));
    assertThat(asaas.invoices().reconcile(fee("fee-" + UUID.randomUUID()).build())).isEmpty();
  }

  @Test
  void theSimulatorRefusesWhatAsaasRefuses() {
    assertThatThrownBy(() -> asaas.invoices().schedule(fee(null).payment("pay_nao_existe").build()))
        .isInstanceOf(AsaasNotFoundException.class);
    Invoice i = asaas.invoices().schedule(fee(null).build());
    asaas.invoices().authorize(i.id());
    assertThatThrownBy(() -> asaas.invoices().authorize(i.id())).isInstanceOf(AsaasInvalidRequestException.class)
        .hasMessageContaining("AUTHORIZED");
  }
}
