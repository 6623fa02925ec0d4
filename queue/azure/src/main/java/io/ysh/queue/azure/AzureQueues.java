package io.ysh.queue.azure;

import com.azure.core.credential.TokenCredential;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds Azure Queue Storage drivers from code, with the options of an {@code azqueue://} URL
 * (see {@link AzureQueueDriverProvider}), which it is checked exactly as; hand them to the
 * portable types, which add resilience, telemetry, dead-letter counting and nack backoff.
 *
 * <pre>{@code
 * AzureQueues.Builder orders = AzureQueues.builder().account("yshprod", Secret.of(key)).queue("orders");
 * try (Topic topic = Topic.builder(orders.buildTopicDriver()).build();
 *      Subscription sub = Subscription.builder(orders.buildSubscriptionDriver()).maxDeliveryAttempts(5).build()) {
 *   ...
 * }
 * }</pre>
 */
public final class AzureQueues {

  private AzureQueues() {}

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Options of Azure Queue Storage topic and subscription drivers; each setter is the URL
   * parameter of the same name. Not thread-safe; reusable.
   */
  public static final class Builder {
    private String queue;
    private String account;
    private Secret key;
    private Secret sas;
    private TokenCredential credential;
    private String endpoint;
    private Boolean create;
    private Duration ackDeadline;
    private String deadLetter;

    private Builder() {}

    /**
     * The queue (required).
     *
     * @param name the queue's name
     * @return this builder
     */
    public Builder queue(String name) {
      this.queue = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The storage account and its key (default: the connection string in
     * {@code AZURE_STORAGE_CONNECTION_STRING}).
     *
     * @param account the account name
     * @param key the account key
     * @return this builder
     */
    public Builder account(String account, Secret key) {
      this.account = Objects.requireNonNull(account, "account");
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * The storage account without a key: the credential is then a {@link #sas SAS token}, a
     * {@link #credential token credential}, or, with neither, Microsoft Entra ID through
     * azure-identity's {@code DefaultAzureCredential} ({@code com.azure:azure-identity} must be on
     * the class path).
     *
     * @param account the account name
     * @return this builder
     */
    public Builder account(String account) {
      this.account = Objects.requireNonNull(account, "account");
      this.key = null;
      return this;
    }

    /**
     * Authenticates with a shared access signature (an account or queue SAS).
     *
     * @param sasToken the SAS query string, such as {@code sv=…&sp=raup&sig=…}
     * @return this builder
     */
    public Builder sas(Secret sasToken) {
      this.sas = Objects.requireNonNull(sasToken, "sasToken");
      return this;
    }

    /**
     * Authenticates with Microsoft Entra ID: any {@link TokenCredential}, such as azure-identity's
     * {@code ManagedIdentityCredential}, {@code WorkloadIdentityCredential} or {@code
     * ClientSecretCredential}. The identity needs a data role on the queues (such as Storage Queue
     * Data Contributor); Azure accepts tokens over HTTPS only.
     *
     * @param credential the credential
     * @return this builder
     */
    public Builder credential(TokenCredential credential) {
      this.credential = Objects.requireNonNull(credential, "credential");
      return this;
    }

    /**
     * The queue service endpoint (default {@code https://<account>.queue.core.windows.net}).
     *
     * @param endpoint such as {@code http://127.0.0.1:10001/devstoreaccount1}
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
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
     * The visibility timeout of each receive (default 30 s).
     *
     * @param deadline the deadline
     * @return this builder
     */
    public Builder ackDeadline(Duration deadline) {
      this.ackDeadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /**
     * The dead-letter queue (default {@code <queue>-dlq}).
     *
     * @param name the queue's name
     * @return this builder
     */
    public Builder deadLetter(String name) {
      this.deadLetter = Objects.requireNonNull(name, "name");
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
      return new AzureQueueDriverProvider().openTopic(url(), credential);
    }

    /**
     * Opens a subscription driver. Pass it to
     * {@link io.ysh.queue.Subscription#builder(SubscriptionDriver)}.
     *
     * @return the driver; the subscription built over it closes it
     * @throws YshException as {@link #buildTopicDriver()}
     */
    public SubscriptionDriver buildSubscriptionDriver() {
      return new AzureQueueDriverProvider().openSubscription(url(), credential);
    }

    private ResourceUrl url() {
      if (queue == null || queue.isEmpty()) {
        throw YshException.invalidArgument("set the Azure queue with queue(...)");
      }
      ResourceUrl.Builder u = ResourceUrl.builder("azqueue").host(queue, -1);
      if (account != null) {
        u.username(account);
        if (key != null) {
          u.password(key);
        }
      }
      if (sas != null) {
        u.param("sas", sas.reveal());
      }
      if (endpoint != null) {
        u.param("endpoint", endpoint);
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
      return u.build();
    }

    @Override
    public String toString() {
      return "AzureQueues.Builder[" + (account == null ? "" : account + "/") + queue + "]";
    }
  }
}
