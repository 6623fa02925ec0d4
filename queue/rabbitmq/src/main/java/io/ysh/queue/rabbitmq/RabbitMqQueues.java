package io.ysh.queue.rabbitmq;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds RabbitMQ drivers from code, with the options of a {@code rabbitmq://} URL (see
 * {@link RabbitMqQueueDriverProvider}), which it is checked exactly as; hand them to the portable
 * types, which add resilience, telemetry, dead-letter counting and nack backoff.
 *
 * <pre>{@code
 * RabbitMqQueues.Builder orders = RabbitMqQueues.builder()
 *     .host("rabbit.internal", 5671).tls(true)
 *     .credentials("billing", Secret.of(password))
 *     .queue("orders");
 * try (Topic topic = Topic.builder(orders.buildTopicDriver()).build();
 *      Subscription sub = Subscription.builder(orders.buildSubscriptionDriver()).maxDeliveryAttempts(5).build()) {
 *   ...
 * }
 * }</pre>
 */
public final class RabbitMqQueues {

  private RabbitMqQueues() {}

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Options of RabbitMQ topic and subscription drivers; each setter is the URL parameter of the
   * same name. Not thread-safe; reusable.
   */
  public static final class Builder {
    private String host = "localhost";
    private int port = -1;
    private String virtualHost;
    private String user;
    private Secret password;
    private String queue;
    private Boolean declare;
    private Integer prefetch;
    private String deadLetter;
    private Duration confirmTimeout;
    private Boolean tls;

    private Builder() {}

    /**
     * The broker (default {@code localhost} on 5672, or 5671 with TLS).
     *
     * @param host the host name or address
     * @param port the port, or -1 for the default
     * @return this builder
     */
    public Builder host(String host, int port) {
      this.host = Objects.requireNonNull(host, "host");
      this.port = port;
      return this;
    }

    /**
     * The virtual host (default {@code /}).
     *
     * @param virtualHost the vhost's name
     * @return this builder
     */
    public Builder virtualHost(String virtualHost) {
      this.virtualHost = Objects.requireNonNull(virtualHost, "virtualHost");
      return this;
    }

    /**
     * The broker credentials (default {@code guest}/{@code guest}).
     *
     * @param user the user name
     * @param password the password, revealed only to the client library
     * @return this builder
     */
    public Builder credentials(String user, Secret password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * The queue (required).
     *
     * @param queue the queue's name
     * @return this builder
     */
    public Builder queue(String queue) {
      this.queue = Objects.requireNonNull(queue, "queue");
      return this;
    }

    /**
     * Whether opening declares the queue, its dead-letter exchange and retry queues (default
     * true); false: they must exist.
     *
     * @param declare the flag
     * @return this builder
     */
    public Builder declare(boolean declare) {
      this.declare = declare;
      return this;
    }

    /**
     * How many unacked deliveries the broker pushes to a subscription (default 100).
     *
     * @param prefetch 1 to 65,535
     * @return this builder
     */
    public Builder prefetch(int prefetch) {
      this.prefetch = prefetch;
      return this;
    }

    /**
     * The dead-letter queue (default {@code <queue>.dlq}).
     *
     * @param queue the queue's name
     * @return this builder
     */
    public Builder deadLetter(String queue) {
      this.deadLetter = Objects.requireNonNull(queue, "queue");
      return this;
    }

    /**
     * How long a publish waits for the broker's confirms (default 30 s).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder confirmTimeout(Duration timeout) {
      this.confirmTimeout = Objects.requireNonNull(timeout, "timeout");
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
     * Connects a topic driver (declaring the queue unless told not to). Pass it to
     * {@link io.ysh.queue.Topic#builder(TopicDriver)}.
     *
     * @return the driver; the topic built over it closes it
     * @throws YshException {@code INVALID_ARGUMENT} for bad options, {@code NOT_FOUND},
     *     {@code UNAUTHENTICATED}, {@code UNAVAILABLE} as for the URL
     */
    public TopicDriver buildTopicDriver() {
      return new RabbitMqQueueDriverProvider().openTopic(url());
    }

    /**
     * Connects a subscription driver. Pass it to
     * {@link io.ysh.queue.Subscription#builder(SubscriptionDriver)}.
     *
     * @return the driver; the subscription built over it closes it
     * @throws YshException as {@link #buildTopicDriver()}
     */
    public SubscriptionDriver buildSubscriptionDriver() {
      return new RabbitMqQueueDriverProvider().openSubscription(url());
    }

    private ResourceUrl url() {
      if (queue == null || queue.isEmpty()) {
        throw YshException.invalidArgument("set the RabbitMQ queue with queue(...)");
      }
      ResourceUrl.Builder u = ResourceUrl.builder("rabbitmq").host(host, port);
      if (user != null) {
        u.username(user).password(password);
      }
      if (virtualHost == null) {
        u.path(queue);
      } else {
        u.path(virtualHost, queue);
      }
      if (declare != null) {
        u.param("declare", declare.toString());
      }
      if (prefetch != null) {
        u.param("prefetch", prefetch.toString());
      }
      if (deadLetter != null) {
        u.param("deadLetter", deadLetter);
      }
      if (confirmTimeout != null) {
        u.param("confirmTimeout", confirmTimeout.toString());
      }
      if (tls != null) {
        u.param("tls", tls.toString());
      }
      return u.build();
    }

    @Override
    public String toString() {
      return "RabbitMqQueues.Builder[" + host + (port > 0 ? ":" + port : "") + "/" + queue + "]";
    }
  }
}
