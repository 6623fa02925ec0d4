package io.ysh.core.resilience;

import io.ysh.core.Args;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs calls under a {@link ResiliencePolicy}: rate limiter, bulkhead and circuit breaker
 * (Resilience4j) around every attempt, and retries with exponential backoff and full jitter
 * around the whole, bounded by the policy's total timeout.
 *
 * <p>Create one per client and share it: the circuit breaker, rate limiter and bulkhead keep
 * state across calls. Retries happen only when the caller says the call is idempotent and the
 * failure is {@linkplain YshException#isRetryable() retryable}; the decision reads the portable
 * error code, never a provider exception. Failures that the policy itself produces (circuit
 * open, no permit, bulkhead full) are {@link YshException}s too, and never reach the provider.
 *
 * <p>Thread-safe.
 */
public final class Resilience {

  /** Sleeps between attempts; replaced in tests. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final String name;
  private final ResiliencePolicy policy;
  private final CircuitBreaker circuitBreaker;
  private final RateLimiter rateLimiter;
  private final Bulkhead bulkhead;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final DoubleSupplier random;

  Resilience(String name, ResiliencePolicy policy, Sleeper sleeper, LongSupplier nanoTime, DoubleSupplier random) {
    this.name = Args.notEmpty(name, "name");
    this.policy = Args.notNull(policy, "policy");
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.random = random;
    this.circuitBreaker = policy.circuitBreaker().map(p -> circuitBreaker(name, p)).orElse(null);
    this.rateLimiter = policy.rateLimit().map(p -> rateLimiter(name, p)).orElse(null);
    this.bulkhead = policy.bulkhead().map(p -> bulkhead(name, p)).orElse(null);
  }

  /**
   * Creates the executor for one client.
   *
   * @param name the client's name, used in messages and as the Resilience4j instance name
   * @param policy the policy
   * @return the executor
   */
  public static Resilience create(String name, ResiliencePolicy policy) {
    return new Resilience(
        name,
        policy,
        d -> TimeUnit.NANOSECONDS.sleep(d.toNanos()),
        System::nanoTime,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * Runs a call.
   *
   * @param <T> the result type
   * @param idempotent whether the call may be repeated safely; only then is it retried
   * @param attempt one attempt at the call; it should throw {@link YshException}s (other
   *     runtime exceptions are classified by {@link Errors#classify(Throwable)})
   * @return the result of the first successful attempt
   * @throws YshException the last attempt's failure, or the policy's own refusal
   */
  public <T> T call(boolean idempotent, Supplier<T> attempt) {
    Args.notNull(attempt, "attempt");
    RetryPolicy retry = policy.retry();
    long deadline = nanoTime.getAsLong() + policy.totalTimeout().toNanos();
    for (int n = 1; ; n++) {
      try {
        return once(attempt);
      } catch (YshException e) {
        if (!idempotent || !e.isRetryable() || n >= retry.maxAttempts()) {
          throw e;
        }
        Duration wait = backoff(retry, n, e);
        if (nanoTime.getAsLong() + wait.toNanos() >= deadline) {
          throw e;
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw YshException.builder(ErrorCode.CANCELLED)
              .detail("interrupted while waiting to retry after: " + e.getMessage())
              .cause(e)
              .build();
        }
      }
    }
  }

  /**
   * Runs a call that returns nothing.
   *
   * @param idempotent whether the call may be repeated safely
   * @param attempt one attempt at the call
   * @throws YshException as {@link #call(boolean, Supplier)}
   */
  public void run(boolean idempotent, Runnable attempt) {
    Args.notNull(attempt, "attempt");
    call(
        idempotent,
        () -> {
          attempt.run();
          return null;
        });
  }

  private Duration backoff(RetryPolicy retry, int retryNumber, YshException e) {
    long cap = retry.backoffCap(retryNumber).toNanos();
    long jittered = (long) (random.getAsDouble() * cap);
    Optional<Duration> hint = e.retryAfter();
    return hint.map(h -> h.plusNanos(jittered)).orElse(Duration.ofNanos(jittered));
  }

  private <T> T once(Supplier<T> attempt) {
    if (rateLimiter != null && !rateLimiter.acquirePermission()) {
      throw YshException.builder(ErrorCode.RATE_LIMITED)
          .retryable(false)
          .detail("client-side rate limit of '" + name + "' reached (" + policy.rateLimit().orElseThrow() + ")")
          .build();
    }
    if (bulkhead != null) {
      try {
        bulkhead.acquirePermission();
      } catch (BulkheadFullException full) {
        throw YshException.builder(ErrorCode.RATE_LIMITED)
          .retryable(false)
          .detail(
              "too many concurrent calls through '"
                  + name
                  + "' (limit "
                  + policy.bulkhead().orElseThrow().maxConcurrentCalls()
                  + ")")
          .cause(full)
          .build();
      }
    }
    try {
      if (circuitBreaker == null) {
        return invoke(attempt);
      }
      try {
        circuitBreaker.acquirePermission();
      } catch (CallNotPermittedException open) {
        throw YshException.builder(ErrorCode.UNAVAILABLE)
            .retryable(false)
            .detail(
                "circuit breaker of '"
                    + name
                    + "' is open after repeated provider failures; calls resume after "
                    + policy.circuitBreaker().orElseThrow().openDuration())
            .cause(open)
            .build();
      }
      long start = nanoTime.getAsLong();
      try {
        T result = invoke(attempt);
        circuitBreaker.onSuccess(nanoTime.getAsLong() - start, TimeUnit.NANOSECONDS);
        return result;
      } catch (YshException e) {
        circuitBreaker.onError(nanoTime.getAsLong() - start, TimeUnit.NANOSECONDS, e);
        throw e;
      }
    } finally {
      if (bulkhead != null) {
        bulkhead.onComplete();
      }
    }
  }

  private static <T> T invoke(Supplier<T> attempt) {
    try {
      return attempt.get();
    } catch (YshException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Errors.classify(e);
    }
  }

  /**
   * The policy this executor applies.
   *
   * @return the policy
   */
  public ResiliencePolicy policy() {
    return policy;
  }

  /**
   * The Resilience4j circuit breaker, for binding its metrics or reading its state.
   *
   * @return the circuit breaker, if the policy has one
   */
  public Optional<CircuitBreaker> circuitBreaker() {
    return Optional.ofNullable(circuitBreaker);
  }

  private static boolean providerFault(Throwable t) {
    if (!(t instanceof YshException e)) {
      return true;
    }
    return switch (e.code()) {
      case UNAVAILABLE, TIMEOUT, INTERNAL, UNKNOWN -> true;
      default -> false;
    };
  }

  private static CircuitBreaker circuitBreaker(String name, CircuitBreakerPolicy p) {
    return CircuitBreaker.of(
        name,
        CircuitBreakerConfig.custom()
            .failureRateThreshold(p.failureRateThreshold())
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(p.slidingWindowSize())
            .minimumNumberOfCalls(p.minimumCalls())
            .waitDurationInOpenState(p.openDuration())
            .permittedNumberOfCallsInHalfOpenState(p.halfOpenCalls())
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .recordException(Resilience::providerFault)
            .build());
  }

  private static RateLimiter rateLimiter(String name, RateLimitPolicy p) {
    return RateLimiter.of(
        name,
        RateLimiterConfig.custom()
            .limitForPeriod(p.permits())
            .limitRefreshPeriod(p.period())
            .timeoutDuration(p.maxWait())
            .build());
  }

  private static Bulkhead bulkhead(String name, BulkheadPolicy p) {
    return Bulkhead.of(
        name,
        BulkheadConfig.custom()
            .maxConcurrentCalls(p.maxConcurrentCalls())
            .maxWaitDuration(p.maxWait())
            .build());
  }

  @Override
  public String toString() {
    return "Resilience[" + name + ", " + policy + "]";
  }
}
