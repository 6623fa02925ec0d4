package io.ysh.queue.pubsub;

import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import java.time.Duration;
import java.util.Set;

/**
 * Pub/Sub's quotas and resource limits (cloud.google.com/pubsub/quotas), declared as the
 * driver's {@link QueueCapabilities}: the portable {@link io.ysh.queue.Topic} checks every
 * message against them (the reserved {@code goog} attribute prefix and the ordering key length
 * included) before the driver sends anything. Pure: no I/O.
 */
final class PubSubLimits {

  /** Most messages in one Publish request. */
  static final int MAX_BATCH_MESSAGES = 1000;
  /** Most bytes in one Publish request (10 MB). */
  static final long MAX_REQUEST_BYTES = 10_000_000L;
  /**
   * Headroom for what a request carries besides the portable {@link Message#encodedSize()}: the
   * topic name (at most ~330 bytes) and protobuf framing (a few bytes per field and attribute).
   */
  static final int REQUEST_OVERHEAD = 4096;
  /** The largest message the portable layer lets through: one alone must fit in a request. */
  static final int MAX_MESSAGE_BYTES = (int) (MAX_REQUEST_BYTES - REQUEST_OVERHEAD);
  /** Most attributes per message. */
  static final int MAX_ATTRIBUTES = 100;
  /** Longest attribute key, in UTF-8 bytes. */
  static final int MAX_ATTRIBUTE_KEY_BYTES = 256;
  /** Longest attribute value, in UTF-8 bytes. */
  static final int MAX_ATTRIBUTE_VALUE_BYTES = 1024;
  /** Attribute keys starting with this, in any case, are Pub/Sub's own. */
  static final String RESERVED_ATTRIBUTE_PREFIX = "goog";
  /** Longest ordering key, in UTF-8 bytes. */
  static final int MAX_ORDERING_KEY_BYTES = 1024;
  /** Longest ack deadline (and so nack delay and deadline extension) one call can set. */
  static final Duration MAX_ACK_DEADLINE = Duration.ofSeconds(600);
  /** Shortest ack deadline a subscription can be created with. */
  static final Duration MIN_SUBSCRIPTION_ACK_DEADLINE = Duration.ofSeconds(10);

  private PubSubLimits() {}

  /**
   * The capabilities of a driver whose publish requests carry at most the given amounts.
   *
   * @param maxBatchMessages 1 to 1000
   * @param maxBatchBytes 1 to 10 MB
   * @return the capabilities
   */
  static QueueCapabilities capabilities(int maxBatchMessages, long maxBatchBytes) {
    return QueueCapabilities.builder()
        .maxMessageBytes(MAX_MESSAGE_BYTES)
        .maxBatchMessages(maxBatchMessages)
        .maxBatchBytes(maxBatchBytes)
        .maxAttributes(MAX_ATTRIBUTES)
        .maxAttributeNameLength(MAX_ATTRIBUTE_KEY_BYTES)
        .maxAttributeValueBytes(MAX_ATTRIBUTE_VALUE_BYTES)
        .reservedAttributePrefixes(Set.of(RESERVED_ATTRIBUTE_PREFIX))
        .emptyBodyAllowed(false) // Pub/Sub rejects a message with neither data nor attributes
        .orderingKeys(true)
        .maxOrderingKeyBytes(MAX_ORDERING_KEY_BYTES)
        .deduplication(false)
        .extendDeadline(true)
        .maxNackDelay(MAX_ACK_DEADLINE)
        .nativeDeadLetter(false)
        .build();
  }

  /** The default capabilities: full-size requests. */
  static final QueueCapabilities DEFAULT = capabilities(MAX_BATCH_MESSAGES, MAX_MESSAGE_BYTES);

  /**
   * Whole seconds for an ack-deadline change: rounded up, within 0 to 600.
   *
   * @param d the duration
   * @return the seconds
   */
  static int deadlineSeconds(Duration d) {
    if (d.isNegative() || d.isZero()) {
      return 0;
    }
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return (int) Math.min(MAX_ACK_DEADLINE.getSeconds(), s);
  }

}
