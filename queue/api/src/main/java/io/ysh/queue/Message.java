package io.ysh.queue;

import io.ysh.core.Args;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message to publish: an opaque body, string attributes, an optional ordering key and an
 * optional deduplication id.
 *
 * <p>The ordering key maps to the provider's notion (Kafka record key, Pub/Sub ordering key, SQS
 * FIFO message group id); the deduplication id to SQS FIFO's deduplication id. Drivers that
 * support neither say so through {@link QueueCapabilities}, and {@link Topic} rejects such
 * messages with {@code UNSUPPORTED} before sending. Limits (body size, number and length of
 * attributes) are checked by {@link Topic} against the driver's capabilities, also before
 * sending.
 *
 * <p>Immutable and thread-safe; the body is copied in and out.
 */
public final class Message {

  private final byte[] body;
  private final Map<String, String> attributes;
  private final String orderingKey;
  private final String deduplicationId;
  private final int encodedSize;

  private Message(Builder b) {
    this.body = b.body;
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    this.orderingKey = b.orderingKey;
    this.deduplicationId = b.deduplicationId;
    this.encodedSize = computeEncodedSize();
  }

  /**
   * A message with a body and nothing else.
   *
   * @param body the body, copied
   * @return the message
   */
  public static Message of(byte[] body) {
    return builder().body(body).build();
  }

  /**
   * A message whose body is the UTF-8 encoding of a string.
   *
   * @param body the body text
   * @return the message
   */
  public static Message of(String body) {
    return builder().body(body).build();
  }

  /**
   * Starts a message with an empty body.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised with this message's content.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.body = body;
    b.attributes.putAll(attributes);
    b.orderingKey = orderingKey;
    b.deduplicationId = deduplicationId;
    return b;
  }

  /**
   * The body.
   *
   * @return a copy of the body
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * The body decoded as UTF-8 (malformed input is replaced, not rejected).
   *
   * @return the text
   */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body's length.
   *
   * @return the number of bytes in the body
   */
  public int bodySize() {
    return body.length;
  }

  /**
   * The attributes, in insertion order.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> attributes() {
    return attributes;
  }

  /**
   * The ordering key.
   *
   * @return the key, or empty
   */
  public Optional<String> orderingKey() {
    return Optional.ofNullable(orderingKey);
  }

  /**
   * The deduplication id.
   *
   * @return the id, or empty
   */
  public Optional<String> deduplicationId() {
    return Optional.ofNullable(deduplicationId);
  }

  /**
   * The size the portable layer charges against provider limits: the body plus the UTF-8 length
   * of every attribute name and value (and the ordering key and deduplication id). Computed once,
   * when the message is built.
   *
   * @return the size in bytes
   */
  public int encodedSize() {
    return encodedSize;
  }

  private int computeEncodedSize() {
    long n = body.length;
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      n += utf8Length(e.getKey()) + utf8Length(e.getValue());
    }
    if (orderingKey != null) {
      n += utf8Length(orderingKey);
    }
    if (deduplicationId != null) {
      n += utf8Length(deduplicationId);
    }
    return (int) Math.min(Integer.MAX_VALUE, n);
  }

  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message m
        && Arrays.equals(body, m.body)
        && attributes.equals(m.attributes)
        && Objects.equals(orderingKey, m.orderingKey)
        && Objects.equals(deduplicationId, m.deduplicationId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(body), attributes, orderingKey, deduplicationId);
  }

  /** Describes the message without its body or attribute values (they may hold personal data). */
  @Override
  public String toString() {
    return "Message[" + body.length + " bytes, attributes=" + attributes.keySet()
        + (orderingKey == null ? "" : ", orderingKey") + (deduplicationId == null ? "" : ", deduplicationId") + "]";
  }

  /** Builds a {@link Message}. Not thread-safe. */
  public static final class Builder {
    private byte[] body = new byte[0];
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private String orderingKey;
    private String deduplicationId;

    private Builder() {}

    /**
     * {@return this builder}
     *
     * @param body {@link Message#body()}: the bytes, copied
     */
    public Builder body(byte[] body) {
      this.body = Args.notNull(body, "body").clone();
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param body {@link Message#body()} as text, encoded in UTF-8
     */
    public Builder body(String body) {
      this.body = Args.notNull(body, "body").getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /**
     * Adds (or replaces) an attribute.
     *
     * @param name the name; not null
     * @param value the value; not null
     * @return this builder
     */
    public Builder attribute(String name, String value) {
      attributes.put(Args.notNull(name, "attribute name"), Args.notNull(value, "attribute value"));
      return this;
    }

    /**
     * Adds (or replaces) attributes.
     *
     * @param attributes the attributes; no null names or values
     * @return this builder
     */
    public Builder attributes(Map<String, String> attributes) {
      Args.notNull(attributes, "attributes").forEach(this::attribute);
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param orderingKey {@link Message#orderingKey()}, or null for none
     */
    public Builder orderingKey(String orderingKey) {
      this.orderingKey = orderingKey;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param deduplicationId {@link Message#deduplicationId()}, or null for none
     */
    public Builder deduplicationId(String deduplicationId) {
      this.deduplicationId = deduplicationId;
      return this;
    }

    /**
     * Builds the message.
     *
     * @return the message
     */
    public Message build() {
      return new Message(this);
    }
  }
}
