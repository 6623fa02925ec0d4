package io.ysh.queue.kafka;

import io.ysh.testkit.queue.QueueConformance;
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

  private String bootstrap;

  @BeforeAll
  void startBroker() {
    bootstrap = KafkaBroker.shared().bootstrap();
  }

  @Override
  protected String url(String queue) {
    return "kafka://" + bootstrap + "/" + queue + "?group=g-" + queue;
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
