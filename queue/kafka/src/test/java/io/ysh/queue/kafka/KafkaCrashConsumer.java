package io.ysh.queue.kafka;

import io.ysh.queue.conformance.CrashingConsumer;

/**
 * The consumer {@link KafkaCrashRecoveryTest} kills: a {@link CrashingConsumer} whose
 * subscription has a short session timeout, so that the group gives its partitions to the next
 * consumer seconds after the kill instead of the default 45 s.
 */
public final class KafkaCrashConsumer {

  private KafkaCrashConsumer() {}

  /**
   * Runs.
   *
   * @param args as {@link CrashingConsumer#main}
   */
  public static void main(String[] args) {
    CrashingConsumer.run(args, url -> KafkaCrashRecoveryTest.subscription(url, 0));
  }
}
