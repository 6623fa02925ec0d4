package io.ysh.queue.spi;

import java.util.HashSet;
import java.util.Set;

/** URL parameters every queue driver accepts. */
public final class QueueUrls {

  /**
   * Parameters read by the portable layer or shared by all drivers: {@code maxAttempts}
   * (dead-letter after that many deliveries), {@code deadLetter} (the dead-letter destination's
   * name), {@code nackDelay} (base of the exponential nack backoff), {@code ackDeadline}
   * (visibility timeout, for providers that have one).
   */
  public static final Set<String> PORTABLE_PARAMS = Set.of("maxAttempts", "deadLetter", "nackDelay", "ackDeadline");

  private QueueUrls() {}

  /**
   * The portable parameters plus a driver's own.
   *
   * @param driverParams the driver's parameter names
   * @return the union
   */
  public static Set<String> known(String... driverParams) {
    Set<String> s = new HashSet<>(PORTABLE_PARAMS);
    s.addAll(Set.of(driverParams));
    return s;
  }
}
