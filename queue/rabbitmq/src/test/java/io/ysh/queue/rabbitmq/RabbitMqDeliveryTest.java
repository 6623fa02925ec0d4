package io.ysh.queue.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The RabbitMQ driver's native paths against the broker on 127.0.0.1:5672, in a virtual host of
 * its own: dead letters moved by the broker through the queue's dead-letter exchange; the copy
 * fallback for queues declared elsewhere; per-delay retry queues (no head-of-line blocking); exact
 * attempt counts from quorum queues' {@code x-delivery-count}; URL errors. A raw amqp-client
 * channel looks behind the SDK's back. Skipped, with a message, when no broker listens or
 * {@code rabbitmqctl} cannot create the virtual host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RabbitMqDeliveryTest {

  private static final String HOST = RabbitMqConformanceTest.HOST;
  private static final int PORT = RabbitMqConformanceTest.PORT;

  private String vhost;
  private Connection raw;

  @BeforeAll
  void createVhost() throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, PORT), 2000);
    } catch (IOException e) {
      Assumptions.abort("no RabbitMQ broker on " + HOST + ":" + PORT + " (" + e + "); start rabbitmq-server to run these tests");
    }
    String name = "ysh-queue-delivery-" + UUID.randomUUID().toString().substring(0, 8);
    Assumptions.assumeTrue(RabbitMqConformanceTest.rabbitmqctl("add_vhost", name)
        && RabbitMqConformanceTest.rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*"),
        "rabbitmqctl cannot create a virtual host");
    vhost = name;
    ConnectionFactory f = new ConnectionFactory();
    f.setHost(HOST);
    f.setPort(PORT);
    f.setVirtualHost(vhost);
    raw = f.newConnection("ysh-test-raw");
  }

  @AfterAll
  void deleteVhost() throws Exception {
    if (raw != null) {
      raw.close();
    }
    if (vhost != null) {
      RabbitMqConformanceTest.rabbitmqctl("delete_vhost", vhost);
    }
  }

  private String url(String queue, String params) {
    return "rabbitmq://guest:guest@" + HOST + ":" + PORT + "/" + vhost + "/" + queue + params;
  }

  private static String fresh() {
    return "q-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Topic topic(String q, String params) {
    return Topic.builder(url(q, params)).telemetry(Telemetry.noop()).build();
  }

  private Subscription subscription(String q, String params) {
    return Subscription.builder(url(q, params)).telemetry(Telemetry.noop()).build();
  }

  private static ReceivedMessage one(Subscription s) {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      List<ReceivedMessage> got = s.receive(1, Duration.ofMillis(500));
      if (!got.isEmpty()) {
        return got.get(0);
      }
    }
    throw new AssertionError("no message within 20 s");
  }

  private long depth(String queue) throws Exception {
    try (Channel c = raw.createChannel()) {
      return c.queueDeclarePassive(queue).getMessageCount();
    }
  }

  /** The queue's depth once it exists and holds at least {@code atLeast} messages, or after 10 s. */
  private long awaitDepth(String queue, long atLeast) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long depth = -1;
    do {
      try {
        depth = depth(queue);
      } catch (IOException absent) {
        depth = -1;
      }
      if (depth >= atLeast) {
        return depth;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < end);
    return Math.max(depth, 0);
  }

  private GetResponse get(String queue) throws Exception { // and removes it
    try (Channel c = raw.createChannel()) {
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      GetResponse r;
      while ((r = c.basicGet(queue, true)) == null && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      return r;
    }
  }

  @Test
  void deadLettersAreMovedByTheBrokerIntactAndStartAfreshInTheDeadLetterQueue() throws Exception {
    String q = fresh();
    String dlq = q + "-graveyard";
    Message sent = Message.builder().body("poison").attribute("kind", "bad").attribute("região", "SP").orderingKey("k1").build();
    String id;
    try (Topic t = topic(q, ""); Subscription sub = subscription(q, "?maxAttempts=2&deadLetter=" + dlq)) {
      id = t.publish(sent);
      List<Integer> attempts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        ReceivedMessage m = one(sub);
        attempts.add(m.deliveryAttempt());
        m.nack(Duration.ofMillis(100));
      }
      assertThat(attempts).containsExactly(1, 2);
      assertThat(sub.receive(1, Duration.ofSeconds(1))).as("the third delivery was dead-lettered").isEmpty();
      assertThat(depth(q)).isZero();
    }
    assertThat(depth(dlq)).as("exactly one copy").isEqualTo(1);
    try (Channel c = raw.createChannel()) {
      GetResponse r = c.basicGet(dlq, false); // looked at, then given back by closing the channel
      assertThat(r).isNotNull();
      // x-death is written by the broker when it dead-letters: the message was moved, not copied.
      @SuppressWarnings("unchecked")
      Map<String, Object> death = ((List<Map<String, Object>>) r.getProps().getHeaders().get("x-death")).get(0);
      assertThat(death.get("reason").toString()).isEqualTo("rejected");
      assertThat(death.get("queue").toString()).isEqualTo(q);
    }
    try (Subscription dead = subscription(dlq, "")) {
      ReceivedMessage m = one(dead);
      assertThat(m.bodyAsString()).isEqualTo("poison");
      assertThat(m.attributes()).containsExactlyInAnyOrderEntriesOf(sent.attributes());
      assertThat(m.orderingKey()).contains("k1");
      assertThat(m.id()).isEqualTo(id);
      assertThat(m.deliveryAttempt()).as("the raw look counts; the nack in the source queue does not").isEqualTo(2);
      m.ack();
    }
    assertThat(depth(dlq)).isZero();
  }

  @Test
  void aQueueDeclaredElsewhereIsUsedAsItIsAndDeadLettersAreCopied() throws Exception {
    String q = fresh();
    try (Channel c = raw.createChannel()) {
      c.queueDeclare(q, true, false, false, null);
    }
    try (Topic t = topic(q, ""); Subscription sub = subscription(q, "?maxAttempts=1")) {
      t.publish(Message.builder().body("legacy").attribute("a", "b").build());
      one(sub).nack(Duration.ZERO);
      assertThat(sub.receive(1, Duration.ofSeconds(1))).isEmpty();
    }
    GetResponse r = get(q + ".dlq");
    assertThat(r).isNotNull();
    assertThat(new String(r.getBody(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("legacy");
    assertThat(String.valueOf(r.getProps().getHeaders().get("a"))).isEqualTo("b");
    assertThat(r.getProps().getHeaders()).as("copied by the SDK, not dead-lettered by the broker").doesNotContainKey("x-death");
  }

  /**
   * A queue deleted after the topic declared it: without {@code mandatory} the broker drops the
   * message and still confirms it, and the publish "succeeds" with nothing enqueued anywhere.
   */
  @Test
  void aPublishToAQueueDeletedBehindTheTopicsBackFailsInsteadOfVanishing() throws Exception {
    String q = fresh();
    try (Topic t = topic(q, "")) {
      t.publish(Message.of("before"));
      try (Channel c = raw.createChannel()) {
        c.queueDelete(q);
      }
      assertCode(() -> t.publish(Message.of("lost?")), ErrorCode.NOT_FOUND, q);
      assertCode(() -> t.publishAll(List.of(Message.of("a"), Message.of("b"))), ErrorCode.NOT_FOUND, "2 of 2");
      try (Channel c = raw.createChannel()) {
        c.queueDeclare(q, true, false, false, null);
      }
      t.publish(Message.of("after"));
      assertThat(new String(get(q).getBody(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("after");
    }
  }

  /**
   * The SDK's dead-letter copy (queues declared elsewhere) into a dead-letter queue deleted after
   * the first copy: the original must not be acked for a copy the broker dropped. It stays in the
   * queue, and the next attempt declares the dead-letter queue again and copies it there.
   */
  @Test
  void aDeadLetterCopyIntoADeletedDeadLetterQueueLosesNothing() throws Exception {
    String q = fresh();
    try (Channel c = raw.createChannel()) {
      c.queueDeclare(q, true, false, false, null);
    }
    try (Topic t = topic(q, ""); Subscription sub = subscription(q, "?maxAttempts=1")) {
      t.publish(Message.of("first"));
      one(sub).nack(Duration.ZERO);
      assertThat(sub.receive(1, Duration.ofSeconds(1))).as("dead-lettered when it comes back").isEmpty();
      assertThat(awaitDepth(q + ".dlq", 1)).isEqualTo(1);
      try (Channel c = raw.createChannel()) {
        c.queueDelete(q + ".dlq");
      }
      t.publish(Message.of("second"));
      ReceivedMessage m = one(sub);
      assertThat(m.bodyAsString()).isEqualTo("second");
      m.nack(Duration.ZERO);
      try {
        assertThat(sub.receive(1, Duration.ofSeconds(1))).isEmpty(); // its dead-letter copy is returned
      } catch (YshException e) {
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
      }
    }
    try (Subscription sub = subscription(q, "?maxAttempts=1")) {
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < end && awaitDepth(q + ".dlq", 0) == 0) {
        for (ReceivedMessage m : sub.receive(1, Duration.ofMillis(500))) {
          m.nack(Duration.ZERO);
        }
      }
    }
    GetResponse r = get(q + ".dlq");
    assertThat(r).as("the message reached the dead-letter queue declared again").isNotNull();
    assertThat(new String(r.getBody(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("second");
    assertThat(depth(q)).isZero();
  }

  @Test
  void aShortNackDelayIsNotHeldBackByALongerOne() throws Exception {
    String q = fresh();
    try (Topic t = topic(q, ""); Subscription sub = subscription(q, "")) {
      t.publish(Message.of("slow"));
      t.publish(Message.of("fast"));
      List<ReceivedMessage> both = new ArrayList<>();
      while (both.size() < 2) {
        both.addAll(sub.receive(2, Duration.ofSeconds(5)));
      }
      ReceivedMessage slow = both.stream().filter(m -> m.bodyAsString().equals("slow")).findFirst().orElseThrow();
      ReceivedMessage fast = both.stream().filter(m -> m.bodyAsString().equals("fast")).findFirst().orElseThrow();
      long start = System.nanoTime();
      slow.nack(Duration.ofSeconds(30));
      fast.nack(Duration.ofMillis(500));
      ReceivedMessage again = one(sub);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(again.bodyAsString()).isEqualTo("fast");
      assertThat(again.deliveryAttempt()).isEqualTo(2);
      assertThat(ms).as("came back after its own delay, not the 30 s ahead of it").isBetween(400L, 10_000L);
      again.ack();
      assertThat(depth(q + ".retry.30000ms")).isEqualTo(1);
      assertThat(depth(q + ".retry.500ms")).isZero();
    }
    assertThat(RabbitMqSubscriptionDriver.bucket(500)).isEqualTo(500);
    assertThat(RabbitMqSubscriptionDriver.bucket(12_345)).isEqualTo(13_000);
    assertThat(RabbitMqSubscriptionDriver.bucket(101)).isEqualTo(110);
    assertThat(RabbitMqSubscriptionDriver.bucket(7)).isEqualTo(7);
  }

  @Test
  void quorumQueuesCountCrashRedeliveriesExactly() throws Exception {
    String q = fresh();
    try (Channel c = raw.createChannel()) {
      c.queueDeclare(q, true, false, false, Map.of("x-queue-type", "quorum"));
      c.queueDeclare(q + ".retry", true, false, false, Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", q));
    }
    String params = "?declare=false&prefetch=1";
    try (Topic t = topic(q, params)) {
      t.publish(Message.of("crashy"));
    }
    for (int expected = 1; expected <= 3; expected++) {
      try (Subscription sub = subscription(q, params)) {
        ReceivedMessage m = one(sub);
        assertThat(m.deliveryAttempt()).isEqualTo(expected);
        // closed without settling: the broker returns it and counts the return
        sub.unwrap(Connection.class).abort();
      }
    }
    try (Subscription sub = subscription(q, params)) {
      ReceivedMessage m = one(sub);
      assertThat(m.deliveryAttempt()).isEqualTo(4);
      m.nack(Duration.ofMillis(200));
      ReceivedMessage again = one(sub);
      assertThat(again.deliveryAttempt()).as("a nack through the retry queue keeps counting").isEqualTo(5);
      again.ack();
    }
  }

  @Test
  void badUrlsAndMissingDestinationsFailClearly() {
    assertCode(() -> Topic.open("rabbitmq://" + HOST + ":" + PORT), ErrorCode.INVALID_ARGUMENT, "/queue");
    assertCode(() -> Topic.open("rabbitmq://" + HOST + ":" + PORT + "/a/b/c"), ErrorCode.INVALID_ARGUMENT, "/queue");
    assertCode(() -> Subscription.open(url("q", "?prefetch=0")), ErrorCode.INVALID_ARGUMENT, "prefetch");
    assertCode(() -> Subscription.open(url("q", "?declare=perhaps")), ErrorCode.INVALID_ARGUMENT, "declare");
    assertCode(() -> Topic.open("rabbitmq://guest:guest@" + HOST + ":" + PORT + "/no-such-vhost-" + UUID.randomUUID() + "/q"),
        ErrorCode.NOT_FOUND, "");
    assertCode(() -> Subscription.open(url("never-declared-" + UUID.randomUUID(), "?declare=false")), ErrorCode.NOT_FOUND, "");
  }

  @Test
  void driversFromTheBuilderWorkAndAreCheckedAsTheUrlsAre() {
    String q = fresh();
    RabbitMqQueues.Builder b = RabbitMqQueues.builder().host(HOST, PORT).virtualHost(vhost)
        .credentials("guest", io.ysh.core.Secret.of("guest")).queue(q).prefetch(10);
    try (Topic topic = Topic.builder(b.buildTopicDriver()).telemetry(Telemetry.noop()).build();
        Subscription sub = Subscription.builder(b.buildSubscriptionDriver()).telemetry(Telemetry.noop()).build()) {
      topic.publish(Message.of("built"));
      ReceivedMessage m = one(sub);
      assertThat(m.bodyAsString()).isEqualTo("built");
      m.ack();
    }
    assertCode(() -> RabbitMqQueues.builder().host(HOST, PORT).virtualHost(vhost).queue("q").prefetch(0).buildSubscriptionDriver(),
        ErrorCode.INVALID_ARGUMENT, "prefetch");
    assertCode(() -> RabbitMqQueues.builder().host(HOST, PORT).virtualHost(vhost).queue("never-declared-" + UUID.randomUUID())
        .declare(false).buildSubscriptionDriver(), ErrorCode.NOT_FOUND, "");
    assertCode(() -> RabbitMqQueues.builder().buildTopicDriver(), ErrorCode.INVALID_ARGUMENT, "queue");
  }

  private static void assertCode(Runnable r, ErrorCode code, String mentions) {
    assertThatThrownBy(r::run)
        .isInstanceOf(YshException.class)
        .hasMessageContaining(mentions)
        .satisfies(e -> assertThat(((YshException) e).code()).as(e.getMessage()).isEqualTo(code));
  }
}
