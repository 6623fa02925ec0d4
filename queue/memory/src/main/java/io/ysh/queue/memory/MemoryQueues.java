package io.ysh.queue.memory;

import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds in-memory queue drivers from code, with the options of a {@code mem://} URL (see
 * {@link MemoryQueueDriverProvider}); every driver of one name in the JVM shares one queue.
 */
public final class MemoryQueues {

  private MemoryQueues() {}

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Options of in-memory topic and subscription drivers; each setter is the URL parameter of the
   * same name. Not thread-safe; reusable.
   */
  public static final class Builder {
    private String name;
    private Duration ackDeadline;
    private Boolean create;
    private String deadLetter;

    private Builder() {}

    /**
     * The queue (required).
     *
     * @param name the queue's name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The visibility timeout of a delivery (default 30 s).
     *
     * @param deadline positive
     * @return this builder
     */
    public Builder ackDeadline(Duration deadline) {
      this.ackDeadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /**
     * Whether a missing queue is created (default true); false: it is {@code NOT_FOUND}.
     *
     * @param create the flag
     * @return this builder
     */
    public Builder create(boolean create) {
      this.create = create;
      return this;
    }

    /**
     * The dead-letter queue (default {@code <name>.dlq}).
     *
     * @param name the queue's name
     * @return this builder
     */
    public Builder deadLetter(String name) {
      this.deadLetter = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Opens a topic driver. Pass it to {@link io.ysh.queue.Topic#builder(TopicDriver)}.
     *
     * @return the driver
     * @throws YshException {@code INVALID_ARGUMENT} for bad options, {@code NOT_FOUND} for a
     *     missing queue with {@code create(false)}
     */
    public TopicDriver buildTopicDriver() {
      return new MemoryQueueDriverProvider().openTopic(url());
    }

    /**
     * Opens a subscription driver. Pass it to
     * {@link io.ysh.queue.Subscription#builder(SubscriptionDriver)}.
     *
     * @return the driver
     * @throws YshException as {@link #buildTopicDriver()}
     */
    public SubscriptionDriver buildSubscriptionDriver() {
      return new MemoryQueueDriverProvider().openSubscription(url());
    }

    private ResourceUrl url() {
      if (name == null || name.isEmpty()) {
        throw YshException.invalidArgument("set the in-memory queue's name with name(...)");
      }
      ResourceUrl.Builder u = ResourceUrl.builder("mem").host(name, -1);
      if (ackDeadline != null) {
        u.param("ackDeadline", ackDeadline.toString());
      }
      if (create != null) {
        u.param("create", create.toString());
      }
      if (deadLetter != null) {
        u.param("deadLetter", deadLetter);
      }
      return u.build();
    }
  }
}
