package io.ysh.queue.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Drivers from {@link MemoryQueues#builder()} behave as the {@code mem://} URL's and are checked alike. */
class MemoryQueuesTest {

  @Test
  void builtDriversShareTheQueueOfTheirName() {
    String name = "built-" + UUID.randomUUID();
    MemoryQueues.Builder b = MemoryQueues.builder().name(name).ackDeadline(Duration.ofSeconds(5));
    try (Topic topic = Topic.builder(b.buildTopicDriver()).telemetry(Telemetry.noop()).build();
        Subscription byUrl = Subscription.open("mem://" + name)) {
      topic.publish(Message.of("from the builder"));
      List<ReceivedMessage> got = byUrl.receive(1, Duration.ofSeconds(5));
      assertThat(got).hasSize(1);
      assertThat(got.get(0).bodyAsString()).isEqualTo("from the builder");
      got.get(0).ack();
    }
  }

  @Test
  void optionsAreCheckedAsTheUrlsAre() {
    assertCode(() -> MemoryQueues.builder().buildTopicDriver(), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> MemoryQueues.builder().name("never-" + UUID.randomUUID()).create(false).buildSubscriptionDriver(),
        ErrorCode.NOT_FOUND);
    assertCode(() -> MemoryQueues.builder().name("q").ackDeadline(Duration.ZERO).buildSubscriptionDriver(),
        ErrorCode.INVALID_ARGUMENT);
  }

  private static void assertCode(Runnable r, ErrorCode code) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
