package io.ysh.queue.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import io.ysh.testkit.server.FreePorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Kafka-specific behaviour on the real broker of {@link KafkaBroker}: commits, nack, partitions, limits, errors. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaDriverTest {

  private static String bootstrap;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeAll
  static void startBroker() {
    bootstrap = KafkaBroker.shared().bootstrap();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private static String fresh() {
    return "ysh-kd-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private <T extends AutoCloseable> T track(T c) {
    open.add(c);
    return c;
  }

  private Topic topic(String url) {
    return track(Topic.builder(url).telemetry(Telemetry.noop()).build());
  }

  private Subscription subscription(String url) {
    return track(Subscription.builder(url).telemetry(Telemetry.noop()).build());
  }

  private static List<ReceivedMessage> receive(Subscription s, int n) {
    List<ReceivedMessage> got = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (got.size() < n && System.nanoTime() < end) {
      got.addAll(s.receive(n - got.size(), Duration.ofMillis(500)));
    }
    assertThat(got).hasSize(n);
    return got;
  }

  private static OffsetAndMetadata committed(Admin admin, String group, String topic) throws Exception {
    return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).get(new TopicPartition(topic, 0));
  }

  /** Acks 0, 2 and 4 of five: the commit stops at 1, and the next consumer gets exactly 1 and 3, as second attempts. */
  @Test
  void outOfOrderAcksCommitOnlyThePrefixAndTheNextOwnerSkipsAckedOnes() throws Exception {
    String t = fresh();
    String url = "kafka://" + bootstrap + "/" + t + "?group=g-" + t;
    Topic topic = topic(url);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(topic.publish(Message.of("m" + i)));
    }
    assertThat(ids).containsExactly(t + "-0-0", t + "-0-1", t + "-0-2", t + "-0-3", t + "-0-4");

    Subscription first = Subscription.builder(url).telemetry(Telemetry.noop()).build();
    List<ReceivedMessage> got = receive(first, 5);
    assertThat(got).extracting(ReceivedMessage::id).containsExactlyElementsOf(ids);
    got.get(0).ack();
    got.get(2).ack();
    got.get(4).ack();
    first.close(); // flushes the acks, gives 1 and 3 back

    Admin admin = topic.unwrap(Admin.class);
    OffsetAndMetadata om = committed(admin, "g-" + t, t);
    assertThat(om.offset()).isEqualTo(1);
    assertThat(om.metadata()).isEqualTo("ysh1;h=4;k=2,4");

    Subscription second = subscription(url);
    List<ReceivedMessage> again = receive(second, 2);
    assertThat(again).extracting(ReceivedMessage::bodyAsString).containsExactly("m1", "m3");
    assertThat(again).extracting(ReceivedMessage::deliveryAttempt).containsExactly(2, 2);
    again.forEach(ReceivedMessage::ack);
    // A record published now comes after every other in the partition: once it arrives, nothing
    // acked by the first consumer has been delivered again (a positive signal, not a wait).
    topic.publish(Message.of("m5"));
    ReceivedMessage next = receive(second, 1).get(0);
    assertThat(next.bodyAsString()).as("acked records are not delivered again").isEqualTo("m5");
    next.ack();
    second.close();
    assertThat(committed(admin, "g-" + t, t).offset()).isEqualTo(6);
  }

  /**
   * A nacked record waits its delay while later records of the same partition flow and are acked;
   * the commit waits for it. Order, not a stopwatch, shows that b is not held back: b arrives
   * while a still waits (a's delay is long enough that a slow machine cannot blur the two), and
   * the commit after b's ack is awaited through its metadata, which lists b as acked.
   */
  @Test
  void nackDoesNotHoldBackLaterRecords() throws Exception {
    String t = fresh();
    String url = "kafka://" + bootstrap + "/" + t + "?group=g-" + t;
    Topic topic = topic(url);
    topic.publishAll(List.of(Message.of("a"), Message.of("b")));
    Subscription sub = subscription(url);
    ReceivedMessage a = receive(sub, 1).get(0);
    assertThat(a.bodyAsString()).isEqualTo("a");
    long nackedAt = System.nanoTime();
    a.nack(Duration.ofSeconds(5));
    ReceivedMessage b = receive(sub, 1).get(0);
    assertThat(b.bodyAsString()).as("the next delivery is b, while a waits its delay").isEqualTo("b");
    b.ack();
    Admin admin = topic.unwrap(Admin.class);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    OffsetAndMetadata om = committed(admin, "g-" + t, t);
    while ((om == null || !CommitMetadata.decode(om.metadata()).acked().contains(1L)) && System.nanoTime() < end) {
      Thread.sleep(50);
      om = committed(admin, "g-" + t, t);
    }
    assertThat(om).as("a commit recorded b's ack").isNotNull();
    assertThat(CommitMetadata.decode(om.metadata()).acked()).as("b acked above the committed position").containsExactly(1L);
    assertThat(om.offset()).as("commit stops at the nacked record").isZero();
    ReceivedMessage again = receive(sub, 1).get(0);
    assertThat(again.bodyAsString()).isEqualTo("a");
    assertThat(again.deliveryAttempt()).isEqualTo(2);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nackedAt)).as("redelivered after its delay").isGreaterThanOrEqualTo(4900);
    again.ack();
  }

  /** With several partitions, records with one key stay in order, and ids name their partition. */
  @Test
  void orderingPerKeyAcrossPartitions() {
    String t = fresh();
    String url = "kafka://" + bootstrap + "/" + t + "?group=g-" + t + "&partitions=3";
    Topic topic = topic(url);
    List<Message> batch = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      batch.add(Message.builder().body(Integer.toString(i)).orderingKey("k" + (i % 5)).build());
    }
    List<String> ids = topic.publishAll(batch);
    assertThat(ids).allMatch(id -> id.matches(t + "-[0-2]-\\d+"));
    assertThat(ids.stream().map(id -> id.split("-")[id.split("-").length - 2]).distinct().count()).as("several partitions used").isGreaterThan(1);
    Subscription sub = subscription(url);
    Map<String, List<Integer>> byKey = new HashMap<>();
    for (ReceivedMessage m : receive(sub, 90)) {
      byKey.computeIfAbsent(m.orderingKey().orElseThrow(), k -> new ArrayList<>()).add(Integer.parseInt(m.bodyAsString()));
      m.ack();
    }
    assertThat(byKey).hasSize(5);
    byKey.values().forEach(l -> assertThat(l).hasSize(18).isSorted());
  }

  /** The size limit follows the topic's max.message.bytes. */
  @Test
  void sizeLimitFollowsTheTopicConfig() throws Exception {
    String t = fresh();
    Topic probe = topic("kafka://" + bootstrap + "/" + fresh());
    Admin admin = probe.unwrap(Admin.class);
    admin.createTopics(Set.of(new NewTopic(t, 1, (short) 1).configs(Map.of("max.message.bytes", "20000")))).all().get(30, TimeUnit.SECONDS);
    Topic topic = topic("kafka://" + bootstrap + "/" + t + "?create=false");
    int limit = topic.capabilities().maxMessageBytes();
    assertThat(limit).isEqualTo(20000 - KafkaCodec.OVERHEAD_RESERVE);
    topic.publish(Message.builder().body(new byte[limit - 20]).attribute("a", "0123456789").orderingKey("key-12345").build());
    assertThatThrownBy(() -> topic.publish(Message.of(new byte[limit + 1])))
        .isInstanceOf(YshException.class)
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    // Default broker message.max.bytes is 1048588; the producer's max.request.size (1 MiB) is the tighter limit.
    assertThat(probe.capabilities().maxMessageBytes()).isEqualTo(1024 * 1024 - KafkaCodec.OVERHEAD_RESERVE);
  }

  /** create=false: a missing topic is NOT_FOUND for subscriptions too, and nothing is created. */
  @Test
  void missingTopicIsNotFoundWithoutCreate() throws Exception {
    String t = fresh();
    assertThatThrownBy(() -> Subscription.open("kafka://" + bootstrap + "/" + t + "?create=false"))
        .isInstanceOf(YshException.class)
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessageContaining(t);
    Topic probe = topic("kafka://" + bootstrap + "/" + fresh());
    assertThat(probe.unwrap(Admin.class).listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(t);
  }

  /** unwrap hands out the producer, the consumer and the admin client. */
  @Test
  void unwrapGivesTheNativeClients() {
    String t = fresh();
    String url = "kafka://" + bootstrap + "/" + t;
    assertThat(topic(url).unwrap(KafkaProducer.class)).isNotNull();
    Subscription sub = subscription(url);
    assertThat(sub.unwrap(KafkaConsumer.class)).isNotNull();
    assertThat(sub.unwrap(Admin.class)).isNotNull();
  }

  /** A broker nobody listens on: open fails with a retryable TIMEOUT, within the configured client timeout. */
  @Test
  void unreachableBrokerIsARetryableTimeout() {
    int port = FreePorts.next();
    long start = System.nanoTime();
    assertThatThrownBy(() -> KafkaQueues.builder().bootstrapServers("127.0.0.1:" + port).topic(fresh())
            .property("default.api.timeout.ms", "1500").property("request.timeout.ms", "1000").buildTopicDriver())
        .isInstanceOf(YshException.class)
        .satisfies(e -> {
          YshException y = (YshException) e;
          assertThat(y.code()).isEqualTo(ErrorCode.TIMEOUT);
          assertThat(y.isRetryable()).isTrue();
        });
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
  }

  /** The builder opens working topics and subscriptions with passthrough properties. */
  @Test
  void builderRoundTrip() {
    String t = fresh();
    KafkaQueues.Builder b = KafkaQueues.builder().bootstrapServers(List.of(bootstrap)).topic(t).group("g-" + t)
        .property("compression.type", "lz4").property("max.poll.records", "10");
    Topic topic = track(Topic.builder(b.buildTopicDriver()).telemetry(Telemetry.noop()).build());
    Subscription sub = track(Subscription.builder(b.buildSubscriptionDriver()).maxDeliveryAttempts(3).telemetry(Telemetry.noop()).build());
    assertThat(sub.maxDeliveryAttempts()).isEqualTo(3);
    topic.publish(Message.builder().body("hello").attribute("h", "v").build());
    ReceivedMessage m = receive(sub, 1).get(0);
    assertThat(m.bodyAsString()).isEqualTo("hello");
    assertThat(m.attributes()).containsEntry("h", "v");
    m.ack();
  }
}
