package io.ysh.core.resilience;

import io.ysh.core.Args;
import io.ysh.core.YshException;
import java.time.Duration;

/**
 * How often and how patiently to retry a failed idempotent call: exponential backoff with
 * full jitter (each wait is uniformly random between zero and
 * {@code min(maxBackoff, initialBackoff × multiplier^(attempt−1))}), as recommended by the AWS
 * architecture blog's "Exponential Backoff And Jitter". A provider's own wait hint
 * ({@link io.ysh.core.YshException#retryAfter()}) is honoured as a lower bound.
 *
 * @param maxAttempts total attempts including the first, at least 1 (1 = no retry)
 * @param initialBackoff the cap of the first wait, positive
 * @param maxBackoff the cap of any wait, at least {@code initialBackoff}
 * @param multiplier the growth of the cap per attempt, at least 1
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

  private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), 1);

  /**
   * Validates the components.
   *
   * @param maxAttempts see the record component
   * @param initialBackoff see the record component
   * @param maxBackoff see the record component
   * @param multiplier see the record component
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} for out-of-range values
   */
  public RetryPolicy {
    Args.notNull(initialBackoff, "initialBackoff");
    Args.notNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw YshException.invalidArgument("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw YshException.invalidArgument("initialBackoff must be positive");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw YshException.invalidArgument("maxBackoff must be at least initialBackoff");
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw YshException.invalidArgument("multiplier must be a finite number of at least 1");
    }
  }

  /**
   * No retries: one attempt.
   *
   * @return the policy
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Exponential backoff with full jitter, doubling from {@code initialBackoff}.
   *
   * @param maxAttempts total attempts including the first
   * @param initialBackoff the cap of the first wait
   * @param maxBackoff the cap of any wait
   * @return the policy
   */
  public static RetryPolicy exponential(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, 2.0);
  }

  /**
   * The cap of the wait before the given retry, before jitter.
   *
   * @param retry 1 for the wait after the first failure, 2 after the second, …
   * @return the cap, never above {@code maxBackoff}
   */
  public Duration backoffCap(int retry) {
    double nanos = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, retry - 1));
    long cap = maxBackoff.toNanos();
    return Duration.ofNanos(nanos >= cap ? cap : (long) nanos);
  }
}
