package io.ysh.queue.pubsub;

import io.ysh.core.YshException;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Pub/Sub's quotas and resource limits (cloud.google.com/pubsub/quotas), as capabilities for the
 * portable layer and as the checks it cannot make itself (reserved {@code goog} attribute
 * prefix, ordering key length). Pure: no I/O.
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
        .emptyBodyAllowed(false) // Pub/Sub rejects a message with neither data nor attributes
        .orderingKeys(true)
        .deduplication(false)
        .extendDeadline(true)
        .maxNackDelay(MAX_ACK_DEADLINE)
        .nativeDeadLetter(false)
        .build();
  }

  /** The default capabilities: full-size requests. */
  static final QueueCapabilities DEFAULT = capabilities(MAX_BATCH_MESSAGES, MAX_MESSAGE_BYTES);

  /**
   * Checks a batch against the limits Pub/Sub enforces, every message before anything is sent.
   * Repeats the portable layer's size and attribute checks (a driver may be used directly) and
   * adds Pub/Sub's own: attribute keys must not start with {@code goog}, ordering keys are at most
   * 1024 bytes, and a message must carry data or attributes.
   *
   * @param batch the messages
   * @throws YshException {@code INVALID_ARGUMENT} naming the first violation
   */
  static void check(List<Message> batch) {
    for (int i = 0; i < batch.size(); i++) {
      String problem = problem(batch.get(i));
      if (problem != null) {
        throw YshException.builder(io.ysh.core.ErrorCode.INVALID_ARGUMENT)
            .operation("queue.publish")
            .provider(PubSubQueueProvider.PROVIDER)
            .detail((batch.size() > 1 ? "message " + i + " of the batch: " : "") + problem + " (nothing of the batch was sent)")
            .build();
      }
    }
  }

  /**
   * What is wrong with a message for Pub/Sub, or null.
   *
   * @param m the message
   * @return the problem, or null when the message is acceptable
   */
  static String problem(Message m) {
    if (m.bodySize() == 0 && m.attributes().isEmpty()) {
      return "Pub/Sub rejects a message with an empty body and no attributes";
    }
    if (m.attributes().size() > MAX_ATTRIBUTES) {
      return "message has " + m.attributes().size() + " attributes; Pub/Sub allows at most " + MAX_ATTRIBUTES;
    }
    for (Map.Entry<String, String> e : m.attributes().entrySet()) {
      String key = e.getKey();
      int keyBytes = utf8(key);
      if (keyBytes == 0) {
        return "attribute keys must not be empty";
      }
      if (keyBytes > MAX_ATTRIBUTE_KEY_BYTES) {
        return "attribute key of " + keyBytes + " bytes exceeds Pub/Sub's limit of " + MAX_ATTRIBUTE_KEY_BYTES;
      }
      if (key.regionMatches(true, 0, "goog", 0, 4)) {
        return "attribute keys starting with 'goog' are reserved by Pub/Sub";
      }
      int valueBytes = utf8(e.getValue());
      if (valueBytes > MAX_ATTRIBUTE_VALUE_BYTES) {
        return "attribute '" + key + "' value of " + valueBytes + " bytes exceeds Pub/Sub's limit of " + MAX_ATTRIBUTE_VALUE_BYTES;
      }
    }
    if (m.orderingKey().isPresent()) {
      int keyBytes = utf8(m.orderingKey().get());
      if (keyBytes > MAX_ORDERING_KEY_BYTES) {
        return "ordering key of " + keyBytes + " bytes exceeds Pub/Sub's limit of " + MAX_ORDERING_KEY_BYTES;
      }
    }
    if (m.deduplicationId().isPresent()) {
      return "Pub/Sub has no deduplication ids";
    }
    int size = m.encodedSize();
    if (size > MAX_MESSAGE_BYTES) {
      return "message of " + size + " bytes (body and attributes) exceeds the Pub/Sub limit of " + MAX_MESSAGE_BYTES + " bytes";
    }
    return null;
  }

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

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
