package io.ysh.queue.sqs;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds Amazon SQS drivers from code, with the options of an {@code sqs://} URL (see
 * {@link SqsQueueDriverProvider}), which it is checked exactly as; hand them to the portable
 * types, which add resilience, telemetry, dead-letter counting and nack backoff.
 *
 * <pre>{@code
 * SqsQueues.Builder orders = SqsQueues.builder().queue("orders").region("sa-east-1");
 * try (Topic topic = Topic.builder(orders.buildTopicDriver()).build();
 *      Subscription sub = Subscription.builder(orders.buildSubscriptionDriver()).build()) {
 *   ...
 * }
 * }</pre>
 */
public final class SqsQueues {

  private SqsQueues() {}

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Options of SQS topic and subscription drivers; each setter is the URL parameter of the same
   * name. Not thread-safe; reusable.
   */
  public static final class Builder {
    private String queue;
    private String region;
    private URI endpoint;
    private String accessKeyId;
    private Secret secretAccessKey;
    private String profile;
    private String roleArn;
    private String externalId;
    private Boolean create;
    private Duration ackDeadline;
    private String deadLetter;
    private Boolean redrive;
    private Integer maxAttempts;

    private Builder() {}

    /**
     * The queue (required); a name ending in {@code .fifo} is a FIFO queue.
     *
     * @param name the queue's name
     * @return this builder
     */
    public Builder queue(String name) {
      this.queue = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The region (default: the environment's, else {@code us-east-1}).
     *
     * @param region such as {@code sa-east-1}
     * @return this builder
     */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Another endpoint: an emulator or a VPC endpoint.
     *
     * @param endpoint such as {@code http://127.0.0.1:9324}
     * @return this builder
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /**
     * Static credentials (default: the AWS default provider chain).
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @return this builder
     */
    public Builder credentials(String accessKeyId, Secret secretAccessKey) {
      this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
      this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      return this;
    }

    /**
     * Credentials from a named profile of the shared AWS config and credentials files.
     *
     * @param profile the profile name
     * @return this builder
     */
    public Builder profile(String profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Assumes an IAM role through STS with the other credentials; the temporary credentials are
     * refreshed before they expire.
     *
     * @param roleArn such as {@code arn:aws:iam::123456789012:role/ysh-consumer}
     * @param externalId the external id the role's trust policy requires, or null
     * @return this builder
     */
    public Builder assumeRole(String roleArn, String externalId) {
      this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
      this.externalId = externalId;
      return this;
    }

    /**
     * Whether opening creates the queue (default true); false: it must exist.
     *
     * @param create the flag
     * @return this builder
     */
    public Builder create(boolean create) {
      this.create = create;
      return this;
    }

    /**
     * The visibility timeout of each receive, in whole seconds (default: the queue's).
     *
     * @param deadline the deadline
     * @return this builder
     */
    public Builder ackDeadline(Duration deadline) {
      this.ackDeadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /**
     * The dead-letter queue (default {@code <queue>-dlq}, or {@code <queue>-dlq.fifo}).
     *
     * @param name the queue's name
     * @return this builder
     */
    public Builder deadLetter(String name) {
      this.deadLetter = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * With {@link #maxAttempts(int)}: whether a queue without a RedrivePolicy gets one, so that SQS
     * dead-letters natively (default true); false leaves dead-lettering to the portable layer.
     *
     * @param redrive the flag
     * @return this builder
     */
    public Builder redrive(boolean redrive) {
      this.redrive = redrive;
      return this;
    }

    /**
     * The {@code maxReceiveCount} of the RedrivePolicy the driver gives a queue without one (see
     * {@link #redrive(boolean)}); set the same number on the subscription's
     * {@code maxDeliveryAttempts} for queues the portable layer dead-letters.
     *
     * @param n at least 1
     * @return this builder
     */
    public Builder maxAttempts(int n) {
      this.maxAttempts = n;
      return this;
    }

    /**
     * Opens a topic driver (creating the queue unless told not to). Pass it to
     * {@link io.ysh.queue.Topic#builder(TopicDriver)}.
     *
     * @return the driver; the topic built over it closes it
     * @throws YshException {@code INVALID_ARGUMENT} for bad options; the mapped provider error
     */
    public TopicDriver buildTopicDriver() {
      return new SqsQueueDriverProvider().openTopic(url());
    }

    /**
     * Opens a subscription driver. Pass it to
     * {@link io.ysh.queue.Subscription#builder(SubscriptionDriver)}.
     *
     * @return the driver; the subscription built over it closes it
     * @throws YshException as {@link #buildTopicDriver()}
     */
    public SubscriptionDriver buildSubscriptionDriver() {
      return new SqsQueueDriverProvider().openSubscription(url());
    }

    private ResourceUrl url() {
      if (queue == null || queue.isEmpty()) {
        throw YshException.invalidArgument("set the SQS queue with queue(...)");
      }
      ResourceUrl.Builder u = ResourceUrl.builder("sqs").host(queue, -1);
      if (accessKeyId != null) {
        u.username(accessKeyId).password(secretAccessKey);
      }
      if (region != null) {
        u.param("region", region);
      }
      if (profile != null) {
        u.param("profile", profile);
      }
      if (roleArn != null) {
        u.param("roleArn", roleArn);
      }
      if (externalId != null) {
        u.param("externalId", externalId);
      }
      if (endpoint != null) {
        u.param("endpoint", endpoint.toString());
      }
      if (create != null) {
        u.param("create", create.toString());
      }
      if (ackDeadline != null) {
        u.param("ackDeadline", ackDeadline.toString());
      }
      if (deadLetter != null) {
        u.param("deadLetter", deadLetter);
      }
      if (redrive != null) {
        u.param("redrive", redrive.toString());
      }
      if (maxAttempts != null) {
        u.param("maxAttempts", maxAttempts.toString());
      }
      return u.build();
    }

    @Override
    public String toString() {
      return "SqsQueues.Builder[" + queue + (region == null ? "" : ", " + region) + "]";
    }
  }
}
