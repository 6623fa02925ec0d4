package io.ysh.queue.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Native dead-lettering on ElasticMQ (shared with {@link SqsConformanceTest}): with
 * {@code maxAttempts} the driver gives the queue a RedrivePolicy and SQS itself moves the message,
 * keeping its id, body and attributes, exactly once; a queue's existing policy is honoured and a
 * contradicting URL rejected; {@code redrive=false} (and unmanaged queues) leave it to the portable
 * layer. The raw SqsClient inspects queues behind the SDK's back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqsNativeDeadLetterTest {

  private int port;
  private SqsClient raw;

  @BeforeAll
  void start() {
    port = SqsConformanceTest.startServer();
    raw = SqsClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }

  @AfterAll
  void stop() {
    raw.close();
  }

  private String url(String name, String params) {
    return "sqs://test:test@" + name + "?region=us-east-1&endpoint=http://127.0.0.1:" + port + "&ackDeadline=2s" + params;
  }

  private static String fresh() {
    return "ysh-redrive-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Subscription subscription(String name, String params) {
    return Subscription.builder(url(name, params)).telemetry(Telemetry.noop()).build();
  }

  /** Receives and nacks until the message is gone from the queue; returns the attempts seen. */
  private static List<Integer> nackUntilGone(Subscription sub, String dlqName, SqsClient raw) {
    List<Integer> attempts = new ArrayList<>();
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String dlqUrl = raw.getQueueUrl(r -> r.queueName(dlqName)).queueUrl();
    while (System.nanoTime() < end) {
      for (ReceivedMessage m : sub.receive(1, Duration.ofMillis(300))) {
        attempts.add(m.deliveryAttempt());
        m.nack(Duration.ZERO);
      }
      String n = raw.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
          .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
      if (!"0".equals(n)) {
        break;
      }
    }
    return attempts;
  }

  @Test
  void maxAttemptsInstallsARedrivePolicyAndSqsMovesTheMessageIntactExactlyOnce() throws Exception {
    String q = fresh();
    String dlq = q + "-dlq";
    byte[] binary = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10};
    Message sent = Message.builder().body(binary).attribute("kind", "poison").attribute("região", "São Paulo \u0001").build();
    try (Topic topic = Topic.builder(url(q, "")).telemetry(Telemetry.noop()).build();
        Subscription sub = subscription(q, "&maxAttempts=2")) {
      assertThat(sub.capabilities().nativeDeadLetter()).isTrue();
      String queueUrl = raw.getQueueUrl(r -> r.queueName(q)).queueUrl();
      String policy = raw.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY))
          .attributes().get(QueueAttributeName.REDRIVE_POLICY);
      assertThat(SqsRedrive.parse(policy)).isEqualTo(new SqsRedrive.Policy(2, dlq));

      String id = topic.publish(sent);
      assertThat(nackUntilGone(sub, dlq, raw)).containsExactly(1, 2);

      String dlqUrl = raw.getQueueUrl(r -> r.queueName(dlq)).queueUrl();
      List<software.amazon.awssdk.services.sqs.model.Message> moved = raw.receiveMessage(r -> r.queueUrl(dlqUrl)
          .maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(30).messageAttributeNames("All")
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
      assertThat(moved).as("exactly one copy in the dead-letter queue").hasSize(1);
      // SQS keeps the message id when it redrives; the portable layer's copy would have a new one.
      assertThat(moved.get(0).messageId()).as("moved by SQS, not copied").isEqualTo(id);
      Message decoded = SqsCodec.decode(moved.get(0).body(), moved.get(0).messageAttributes(), null);
      assertThat(decoded.body()).isEqualTo(binary);
      assertThat(decoded.attributes()).containsExactlyInAnyOrderEntriesOf(sent.attributes());
      raw.changeMessageVisibility(r -> r.queueUrl(dlqUrl).receiptHandle(moved.get(0).receiptHandle()).visibilityTimeout(0));

      // Through the portable layer too, and nothing else arrives later.
      try (Subscription dead = subscription(dlq, "")) {
        List<ReceivedMessage> got = dead.receive(10, Duration.ofSeconds(2));
        assertThat(got).hasSize(1);
        assertThat(got.get(0).body()).isEqualTo(binary);
        assertThat(got.get(0).attributes()).containsExactlyInAnyOrderEntriesOf(sent.attributes());
        got.get(0).ack();
        // ElasticMQ's exact counts, awaited: a wait for a message to show up would pass on a slow server.
        awaitEmpty(q, "gone from the source queue");
        awaitEmpty(dlq, "no second copy in the dead-letter queue");
      }
    }
  }

  @Test
  void anExistingRedrivePolicyIsHonouredAndContradictionsAreRejected() {
    String q = fresh();
    String dlq = q + "-elsewhere";
    String dlqUrl = raw.createQueue(r -> r.queueName(dlq)).queueUrl();
    String arn = raw.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    raw.createQueue(r -> r.queueName(q).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
        "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":3}")));

    // No maxAttempts in the URL: SQS still dead-letters, and the portable layer stays out of it.
    try (Topic topic = Topic.builder(url(q, "")).telemetry(Telemetry.noop()).build();
        Subscription sub = subscription(q, "")) {
      assertThat(sub.capabilities().nativeDeadLetter()).isTrue();
      topic.publish(Message.of("x"));
      assertThat(nackUntilGone(sub, dlq, raw)).containsExactly(1, 2, 3);
    }
    try (Subscription agreeing = subscription(q, "&maxAttempts=3&deadLetter=" + dlq)) {
      assertThat(agreeing.capabilities().nativeDeadLetter()).isTrue();
    }
    assertCode(() -> subscription(q, "&maxAttempts=5").close(), ErrorCode.PRECONDITION_FAILED, "maxAttempts=5");
    assertCode(() -> subscription(q, "&deadLetter=" + q + "-dlq").close(), ErrorCode.PRECONDITION_FAILED, dlq);
  }

  @Test
  void redriveFalseAndUnmanagedQueuesKeepPortableDeadLettering() {
    String q = fresh();
    try (Topic topic = Topic.builder(url(q, "")).telemetry(Telemetry.noop()).build();
        Subscription sub = subscription(q, "&maxAttempts=1&redrive=false")) {
      assertThat(sub.capabilities().nativeDeadLetter()).isFalse();
      String queueUrl = raw.getQueueUrl(r -> r.queueName(q)).queueUrl();
      assertThat(raw.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL)).attributes())
          .doesNotContainKey(QueueAttributeName.REDRIVE_POLICY);
      String id = topic.publish(Message.builder().body("p").attribute("a", "b").build());
      raw.createQueue(r -> r.queueName(q + "-dlq"));
      assertThat(nackUntilGone(sub, q + "-dlq", raw)).containsExactly(1);
      try (Subscription dead = subscription(q + "-dlq", "")) {
        ReceivedMessage m = dead.receive(1, Duration.ofSeconds(2)).get(0);
        assertThat(m.bodyAsString()).isEqualTo("p");
        assertThat(m.attributes()).containsEntry("a", "b");
        assertThat(m.id()).as("a copy made by the portable layer").isNotEqualTo(id);
        m.ack();
      }
    }
    // create=false: the SDK does not manage the queue, so it does not give it a policy either.
    try (Subscription unmanaged = subscription(q, "&maxAttempts=1&create=false")) {
      assertThat(unmanaged.capabilities().nativeDeadLetter()).isFalse();
    }
  }

  @Test
  void malformedUrlsFailBeforeAnyRequest() {
    assertCode(() -> Topic.open("sqs:///?region=us-east-1"), ErrorCode.INVALID_ARGUMENT, "queue name");
    assertCode(() -> Topic.open("sqs://orders/extra?region=us-east-1"), ErrorCode.INVALID_ARGUMENT, "no path");
    assertCode(() -> Subscription.open("sqs://orders.fifo?deadLetter=plain-dlq"), ErrorCode.INVALID_ARGUMENT, "FIFO");
    assertCode(() -> Subscription.open("sqs://orders?maxAttempts=two"), ErrorCode.INVALID_ARGUMENT, "maxAttempts");
    assertCode(() -> Subscription.open("sqs://orders?redrive=maybe"), ErrorCode.INVALID_ARGUMENT, "redrive");
  }

  private void awaitEmpty(String queue, String what) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (SqsCounts.messagesLeft(raw, queue) != 0 && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertThat(SqsCounts.messagesLeft(raw, queue)).as(what).isZero();
  }

  private static void assertCode(Runnable r, ErrorCode code, String mentions) {
    assertThatThrownBy(r::run)
        .isInstanceOf(YshException.class)
        .hasMessageContaining(mentions)
        .satisfies(e -> assertThat(((YshException) e).code()).as(e.getMessage()).isEqualTo(code));
  }
}
