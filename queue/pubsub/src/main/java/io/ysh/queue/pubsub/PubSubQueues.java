package io.ysh.queue.pubsub;

import com.google.auth.Credentials;
import io.ysh.core.YshException;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds Pub/Sub drivers from code, with the same options as a {@code gcppubsub://} URL plus
 * credentials; hand them to the portable types, which add resilience, telemetry, dead-letter
 * counting and nack backoff.
 *
 * <pre>{@code
 * Topic orders = Topic.builder(PubSubQueues.builder()
 *         .project("my-proj")
 *         .topic("orders")
 *         .credentials(GoogleCredentials.getApplicationDefault())
 *         .buildTopicDriver())
 *     .build();
 * Subscription billing = Subscription.builder(PubSubQueues.builder()
 *         .project("my-proj")
 *         .subscription("billing")
 *         .ackDeadline(Duration.ofSeconds(60))
 *         .buildSubscriptionDriver())
 *     .maxDeliveryAttempts(5)
 *     .build();
 * }</pre>
 */
public final class PubSubQueues {

  /** The client library's floor for a publish request's timeout. */
  static final Duration MIN_PUBLISH_TIMEOUT = Duration.ofSeconds(10);

  private PubSubQueues() {}

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of a Pub/Sub topic or subscription driver. Not thread-safe; reusable. */
  public static final class Builder {
    String project;
    String topic;
    String subscription;
    String emulator;
    String endpoint;
    Credentials credentials;
    boolean create;
    Duration ackDeadline;
    String deadLetter;
    int maxBatchMessages = PubSubLimits.MAX_BATCH_MESSAGES;
    long maxBatchBytes = PubSubLimits.MAX_MESSAGE_BYTES;
    Duration publishTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Sets the GCP project of short topic and subscription names. Required.
     *
     * @param project the project id
     * @return this builder
     */
    public Builder project(String project) {
      this.project = PubSubConfig.checkProject(project);
      return this;
    }

    /**
     * Sets the topic: a topic driver publishes to it; a subscription created here
     * ({@link #create(boolean)}) is attached to it.
     *
     * @param topic a name in the project, or {@code projects/<p>/topics/<t>}
     * @return this builder
     */
    public Builder topic(String topic) {
      this.topic = Objects.requireNonNull(topic, "topic");
      return this;
    }

    /**
     * Sets the subscription a subscription driver pulls from.
     *
     * @param subscription a name in the project, or {@code projects/<p>/subscriptions/<s>}
     * @return this builder
     */
    public Builder subscription(String subscription) {
      this.subscription = Objects.requireNonNull(subscription, "subscription");
      return this;
    }

    /**
     * Connects to the Pub/Sub emulator: plaintext, no credentials.
     *
     * @param hostAndPort such as {@code 127.0.0.1:8085}
     * @return this builder
     */
    public Builder emulatorEndpoint(String hostAndPort) {
      this.emulator = checkHostPort(hostAndPort);
      return this;
    }

    /**
     * Connects to another TLS endpoint than {@code pubsub.googleapis.com:443} (a regional or
     * private endpoint), with credentials.
     *
     * @param hostAndPort such as {@code us-east1-pubsub.googleapis.com:443}
     * @return this builder
     */
    public Builder endpoint(String hostAndPort) {
      this.endpoint = checkHostPort(hostAndPort);
      return this;
    }

    /**
     * Sets the credentials (default: Application Default Credentials).
     *
     * @param credentials such as {@code GoogleCredentials.fromStream(...)}
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Whether opening creates what is missing: the topic, and the subscription (attached to the
     * topic, with message ordering enabled). Default false: Pub/Sub resources are usually
     * provisioned apart from the code that uses them.
     *
     * @param create the flag
     * @return this builder
     */
    public Builder create(boolean create) {
      this.create = create;
      return this;
    }

    /**
     * Sets the ack deadline of each delivery, 1 s to 600 s. Subscriptions created here get it
     * (at least 10 s, Pub/Sub's minimum); when it differs from the subscription's own, each pull
     * applies it to the messages it got with one ModifyAckDeadline.
     *
     * @param deadline the deadline
     * @return this builder
     */
    public Builder ackDeadline(Duration deadline) {
      this.ackDeadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /**
     * Sets the dead-letter topic (default {@code <subscription>-dlq}).
     *
     * @param topic a name in the project, or {@code projects/<p>/topics/<t>}
     * @return this builder
     */
    public Builder deadLetter(String topic) {
      this.deadLetter = Objects.requireNonNull(topic, "topic");
      return this;
    }

    /**
     * Limits one Publish request (defaults: Pub/Sub's limits, 1000 messages and 10 MB less
     * headroom for framing).
     *
     * @param maxMessages 1 to 1000
     * @param maxBytes the most body and attribute bytes
     * @return this builder
     */
    public Builder batching(int maxMessages, long maxBytes) {
      this.maxBatchMessages = maxMessages;
      this.maxBatchBytes = maxBytes;
      return this;
    }

    /**
     * How long one publish request may take before it fails with {@code TIMEOUT}; default 60 s,
     * at least 10 s (the client library's floor). The request is not retried by the driver: the
     * portable layer decides about retries.
     *
     * @param timeout the time
     * @return this builder
     */
    public Builder publishTimeout(Duration timeout) {
      if (Objects.requireNonNull(timeout, "timeout").compareTo(MIN_PUBLISH_TIMEOUT) < 0) {
        throw YshException.invalidArgument("publishTimeout must be at least " + MIN_PUBLISH_TIMEOUT.toSeconds() + " s, was " + timeout);
      }
      this.publishTimeout = timeout;
      return this;
    }

    /**
     * Opens a publisher on the topic, creating the topic when {@link #create(boolean)} says so.
     * Pass it to {@link io.ysh.queue.Topic#builder(TopicDriver)}.
     *
     * @return the driver; the topic built over it closes it
     * @throws YshException {@code INVALID_ARGUMENT} when the project or topic is missing or
     *     malformed; the mapped provider error when creating the topic fails
     */
    public TopicDriver buildTopicDriver() {
      return PubSubTopicDriver.open(config());
    }

    /**
     * Opens a consumer of the subscription, creating it when {@link #create(boolean)} says so.
     * Pass it to {@link io.ysh.queue.Subscription#builder(SubscriptionDriver)}.
     *
     * @return the driver; the subscription built over it closes it
     * @throws YshException as {@link #buildTopicDriver()}
     */
    public SubscriptionDriver buildSubscriptionDriver() {
      return PubSubSubscriptionDriver.open(config());
    }

    PubSubConfig config() {
      if (project == null) {
        throw YshException.invalidArgument("set the GCP project with project(...)");
      }
      return new PubSubConfig(this);
    }

    private static String checkHostPort(String hostAndPort) {
      Objects.requireNonNull(hostAndPort, "hostAndPort");
      int colon = hostAndPort.lastIndexOf(':');
      boolean ok = colon > 0 && colon < hostAndPort.length() - 1;
      if (ok) {
        try {
          int port = Integer.parseInt(hostAndPort.substring(colon + 1));
          ok = port >= 1 && port <= 65535;
        } catch (NumberFormatException e) {
          ok = false;
        }
      }
      if (!ok) {
        throw YshException.invalidArgument("endpoint must be host:port, was '" + hostAndPort + "'");
      }
      return hostAndPort;
    }
  }
}
