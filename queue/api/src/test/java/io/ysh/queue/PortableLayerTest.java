package io.ysh.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.spi.DriverMessage;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The portable layer's own behaviour (batching, validation, backoff, dead-lettering, registry
 * errors), checked with small recording drivers written for this test: they keep what they were
 * given and answer like a driver must. Broker behaviour is covered by each driver's conformance test.
 */
class PortableLayerTest {

  static class RecordingTopic implements TopicDriver {
    final QueueCapabilities caps;
    final List<List<Message>> batches = new CopyOnWriteArrayList<>();
    final AtomicInteger ids = new AtomicInteger();

    RecordingTopic(QueueCapabilities caps) {
      this.caps = caps;
    }

    @Override
    public String provider() {
      return "recording";
    }

    @Override
    public String name() {
      return "q";
    }

    @Override
    public QueueCapabilities capabilities() {
      return caps;
    }

    @Override
    public List<String> sendBatch(List<Message> batch) {
      batches.add(List.copyOf(batch));
      List<String> out = new ArrayList<>();
      batch.forEach(m -> out.add(Integer.toString(ids.incrementAndGet())));
      return out;
    }

    @Override
    public ErrorMapper errorMapper() {
      return ErrorMapper.defaults();
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public void close() {}
  }

  static class ScriptedSubscription implements SubscriptionDriver {
    final ConcurrentLinkedQueue<DriverMessage> toDeliver = new ConcurrentLinkedQueue<>();
    final List<String> acked = new CopyOnWriteArrayList<>();
    final List<Duration> nackDelays = new CopyOnWriteArrayList<>();
    final List<DriverMessage> deadLettered = new CopyOnWriteArrayList<>();

    @Override
    public String provider() {
      return "scripted";
    }

    @Override
    public String name() {
      return "q";
    }

    @Override
    public QueueCapabilities capabilities() {
      return QueueCapabilities.builder().maxNackDelay(Duration.ofSeconds(20)).build();
    }

    @Override
    public List<DriverMessage> receiveBatch(int max, Duration wait) {
      List<DriverMessage> out = new ArrayList<>();
      DriverMessage m;
      while (out.size() < max && (m = toDeliver.poll()) != null) {
        out.add(m);
      }
      return out;
    }

    @Override
    public void ack(List<String> ackIds) {
      acked.addAll(ackIds);
    }

    @Override
    public void nack(List<String> ackIds, Duration delay) {
      ackIds.forEach(id -> nackDelays.add(delay));
    }

    @Override
    public void extendDeadline(String ackId, Duration extension) {}

    @Override
    public void deadLetter(List<DriverMessage> messages) {
      deadLettered.addAll(messages);
    }

    @Override
    public ErrorMapper errorMapper() {
      return ErrorMapper.defaults();
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public void close() {}
  }

  private static Topic topic(RecordingTopic d) {
    return Topic.builder(d).resilience(ResiliencePolicy.none()).telemetry(Telemetry.noop()).build();
  }

  @Test
  void publishAllSplitsByMessageCountAndBytes() {
    RecordingTopic d = new RecordingTopic(QueueCapabilities.builder().maxBatchMessages(10).maxBatchBytes(1000).build());
    List<Message> msgs = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      msgs.add(Message.of(new byte[10]));
    }
    assertThat(topic(d).publishAll(msgs)).hasSize(25).doesNotHaveDuplicates();
    assertThat(d.batches).extracting(List::size).containsExactly(10, 10, 5);

    RecordingTopic bytes = new RecordingTopic(QueueCapabilities.builder().maxBatchMessages(10).maxBatchBytes(1000).build());
    topic(bytes).publishAll(List.of(Message.of(new byte[600]), Message.of(new byte[600]), Message.of(new byte[300])));
    assertThat(bytes.batches).extracting(List::size).containsExactly(1, 2);
  }

  @Test
  void anInvalidMessageStopsTheWholeListBeforeAnythingIsSent() {
    RecordingTopic d = new RecordingTopic(QueueCapabilities.builder().maxMessageBytes(100).build());
    Topic t = topic(d);
    assertThatThrownBy(() -> t.publishAll(List.of(Message.of("ok"), Message.of(new byte[101]))))
        .isInstanceOf(YshException.class)
        .hasMessageContaining("101")
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThat(d.batches).isEmpty();
  }

