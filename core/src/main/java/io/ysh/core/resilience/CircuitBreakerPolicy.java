package io.ysh.core.resilience;

import io.ysh.core.Args;
import io.ysh.core.YshException;
import java.time.Duration;

/**
 * When to stop calling a failing provider for a while. Counts only failures that say the
 * provider is in trouble ({@code UNAVAILABLE}, {@code TIMEOUT}, {@code INTERNAL},
 * {@code UNKNOWN}); a {@code NOT_FOUND} or an invalid argument is the caller's problem and
 * never opens the circuit.
 *
 * @param failureRateThreshold percentage of failed calls (1..100) that opens the circuit
 * @param slidingWindowSize the number of most recent calls the rate is computed over
 * @param minimumCalls calls needed in the window before the rate is judged
 * @param openDuration how long the circuit stays open before letting trial calls through
 * @param halfOpenCalls trial calls allowed while half open
 */
public record CircuitBreakerPolicy(
    float failureRateThreshold, int slidingWindowSize, int minimumCalls, Duration openDuration, int halfOpenCalls) {

  /**
   * Validates the components.
   *
   * @param failureRateThreshold see the record component
   * @param slidingWindowSize see the record component
   * @param minimumCalls see the record component
   * @param openDuration see the record component
   * @param halfOpenCalls see the record component
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} for out-of-range values
   */
  public CircuitBreakerPolicy {
    Args.notNull(openDuration, "openDuration");
    if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
      throw YshException.invalidArgument("failureRateThreshold must be in (0, 100]");
    }
    if (slidingWindowSize < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
      throw YshException.invalidArgument("window, minimum calls and half-open calls must be at least 1");
    }
    if (openDuration.isNegative() || openDuration.isZero()) {
      throw YshException.invalidArgument("openDuration must be positive");
    }
  }

  /**
   * Opens at 50% failures over the last 20 calls (judged after 10), for 30 seconds, then
   * lets 3 trial calls through.
   *
   * @return the policy
   */
  public static CircuitBreakerPolicy defaults() {
    return new CircuitBreakerPolicy(50, 20, 10, Duration.ofSeconds(30), 3);
  }
}
