package io.ysh.queue.kafka;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds Kafka drivers from code, for what a URL cannot carry: any kafka-clients property (SASL,
 * TLS key stores, tuning), secret ones as {@link Secret} so they never show in logs or
 * {@code toString()}. Hand the drivers to the portable types, which add resilience, telemetry,
 * dead-letter counting and nack backoff.
 *
 * <pre>{@code
 * KafkaQueues.Builder orders = KafkaQueues.builder()
 *     .bootstrapServers("kafka-1:9093,kafka-2:9093")
 *     .topic("orders")
 *     .group("billing")
 *     .property("security.protocol", "SASL_SSL")
 *     .property("sasl.mechanism", "SCRAM-SHA-512")
 *     .secretProperty("sasl.jaas.config", Secret.of(jaasFromVault));
 * try (Topic topic = Topic.builder(orders.buildTopicDriver()).build();
 *      Subscription sub = Subscription.builder(orders.buildSubscriptionDriver()).maxDeliveryAttempts(5).build()) {
 *   ...
 * }
 * }</pre>
 */
public final class KafkaQueues {

  /** Properties the driver owns: setting them would break its contract. */
  private static final Set<String> OWNED = Set.of("key.serializer", "value.serializer", "key.deserializer", "value.deserializer",
      "enable.auto.commit", "group.id", "bootstrap.servers");

  private KafkaQueues() {}

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of Kafka topic and subscription drivers. Not thread-safe; reusable. */
  public static final class Builder {
    private String bootstrapServers;
    private String topic;
    private String group;
    private int partitions = 1;
    private boolean create = true;
    private String deadLetter;
    private String clientId;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, Secret> secretProperties = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The brokers the clients bootstrap from (required).
     *
     * @param hostPorts comma-separated {@code host:port} list
     * @return this builder
     */
    public Builder bootstrapServers(String hostPorts) {
      this.bootstrapServers = Objects.requireNonNull(hostPorts, "hostPorts");
      return this;
    }

    /**
     * As {@link #bootstrapServers(String)}, from a list.
     *
     * @param hostPorts {@code host:port} entries
     * @return this builder
     */
    public Builder bootstrapServers(List<String> hostPorts) {
      return bootstrapServers(String.join(",", hostPorts));
    }

    /**
     * The topic (required); created on open unless {@link #create(boolean)} says not to.
     *
     * @param name a legal Kafka topic name
     * @return this builder
     */
    public Builder topic(String name) {
      this.topic = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the consumer group of subscriptions (default {@code ysh.<topic>}).
     *
     * @param name the group id
     * @return this builder
     */
    public Builder group(String name) {
      this.group = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the partition count used when the topic (or its dead-letter topic) is created.
     *
     * @param n at least 1
     * @return this builder
     */
    public Builder partitions(int n) {
      this.partitions = n;
      return this;
    }

    /**
     * Sets whether missing topics are created on open (default true); when false a missing topic
     * is {@code NOT_FOUND}.
     *
     * @param create the flag
     * @return this builder
     */
    public Builder create(boolean create) {
      this.create = create;
      return this;
    }

    /**
     * Sets the dead-letter topic (default {@code <topic>.dlq}).
     *
     * @param name a legal Kafka topic name
     * @return this builder
     */
    public Builder deadLetter(String name) {
      this.deadLetter = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the prefix of the clients' {@code client.id} (default {@code ysh-<topic>}).
     *
     * @param id the prefix
     * @return this builder
     */
    public Builder clientId(String id) {
      this.clientId = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Passes a kafka-clients property to the producer, consumer and admin clients.
     *
     * @param name the property, such as {@code security.protocol}
     * @param value its value
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} for properties the driver owns (serializers,
     *     {@code enable.auto.commit}, {@code group.id}, {@code bootstrap.servers}: use the
     *     dedicated setters)
     */
    public Builder property(String name, String value) {
      checkName(name);
      properties.put(name, Objects.requireNonNull(value, "value"));
      secretProperties.remove(name);
      return this;
    }

    /**
     * Passes a secret kafka-clients property (such as {@code sasl.jaas.config} or
     * {@code ssl.keystore.password}); revealed only to the Kafka client.
     *
     * @param name the property
     * @param value its value
     * @return this builder
     * @throws YshException as {@link #property}
     */
    public Builder secretProperty(String name, Secret value) {
      checkName(name);
      secretProperties.put(name, Objects.requireNonNull(value, "value"));
      properties.remove(name);
      return this;
    }

    private static void checkName(String name) {
      Objects.requireNonNull(name, "name");
      if (OWNED.contains(name)) {
        throw YshException.invalidArgument("the Kafka driver sets '" + name + "' itself; use the builder's own setter where there is one");
      }
    }

    KafkaSettings settings() {
      if (topic == null) {
        throw YshException.invalidArgument("set the Kafka topic with topic(...)");
      }
      return new KafkaSettings(bootstrapServers, topic, group, partitions, create, deadLetter, clientId, properties, secretProperties);
    }

    /**
     * Opens a topic driver (creating the topic when allowed). Pass it to
     * {@link io.ysh.queue.Topic#builder(TopicDriver)}.
     *
     * @return the driver; the topic built over it closes it
     * @throws YshException {@code INVALID_ARGUMENT} for bad settings, {@code NOT_FOUND},
     *     {@code UNAUTHENTICATED}, {@code UNAVAILABLE}…
     */
    public TopicDriver buildTopicDriver() {
      return KafkaTopicDriver.open(settings());
    }

    /**
     * Opens a subscription driver in the configured consumer group. Pass it to
     * {@link io.ysh.queue.Subscription#builder(SubscriptionDriver)}.
     *
     * @return the driver; the subscription built over it closes it
     * @throws YshException as {@link #buildTopicDriver()}
     */
    public SubscriptionDriver buildSubscriptionDriver() {
      return KafkaSubscriptionDriver.open(settings());
    }

    @Override
    public String toString() {
      return "KafkaQueues.Builder[" + (bootstrapServers == null ? "?" : bootstrapServers) + "/" + topic + ", properties="
          + properties.keySet() + ", secretProperties=" + secretProperties.keySet() + "]";
    }
  }
}
