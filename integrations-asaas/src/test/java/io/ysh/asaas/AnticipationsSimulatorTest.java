package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.br.Money;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anticipations end to end on the strict simulator: the simulation matches the request, the
 * credit (value less fee) reaches the balance and the statement, the limit shrinks, a second
 * request for the same payment is refused, a lost answer is not requested twice, a held request
 * can be cancelled and the payment anticipated again, receiving the payment debits the
 * anticipation back, the events are delivered, and the automatic setting round-trips.
 */
class AnticipationsSimulatorTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
  private final AsaasClient asaas = Sim.client();
  private String customer;

  @BeforeEach
  void setUp() {
    Sim.SIM.faults().clear();
    Sim.SIM.holdAnticipations(false);
    customer = asaas.customers().create(CustomerRequest.builder().name("Cliente Antecipação").cpfCnpj(Docs.cpf()).build()).id();
  }

  @AfterEach
  void tearDown() {
    Sim.SIM.holdAnticipations(false);
    Sim.SIM.denyAnticipations(null);
  }

  private Payment boleto(String value, int days) {
    return asaas.payments().create(PaymentRequest.builder().customer(customer).billingType(BillingType.BOLETO)
        .value(Money.of(value)).dueDate(TODAY.plusDays(days)).build());
  }

  @Test
  void theCreditReachesTheBalanceAndTheStatementAndIsDebitedWhenThePaymentIsReceived() {
    Payment p = boleto("1000.00", 30);
    AnticipationSimulation sim = asaas.anticipations().simulate(AnticipationRequest.ofPayment(p.id()));
    assertThat(sim.value()).isEqualTo(p.netValue());
    assertThat(sim.anticipationDays()).isEqualTo(30);
    assertThat(sim.fee().isPositive()).isTrue();
    assertThat(sim.netValue()).isEqualTo(sim.value().minus(sim.fee()));
    Money limitBefore = asaas.anticipations().limits().bankSlip().available();
    Money before = asaas.finance().balance().balance();

    Anticipation a = asaas.anticipations().request(AnticipationRequest.ofPayment(p.id()));
    assertThat(a.status()).isEqualTo(AnticipationStatus.CREDITED);
    assertThat(a.fee()).isEqualTo(sim.fee());
    assertThat(a.netValue()).isEqualTo(sim.netValue());
    assertThat(a.requestDate()).isEqualTo(TODAY);
    assertThat(asaas.finance().balance().balance()).isEqualTo(before.plus(a.netValue()));
    assertThat(asaas.anticipations().limits().bankSlip().available()).isEqualTo(limitBefore.minus(a.value()));
    List<FinancialTransaction> st = asaas.finance().streamTransactions(FinancialTransactionFilter.all().startDate(TODAY).finishDate(TODAY)).filter(t -> p.id().equals(t.paymentId())).toList();
    assertThat(st).extracting(FinancialTransaction::type).contains("ANTICIPATION_CREDIT", "ANTICIPATION_FEE");
    assertThat(st).filteredOn(t -> t.type().equals("ANTICIPATION_FEE")).singleElement()
        .satisfies(t -> assertThat(t.value()).isEqualTo(a.fee().negate()));
    assertThat(asaas.payments().get(p.id()).anticipated()).isTrue();

    assertThatThrownBy(() -> asaas.anticipations().request(AnticipationRequest.ofPayment(p.id())))
        .as("one anticipation per payment").isInstanceOf(AsaasInvalidRequestException.class);
    assertThat(asaas.anticipations().list(AnticipationFilter.all().payment(p.id()), 0, 10).data()).hasSize(1);
    assertThat(asaas.anticipations().reconcile(AnticipationRequest.ofPayment(p.id()))).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(a.id()));

    Money afterCredit = asaas.finance().balance().balance();
    asaas.sandbox().confirmPayment(p.id());
    assertThat(asaas.anticipations().get(a.id()).status()).isEqualTo(AnticipationStatus.DEBITED);
    assertThat(asaas.finance().balance().balance()).as("the payment's money pays the anticipation back")
        .isEqualTo(afterCredit.plus(p.netValue()).minus(a.value()));
    assertThat(asaas.anticipations().limits().bankSlip().available()).isEqualTo(limitBefore);
  }

  @Test
  void aHeldRequestCanBeCancelledAndTheSimulatorRefusesWhatItCannotAnticipate() {
    Sim.SIM.holdAnticipations(true);
    Payment p = boleto("200.00", 10);
    Money before = asaas.finance().balance().balance();
    Anticipation a = asaas.anticipations().request(AnticipationRequest.ofPayment(p.id()));
    assertThat(a.status()).isEqualTo(AnticipationStatus.PENDING);
    assertThat(asaas.finance().balance().balance()).isEqualTo(before);
    assertThat(asaas.anticipations().cancel(a.id()).status()).isEqualTo(AnticipationStatus.CANCELLED);
    assertThatThrownBy(() -> asaas.anticipations().cancel(a.id())).isInstanceOf(AsaasInvalidRequestException.class);
    assertThat(asaas.anticipations().reconcile(AnticipationRequest.ofPayment(p.id()))).as("a cancelled one is not live").isEmpty();
    Anticipation second = asaas.anticipations().request(AnticipationRequest.ofPayment(p.id()));
    assertThat(second.id()).as("after a cancel the payment can be anticipated again").isNotEqualTo(a.id());
    assertThat(second.status()).isEqualTo(AnticipationStatus.PENDING);

    Payment pix = asaas.payments().create(PaymentRequest.builder().customer(customer).billingType(BillingType.PIX)
        .value(Money.of("50.00")).dueDate(TODAY.plusDays(3)).build());
    assertThatThrownBy(() -> asaas.anticipations().simulate(AnticipationRequest.ofPayment(pix.id())))
        .isInstanceOf(AsaasInvalidRequestException.class);
    assertThatThrownBy(() -> asaas.anticipations().request(AnticipationRequest.ofPayment("pay_nao_existe")))
        .isInstanceOf(AsaasNotFoundException.class);
  }

  @Test
  void aRequestWhoseAnswerWasLostIsNotRequestedTwice() {
    Payment p = boleto("700.00", 15);
    long posts = Sim.SIM.requestCount("POST", "/anticipations");
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/anticipations", 1);
    try {
      Anticipation a = asaas.anticipations().request(AnticipationRequest.ofPayment(p.id()));
      assertThat(a.payment()).isEqualTo(p.id());
      assertThat(a.status()).isEqualTo(AnticipationStatus.CREDITED);
      assertThat(Sim.SIM.requestCount("POST", "/anticipations") - posts).as("never re-posted").isEqualTo(1);
      assertThat(asaas.anticipations().list(AnticipationFilter.all().payment(p.id()), 0, 10).data()).hasSize(1);
    } finally {
      Sim.SIM.faults().clear();
    }
  }

  @Test
  void anInstallmentPlanIsAnticipatedWhole() {
    Payment first = asaas.payments().create(PaymentRequest.builder().customer(customer).billingType(BillingType.BOLETO)
        .value(Money.of("300.00")).totalValue(Money.of("300.00")).installmentCount(3).dueDate(TODAY.plusDays(5)).build());
    AnticipationSimulation sim = asaas.anticipations().simulate(AnticipationRequest.ofInstallment(first.installment()));
    assertThat(sim.totalValue()).isEqualTo(Money.of("300.00"));
    assertThat(sim.anticipationDays()).isGreaterThan(60);
    Anticipation a = asaas.anticipations().request(AnticipationRequest.ofInstallment(first.installment()));
    assertThat(a.installment()).isEqualTo(first.installment());
    assertThat(a.payment()).isNull();
    assertThat(asaas.anticipations().stream(AnticipationFilter.all().installment(first.installment()).status(AnticipationStatus.CREDITED))
        .toList()).extracting(Anticipation::id).containsExactly(a.id());
  }

  @Test
  void theAutomaticSettingRoundTrips() {
    assertThat(asaas.anticipations().configure(true).creditCardAutomaticEnabled()).isTrue();
    assertThat(asaas.anticipations().configuration().creditCardAutomaticEnabled()).isTrue();
    assertThat(asaas.anticipations().configure(false).creditCardAutomaticEnabled()).isFalse();
    assertThat(asaas.anticipations().limits().creditCard().total()).isEqualTo(Money.of("50000.00"));
  }

  @Test
  void theAnticipationEventsAndPaymentAnticipatedAreDelivered() throws Exception {
    String token = "whsec-ysh-anticipations-0123456789abcdef";
    List<WebhookEvent> got = new java.util.concurrent.CopyOnWriteArrayList<>();
    AsaasWebhooks receiver = AsaasWebhooks.builder().authToken(io.ysh.core.Secret.of(token)).build();
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/asaas", receiver.httpHandler(got::add));
    server.start();
    WebhookConfig cfg = asaas.webhooks().create(WebhookConfigRequest.of("antecipacoes", "http://127.0.0.1:" + server.getAddress().getPort()
        + "/asaas", "ops@example.com", io.ysh.core.Secret.of(token), List.of("RECEIVABLE_ANTICIPATION_PENDING",
            "RECEIVABLE_ANTICIPATION_CREDITED", "RECEIVABLE_ANTICIPATION_DEBITED", "RECEIVABLE_ANTICIPATION_CANCELLED", "RECEIVABLE_ANTICIPATION_DENIED", "PAYMENT_ANTICIPATED")));
    try {
      Payment p = boleto("400.00", 20);
      Anticipation a = asaas.anticipations().request(AnticipationRequest.ofPayment(p.id()));
      asaas.sandbox().confirmPayment(p.id());
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> got.size() >= 4);
      assertThat(got).extracting(WebhookEvent::rawEvent).containsExactly("RECEIVABLE_ANTICIPATION_PENDING",
          "RECEIVABLE_ANTICIPATION_CREDITED", "PAYMENT_ANTICIPATED", "RECEIVABLE_ANTICIPATION_DEBITED");
      assertThat(got.get(0)).isInstanceOfSatisfying(AnticipationEvent.class, e -> {
        assertThat(e.type()).isEqualTo(AnticipationEventType.RECEIVABLE_ANTICIPATION_PENDING);
        assertThat(e.anticipation().status()).isEqualTo(AnticipationStatus.PENDING);
      });
      assertThat(got.get(1)).isInstanceOfSatisfying(AnticipationEvent.class, e -> {
        assertThat(e.type()).isEqualTo(AnticipationEventType.RECEIVABLE_ANTICIPATION_CREDITED);
        assertThat(e.anticipation().id()).isEqualTo(a.id());
        assertThat(e.anticipation().payment()).isEqualTo(p.id());
        assertThat(e.anticipation().status()).isEqualTo(AnticipationStatus.CREDITED);
        assertThat(e.anticipation().netValue()).isEqualTo(a.netValue());
        assertThat(e.anticipation().fee()).isEqualTo(a.fee());
      });
      assertThat(got.get(2)).isInstanceOfSatisfying(PaymentEvent.class, e -> assertThat(e.payment().anticipated()).isTrue());
      assertThat(got.get(3)).isInstanceOfSatisfying(AnticipationEvent.class, e -> {
        assertThat(e.type()).isEqualTo(AnticipationEventType.RECEIVABLE_ANTICIPATION_DEBITED);
        assertThat(e.anticipation().status()).isEqualTo(AnticipationStatus.DEBITED);
      });

      Sim.SIM.holdAnticipations(true);
      Payment held = boleto("300.00", 15);
      Anticipation h = asaas.anticipations().request(AnticipationRequest.ofPayment(held.id()));
      asaas.anticipations().cancel(h.id());
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> got.size() >= 6);
      assertThat(got.subList(4, 6)).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(AnticipationEvent.class,
          x -> assertThat(x.anticipation().id()).isEqualTo(h.id())));
      assertThat(got.subList(4, 6)).extracting(e -> ((AnticipationEvent) e).type()).containsExactly(
          AnticipationEventType.RECEIVABLE_ANTICIPATION_PENDING, AnticipationEventType.RECEIVABLE_ANTICIPATION_CANCELLED);
      assertThat(((AnticipationEvent) got.get(5)).anticipation().status()).isEqualTo(AnticipationStatus.CANCELLED);

      Sim.SIM.holdAnticipations(false);
      Sim.SIM.denyAnticipations("Sacado com restrição");
      Payment refused = boleto("250.00", 12);
      Money balance = asaas.finance().balance().balance();
      Money limit = asaas.anticipations().limits().bankSlip().available();
      Anticipation d = asaas.anticipations().request(AnticipationRequest.ofPayment(refused.id()));
      assertThat(d.status()).isEqualTo(AnticipationStatus.DENIED);
      assertThat(d.denialObservation()).isEqualTo("Sacado com restrição");
      assertThat(asaas.finance().balance().balance()).as("nothing credited").isEqualTo(balance);
      assertThat(asaas.anticipations().limits().bankSlip().available()).as("the limit is not used").isEqualTo(limit);
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> got.size() >= 8);
      assertThat(got.subList(6, 8)).extracting(e -> ((AnticipationEvent) e).type()).containsExactly(
          AnticipationEventType.RECEIVABLE_ANTICIPATION_PENDING, AnticipationEventType.RECEIVABLE_ANTICIPATION_DENIED);
      assertThat(((AnticipationEvent) got.get(7)).anticipation()).satisfies(x -> {
        assertThat(x.id()).isEqualTo(d.id());
        assertThat(x.status()).isEqualTo(AnticipationStatus.DENIED);
        assertThat(x.denialObservation()).isEqualTo("Sacado com restrição");
      });
    } finally {
      asaas.webhooks().delete(cfg.id());
      server.stop(0);
    }
  }
}
