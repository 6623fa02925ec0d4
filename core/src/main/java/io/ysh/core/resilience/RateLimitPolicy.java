package io.ysh.core.resilience;

import io.ysh.core.Args;
import io.ysh.core.YshException;
import java.time.Duration;

/**
 * A client-side rate limit: at most {@code permits} calls per {@code period}; a call that
 * cannot get a permit within {@code maxWait} fails with {@code RATE_LIMITED} without reaching
 * the provider.
 *
 * @param permits calls allowed per period, at least 1
 * @param period the refresh period, positive
 * @param maxWait how long a call may wait for a permit, not negative
 */
public record RateLimitPolicy(int permits, Duration period, Duration maxWait) {

  /**
   * Validates the components.
   *
   * @param permits see the record component
   * @param period see the record component
   * @param maxWait see the record component
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} for out-of-range values
   */
  public RateLimitPolicy {
    Args.notNull(period, "period");
    Args.notNull(maxWait, "maxWait");
    if (permits < 1) {
      throw YshException.invalidArgument("permits must be at least 1");
    }
    if (period.isNegative() || period.isZero()) {
      throw YshException.invalidArgument("period must be positive");
    }
    if (maxWait.isNegative()) {
      throw YshException.invalidArgument("maxWait must not be negative");
    }
  }
}
