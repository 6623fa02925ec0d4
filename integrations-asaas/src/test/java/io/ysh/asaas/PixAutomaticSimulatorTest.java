package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.ysh.core.Secret;
import io.ysh.core.br.Money;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pix Automático end to end on the strict simulator: an authorization is CREATED with its QR code,
 * paying that code receives the first charge, credits the balance and activates it; it is listed
 * by status and customer, cancelled by DELETE, created once per contract, and an expired code
 * refuses it; its webhooks reach {@link AsaasWebhooks} as typed {@link PixAutomaticEvent}s.
 */
class PixAutomaticSimulatorTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
  private final AsaasClient asaas = Sim.client();
  private String customer;

  @BeforeEach
  void customer() {
    Sim.SIM.faults().clear();
    customer = asaas.customers().create(CustomerRequest.builder().name("Cliente Financiado").cpfCnpj(Docs.cpf()).build()).id();
  }

  private PixAutomaticAuthorizationRequest.Builder request(String contract) {
    return PixAutomaticAuthorizationRequest.builder().customerId(customer).contractId(contract).frequency(PixAutomaticFrequency.MONTHLY)
        .startDate(TODAY.plusDays(30)).value(Money.of("1250.00")).description("Sistema 8 kWp").immediateQrCode(Money.of("500.00"), 3600);
  }

  @Test
  void payingTheImmediateQrCodeReceivesTheFirstChargeAndActivatesTheAuthorization() {
    PixAutomaticAuthorization a = asaas.pix().createAutomaticAuthorization(request("fin-" + System.nanoTime()).build());
    assertThat(a.status()).isEqualTo(PixAutomaticAuthorizationStatus.CREATED);
    assertThat(a.customerId()).isEqualTo(customer);
    assertThat(a.value()).isEqualTo(Money.of("1250.00"));
    assertThat(a.payload()).startsWith("000201");
    assertThat(a.immediateQrCode().conciliationIdentifier()).isNotBlank();
    assertThat(a.immediateQrCode().expirationDate()).isAfter(java.time.LocalDateTime.now(ZoneId.of("America/Sao_Paulo")).plusMinutes(50));
    assertThat(a.paymentCreationMode()).isEqualTo(PixAutomaticPaymentCreationMode.MANUAL);

    Money before = asaas.finance().balance().balance();
    JsonNode paid = Sim.SIM.payPixAutomaticAuthorization(a.id());
    Payment first = asaas.payments().get(paid.get("id").asText());
    assertThat(first.status()).isEqualTo(PaymentStatus.RECEIVED);
    assertThat(first.value()).isEqualTo(Money.of("500.00"));
    assertThat(first.customer()).isEqualTo(customer);
    assertThat(asaas.finance().balance().balance()).isEqualTo(before.plus(first.netValue()));
    assertThat(asaas.pix().getAutomaticAuthorization(a.id()).status()).isEqualTo(PixAutomaticAuthorizationStatus.ACTIVE);
    assertThat(asaas.pix().streamTransactions(PixTransactionFilter.all().type(PixTransactionType.CREDIT))
        .filter(t -> first.id().equals(t.payment())).findFirst().orElseThrow().originType()).isEqualTo(PixTransactionOriginType.AUTOMATIC_RECURRING);
    assertThatThrownBy(() -> Sim.SIM.payPixAutomaticAuthorization(a.id())).as("already active").isInstanceOf(IllegalStateException.class);

    assertThat(asaas.pix().streamAutomaticAuthorizations(PixAutomaticFilter.all().status(PixAutomaticAuthorizationStatus.ACTIVE).customerId(customer))
        .map(PixAutomaticAuthorization::id)).containsExactly(a.id());
    assertThat(asaas.pix().streamAutomaticAuthorizations(PixAutomaticFilter.all().status(PixAutomaticAuthorizationStatus.CREATED).customerId(customer)))
        .isEmpty();

    PixAutomaticAuthorization cancelled = asaas.pix().cancelAutomaticAuthorization(a.id());
    assertThat(cancelled.status()).isEqualTo(PixAutomaticAuthorizationStatus.CANCELLED);
    assertThat(cancelled.cancellationDate()).isNotNull();
    assertThatThrownBy(() -> asaas.pix().cancelAutomaticAuthorization(a.id())).isInstanceOf(AsaasInvalidRequestException.class);
    assertThat(asaas.pix().streamPaymentInstructions(PixAutomaticFilter.all().authorizationId(a.id()))).as("no charges created yet").isEmpty();
  }

  @Test
  void aContractIsAuthorizedOnceAndAnExpiredCodeRefusesIt() throws InterruptedException {
    String contract = "fin-" + System.nanoTime();
    PixAutomaticAuthorization a = asaas.pix().createAutomaticAuthorization(request(contract).build());
    assertThat(asaas.pix().createAutomaticAuthorization(request(contract).build()).id()).isEqualTo(a.id());
    assertThat(asaas.pix().streamAutomaticAuthorizations(PixAutomaticFilter.all().customerId(customer))).hasSize(1);
    assertThatThrownBy(() -> asaas.pix().createAutomaticAuthorization(request(contract).value(Money.of("99.00")).build()))
        .as("same contract, other terms").isInstanceOf(AsaasConflictException.class);

    PixAutomaticAuthorization shortLived = asaas.pix().createAutomaticAuthorization(request("fin-" + System.nanoTime())
        .immediateQrCode(Money.of("10.00"), 1).build());
    Thread.sleep(2100);
    assertThatThrownBy(() -> Sim.SIM.payPixAutomaticAuthorization(shortLived.id())).isInstanceOf(IllegalStateException.class);
    assertThat(asaas.pix().getAutomaticAuthorization(shortLived.id()).status()).isEqualTo(PixAutomaticAuthorizationStatus.REFUSED);
  }

  @Test
  void itsWebhooksReachTheHandlerAsTypedPixAutomaticEvents() throws Exception {
    String token = "whsec-ysh-0123456789abcdef0123456789abcdef";
    List<WebhookEvent> got = new CopyOnWriteArrayList<>();
    AsaasWebhooks receiver = AsaasWebhooks.builder().authToken(Secret.of(token)).build();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/asaas", receiver.httpHandler(got::add));
    server.start();
    WebhookConfig cfg = asaas.webhooks().create(WebhookConfigRequest.of("pix-automatico", "http://127.0.0.1:" + server.getAddress().getPort()
        + "/asaas", "ops@example.com", Secret.of(token), List.of("PIX_AUTOMATIC_RECURRING_AUTHORIZATION_CREATED",
        "PIX_AUTOMATIC_RECURRING_AUTHORIZATION_ACTIVATED", "PIX_AUTOMATIC_RECURRING_AUTHORIZATION_CANCELLED")));
    try {
      PixAutomaticAuthorization a = asaas.pix().createAutomaticAuthorization(request("fin-" + System.nanoTime()).build());
      Sim.SIM.payPixAutomaticAuthorization(a.id());
      asaas.pix().cancelAutomaticAuthorization(a.id());
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() >= 3);
      assertThat(got).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(PixAutomaticEvent.class, p -> {
        assertThat(p.family()).isEqualTo("authorization");
        assertThat(p.object().get("id").asText()).isEqualTo(a.id());
      }));
      assertThat(got).extracting(e -> ((PixAutomaticEvent) e).type()).containsExactly(PixAutomaticEventType.PIX_AUTOMATIC_RECURRING_AUTHORIZATION_CREATED,
          PixAutomaticEventType.PIX_AUTOMATIC_RECURRING_AUTHORIZATION_ACTIVATED, PixAutomaticEventType.PIX_AUTOMATIC_RECURRING_AUTHORIZATION_CANCELLED);
      assertThat(got).extracting(e -> ((PixAutomaticEvent) e).object().get("status").asText()).containsExactly("CREATED", "ACTIVE", "CANCELLED");
    } finally {
      asaas.webhooks().delete(cfg.id());
      server.stop(0);
    }
  }

  @Test
  void theSimulatorRefusesWhatAsaasWouldAndStrictModeUndefinedFields() throws Exception {
    assertThatThrownBy(() -> asaas.pix().createAutomaticAuthorization(request("fin-x").customerId("cus_nobody").build()))
        .isInstanceOfSatisfying(AsaasInvalidRequestException.class, e -> assertThat(e.getMessage()).contains("invalid_customer"));
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Sim.SIM.baseUrl() + "/pix/automatic/authorizations"))
        .header("access_token", Sim.SIM.apiKey()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"" + customer + "\",\"frequency\":\"MONTHLY\",\"contractId\":\"c\",\"startDate\":\""
            + TODAY.plusDays(1) + "\",\"immediateQrCode\":{\"originalValue\":1,\"expirationSeconds\":60,\"value\":1}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("unknown_field").contains("'immediateQrCode.value'");
  }
}
