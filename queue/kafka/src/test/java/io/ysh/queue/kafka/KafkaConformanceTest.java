package io.ysh.queue.kafka;

import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.conformance.QueueConformance;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the queue conformance suite against a real Kafka 4.1 broker (KRaft, see
 * {@link KafkaBroker}). Every queue is a fresh topic with its own consumer group; extendDeadline
 * is checked as UNSUPPORTED and deduplication ids as UNSUPPORTED, as the capabilities say.
 */
class KafkaConformanceTest extends QueueConformance {

  private static final KafkaQueueDriverProvider PROVIDER = new KafkaQueueDriverProvider();

  private String bootstrap;
  private Admin admin;

  @BeforeAll
  void startBroker() {
    bootstrap = KafkaBroker.shared().bootstrap();
    admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
  }

  @AfterAll
  void closeAdmin() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
  }

  /** Log-end offset minus the group's committed offset and the offsets acked above it (commit metadata). */
  @Override
  protected OptionalLong messagesLeft(String queue) {
    return OptionalLong.of(KafkaCounts.messagesLeft(admin, queue, "g-" + queue));
  }

  @Override
  protected String url(String queue) {
    return "kafka://" + bootstrap + "/" + queue + "?group=g-" + queue;
  }

  // Through the URL provider, as Topic.open gets it, rather than KafkaQueues.builder(): the suite then also
  // proves the URL reading of every subscription option; the builder has its own tests.
  @Override
  protected TopicDriver newTopicDriver(String queue) {
    return PROVIDER.openTopic(ResourceUrl.parse(url(queue)));
  }

  @Override
  protected SubscriptionDriver newSubscriptionDriver(SubscriptionSpec spec) {
    return PROVIDER.openSubscription(ResourceUrl.parse(spec.appendTo(url(spec.queue()))));
  }

  @Override
  protected Optional<String> missingQueueUrl() {
    return Optional.of(url("never-created-" + UUID.randomUUID()) + "&create=false");
  }

  @Override
  protected Optional<Class<?>> nativeType() {
    return Optional.of(Admin.class);
  }
}
