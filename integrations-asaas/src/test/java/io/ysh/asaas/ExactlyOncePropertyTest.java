package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.ysh.cache.Cache;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.testkit.asaas.AsaasSimulator;
import io.ysh.testkit.asaas.SimulatorFaults;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever sequence of faults hits a payment create (late commits while the
 * connection hangs or after it dropped, drops after commit, 5xx after commit, 5xx and drops
 * before commit, connections refused before the request was written, failing look-ups) and
 * whether one caller or two concurrent callers (in one client, or in two "processes" sharing a
 * lease cache) create it, at most one charge is ever committed for the logical create, and every
 * caller either got that charge back or an {@link AsaasOutcomeUnknownException} carrying the
 * reference: never a plain failure for a committed charge, never a second charge.
 *
 * <p>Timings are scaled down through the builder (100 ms create timeout, 250 ms settle window)
 * so 200 sequences run in CI time; the assertion is the same as at 60 s and 90 s. Late commits
 * land before the timeout, inside the settle window, or after it; the property waits until the
 * simulator is idle (every late commit landed) before counting.
 */
class ExactlyOncePropertyTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
  private static final Duration CREATE_TIMEOUT = Duration.ofMillis(100);
  private static final Duration SETTLE = Duration.ofMillis(250);
  private static final Duration[] LATE = {Duration.ofMillis(20), Duration.ofMillis(180), Duration.ofMillis(500)};
  private static final int FAULT_KINDS = 10;

  private static AsaasSimulator sim;
  private static FailingSockets sockets;
  private static AsaasClient one;
  private static Cache leases;
  private static AsaasClient processA;
  private static AsaasClient processB;
  private static String customer;

  @BeforeAll
  static void start() {
    sim = AsaasSimulator.builder().strict(true).start();
    sockets = new FailingSockets();
    one = client(null);
    leases = Cache.open("mem://?namespace=property-" + UUID.randomUUID());
    processA = client(leases);
    processB = client(leases);
    customer = one.customers().create(CustomerRequest.builder().name("Prop").cpfCnpj("52998224725").build()).id();
  }

  @AfterAll
  static void stop() {
    leases.close();
    sim.close();
  }

  private static AsaasClient client(Cache cache) {
    AsaasClient.Builder b = AsaasClient.builder()
        .apiKey(Secret.of(sim.apiKey()))
        .baseUrl(sim.baseUrl())
        .logLevel(HttpLogLevel.NONE)
        .resilience(Sim.FAST)
        .createTimeout(CREATE_TIMEOUT)
        .settleWindow(SETTLE)
        .settleBackoff(Duration.ofMillis(10), Duration.ofMillis(60))
        .socketFactory(sockets);
    return (cache == null ? b : b.createLeases(cache)).build();
  }

  private static void inject(SimulatorFaults f, int kind, int late) {
    Duration d = LATE[late];
    switch (kind) {
      case 0 -> f.commitLateWhileHanging("POST", "/payments", 1, d);
      case 1 -> f.commitLateAfterDrop("POST", "/payments", 1, d);
      case 2 -> f.dropConnectionAfterCommit("POST", "/payments", 1);
      case 3 -> f.failAfterCommit("POST", "/payments", 1, 500 + late * 2);
      case 4 -> f.failNext("POST", "/payments", 1, 503);
      case 5 -> f.dropConnectionBeforeCommit("POST", "/payments", 1);
      case 6 -> sockets.refuseNextConnects(1);
      case 7 -> f.failNext("GET", "/payments", 1 + late, 503);
      case 8 -> f.dropConnectionAfterCommit("GET", "/payments", 1);
      default -> f.delayAfterCommit("POST", "/payments", 1, CREATE_TIMEOUT.plus(d));
    }
  }

  /** Who creates: 0 one caller, 1 two callers on one client, 2 two processes sharing the lease cache. */
  private static List<AsaasClient> callers(int mode) {
    return switch (mode) {
      case 0 -> List.of(one);
      case 1 -> List.of(one, one);
      default -> List.of(processA, processB);
    };
  }

  @Test
  void atMostOneChargeAndEveryCallerGetsItOrOutcomeUnknown() {
    qt().withExamples(200).withShrinkCycles(20)
        .forAll(lists().of(integers().between(0, FAULT_KINDS * LATE.length - 1)).ofSizeBetween(0, 4), integers().between(0, 2), booleans().all())
        .checkAssert((faults, mode, card) -> {
          sim.faults().clear();
          sockets.refuseNextConnects(0);
          faults.forEach(k -> inject(sim.faults(), k % FAULT_KINDS, k / FAULT_KINDS));
          String ref = "prop-" + UUID.randomUUID();
          PaymentRequest request = request(ref, card);
          List<AsaasClient> who = callers(mode);
          List<Object> outcomes = createConcurrently(who, request);
          sim.faults().clear();
          awaitIdle();
          List<String> stored = sim.payments().stream()
              .filter(p -> ref.equals(p.path("externalReference").asText(null)))
              .map(p -> p.get("id").asText()).toList();
          String why = "faults " + faults.stream().map(k -> (k % FAULT_KINDS) + "@" + LATE[k / FAULT_KINDS].toMillis()).toList()
              + ", callers " + mode + ", card " + card + ", outcomes " + outcomes;
          assertThat(stored).as("charges committed; %s", why).hasSizeLessThanOrEqualTo(1);
          for (Object o : outcomes) {
            if (o instanceof Payment p) {
              assertThat(stored).as("the returned charge is the committed one; %s", why).containsExactly(p.id());
            } else if (!stored.isEmpty()) {
              assertThat(o).as("a committed charge is never a plain failure; %s", why)
                  .isInstanceOfSatisfying(AsaasOutcomeUnknownException.class, e -> assertThat(e.externalReference()).contains(ref));
            }
          }
        });
  }

  private static PaymentRequest request(String ref, boolean card) {
    PaymentRequest.Builder b = PaymentRequest.builder().customer(customer).value(Money.of("1.00")).dueDate(TODAY).externalReference(ref);
    if (!card) {
      return b.billingType(BillingType.PIX).build();
    }
    return b.billingType(BillingType.CREDIT_CARD)
        .creditCard(new CreditCard("PROP", "5162306219378829", "05", "2035", "318"))
        .creditCardHolderInfo(new CreditCardHolderInfo("Prop", "prop@example.com", "52998224725", "01310-100", "1", null, "1133334444", null))
        .remoteIp("203.0.113.7")
        .build();
  }

  private static List<Object> createConcurrently(List<AsaasClient> who, PaymentRequest request) {
    ExecutorService pool = Executors.newFixedThreadPool(who.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (AsaasClient c : who) {
        futures.add(pool.submit(() -> {
          go.await();
          try {
            return (Object) c.payments().create(request);
          } catch (YshException e) {
            return e;
          }
        }));
      }
      go.countDown();
      List<Object> out = new ArrayList<>();
      for (Future<Object> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitIdle() {
    try {
      assertThat(sim.awaitIdle(Duration.ofSeconds(30))).as("simulator idle").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
