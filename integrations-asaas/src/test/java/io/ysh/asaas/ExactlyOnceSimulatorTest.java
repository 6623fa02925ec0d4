package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ysh.cache.Cache;
import io.ysh.core.ErrorCode;
import io.ysh.core.br.Money;
import io.ysh.testkit.asaas.AsaasSimulator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creates never duplicate a charge: the strict {@link AsaasSimulator} commits the operation and
 * then drops the connection, answers late or 5xx, commits late, or never commits, and exactly one
 * object (or none, with outcome-unknown) exists afterwards. Ambiguous failures are never
 * re-posted.
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
  void clearFaults() throws InterruptedException {
    Sim.SIM.faults().clear();
    Sim.SIM.awaitIdle(Duration.ofSeconds(30));
  }

  private static long paymentsWith(String ref) {
    return Sim.SIM.payments().stream().filter(p -> ref.equals(p.path("externalReference").asText(null))).count();
  }

  private PaymentRequest request(String ref) {
    return PaymentRequest.builder().customer(customerId).billingType(BillingType.PIX).value(Money.of("500.00"))
        .dueDate(TODAY.plusDays(2)).externalReference(ref).build();
  }

  private static String ref() {
    return "order-" + UUID.randomUUID();
  }

  @Test
  void connectionDroppedAfterCommitYieldsExactlyOneChargeAndReturnsIt() {
    String ref = ref();
    long posts = Sim.SIM.requestCount("POST", "/payments");
    long gets = Sim.SIM.requestCount("GET", "/payments");
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/payments", 1);
    Payment p = asaas.payments().create(request(ref));
    assertThat(p.externalReference()).isEqualTo(ref);
    assertThat(paymentsWith(ref)).isEqualTo(1);
    assertThat(Sim.SIM.requestCount("POST", "/payments") - posts).as("never re-posted").isEqualTo(1);
    assertThat(Sim.SIM.requestCount("GET", "/payments") - gets).as("looked up at once after the drop").isEqualTo(1);
  }

  @Test
  void generatedExternalReferenceAlsoProtectsCreatesWithoutOne() {
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/payments", 1);
    Payment p = asaas.payments().create(request(null));
    assertThat(p.externalReference()).startsWith("ysh-");
    assertThat(paymentsWith(p.externalReference())).isEqualTo(1);
  }

  @Test
  void aDropAfterTheRequestWasWrittenIsNeverPostedAgainEvenWhenNothingWasCommitted() {
    String ref = ref();
    long posts = Sim.SIM.requestCount("POST", "/payments");
    Sim.SIM.faults().dropConnectionBeforeCommit("POST", "/payments", 1);
    long start = System.nanoTime();
    assertThatThrownBy(() -> asaas.payments().create(request(ref)))
        .isInstanceOfSatisfying(AsaasOutcomeUnknownException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN);
          assertThat(e.outcomeUnknown()).isTrue();
          assertThat(e.externalReference()).contains(ref);
          assertThat(e.getMessage()).contains(ref).contains("reconcile");
          assertThat(e.pendingRequest(PaymentRequest.class)).hasValueSatisfying(r -> assertThat(r.externalReference()).isEqualTo(ref));
          assertThat(e.getCause()).isInstanceOf(AsaasConnectionException.class);
        });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited out the settle window").isGreaterThanOrEqualTo(Sim.SETTLE);
    assertThat(Sim.SIM.requestCount("POST", "/payments") - posts).as("never re-posted").isEqualTo(1);
    assertThat(paymentsWith(ref)).isZero();
    assertThat(asaas.payments().reconcile(request(ref))).as("reconcile: not created").isEmpty();
    // creating it again with the same reference soon after only looks: the first might still land
    assertThatThrownBy(() -> asaas.payments().create(request(ref))).isInstanceOf(AsaasOutcomeUnknownException.class);
    assertThat(Sim.SIM.requestCount("POST", "/payments") - posts).as("still one POST").isEqualTo(1);
  }

  @Test
  void aServerErrorIsAmbiguousAndNeverPostedAgain() {
    String ref = ref();
    long posts = Sim.SIM.requestCount("POST", "/payments");
    Sim.SIM.faults().failNext("POST", "/payments", 1, 502);
    assertThatThrownBy(() -> asaas.payments().create(request(ref)))
        .isInstanceOfSatisfying(AsaasOutcomeUnknownException.class, e -> assertThat(e.httpStatus()).isEqualTo(502));
    assertThat(Sim.SIM.requestCount("POST", "/payments") - posts).isEqualTo(1);
    assertThat(paymentsWith(ref)).isZero();
  }

  @Test
  void aServerErrorAfterTheCommitReturnsTheCharge() {
    String ref = ref();
    Sim.SIM.faults().failAfterCommit("POST", "/payments", 1, 504);
    Payment p = asaas.payments().create(request(ref));
    assertThat(p.externalReference()).isEqualTo(ref);
    assertThat(paymentsWith(ref)).isEqualTo(1);
  }

  /**
   * The client's create timeout fires while the simulator is still holding the answer; the
   * server delay is derived from the timeout (and the settle window is long), so a loaded machine
   * only makes the look-up run later, never makes the test fail.
   */
  @Test
  void timeoutAfterCommitYieldsExactlyOneCharge() {
    Duration timeout = Duration.ofMillis(300);
    AsaasClient impatient = Sim.builder().createTimeout(timeout).settleWindow(Duration.ofSeconds(20)).build();
    String ref = ref();
    Sim.SIM.faults().delayAfterCommit("POST", "/payments", 1, timeout.multipliedBy(10));
    Payment p = impatient.payments().create(request(ref));
    assertThat(p.externalReference()).isEqualTo(ref);
    assertThat(paymentsWith(ref)).isEqualTo(1);
  }

  @Test
  void repeatedDropsAfterCommitStillYieldOneCharge() {
    String ref = ref();
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/payments", 1).dropConnectionAfterCommit("GET", "/payments", 1);
    Payment p = asaas.payments().create(request(ref));
    assertThat(p.externalReference()).isEqualTo(ref);
    assertThat(paymentsWith(ref)).isEqualTo(1);
  }

  @Test
  void whenTheLookupFailsForTheWholeWindowTheOutcomeIsUnknownAndReconcileResolvesItLater() {
    String ref = ref();
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/payments", 1).failNext("GET", "/payments", 100_000, 503);
    AsaasOutcomeUnknownException unknown;
    try {
      asaas.payments().create(request(ref));
      throw new AssertionError("expected outcome unknown");
    } catch (AsaasOutcomeUnknownException e) {
      unknown = e;
    } finally {
      Sim.SIM.faults().clear();
    }
    assertThat(unknown.externalReference()).contains(ref);
    assertThat(unknown.getSuppressed()).as("the last look-up failure").hasSize(1);
    assertThat(unknown.getSuppressed()[0]).isInstanceOf(AsaasServerException.class);
    // the caller (or a scheduled job) follows the advice
    PaymentRequest pending = unknown.pendingRequest(PaymentRequest.class).orElseThrow();
    assertThat(asaas.payments().reconcile(pending)).hasValueSatisfying(p -> assertThat(p.externalReference()).isEqualTo(ref));
    assertThat(paymentsWith(ref)).isEqualTo(1);
  }

  @Test
  void aConnectionRefusedBeforeTheRequestWasWrittenIsPostedAgain() {
    FailingSockets sockets = new FailingSockets();
    AsaasClient flaky = Sim.builder().socketFactory(sockets).build();
    String customer = flaky.customers().create(CustomerRequest.builder().name("Reset").cpfCnpj("52998224725").build()).id();
    String ref = ref();
    long posts = Sim.SIM.requestCount("POST", "/payments");
    sockets.refuseNextConnects(1);
    Payment p = flaky.payments().create(request(ref).toBuilder().customer(customer).build());
    assertThat(sockets.failed()).as("the fault fired").isEqualTo(1);
    assertThat(p.externalReference()).isEqualTo(ref);
    assertThat(paymentsWith(ref)).isEqualTo(1);
    assertThat(Sim.SIM.requestCount("POST", "/payments") - posts).as("only the second POST reached Asaas").isEqualTo(1);
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
    Transfer t = asaas.transfers().create(TransferRequest.builder().value(Money.of("1.03"))
        .pixAddressKey("pix-" + UUID.randomUUID() + "@example.com").pixAddressKeyType(PixKeyType.EMAIL).build());
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

  /**
   * The old protocol counted refunds: a refund made elsewhere during the ambiguity looked like
   * this one. Deciding from the records (value, description, date) does not.
   */
  @Test
  void aConcurrentRefundFromElsewhereIsNotMistakenForOurs() throws Exception {
    Payment p = asaas.payments().create(request(null));
    asaas.sandbox().confirmPayment(p.id());
    String path = "/payments/" + p.id() + "/refund";
    Sim.SIM.faults().dropConnectionBeforeCommit("POST", path, 1);
    AsaasClient elsewhere = Sim.client();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      long before = Sim.SIM.requestCount("POST", path);
      Future<Payment> other = pool.submit(() -> {
        await().atMost(Duration.ofSeconds(20)).until(() -> Sim.SIM.requestCount("POST", path) > before);
        return elsewhere.payments().refund(p.id(), RefundRequest.partial(Money.of("30.00")));
      });
      assertThatThrownBy(() -> asaas.payments().refund(p.id(), RefundRequest.partial(Money.of("100.00"))))
          .isInstanceOfSatisfying(AsaasOutcomeUnknownException.class, e ->
              assertThat(e.pendingRequest(PendingRefund.class)).hasValueSatisfying(r -> {
                assertThat(r.expectedValue()).isEqualTo(Money.of("100.00"));
                assertThat(asaas.payments().reconcileRefund(r)).as("ours was never made").isEmpty();
              }));
      other.get(20, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(Sim.SIM.refunds(p.id())).extracting(r -> r.get("value").decimalValue().toPlainString()).containsExactly("30.00");
  }

  @Test
  void concurrentRefundsOfOnePaymentAreSerializedAndBothMade() throws Exception {
    Payment p = asaas.payments().create(request(null));
    asaas.sandbox().confirmPayment(p.id());
    List<String> values = List.of("10.00", "20.00", "30.00");
    runConcurrently(3, i -> asaas.payments().refund(p.id(), RefundRequest.partial(Money.of(values.get(i)))).id());
    assertThat(Sim.SIM.refunds(p.id())).extracting(r -> r.get("value").decimalValue().toPlainString())
        .containsExactlyInAnyOrder("10.00", "20.00", "30.00");
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
  void theSameRequestWithTheSameReferenceReturnsTheSameChargeWithoutPostingAgain() {
    String ref = ref();
    Payment first = asaas.payments().create(request(ref));
    long posts = Sim.SIM.requestCount("POST", "/payments");
    Payment again = asaas.payments().create(request(ref));
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(Sim.SIM.requestCount("POST", "/payments") - posts).isZero();
    assertThat(paymentsWith(ref)).isEqualTo(1);
  }

  @Test
  void aReusedReferenceWithDifferentFieldsIsAnErrorNeverTheOlderCharge() {
    String ref = ref();
    Payment older = asaas.payments().create(request(ref));
    PaymentRequest second = request(ref).toBuilder().value(Money.of("20.00")).build();
    assertThatThrownBy(() -> asaas.payments().create(second))
        .isInstanceOfSatisfying(AsaasConflictException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
          assertThat(e.existingIds()).containsExactly(older.id());
        });

    // a client that never saw the first create posts, the connection drops: reconciliation
    // sees only the older, different charge and never returns it
    AsaasClient fresh = Sim.client();
    Sim.SIM.faults().dropConnectionBeforeCommit("POST", "/payments", 1);
    assertThatThrownBy(() -> fresh.payments().create(second))
        .isInstanceOfSatisfying(AsaasOutcomeUnknownException.class, e -> assertThat(e.conflictingIds()).containsExactly(older.id()));
    assertThatThrownBy(() -> fresh.payments().reconcile(second)).isInstanceOf(AsaasConflictException.class);

    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/payments", 1);
    PaymentRequest third = second.toBuilder().dueDate(TODAY.plusDays(9)).build();
    Payment created = Sim.client().payments().create(third);
    assertThat(created.id()).isNotEqualTo(older.id());
    assertThat(created.dueDate()).isEqualTo(TODAY.plusDays(9));
    assertThat(paymentsWith(ref)).isEqualTo(2);
  }

  @Test
  void aCardChargeSlowerThanTheReadTimeoutUsesTheCreateTimeout() {
    AsaasClient c = Sim.builder()
        .resilience(Sim.FAST.toBuilder().attemptTimeout(Duration.ofMillis(200)).build())
        .createTimeout(Duration.ofSeconds(20))
        .build();
    Sim.SIM.faults().cardProcessingDelay(Duration.ofMillis(800));
    long posts = Sim.SIM.requestCount("POST", "/payments/");
    long gets = Sim.SIM.requestCount("GET", "/payments");
    Payment p = c.payments().create(request(null).toBuilder().billingType(BillingType.CREDIT_CARD)
        .creditCard(new CreditCard("JOAO", "5162306219378829", "05", "2035", "318"))
        .creditCardHolderInfo(new CreditCardHolderInfo("João", "joao@example.com", "39053344705", "01310-100", "150", null, "1133334444", null))
        .remoteIp("203.0.113.7").build());
    assertThat(p.status()).isEqualTo(PaymentStatus.CONFIRMED);
    assertThat(Sim.SIM.requestCount("POST", "/payments/") - posts).isEqualTo(1);
    assertThat(Sim.SIM.requestCount("GET", "/payments") - gets).as("no look-up: the answer arrived in time").isZero();
  }

  @Test
  void concurrentCreatesWithOneReferenceMakeOneChargeAndAllGetIt() throws Exception {
    String ref = ref();
    Sim.SIM.faults().delayAfterCommit("POST", "/payments", 1, Duration.ofMillis(300));
    long posts = Sim.SIM.requestCount("POST", "/payments");
    Set<String> ids = runConcurrently(8, () -> asaas.payments().create(request(ref)).id());
    assertThat(ids).hasSize(1);
    assertThat(paymentsWith(ref)).isEqualTo(1);
    assertThat(Sim.SIM.requestCount("POST", "/payments") - posts).isEqualTo(1);
  }

  @Test
  void twoProcessesSharingALeaseCacheMakeOneCharge() throws Exception {
    try (Cache cache = Cache.open("mem://?namespace=leases-" + UUID.randomUUID())) {
      AsaasClient a = Sim.builder().createLeases(cache).build();
      AsaasClient b = Sim.builder().createLeases(cache).build();
      String ref = ref();
      Sim.SIM.faults().delayAfterCommit("POST", "/payments", 1, Duration.ofMillis(300));
      long posts = Sim.SIM.requestCount("POST", "/payments");
      List<AsaasClient> clients = List.of(a, b, a, b);
      Set<String> ids = runConcurrently(4, i -> clients.get(i).payments().create(request(ref)).id());
      assertThat(ids).hasSize(1);
      assertThat(paymentsWith(ref)).isEqualTo(1);
      assertThat(Sim.SIM.requestCount("POST", "/payments") - posts).isEqualTo(1);
    }
  }

  @Test
  void concurrentGetOrCreateForOneCpfMakesOneCustomer() throws Exception {
    String body = String.format("%09d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    String cpf = body + io.ysh.core.br.Cpf.checkDigits(body);
    Set<String> ids = runConcurrently(6, () -> asaas.customers().getOrCreate(CustomerRequest.builder().name("Par").cpfCnpj(cpf).build()).id());
    assertThat(ids).hasSize(1);
    assertThat(Sim.SIM.customers().stream().filter(c -> cpf.equals(c.path("cpfCnpj").asText()))).hasSize(1);
  }

  @Test
  void anIdenticalTransferWithinFifteenMinutesIsAConflictCarryingTheExistingId() {
    String key = "dup-" + UUID.randomUUID() + "@example.com";
    TransferRequest req = TransferRequest.builder().value(Money.of("2.50")).pixAddressKey(key).pixAddressKeyType(PixKeyType.EMAIL).build();
    Transfer first = asaas.transfers().create(req);
    assertThatThrownBy(() -> asaas.transfers().create(req))
        .isInstanceOfSatisfying(AsaasConflictException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
          assertThat(e.existingIds()).containsExactly(first.id());
        });
  }

  @Test
  void aTransferRepostedLaterIsAnsweredWithTheOneAsaasAlreadyHas() {
    String key = "late-" + UUID.randomUUID() + "@example.com";
    String ref = ref();
    TransferRequest req = TransferRequest.builder().value(Money.of("3.10")).pixAddressKey(key).pixAddressKeyType(PixKeyType.EMAIL)
        .externalReference(ref).build();
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/transfers", 1).failNext("GET", "/transfers", 100_000, 503);
    try {
      assertThatThrownBy(() -> asaas.transfers().create(req)).isInstanceOf(AsaasOutcomeUnknownException.class);
    } finally {
      Sim.SIM.faults().clear();
    }
    // another process, which knows nothing, posts it again: Asaas answers 409, and it is ours
    Transfer t = Sim.client().transfers().create(req);
    assertThat(t.externalReference()).isEqualTo(ref);
    assertThat(Sim.SIM.transfers().stream().filter(n -> ref.equals(n.path("externalReference").asText(null)))).hasSize(1);
  }

  private static Set<String> runConcurrently(int n, Callable<String> call) throws Exception {
    return runConcurrently(n, i -> call.call());
  }

  private interface Indexed {
    String call(int i) throws Exception;
  }

  private static Set<String> runConcurrently(int n, Indexed call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          start.await();
          return call.call(index);
        }));
      }
      start.countDown();
      List<String> ids = new ArrayList<>();
      for (Future<String> f : futures) {
        ids.add(f.get(60, TimeUnit.SECONDS));
      }
      return ids.stream().collect(Collectors.toSet());
    } finally {
      pool.shutdownNow();
    }
  }

  // FailingSockets lives in its own file: the property test uses it too.
}
