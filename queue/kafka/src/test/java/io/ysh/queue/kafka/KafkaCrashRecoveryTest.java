package io.ysh.queue.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import io.ysh.queue.conformance.QueueCrashRecovery;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash and restart proofs of {@code kafka://} ({@link QueueCrashRecovery}) on a Kafka 4.1 KRaft
 * broker of the test's own (see {@link KafkaBroker}), which allows session timeouts down to 1 s.
 * Kafka has no per-message deadline: a consumer killed with SIGKILL keeps its partition until its
 * session times out (3 s for the consumers here, {@code session.timeout.ms}); the next member of
 * the group then resumes from the committed offset, skipping what the dead consumer acked above
 * it (commit metadata), and counts the held records as attempt 2 because the dead consumer's last
 * commit recorded its highest delivered offset (the suite waits for that commit: a consumer killed
 * before any commit after a delivery leaves no trace, as the README says). "Nothing left" is the
 * log-end offset minus the group's committed offset and the offsets acked above it.
 */
class KafkaCrashRecoveryTest extends QueueCrashRecovery {

  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(3);

  private KafkaBroker broker;
  private Admin admin;

  @BeforeAll
  void startBroker() {
    broker = KafkaBroker.start(List.of("group.min.session.timeout.ms=1000"));
    admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrap()));
  }

  @AfterAll
  void stopBroker() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
    if (broker != null) {
      broker.close();
    }
  }

  /**
   * A subscription on {@code kafka://host:port/topic?group=g}, with the short session timeout.
   *
   * @param url the URL
   * @param maxAttempts dead-letter after this many deliveries, 0 for never
   * @return the subscription
   */
  static Subscription subscription(String url, int maxAttempts) {
    URI u = URI.create(url);
    String group = u.getQuery().substring(u.getQuery().indexOf("group=") + "group=".length());
    return Subscription.builder(KafkaQueues.builder().bootstrapServers(u.getAuthority()).topic(u.getPath().substring(1)).group(group)
            .property("session.timeout.ms", Long.toString(SESSION_TIMEOUT.toMillis()))
            .property("heartbeat.interval.ms", "500")
            .buildSubscriptionDriver())
        .maxDeliveryAttempts(maxAttempts)
        .build();
  }

  @Override
  protected String driver() {
    return "kafka";
  }

  @Override
  protected String topicUrl(String queue) {
    return "kafka://" + broker.bootstrap() + "/" + queue;
  }

  @Override
  protected String subscriptionUrl(String queue) {
    return topicUrl(queue) + "?group=" + group(queue);
  }

  private static String group(String queue) {
    return "g-" + queue;
  }

  @Override
  protected String deadLetterUrl(String queue) {
    return subscriptionUrl(dlqName(queue));
  }

  @Override
  protected String dlqName(String queue) {
    return queue + ".dlq";
  }

  @Override
  protected Class<?> consumerMain() {
    return KafkaCrashConsumer.class;
  }

  @Override
  protected Subscription openSubscription(String queue, int maxAttempts) {
    return subscription(subscriptionUrl(queue), maxAttempts);
  }

  /**
   * Publishes give up after 10 s ({@code delivery.timeout.ms}; default 2 minutes), so a publish
   * during the outage fails with a retryable TIMEOUT while the broker is still down.
   */
  @Override
  protected Topic openTopic(String queue) {
    return Topic.builder(KafkaQueues.builder().bootstrapServers(broker.bootstrap()).topic(queue)
        .property("delivery.timeout.ms", "10000").property("request.timeout.ms", "3000").buildTopicDriver()).build();
  }

  /** The held records come back as attempt 2: the dead consumer's commit metadata recorded their delivery. */
  @Override
  protected int attemptAfterCrash() {
    return 2;
  }

  @Override
  protected boolean crashStateRecorded(String queue, int delivered) {
    OffsetAndMetadata om = KafkaCounts.committed(admin, queue, group(queue));
    return om != null && CommitMetadata.decode(om.metadata()).highestDelivered() >= delivered - 1;
  }

  @Override
  protected OptionalLong messagesLeft(String queue) {
    return OptionalLong.of(KafkaCounts.messagesLeft(admin, queue, group(queue)));
  }

  /**
   * The broker killed with SIGKILL and started again on the same log directory: acknowledged
   * records are there, a publish during the outage fails with a retryable TIMEOUT after its
   * delivery timeout, and the running subscriber's poll thread reconnects by itself.
   */
  @Test
  void aBrokerCrashAndRestartLosesNothingConfirmed() throws Exception {
    RestartOutcome outcome = assertSurvivesBrokerRestart(new Broker() {
      @Override
      public void crash() {
        broker.kill();
      }

      @Override
      public void start() {
        broker.restart();
      }
    }, Duration.ofSeconds(45));
    assertThat(outcome.outagePublish()).isIn("timeout", "unavailable", "confirmed");
  }
}
