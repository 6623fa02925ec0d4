package io.ysh.queue.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Drivers from {@link SqsQueues#builder()} on ElasticMQ behave as the {@code sqs://} URL's and are checked alike. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqsQueuesTest {

  private URI endpoint;

  @BeforeAll
  void start() {
    endpoint = URI.create("http://127.0.0.1:" + SqsConformanceTest.startServer());
  }

  private SqsQueues.Builder builder(String queue) {
    return SqsQueues.builder().queue(queue).region("us-east-1").endpoint(endpoint).credentials("test", Secret.of("test"));
  }

  @Test
  void builtDriversPublishAndReceiveAndAFifoNameClaimsFifoFeatures() {
    String name = "ysh-built-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo";
    SqsQueues.Builder b = builder(name).ackDeadline(Duration.ofSeconds(20));
    try (Topic topic = Topic.builder(b.buildTopicDriver()).telemetry(Telemetry.noop()).build();
        Subscription sub = Subscription.builder(b.buildSubscriptionDriver()).telemetry(Telemetry.noop()).build()) {
      assertThat(topic.capabilities().orderingKeys()).isTrue();
      topic.publish(Message.builder().body("built").orderingKey("k").deduplicationId("d").build());
      List<ReceivedMessage> got = List.of();
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (got.isEmpty() && System.nanoTime() < end) {
        got = sub.receive(1, Duration.ofSeconds(1));
      }
      assertThat(got).hasSize(1);
      assertThat(got.get(0).bodyAsString()).isEqualTo("built");
      got.get(0).ack();
    }
  }

  @Test
  void optionsAreCheckedAsTheUrlsAre() {
    assertCode(() -> SqsQueues.builder().buildTopicDriver(), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> builder("ysh-never-" + UUID.randomUUID().toString().substring(0, 8)).create(false).buildTopicDriver(),
        ErrorCode.NOT_FOUND);
    assertCode(() -> builder("ysh-std-q").deadLetter("dead.fifo").buildSubscriptionDriver(), ErrorCode.INVALID_ARGUMENT);
  }

  private static void assertCode(Runnable r, ErrorCode code) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
