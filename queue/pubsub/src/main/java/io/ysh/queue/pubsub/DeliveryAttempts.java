package io.ysh.queue.pubsub;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts deliveries per message where Pub/Sub does not: it reports a delivery attempt only on
 * subscriptions with a dead-letter policy. Shared by every driver of the same subscription in
 * this JVM, so a message given back by one consumer and pulled by the next counts on. Other
 * processes keep their own counts: a message redelivered to another process starts there at 1
 * (documented in the README). Each subscription remembers at most {@link #MAX_TRACKED} messages,
 * least recently delivered forgotten first.
 */
final class DeliveryAttempts {

  static final int MAX_TRACKED = 100_000;

  private static final Map<String, DeliveryAttempts> BY_SUBSCRIPTION = new ConcurrentHashMap<>();

  private final Map<String, Integer> counts =
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  static DeliveryAttempts of(String subscription) {
    return BY_SUBSCRIPTION.computeIfAbsent(subscription, s -> new DeliveryAttempts());
  }

  /**
   * Records one more delivery of a message.
   *
   * @param messageId the Pub/Sub message id
   * @return the deliveries counted so far, including this one
   */
  synchronized int delivered(String messageId) {
    return counts.merge(messageId, 1, Integer::sum);
  }

  /**
   * Forgets a message (acked, or dead-lettered).
   *
   * @param messageId the Pub/Sub message id
   */
  synchronized void settled(String messageId) {
    counts.remove(messageId);
  }

  synchronized int tracked() {
    return counts.size();
  }
}
