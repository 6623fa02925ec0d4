package io.ysh.core.resilience;

import io.ysh.core.Args;
import io.ysh.core.YshException;
import java.time.Duration;

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
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} for out-of-range values
   */
  public BulkheadPolicy {
    Args.notNull(maxWait, "maxWait");
    if (maxConcurrentCalls < 1) {
      throw YshException.invalidArgument("maxConcurrentCalls must be at least 1");
    }
    if (maxWait.isNegative()) {
      throw YshException.invalidArgument("maxWait must not be negative");
    }
  }
}
