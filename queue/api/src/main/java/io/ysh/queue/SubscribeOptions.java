package io.ysh.queue;

import io.ysh.core.Args;
import io.ysh.core.YshException;
import java.time.Duration;

/**
 * How a push subscription runs handlers.
 *
 * @param maxConcurrency how many handlers run at once
 * @param maxInFlight how many messages may be received and not yet settled (running or waiting for
 *     a handler); at least {@code maxConcurrency}
 * @param drainTimeout how long {@link Subscriber#close()} lets running handlers finish before it
 *     interrupts them and nacks their messages
 * @param pollWait how long one receive call waits for messages
 */
public record SubscribeOptions(int maxConcurrency, int maxInFlight, Duration drainTimeout, Duration pollWait) {

  /**
   * Checks the options.
   *
   * @param maxConcurrency see the record's description
   * @param maxInFlight see the record's description
   * @param drainTimeout see the record's description
   * @param pollWait see the record's description
   * @throws YshException {@code INVALID_ARGUMENT} for a non-positive concurrency, an in-flight
   *     limit below it, or a negative duration
   */
  public SubscribeOptions {
    Args.notNull(drainTimeout, "drainTimeout");
    Args.notNull(pollWait, "pollWait");
    if (maxConcurrency < 1 || maxInFlight < maxConcurrency) {
      throw YshException.invalidArgument("need maxConcurrency >= 1 and maxInFlight >= maxConcurrency");
    }
    if (drainTimeout.isNegative() || pollWait.isNegative()) {
      throw YshException.invalidArgument("durations must not be negative");
    }
  }

  /**
   * 4 handlers, 8 messages in flight, 30 s drain, 1 s poll.
   *
   * @return the defaults
   */
  public static SubscribeOptions defaults() {
    return new SubscribeOptions(4, 8, Duration.ofSeconds(30), Duration.ofSeconds(1));
  }

  /**
   * A copy with another concurrency; the in-flight limit is raised to at least twice it.
   *
   * @param n the concurrency
   * @return the options
   */
  public SubscribeOptions withMaxConcurrency(int n) {
    return new SubscribeOptions(n, Math.max(maxInFlight, 2 * n), drainTimeout, pollWait);
  }

  /**
   * A copy with another in-flight limit.
   *
   * @param n the limit
   * @return the options
   */
  public SubscribeOptions withMaxInFlight(int n) {
    return new SubscribeOptions(maxConcurrency, n, drainTimeout, pollWait);
  }

  /**
   * A copy with another drain timeout.
   *
   * @param d the timeout
   * @return the options
   */
  public SubscribeOptions withDrainTimeout(Duration d) {
    return new SubscribeOptions(maxConcurrency, maxInFlight, d, pollWait);
  }

  /**
   * A copy with another poll wait.
   *
   * @param d the wait
   * @return the options
   */
  public SubscribeOptions withPollWait(Duration d) {
    return new SubscribeOptions(maxConcurrency, maxInFlight, drainTimeout, d);
  }
}
