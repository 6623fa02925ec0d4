package io.ysh.queue.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * FIFO queues on ElasticMQ (shared with {@link SqsConformanceTest}): ordering keys become message
 * groups and keep their order, deduplication ids suppress repeats, and both capabilities are
 * claimed only for {@code .fifo} queues.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqsFifoTest {

  private int port;

  @BeforeAll
  void start() {
    port = SqsConformanceTest.startServer();
  }

  private String url(String name) {
    return "sqs://test:test@" + name + "?region=us-east-1&endpoint=http://127.0.0.1:" + port;
  }

  @Test
  void fifoQueuesKeepPerKeyOrderAndDropDuplicates() {
    String name = "ysh-fifo-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo";
    try (Topic topic = Topic.builder(url(name)).telemetry(Telemetry.noop()).build();
        Subscription sub = Subscription.builder(url(name)).telemetry(Telemetry.noop()).build()) {
      assertThat(topic.capabilities().orderingKeys()).isTrue();
      assertThat(topic.capabilities().deduplication()).isTrue();
      List<Message> batch = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        batch.add(Message.builder().body(Integer.toString(i)).orderingKey("k" + (i % 3)).deduplicationId("d" + i).build());
      }
      topic.publishAll(batch);
      topic.publish(batch.get(0)); // same deduplication id: dropped by SQS
      Map<String, List<Integer>> byKey = new HashMap<>();
      int total = 0;
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < end && total < 30) {
        List<ReceivedMessage> got = sub.receive(10, Duration.ofSeconds(1));
        for (ReceivedMessage m : got) {
          byKey.computeIfAbsent(m.orderingKey().orElseThrow(), k -> new ArrayList<>()).add(Integer.parseInt(m.bodyAsString()));
          m.ack();
          total++;
        }
      }
      assertThat(total).isEqualTo(30);
      // ElasticMQ's exact count reaching 0 once the 30 are acked shows the duplicate was dropped
      // (a wait for it to show up would pass on a slow server).
      try (SqsClient raw = SqsCounts.client(port)) {
        List<String> extra = new ArrayList<>();
        long countEnd = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (SqsCounts.messagesLeft(raw, name) != 0 && System.nanoTime() < countEnd) {
          sub.receive(10, Duration.ofMillis(200)).forEach(m -> extra.add(m.bodyAsString()));
        }
        assertThat(extra).as("delivered after the 30").isEmpty();
        assertThat(SqsCounts.messagesLeft(raw, name)).as("the duplicate was dropped: nothing left after 30 acks").isZero();
      }
      assertThat(byKey).hasSize(3);
      byKey.values().forEach(l -> assertThat(l).hasSize(10).isSorted());
    }
  }

  @Test
  void standardQueuesClaimNeitherOrderingNorDeduplication() {
    try (Topic topic = Topic.builder(url("ysh-std-" + UUID.randomUUID().toString().substring(0, 8))).telemetry(Telemetry.noop()).build()) {
      assertThat(topic.capabilities().orderingKeys()).isFalse();
      assertThat(topic.capabilities().deduplication()).isFalse();
    }
  }
}
