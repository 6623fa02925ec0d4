package io.ysh.core.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * A cap on concurrent calls (for example the 50 concurrent GETs Asaas allows): a call that
 * cannot enter within {@code maxWait} fails with {@code RATE_LIMITED} without reaching the
 * provider.
 *
 * @param maxConcurrentCalls calls allowed in flight at once, at least 1
 * @param maxWait how long a call may wait to enter, not negative
 */
public record BulkheadPolicy(int maxConcurrentCalls, Duration maxWait) {

  /**
   * Validates the components.
   *
   * @param maxConcurrentCalls see the record component
   * @param maxWait see the record component
   * @throws IllegalArgumentException for out-of-range values
   */
  public BulkheadPolicy {
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxConcurrentCalls < 1) {
      throw new IllegalArgumentException("maxConcurrentCalls must be at least 1");
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must not be negative");
    }
  }
}
