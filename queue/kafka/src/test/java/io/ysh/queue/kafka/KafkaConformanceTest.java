package io.ysh.queue.kafka;

import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.conformance.QueueConformance;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the queue conformance suite against a real Kafka 4.1 broker (KRaft, see
 * {@link KafkaBroker}). Every queue is a fresh topic with its own consumer group; extendDeadline
 * is checked as UNSUPPORTED and deduplication ids as UNSUPPORTED, as the capabilities say.
 */
class KafkaConformanceTest extends QueueConformance {

  private static final KafkaQueueDriverProvider PROVIDER = new KafkaQueueDriverProvider();

  private String bootstrap;

  @BeforeAll
  void startBroker() {
    bootstrap = KafkaBroker.shared().bootstrap();
  }

  @Override
  protected String url(String queue) {
    return "kafka://" + bootstrap + "/" + queue + "?group=g-" + queue;
  }

  // No public builder returns this driver yet: it comes from the URL provider, as Topic.open gets it.
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
