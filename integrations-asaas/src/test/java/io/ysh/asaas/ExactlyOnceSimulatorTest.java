package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.br.Money;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.testkit.asaas.AsaasSimulator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creates never duplicate a charge: the {@link AsaasSimulator} commits the operation and then
 * drops the connection (or answers late, or 5xx), and exactly one object exists afterwards.
 */
class ExactlyOnceSimulatorTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
  private final AsaasClient asaas = Sim.client();
  private String customerId;

  @BeforeEach
  void setUp() {
    Sim.SIM.faults().clear();
    customerId = asaas.customers().create(CustomerRequest.builder().name("João").cpfCnpj("39053344705").build()).id();
  }

  @AfterEach
  void clearFaults() {
    Sim.SIM.faults().clear();
  }

  private long paymentsWith(String ref) {
    return Sim.SIM.payments().stream().filter(p -> ref.equals(p.path("externalReference").asText(null))).count();
  }

  private PaymentRequest request(String ref) {
    return PaymentRequest.builder().customer(customerId).billingType(BillingType.PIX).value(Money.of("500.00"))
        .dueDate(TODAY.plusDays(2)).externalReference(ref).build();
  }

  @Test
  void connectionDroppedAfterCommitYieldsExactlyOneChargeAndReturnsIt() {
    String ref = "order-" + UUID.randomUUID();
    long posts = Sim.SIM.requestCount("POST", "/payments");
    long gets = Sim.SIM.requestCount("GET", "/payments");
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/payments", 1);
    Payment p = asaas.payments().create(request(ref));
    assertThat(p.externalReference()).isEqualTo(ref);
    assertThat(paymentsWith(ref)).isEqualTo(1);
    assertThat(Sim.SIM.requestCount("POST", "/payments") - posts).as("never re-posted").isEqualTo(1);
    assertThat(Sim.SIM.requestCount("GET", "/payments") - gets).as("looked up after the drop").isEqualTo(1);
  }

  @Test
  void generatedExternalReferenceAlsoProtectsCreatesWithoutOne() {
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/payments", 1);
    Payment p = asaas.payments().create(request(null));
    assertThat(p.externalReference()).startsWith("ysh-");
    assertThat(paymentsWith(p.externalReference())).isEqualTo(1);
  }

  @Test
  void connectionDroppedBeforeCommitIsPostedAgainAfterTheLookupFindsNothing() {
    String ref = "order-" + UUID.randomUUID();
    long posts = Sim.SIM.requestCount("POST", "/payments");
    Sim.SIM.faults().dropConnectionBeforeCommit("POST", "/payments", 1);
    Payment p = asaas.payments().create(request(ref));
    assertThat(p.id()).isNotNull();
    assertThat(paymentsWith(ref)).isEqualTo(1);
    assertThat(Sim.SIM.requestCount("POST", "/payments") - posts).isEqualTo(2);
  }

  @Test
  void serverErrorWithoutCommitIsPostedAgainOnce() {
    String ref = "order-" + UUID.randomUUID();
    Sim.SIM.faults().failNext("POST", "/payments", 1, 502);
    asaas.payments().create(request(ref));
    assertThat(paymentsWith(ref)).isEqualTo(1);
  }

  @Test
  void timeoutAfterCommitYieldsExactlyOneCharge() {
    AsaasClient impatient = Sim.client(Sim.FAST.toBuilder().attemptTimeout(Duration.ofMillis(300)).build());
    String ref = "order-" + UUID.randomUUID();
    Sim.SIM.faults().delayAfterCommit("POST", "/payments", 1, Duration.ofMillis(800));
    Payment p = impatient.payments().create(request(ref));
    assertThat(p.externalReference()).isEqualTo(ref);
    assertThat(paymentsWith(ref)).isEqualTo(1);
  }

  @Test
  void repeatedDropsAfterCommitStillYieldOneCharge() {
    String ref = "order-" + UUID.randomUUID();
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/payments", 1).dropConnectionAfterCommit("GET", "/payments", 1);
    Payment p = asaas.payments().create(request(ref));
    assertThat(p.externalReference()).isEqualTo(ref);
    assertThat(paymentsWith(ref)).isEqualTo(1);
  }

  @Test
  void whenTheLookupFailsTooTheOutcomeIsReportedUnknownWithTheReference() {
    AsaasClient once = Sim.client(ResiliencePolicy.builder().attemptTimeout(Duration.ofSeconds(2)).totalTimeout(Duration.ofSeconds(5))
        .retry(RetryPolicy.none()).build());
    String ref = "order-" + UUID.randomUUID();
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/payments", 1).failNext("GET", "/payments", 1, 503);
    assertThatThrownBy(() -> once.payments().create(request(ref)))
        .isInstanceOfSatisfying(AsaasConnectionException.class, e -> {
          assertThat(e.outcomeUnknown()).isTrue();
          assertThat(e.externalReference()).contains(ref);
          assertThat(e.getMessage()).contains(ref);
          assertThat(e.getSuppressed()).hasSize(1);
        });
    // the caller follows the advice: look it up
    assertThat(asaas.payments().findByExternalReference(ref)).isPresent();
    assertThat(paymentsWith(ref)).isEqualTo(1);
  }

  @Test
  void customersSubscriptionsAndTransfersAreExactlyOnceToo() {
    String cref = "cust-" + UUID.randomUUID();
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/customers", 1);
    Customer c = asaas.customers().create(CustomerRequest.builder().name("Ana").cpfCnpj("11144477735").externalReference(cref).build());
    assertThat(Sim.SIM.customers().stream().filter(n -> cref.equals(n.path("externalReference").asText(null)))).hasSize(1);

    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/subscriptions", 1);
    Subscription s = asaas.subscriptions().create(SubscriptionRequest.builder().customer(c.id()).billingType(BillingType.PIX)
        .value(Money.of("10.00")).nextDueDate(TODAY.plusDays(1)).cycle(SubscriptionCycle.WEEKLY).build());
    assertThat(Sim.SIM.subscriptions().stream().filter(n -> s.externalReference().equals(n.path("externalReference").asText(null)))).hasSize(1);

    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/transfers", 1);
    Transfer t = asaas.transfers().create(TransferRequest.builder().value(Money.of("1.00"))
        .pixAddressKey("pix@example.com").pixAddressKeyType(PixKeyType.EMAIL).build());
    assertThat(Sim.SIM.transfers().stream().filter(n -> t.externalReference().equals(n.path("externalReference").asText(null)))).hasSize(1);
  }

  @Test
  void refundDroppedAfterCommitIsNotRefundedTwice() {
    Payment p = asaas.payments().create(request(null));
    asaas.sandbox().confirmPayment(p.id());
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/payments/" + p.id() + "/refund", 1);
    Payment after = asaas.payments().refund(p.id(), RefundRequest.partial(Money.of("100.00")));
    assertThat(after.id()).isEqualTo(p.id());
    assertThat(asaas.payments().refunds(p.id(), 0, 10).data()).hasSize(1);
  }

  @Test
  void getsAreRetriedOnServerErrorsAndRateLimits() {
    Payment p = asaas.payments().create(request(null));
    Sim.SIM.faults().failNext("GET", "/payments/" + p.id(), 2, 503);
    assertThat(asaas.payments().get(p.id()).id()).isEqualTo(p.id());
    Sim.SIM.rateLimitNext(1, 0);
    assertThat(asaas.payments().get(p.id()).id()).isEqualTo(p.id());
  }

  @Test
  void aRateLimitedCreateIsNotRetriedAndSaysWhenToComeBack() {
    Sim.SIM.rateLimitNext(1, 7);
    assertThatThrownBy(() -> asaas.payments().create(request(null)))
        .isInstanceOfSatisfying(AsaasRateLimitException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
          assertThat(e.resetAfter()).isEqualTo(Duration.ofSeconds(7));
          assertThat(e.limit()).hasValue(100);
        });
  }

  @Test
  void quotaExhaustionIsSurfacedAndNotRetried() {
    long gets = Sim.SIM.requestCount("GET", "/finance");
    Sim.SIM.exhaustQuota(true);
    try {
      assertThatThrownBy(() -> asaas.finance().balance())
          .isInstanceOfSatisfying(AsaasQuotaExceededException.class, e -> assertThat(e.isRetryable()).isFalse());
      assertThat(Sim.SIM.requestCount("GET", "/finance") - gets).isEqualTo(1);
    } finally {
      Sim.SIM.exhaustQuota(false);
    }
  }

  @Test
  void aReusedExternalReferenceNeverHandsBackAnOlderDifferentCharge() {
    String ref = "order-" + UUID.randomUUID();
    Payment older = asaas.payments().create(request(ref));
    PaymentRequest second = request(ref).toBuilder().value(Money.of("20.00")).build();

    Sim.SIM.faults().dropConnectionBeforeCommit("POST", "/payments", 1);
    Payment p = asaas.payments().create(second);
    assertThat(p.id()).isNotEqualTo(older.id());
    assertThat(p.value()).isEqualTo(Money.of("20.00"));

    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/payments", 1);
    Payment third = asaas.payments().create(second.toBuilder().dueDate(TODAY.plusDays(9)).build());
    assertThat(third.id()).isNotIn(older.id(), p.id());
    assertThat(third.dueDate()).isEqualTo(TODAY.plusDays(9));
    assertThat(paymentsWith(ref)).isEqualTo(3);
  }
}
