package io.ysh.queue;

import io.ysh.core.Args;
import io.ysh.core.YshException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * What a queue driver can do and its limits. {@link Topic} and {@link Subscription} validate
 * against these before anything is sent (drivers do not check again), and the conformance suite
 * checks every flag both ways: a claimed feature must work, an unclaimed one must fail with
 * {@code UNSUPPORTED}.
 *
 * @param maxMessageBytes the largest message ({@link Message#encodedSize()}) the provider accepts
 * @param maxBatchMessages the most messages one publish request may carry; {@link Topic#publishAll}
 *     splits larger lists
 * @param maxBatchBytes the most bytes ({@link Message#encodedSize()} summed) one publish request
 *     may carry
 * @param maxAttributes the most attributes one message may carry
 * @param maxAttributeNameLength the longest attribute name, in UTF-8 bytes
 * @param maxAttributeValueBytes the longest attribute value, in UTF-8 bytes
 * @param reservedAttributePrefixes attribute name prefixes the provider keeps for itself, compared
 *     ignoring case (Pub/Sub: {@code goog}); names starting with {@code x-ysh-} are always refused
 * @param emptyBodyAllowed whether a message with an empty body may be published
 * @param orderingKeys whether messages with the same ordering key are delivered in publish order
 *     (to one consumer, when none is nacked); when false a message with an ordering key is rejected
 * @param maxOrderingKeyBytes the longest ordering key, in UTF-8 bytes
 * @param deduplication whether a deduplication id suppresses a repeated publish; when false a
 *     message with a deduplication id is rejected
 * @param extendDeadline whether {@link ReceivedMessage#extendDeadline(Duration)} is supported
 * @param maxNackDelay the longest delay {@link ReceivedMessage#nack(Duration)} honours; longer
 *     delays are shortened to it
 * @param nativeDeadLetter whether the provider moves messages to the dead-letter destination
 *     itself; otherwise the portable layer does it
 */
public record QueueCapabilities(
    int maxMessageBytes,
    int maxBatchMessages,
    long maxBatchBytes,
    int maxAttributes,
    int maxAttributeNameLength,
    int maxAttributeValueBytes,
    Set<String> reservedAttributePrefixes,
    boolean emptyBodyAllowed,
    boolean orderingKeys,
    int maxOrderingKeyBytes,
    boolean deduplication,
    boolean extendDeadline,
    Duration maxNackDelay,
    boolean nativeDeadLetter) {

  /**
   * Checks the limits and copies the prefixes (lower-cased).
   *
   * @param maxMessageBytes see the record's description
   * @param maxBatchMessages see the record's description
   * @param maxBatchBytes see the record's description
   * @param maxAttributes see the record's description
   * @param maxAttributeNameLength see the record's description
   * @param maxAttributeValueBytes see the record's description
   * @param reservedAttributePrefixes see the record's description
   * @param emptyBodyAllowed see the record's description
   * @param orderingKeys see the record's description
   * @param maxOrderingKeyBytes see the record's description
   * @param deduplication see the record's description
   * @param extendDeadline see the record's description
   * @param maxNackDelay see the record's description
   * @param nativeDeadLetter see the record's description
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} when a limit is not positive
   */
  public QueueCapabilities {
    if (maxMessageBytes <= 0 || maxBatchMessages <= 0 || maxBatchBytes <= 0 || maxAttributes < 0
        || maxAttributeNameLength <= 0 || maxAttributeValueBytes <= 0 || maxOrderingKeyBytes <= 0) {
      throw YshException.invalidArgument("queue capability limits must be positive");
    }
    Args.notNull(maxNackDelay, "maxNackDelay");
    reservedAttributePrefixes = Set.copyOf(Args.notNull(reservedAttributePrefixes, "reservedAttributePrefixes")
        .stream().map(p -> p.toLowerCase(Locale.ROOT)).toList());
  }

  /**
   * The reserved prefix an attribute name starts with, ignoring case.
   *
   * @param name the attribute name
   * @return the prefix, or {@code null} when the name is not reserved
   */
  String reservedPrefixOf(String name) {
    for (String prefix : reservedAttributePrefixes) {
      if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return prefix;
      }
    }
    return null;
  }

  /**
   * A builder starting from generous defaults: 256 KiB messages, batches of 100 messages or
   * 1 MiB, 50 attributes of 256-byte names and 4 KiB values, no reserved prefixes, empty bodies
   * allowed, no ordering (and no limit on ordering keys where it is enabled), no deduplication, no deadline
   * extension, nack delays up to 12 hours, portable dead-lettering.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link QueueCapabilities}. Each setter sets the record component of the same name,
   * described on {@link QueueCapabilities}.
   */
  public static final class Builder {
    private int maxMessageBytes = 256 * 1024;
    private int maxBatchMessages = 100;
    private long maxBatchBytes = 1024 * 1024;
    private int maxAttributes = 50;
    private int maxAttributeNameLength = 256;
    private int maxAttributeValueBytes = 4096;
    private Set<String> reservedAttributePrefixes = Set.of();
    private boolean emptyBodyAllowed = true;
    private boolean orderingKeys;
    private int maxOrderingKeyBytes = Integer.MAX_VALUE;
    private boolean deduplication;
    private boolean extendDeadline;
    private Duration maxNackDelay = Duration.ofHours(12);
    private boolean nativeDeadLetter;

    private Builder() {}

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#maxMessageBytes()}
     */
    public Builder maxMessageBytes(int v) {
      maxMessageBytes = v;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#maxBatchMessages()}
     */
    public Builder maxBatchMessages(int v) {
      maxBatchMessages = v;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#maxBatchBytes()}
     */
    public Builder maxBatchBytes(long v) {
      maxBatchBytes = v;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#maxAttributes()}
     */
    public Builder maxAttributes(int v) {
      maxAttributes = v;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#maxAttributeNameLength()}
     */
    public Builder maxAttributeNameLength(int v) {
      maxAttributeNameLength = v;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#maxAttributeValueBytes()}
     */
    public Builder maxAttributeValueBytes(int v) {
      maxAttributeValueBytes = v;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#reservedAttributePrefixes()}
     */
    public Builder reservedAttributePrefixes(Set<String> v) {
      reservedAttributePrefixes = Set.copyOf(v);
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#emptyBodyAllowed()}
     */
    public Builder emptyBodyAllowed(boolean v) {
      emptyBodyAllowed = v;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#orderingKeys()}
     */
    public Builder orderingKeys(boolean v) {
      orderingKeys = v;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#maxOrderingKeyBytes()}
     */
    public Builder maxOrderingKeyBytes(int v) {
      maxOrderingKeyBytes = v;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#deduplication()}
     */
    public Builder deduplication(boolean v) {
      deduplication = v;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#extendDeadline()}
     */
    public Builder extendDeadline(boolean v) {
      extendDeadline = v;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#maxNackDelay()}
     */
    public Builder maxNackDelay(Duration v) {
      maxNackDelay = v;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param v {@link QueueCapabilities#nativeDeadLetter()}
     */
    public Builder nativeDeadLetter(boolean v) {
      nativeDeadLetter = v;
      return this;
    }

    /**
     * Builds the capabilities.
     *
     * @return the capabilities
     * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} when a limit is not positive
     */
    public QueueCapabilities build() {
      return new QueueCapabilities(
          maxMessageBytes, maxBatchMessages, maxBatchBytes, maxAttributes, maxAttributeNameLength,
          maxAttributeValueBytes, reservedAttributePrefixes, emptyBodyAllowed, orderingKeys,
          maxOrderingKeyBytes, deduplication, extendDeadline, maxNackDelay, nativeDeadLetter);
    }
  }
}
