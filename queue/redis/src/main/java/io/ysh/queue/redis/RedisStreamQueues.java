package io.ysh.queue.redis;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds Redis Streams drivers from code, with the options of a {@code redis-stream://} URL (see
 * {@link RedisStreamQueueDriverProvider}), which it is checked exactly as; hand them to the
 * portable types, which add resilience, telemetry, dead-letter counting and nack backoff.
 *
 * <pre>{@code
 * RedisStreamQueues.Builder orders = RedisStreamQueues.builder()
 *     .host("redis.internal", 6379).password(Secret.of(pw)).stream("orders").group("billing");
 * try (Topic topic = Topic.builder(orders.buildTopicDriver()).build();
 *      Subscription sub = Subscription.builder(orders.buildSubscriptionDriver()).maxDeliveryAttempts(5).build()) {
 *   ...
 * }
 * }</pre>
 */
public final class RedisStreamQueues {

  private RedisStreamQueues() {}

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Options of Redis Streams topic and subscription drivers; each setter is the URL parameter of
   * the same name. Not thread-safe; reusable.
   */
  public static final class Builder {
    private String host = "localhost";
    private int port = -1;
    private String username;
    private Secret password;
    private Integer db;
    private Boolean tls;
    private String stream;
    private String group;
    private String consumer;
    private Duration ackDeadline;
    private Integer maxLen;
    private Boolean create;
    private String deadLetter;

    private Builder() {}

    /**
     * The server (default {@code localhost:6379}).
     *
     * @param host the host name or address
     * @param port the port, or -1 for 6379
     * @return this builder
     */
    public Builder host(String host, int port) {
      this.host = Objects.requireNonNull(host, "host");
      this.port = port;
      return this;
    }

    /**
     * The password of the default user.
     *
     * @param password the password
     * @return this builder
     */
    public Builder password(Secret password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * An ACL user and its password.
     *
     * @param username the user
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String username, Secret password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * The database (default 0).
     *
     * @param db the database number
     * @return this builder
     */
    public Builder db(int db) {
      this.db = db;
      return this;
    }

    /**
     * Whether to connect over TLS (default false).
     *
     * @param tls the flag
     * @return this builder
     */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /**
     * The stream (required).
     *
     * @param key the stream's key
     * @return this builder
     */
    public Builder stream(String key) {
      this.stream = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * The consumer group of subscriptions (default {@code ysh}; created when missing).
     *
     * @param group the group
     * @return this builder
     */
    public Builder group(String group) {
      this.group = Objects.requireNonNull(group, "group");
      return this;
    }

    /**
     * The consumer's name within the group (default a random name per subscription).
     *
     * @param consumer the name
     * @return this builder
     */
    public Builder consumer(String consumer) {
      this.consumer = Objects.requireNonNull(consumer, "consumer");
      return this;
    }

    /**
     * The idle time after which another consumer claims a delivery (default 30 s); also the
     * longest nack delay and deadline extension.
     *
     * @param deadline the deadline
     * @return this builder
     */
    public Builder ackDeadline(Duration deadline) {
      this.ackDeadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /**
     * An approximate cap on the stream's length, applied on publish (default none).
     *
     * @param maxLen the cap
     * @return this builder
     */
    public Builder maxLen(int maxLen) {
      this.maxLen = maxLen;
      return this;
    }

    /**
     * Whether a missing stream is created (default true); false: it is {@code NOT_FOUND}.
     *
     * @param create the flag
     * @return this builder
     */
    public Builder create(boolean create) {
      this.create = create;
      return this;
    }

    /**
     * The dead-letter stream (default {@code <stream>.dlq}).
     *
     * @param key the stream's key
     * @return this builder
     */
    public Builder deadLetter(String key) {
      this.deadLetter = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * Connects a topic driver. Pass it to {@link io.ysh.queue.Topic#builder(TopicDriver)}.
     *
     * @return the driver; the topic built over it closes it
     * @throws YshException {@code INVALID_ARGUMENT} for bad options; the mapped provider error
     */
    public TopicDriver buildTopicDriver() {
      return new RedisStreamQueueDriverProvider().openTopic(url());
    }

    /**
     * Connects a subscription driver (creating its group when missing). Pass it to
     * {@link io.ysh.queue.Subscription#builder(SubscriptionDriver)}.
     *
     * @return the driver; the subscription built over it closes it
     * @throws YshException as {@link #buildTopicDriver()}
     */
    public SubscriptionDriver buildSubscriptionDriver() {
      return new RedisStreamQueueDriverProvider().openSubscription(url());
    }

    private ResourceUrl url() {
      if (stream == null || stream.isEmpty()) {
        throw YshException.invalidArgument("set the Redis stream with stream(...)");
      }
      ResourceUrl.Builder u = ResourceUrl.builder("redis-stream").host(host, port).path(stream);
      if (username != null) {
        u.username(username);
      }
      if (password != null) {
        u.password(password);
      }
      if (db != null) {
        u.param("db", db.toString());
      }
      if (tls != null) {
        u.param("tls", tls.toString());
      }
      if (group != null) {
        u.param("group", group);
      }
      if (consumer != null) {
        u.param("consumer", consumer);
      }
      if (ackDeadline != null) {
        u.param("ackDeadline", ackDeadline.toString());
      }
      if (maxLen != null) {
        u.param("maxLen", maxLen.toString());
      }
      if (create != null) {
        u.param("create", create.toString());
      }
      if (deadLetter != null) {
        u.param("deadLetter", deadLetter);
      }
      return u.build();
    }

    @Override
    public String toString() {
      return "RedisStreamQueues.Builder[" + host + (port > 0 ? ":" + port : "") + "/" + stream + "]";
    }
  }
}
