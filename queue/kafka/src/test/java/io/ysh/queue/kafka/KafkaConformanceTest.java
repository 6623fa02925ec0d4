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

  /**
   * ping is a DescribeTopics of the topic: once the topic is deleted under an open topic and
   * subscription, both ping NOT_FOUND (deletion is asynchronous in Kafka: waited for).
   */
  @org.junit.jupiter.api.Test
  void pingOfADeletedTopicIsNotFound() throws Exception {
    String q = freshQueue();
    io.ysh.queue.Topic topic = topic(q);
    io.ysh.queue.Subscription sub = subscription(q);
    topic.ping();
    admin.deleteTopics(java.util.Set.of(q)).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
    for (Runnable ping : java.util.List.<Runnable>of(topic::ping, sub::ping)) {
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      io.ysh.core.ErrorCode got = null;
      while (got != io.ysh.core.ErrorCode.NOT_FOUND && System.nanoTime() < end) {
        try {
          ping.run();
          got = null;
          Thread.sleep(200);
        } catch (io.ysh.core.YshException e) {
          got = e.code();
        }
      }
      org.assertj.core.api.Assertions.assertThat(got).isEqualTo(io.ysh.core.ErrorCode.NOT_FOUND);
    }
  }

  @Override
  protected Optional<Class<?>> nativeType() {
    return Optional.of(Admin.class);
  }
}
