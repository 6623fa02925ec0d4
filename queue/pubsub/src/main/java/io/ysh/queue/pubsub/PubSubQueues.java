package io.ysh.queue.pubsub;

import com.google.auth.Credentials;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.time.Duration;
import java.util.Objects;

/**
 * Opens Pub/Sub topics and subscriptions from code, with the same options as a
 * {@code gcppubsub://} URL plus credentials and a resilience policy.
 *
 * <pre>{@code
 * Topic orders = PubSubQueues.builder()
 *     .project("my-proj")
 *     .topic("orders")
 *     .credentials(GoogleCredentials.getApplicationDefault())
 *     .buildTopic();
 * Subscription billing = PubSubQueues.builder()
 *     .project("my-proj")
 *     .subscription("billing")
 *     .ackDeadline(Duration.ofSeconds(60))
 *     .maxAttempts(5)
 *     .buildSubscription();
 * }</pre>
 */
public final class PubSubQueues {

  private PubSubQueues() {}

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Options for a Pub/Sub {@link Topic} or {@link Subscription}. Not thread-safe. */
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
    private ResiliencePolicy resilience;
    private Telemetry telemetry;
    private Integer maxAttempts;
    private Duration nackDelay;

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
     * Sets the topic: a {@link Topic} publishes to it; a subscription created here
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
     * Sets the subscription a {@link Subscription} pulls from.
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
     * Dead-letters a message delivered more than {@code n} times (0: never).
     *
     * @param n the most deliveries
     * @return this builder
     */
    public Builder maxAttempts(int n) {
      if (n < 0) {
        throw YshException.invalidArgument("maxAttempts must not be negative");
      }
      this.maxAttempts = n;
      return this;
    }

    /**
     * Sets the base of the nack backoff (default 1 s).
     *
     * @param base the base delay
     * @return this builder
     */
    public Builder nackDelay(Duration base) {
      this.nackDelay = Objects.requireNonNull(base, "base");
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
     * Sets how long the publisher keeps retrying a batch Pub/Sub did not accept (UNAVAILABLE and
     * the like) before the publish fails; default 60 s.
     *
     * @param timeout the total time
     * @return this builder
     */
    public Builder publishTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw YshException.invalidArgument("publishTimeout must be positive");
      }
      this.publishTimeout = timeout;
      return this;
    }

    /**
     * Sets the portable layer's resilience policy (default {@link ResiliencePolicy#defaults()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder resilience(ResiliencePolicy policy) {
      this.resilience = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the telemetry (default: the portable layer's).
     *
     * @param telemetry the telemetry
     * @return this builder
     */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
      return this;
    }

    /**
     * Opens a publisher on the topic.
     *
     * @return the topic
     * @throws YshException {@code INVALID_ARGUMENT} when the project or topic is missing or
     *     malformed; the mapped provider error when creating the topic fails
     */
    public Topic buildTopic() {
      PubSubTopicDriver driver = PubSubTopicDriver.open(config());
      Topic.Builder b = Topic.builder().driver(driver);
      if (resilience != null) {
        b.resilience(resilience);
      }
      if (telemetry != null) {
        b.telemetry(telemetry);
      }
      return b.build();
    }

    /**
     * Opens a consumer of the subscription.
     *
     * @return the subscription
     * @throws YshException as {@link #buildTopic()}
     */
    public Subscription buildSubscription() {
      PubSubSubscriptionDriver driver = PubSubSubscriptionDriver.open(config());
      Subscription.Builder b = Subscription.builder().driver(driver);
      if (resilience != null) {
        b.resilience(resilience);
      }
      if (telemetry != null) {
        b.telemetry(telemetry);
      }
      if (maxAttempts != null) {
        b.maxDeliveryAttempts(maxAttempts);
      }
      if (nackDelay != null) {
        b.nackDelay(nackDelay);
      }
      return b.build();
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
