package io.ysh.queue.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.GetSubscriptionRequest;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What the conformance suite does not cover, on the Pub/Sub emulator (see {@link PubSubEmulator};
 * skipped with a message when it is not installed): server message ids, the escape hatch, the
 * two URL forms, Pub/Sub's own limits checked before sending, missing resources, the delivery
 * attempt Pub/Sub reports under a dead-letter policy, and the builder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PubSubDriverTest {

  private String endpoint;

  /** Per test, so that each test is reported as skipped (with the reason) when there is no emulator. */
  @BeforeEach
  void startEmulator() {
    endpoint = PubSubEmulator.endpoint();
  }

  private static String fresh() {
    return "drv-" + UUID.randomUUID().toString().substring(0, 12);
  }

  private String topicUrl(String name) {
    return "gcppubsub://projects/" + PubSubEmulator.PROJECT + "/topics/" + name + "?subscription=" + name + "&create=true&endpoint=" + endpoint;
  }

  private static List<ReceivedMessage> receive(Subscription sub, int n) {
    List<ReceivedMessage> got = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (got.size() < n && System.nanoTime() < end) {
      got.addAll(sub.receive(n - got.size(), Duration.ofMillis(500)));
    }
    assertThat(got).hasSize(n);
    return got;
  }

  @Test
  void publishReturnsTheServerMessageIdThatTheConsumerSees() {
    String q = fresh();
    try (Topic topic = Topic.open(topicUrl(q)); Subscription sub = Subscription.open(topicUrl(q))) {
      String id = topic.publish(Message.of("hello"));
      List<String> more = topic.publishAll(List.of(Message.of("a"), Message.of("b")));
      ReceivedMessage m = receive(sub, 1).get(0);
      assertThat(m.id()).isEqualTo(id);
      assertThat(more).hasSize(2).doesNotContain(id);
      m.ack();
      receive(sub, 2).forEach(ReceivedMessage::ack);
    }
  }

  @Test
  void unwrapHandsOutPublisherStubAndAdminClient() {
    String q = fresh();
    try (Topic topic = Topic.open(topicUrl(q)); Subscription sub = Subscription.open(topicUrl(q))) {
      assertThat(topic.unwrap(Publisher.class).getTopicNameString()).isEqualTo("projects/" + PubSubEmulator.PROJECT + "/topics/" + q);
      assertThat(topic.unwrap(TopicAdminClient.class)).isNotNull();
      SubscriberStub stub = sub.unwrap(SubscriberStub.class);
      assertThat(stub.getSubscriptionCallable()
              .call(GetSubscriptionRequest.newBuilder().setSubscription("projects/" + PubSubEmulator.PROJECT + "/subscriptions/" + q).build())
              .getEnableMessageOrdering())
          .as("created subscriptions keep ordering keys")
          .isTrue();
      assertThat(sub.unwrap(TopicAdminClient.class)).isNotNull();
      assertThatThrownBy(() -> sub.unwrap(Publisher.class))
          .isInstanceOf(YshException.class)
          .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED));
    }
  }

  @Test
  void aSubscriptionUrlWithTopicWorksBothWays() {
    String t = fresh();
    String s = fresh();
    String url = "gcppubsub://projects/" + PubSubEmulator.PROJECT + "/subscriptions/" + s + "?topic=" + t + "&create=true&endpoint=" + endpoint;
    try (Subscription sub = Subscription.open(url); Topic topic = Topic.open(url)) {
      topic.publish(Message.builder().body("via subscription url").attribute("k", "v").orderingKey("key-1").build());
      ReceivedMessage m = receive(sub, 1).get(0);
      assertThat(m.bodyAsString()).isEqualTo("via subscription url");
      assertThat(m.orderingKey()).contains("key-1");
      m.ack();
    }
  }

  @Test
  void pubsubLimitsAreCheckedBeforeAnythingIsSent() {
    String q = fresh();
    try (Topic topic = Topic.open(topicUrl(q)); Subscription sub = Subscription.open(topicUrl(q))) {
      assertThatThrownBy(() -> topic.publishAll(List.of(Message.of("fine"), Message.builder().body("x").attribute("goog-reserved", "v").build())))
          .isInstanceOf(YshException.class)
          .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
          .hasMessageContaining("goog");
      assertThatThrownBy(() -> topic.publish(Message.builder().body("x").orderingKey("k".repeat(1025)).build()))
          .hasMessageContaining("ordering key of 1025 bytes");
      assertThatThrownBy(() -> topic.publish(Message.builder().body("x").attribute("v", "é".repeat(513)).build()))
          .hasMessageContaining("1024");
      // A valid message published now must be the first to arrive: nothing of the rejected ones went out.
      topic.publish(Message.of("sentinel"));
      ReceivedMessage first = receive(sub, 1).get(0);
      assertThat(first.bodyAsString()).as("nothing of a rejected batch was sent").isEqualTo("sentinel");
      first.ack();
    }
  }

  @Test
  void missingTopicAndSubscriptionAreNotFound() {
    String missingTopic = "gcppubsub://projects/" + PubSubEmulator.PROJECT + "/topics/" + fresh() + "?endpoint=" + endpoint;
    try (Topic topic = Topic.open(missingTopic)) {
      assertThatThrownBy(() -> topic.publish(Message.of("x")))
          .isInstanceOf(YshException.class)
          .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
    String missingSub = "gcppubsub://projects/" + PubSubEmulator.PROJECT + "/subscriptions/" + fresh() + "?endpoint=" + endpoint;
    try (Subscription sub = Subscription.open(missingSub)) {
      assertThatThrownBy(() -> sub.receive(1, Duration.ofMillis(500)))
          .isInstanceOf(YshException.class)
          .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
    String cannotCreate = missingSub + "&create=true";
    assertThatThrownBy(() -> Subscription.open(cannotCreate))
        .isInstanceOf(YshException.class)
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessageContaining("topic=");
  }

  @Test
  void theDeliveryAttemptIsPubSubsOwnUnderADeadLetterPolicy() throws Exception {
    String t = fresh();
    String s = fresh();
    String dead = fresh();
    String project = "projects/" + PubSubEmulator.PROJECT;
    try (Topic topic = Topic.builder(PubSubQueues.builder().project(PubSubEmulator.PROJECT).topic(t).emulatorEndpoint(endpoint).create(true).buildTopicDriver()).build()) {
      TopicAdminClient admin = topic.unwrap(TopicAdminClient.class);
      admin.createTopic(project + "/topics/" + dead);
      try (PubSubClients clients = new PubSubClients(PubSubQueues.builder().project(PubSubEmulator.PROJECT).topic(t).emulatorEndpoint(endpoint).config());
          com.google.cloud.pubsub.v1.SubscriptionAdminClient subs = clients.subscriptionAdmin()) {
        subs.createSubscription(com.google.pubsub.v1.Subscription.newBuilder()
            .setName(project + "/subscriptions/" + s)
            .setTopic(project + "/topics/" + t)
            .setAckDeadlineSeconds(10)
            .setDeadLetterPolicy(DeadLetterPolicy.newBuilder().setDeadLetterTopic(project + "/topics/" + dead).setMaxDeliveryAttempts(5))
            .build());
      }
      topic.publish(Message.of("counted by the server"));
      try (Subscription first = Subscription.builder(PubSubQueues.builder().project(PubSubEmulator.PROJECT).subscription(s).emulatorEndpoint(endpoint)
          .ackDeadline(Duration.ofSeconds(2)).buildSubscriptionDriver()).build()) {
        ReceivedMessage m = receive(first, 1).get(0);
        assertThat(m.deliveryAttempt()).isEqualTo(1);
        m.nack(Duration.ZERO);
        ReceivedMessage again = receive(first, 1).get(0);
        assertThat(again.deliveryAttempt()).isEqualTo(2);
        again.ack();
      }
    }
  }

  @Test
  void smallBatchesFromTheUrlSplitPublishAll() {
    String q = fresh();
    try (Topic topic = Topic.open(topicUrl(q) + "&maxBatchMessages=7"); Subscription sub = Subscription.open(topicUrl(q))) {
      assertThat(topic.capabilities().maxBatchMessages()).isEqualTo(7);
      List<Message> batch = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        batch.add(Message.builder().body("m" + i).orderingKey("k").build());
      }
      assertThat(topic.publishAll(batch)).hasSize(30).doesNotHaveDuplicates();
      List<String> bodies = new ArrayList<>();
      for (ReceivedMessage m : receive(sub, 30)) {
        bodies.add(m.bodyAsString());
        m.ack();
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        expected.add("m" + i);
      }
      assertThat(bodies).as("one ordering key: publish order across the 5 requests").isEqualTo(expected);
    }
  }

  @Test
  void deadLetterWithoutATopicThatExistsFailsAndKeepsTheMessage() {
    String q = fresh();
    String url = topicUrl(q) + "&maxAttempts=1&nackDelay=100ms&ackDeadline=2s&deadLetter=" + fresh();
    try (Topic topic = Topic.open(topicUrl(q)); Subscription sub = Subscription.open(url)) {
      topic.publish(Message.of("kept"));
      ReceivedMessage m = receive(sub, 1).get(0);
      m.nack(Duration.ZERO);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      YshException failure = null;
      while (failure == null && System.nanoTime() < end) {
        try {
          sub.receive(1, Duration.ofMillis(500));
        } catch (YshException e) {
          failure = e;
        }
      }
      assertThat(failure).as("dead-lettering to a missing topic fails").isNotNull();
      assertThat(failure.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }
    // the message was not acked: it is still there for a consumer without maxAttempts
    try (Subscription again = Subscription.open(topicUrl(q) + "&ackDeadline=2s")) {
      ReceivedMessage m = receive(again, 1).get(0);
      assertThat(m.bodyAsString()).isEqualTo("kept");
      m.ack();
    }
  }
}
