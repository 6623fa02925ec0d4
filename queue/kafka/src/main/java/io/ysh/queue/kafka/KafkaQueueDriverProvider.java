package io.ysh.queue.kafka;

import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.QueueDriverProvider;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.util.Set;

/**
 * Opens {@code kafka://[user:password@]host[:port][,host[:port]...]/topic} URLs (port 9092 by
 * default; several hosts form the bootstrap list). Parameters: {@code group} (consumer group,
 * default {@code ysh.<topic>}), {@code partitions} (when the topic is created, default 1),
 * {@code create} (default true: a missing topic is created on open with the broker's default
 * replication factor; false: a missing topic is {@code NOT_FOUND}), {@code tls} (SSL transport),
 * {@code sasl} ({@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}, with the URL's user
 * and password; default {@code PLAIN} when the URL has a user), {@code clientId}, plus the
 * portable {@code maxAttempts}, {@code deadLetter} (default {@code <topic>.dlq}), {@code nackDelay}
 * and {@code ackDeadline} (accepted and ignored: Kafka has no per-message deadline). Any other
 * client setting goes through {@link KafkaQueues#builder()}.
 */
public final class KafkaQueueDriverProvider implements QueueDriverProvider {

  /** Creates the provider (no I/O). */
  public KafkaQueueDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("kafka");
  }

  @Override
  public TopicDriver openTopic(ResourceUrl url) {
    return KafkaTopicDriver.open(KafkaSettings.fromUrl(url));
  }

  @Override
  public SubscriptionDriver openSubscription(ResourceUrl url) {
    return KafkaSubscriptionDriver.open(KafkaSettings.fromUrl(url));
  }
}