  @Test
  void unclaimedFeaturesAreUnsupportedAndEmptyKeysInvalid() {
    Topic t = topic(new RecordingTopic(QueueCapabilities.builder().emptyBodyAllowed(false).build()));
    assertThatThrownBy(() -> t.publish(Message.builder().body("x").orderingKey("k").build()))
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED));
    assertThatThrownBy(() -> t.publish(Message.builder().body("x").deduplicationId("d").build()))
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED));
    assertThatThrownBy(() -> t.publish(Message.of("")))
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    Topic ordered = topic(new RecordingTopic(QueueCapabilities.builder().orderingKeys(true).build()));
    assertThatThrownBy(() -> ordered.publish(Message.builder().body("x").orderingKey("").build()))
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void publishAsyncGathersConcurrentCallsIntoBatches() {
    RecordingTopic d = new RecordingTopic(QueueCapabilities.builder().maxBatchMessages(50).build());
    try (Topic t = Topic.builder(d).resilience(ResiliencePolicy.none()).telemetry(Telemetry.noop()).asyncConcurrency(1).build()) {
      List<CompletableFuture<String>> fs = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        fs.add(t.publishAsync(Message.of("m" + i)));
      }
      CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).join();
      assertThat(fs).extracting(CompletableFuture::join).doesNotHaveDuplicates().hasSize(500);
    }
    assertThat(d.batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(50));
    assertThat(d.batches.size()).isLessThan(500);
    assertThat(d.batches.stream().mapToInt(List::size).sum()).isEqualTo(500);
  }

  @Test
  void closedTopicRejectsPublishes() {
    Topic t = topic(new RecordingTopic(QueueCapabilities.builder().build()));
    t.close();
    assertThatThrownBy(() -> t.publish(Message.of("x")))
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
    assertThat(t.publishAsync(Message.of("x"))).isCompletedExceptionally();
  }

  @Test
  void nackBacksOffExponentiallyAndCapsAtTheProviderMaximum() {
    ScriptedSubscription d = new ScriptedSubscription();
    for (int attempt = 1; attempt <= 6; attempt++) {
      d.toDeliver.add(new DriverMessage("id" + attempt, "ack" + attempt, Message.of("x"), attempt));
    }
    try (Subscription s = Subscription.builder(d).nackDelay(Duration.ofSeconds(1)).resilience(ResiliencePolicy.none()).telemetry(Telemetry.noop()).build()) {
      s.receive(10, Duration.ZERO).forEach(ReceivedMessage::nack);
    }
    assertThat(d.nackDelays).containsExactly(
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(20));
  }

  @Test
  void messagesOverTheAttemptLimitAreDeadLetteredNotDelivered() {
    ScriptedSubscription d = new ScriptedSubscription();
    d.toDeliver.add(new DriverMessage("a", "a", Message.of("fine"), 2));
    d.toDeliver.add(new DriverMessage("b", "b", Message.of("poison"), 3));
    try (Subscription s = Subscription.builder(d).maxDeliveryAttempts(2).telemetry(Telemetry.noop()).build()) {
      List<ReceivedMessage> got = s.receive(10, Duration.ZERO);
      assertThat(got).extracting(ReceivedMessage::bodyAsString).containsExactly("fine");
      got.get(0).ack();
    }
    assertThat(d.deadLettered).extracting(DriverMessage::id).containsExactly("b");
    assertThat(d.acked).containsExactly("a");
  }

  @Test
  void closeNacksUnsettledPulledMessagesAndFlushesAcks() {
    ScriptedSubscription d = new ScriptedSubscription();
    d.toDeliver.add(new DriverMessage("a", "a", Message.of("1"), 1));
    d.toDeliver.add(new DriverMessage("b", "b", Message.of("2"), 1));
    Subscription s = Subscription.builder(d).telemetry(Telemetry.noop()).build();
    List<ReceivedMessage> got = s.receive(10, Duration.ZERO);
    got.get(0).ack();
    s.close();
    assertThat(d.acked).containsExactly("a");
    assertThat(d.nackDelays).containsExactly(Duration.ZERO);
    assertThatThrownBy(() -> got.get(1).ack())
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
  }

  @Test
  void missingAndUnknownSchemesSayWhatToDo() {
    assertThatThrownBy(() -> Topic.open("kafka://localhost:9092/orders"))
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED))
        .hasMessageContaining("ysh-queue-kafka");
    assertThatThrownBy(() -> Subscription.open("nosuch://x"))
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> Topic.open("not a url"))
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void messageToStringHidesBodyAndAttributeValues() {
    Message m = Message.builder().body("cpf 123.456.789-09").attribute("email", "a@b.c").build();
    assertThat(m.toString()).doesNotContain("123").doesNotContain("a@b.c").contains("email");
    assertThat(m.encodedSize()).isEqualTo(18 + 5 + 5);
  }
}
