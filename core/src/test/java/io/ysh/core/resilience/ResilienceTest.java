package io.ysh.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Policy mechanics with a virtual clock; {@link ResilienceHttpFaultTest} covers real network faults. */
class ResilienceTest {

  private final AtomicLong now = new AtomicLong();
  private final List<Duration> sleeps = new ArrayList<>();

  private Resilience resilience(ResiliencePolicy policy, double random) {
    return new Resilience(
        "test",
        policy,
        d -> {
          sleeps.add(d);
          now.addAndGet(d.toNanos());
        },
        now::get,
        () -> random);
  }

  private static ResiliencePolicy retries(int attempts) {
    return ResiliencePolicy.builder()
        .totalTimeout(Duration.ofMinutes(5))
        .retry(RetryPolicy.exponential(attempts, Duration.ofMillis(100), Duration.ofSeconds(1)))
        .build();
  }

  @Test
  void retriesRetryableFailuresOfIdempotentCalls() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        resilience(retries(4), 0.999)
            .call(
                true,
                () -> {
                  if (calls.incrementAndGet() < 4) {
                    throw YshException.of(ErrorCode.UNAVAILABLE, "503");
                  }
                  return "ok";
                });
    assertThat(result).isEqualTo("ok");
    assertThat(calls).hasValue(4);
    // full jitter near its cap: ~100ms, ~200ms, ~400ms
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
    assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
  }

  @Test
  void fullJitterCanWaitAnywhereFromZeroToTheCap() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                resilience(retries(3), 0.0)
                    .call(
                        true,
                        () -> {
                          calls.incrementAndGet();
                          throw YshException.of(ErrorCode.TIMEOUT, "slow");
                        }))
        .hasMessageContaining("slow");
    assertThat(calls).hasValue(3);
    assertThat(sleeps).containsOnly(Duration.ZERO);
  }

  @Test
  void neverRetriesNonIdempotentCalls() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                resilience(retries(5), 0.5)
                    .call(
                        false,
                        () -> {
                          calls.incrementAndGet();
                          throw YshException.of(ErrorCode.UNAVAILABLE, "reset after commit?");
                        }))
        .isInstanceOf(YshException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void neverRetriesNonRetryableCodes() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                resilience(retries(5), 0.5)
                    .call(
                        true,
                        () -> {
                          calls.incrementAndGet();
                          throw YshException.of(ErrorCode.NOT_FOUND, "nope");
                        }))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThat(calls).hasValue(1);
  }

  @Test
  void honoursTheProvidersRetryAfterAsALowerBound() {
    AtomicInteger calls = new AtomicInteger();
    resilience(retries(2), 0.5)
        .call(
            true,
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw YshException.builder(ErrorCode.RATE_LIMITED).retryAfter(Duration.ofSeconds(7)).build();
              }
              return 1;
            });
    assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7100)));
  }

  @Test
  void stopsRetryingAtTheTotalTimeout() {
    ResiliencePolicy policy =
        ResiliencePolicy.builder()
            .attemptTimeout(Duration.ofMillis(500))
            .totalTimeout(Duration.ofSeconds(1))
            .retry(RetryPolicy.exponential(100, Duration.ofMillis(400), Duration.ofMillis(400)))
            .build();
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                resilience(policy, 0.999)
                    .call(
                        true,
                        () -> {
                          calls.incrementAndGet();
                          throw YshException.of(ErrorCode.UNAVAILABLE, "down");
                        }))
        .isInstanceOf(YshException.class);
    assertThat(calls).hasValue(3);
    assertThat(Duration.ofNanos(now.get())).isLessThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void circuitOpensOnProviderFaultsButNotOnCallerErrors() {
    ResiliencePolicy policy =
        ResiliencePolicy.builder()
            .circuitBreaker(new CircuitBreakerPolicy(50, 4, 4, Duration.ofSeconds(30), 1))
            .build();
    Resilience r = resilience(policy, 0.5);
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> r.call(true, () -> { throw YshException.of(ErrorCode.NOT_FOUND, "x"); }));
    }
    assertThat(r.circuitBreaker().orElseThrow().getState().name()).isEqualTo("CLOSED");
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> r.call(true, () -> { throw YshException.of(ErrorCode.UNAVAILABLE, "503"); }));
    }
    AtomicInteger reached = new AtomicInteger();
    assertThatThrownBy(() -> r.call(true, reached::incrementAndGet))
        .isInstanceOfSatisfying(
            YshException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
              assertThat(e.isRetryable()).isFalse();
            })
        .hasMessageContaining("circuit breaker of 'test' is open");
    assertThat(reached).hasValue(0);
  }

  @Test
  void rateLimiterRefusesBeyondItsPermits() {
    ResiliencePolicy policy =
        ResiliencePolicy.builder().rateLimit(new RateLimitPolicy(2, Duration.ofHours(1), Duration.ZERO)).build();
    Resilience r = Resilience.create("limited", policy);
    r.call(true, () -> 1);
    r.call(true, () -> 2);
    assertThatThrownBy(() -> r.call(true, () -> 3))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED))
        .hasMessageContaining("rate limit of 'limited'");
  }

  @Test
  void bulkheadCapsConcurrentCalls() throws Exception {
    ResiliencePolicy policy =
        ResiliencePolicy.builder().bulkhead(new BulkheadPolicy(2, Duration.ZERO)).build();
    Resilience r = Resilience.create("bulk", policy);
    CountDownLatch inside = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> running = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        running.add(
            pool.submit(
                () ->
                    r.call(
                        true,
                        () -> {
                          inside.countDown();
                          try {
                            release.await(10, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return 1;
                        })));
      }
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> r.call(true, () -> 3))
          .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED))
          .hasMessageContaining("limit 2");
      release.countDown();
      for (Future<Integer> f : running) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      }
      assertThat(r.call(true, () -> 4)).isEqualTo(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void policiesRejectNonsense() {
    assertThatThrownBy(() -> RetryPolicy.exponential(0, Duration.ofMillis(1), Duration.ofMillis(1)))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(
            () -> ResiliencePolicy.builder().attemptTimeout(Duration.ofSeconds(5)).totalTimeout(Duration.ofSeconds(1)).build())
        .hasMessageContaining("must not exceed totalTimeout");
    assertThat(ResiliencePolicy.defaults().toBuilder().build()).isEqualTo(ResiliencePolicy.defaults());
    assertThat(RetryPolicy.exponential(10, Duration.ofMillis(100), Duration.ofSeconds(1)).backoffCap(20))
        .isEqualTo(Duration.ofSeconds(1));
  }
}
