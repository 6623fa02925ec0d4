package io.ysh.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * What a queue driver can do and its limits. {@link Topic} and {@link Subscription} validate
 * against these before anything is sent, and the conformance suite checks every flag both ways:
 * a claimed feature must work, an unclaimed one must fail with {@code UNSUPPORTED}.
 *
 * @param maxMessageBytes the largest message ({@link Message#encodedSize()}) the provider accepts
 * @param maxBatchMessages the most messages one publish request may carry; {@link Topic#publishAll}
 *     splits larger lists
 * @param maxBatchBytes the most bytes one publish request may carry
 * @param maxAttributes the most attributes one message may carry
 * @param maxAttributeNameLength the longest attribute name, in UTF-8 bytes
 * @param maxAttributeValueBytes the longest attribute value, in UTF-8 bytes
 * @param emptyBodyAllowed whether a message with an empty body may be published
 * @param orderingKeys whether messages with the same ordering key are delivered in publish order
 *     (to one consumer, when none is nacked); when false a message with an ordering key is rejected
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
    boolean emptyBodyAllowed,
    boolean orderingKeys,
    boolean deduplication,
    boolean extendDeadline,
    Duration maxNackDelay,
    boolean nativeDeadLetter) {

  /**
   * Checks the limits are positive.
   *
   * @param maxMessageBytes see the record's description
   * @param maxBatchMessages see the record's description
   * @param maxBatchBytes see the record's description
   * @param maxAttributes see the record's description
   * @param maxAttributeNameLength see the record's description
   * @param maxAttributeValueBytes see the record's description
   * @param emptyBodyAllowed see the record's description
   * @param orderingKeys see the record's description
   * @param deduplication see the record's description
   * @param extendDeadline see the record's description
   * @param maxNackDelay see the record's description
   * @param nativeDeadLetter see the record's description
   * @throws IllegalArgumentException when a limit is not positive
   */
  public QueueCapabilities {
    if (maxMessageBytes <= 0 || maxBatchMessages <= 0 || maxBatchBytes <= 0 || maxAttributes < 0
        || maxAttributeNameLength <= 0 || maxAttributeValueBytes <= 0) {
      throw new IllegalArgumentException("queue capability limits must be positive");
    }
    Objects.requireNonNull(maxNackDelay, "maxNackDelay");
  }

  /**
   * A builder starting from generous defaults: 256 KiB messages, batches of 100 messages or
   * 1 MiB, 50 attributes of 256-byte names and 4 KiB values, empty bodies allowed, no ordering,
   * no deduplication, no deadline extension, nack delays up to 12 hours, portable dead-lettering.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link QueueCapabilities}. */
  public static final class Builder {
    private int maxMessageBytes = 256 * 1024;
    private int maxBatchMessages = 100;
    private long maxBatchBytes = 1024 * 1024;
    private int maxAttributes = 50;
    private int maxAttributeNameLength = 256;
    private int maxAttributeValueBytes = 4096;
    private boolean emptyBodyAllowed = true;
    private boolean orderingKeys;
    private boolean deduplication;
    private boolean extendDeadline;
    private Duration maxNackDelay = Duration.ofHours(12);
    private boolean nativeDeadLetter;

    private Builder() {}

    /**
     * Sets the message size limit.
     *
     * @param v bytes
     * @return this builder
     */
    public Builder maxMessageBytes(int v) {
      maxMessageBytes = v;
      return this;
    }

    /**
     * Sets the batch size limit in messages.
     *
     * @param v messages
     * @return this builder
     */
    public Builder maxBatchMessages(int v) {
      maxBatchMessages = v;
      return this;
    }

    /**
     * Sets the batch size limit in bytes.
     *
     * @param v bytes
     * @return this builder
     */
    public Builder maxBatchBytes(long v) {
      maxBatchBytes = v;
      return this;
    }

    /**
     * Sets the attribute count limit.
     *
     * @param v attributes
     * @return this builder
     */
    public Builder maxAttributes(int v) {
      maxAttributes = v;
      return this;
    }

    /**
     * Sets the attribute name limit.
     *
     * @param v UTF-8 bytes
     * @return this builder
     */
    public Builder maxAttributeNameLength(int v) {
      maxAttributeNameLength = v;
      return this;
    }

    /**
     * Sets the attribute value limit.
     *
     * @param v UTF-8 bytes
     * @return this builder
     */
    public Builder maxAttributeValueBytes(int v) {
      maxAttributeValueBytes = v;
      return this;
    }

    /**
     * Sets whether empty bodies are allowed.
     *
     * @param v the flag
     * @return this builder
     */
    public Builder emptyBodyAllowed(boolean v) {
      emptyBodyAllowed = v;
      return this;
    }

    /**
     * Sets whether ordering keys are honoured.
     *
     * @param v the flag
     * @return this builder
     */
    public Builder orderingKeys(boolean v) {
      orderingKeys = v;
      return this;
    }

    /**
     * Sets whether deduplication ids are honoured.
     *
     * @param v the flag
     * @return this builder
     */
    public Builder deduplication(boolean v) {
      deduplication = v;
      return this;
    }

    /**
     * Sets whether deadlines can be extended.
     *
     * @param v the flag
     * @return this builder
     */
    public Builder extendDeadline(boolean v) {
      extendDeadline = v;
      return this;
    }

    /**
     * Sets the longest nack delay.
     *
     * @param v the delay
     * @return this builder
     */
    public Builder maxNackDelay(Duration v) {
      maxNackDelay = v;
      return this;
    }

    /**
     * Sets whether the provider dead-letters by itself.
     *
     * @param v the flag
     * @return this builder
     */
    public Builder nativeDeadLetter(boolean v) {
      nativeDeadLetter = v;
      return this;
    }

    /**
     * Builds the capabilities.
     *
     * @return the capabilities
     */
    public QueueCapabilities build() {
      return new QueueCapabilities(
          maxMessageBytes, maxBatchMessages, maxBatchBytes, maxAttributes, maxAttributeNameLength,
          maxAttributeValueBytes, emptyBodyAllowed, orderingKeys, deduplication, extendDeadline,
          maxNackDelay, nativeDeadLetter);
    }
  }
}
