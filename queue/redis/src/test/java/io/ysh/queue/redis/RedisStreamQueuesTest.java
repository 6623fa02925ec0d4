package io.ysh.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Drivers from {@link RedisStreamQueues#builder()} on the shared Redis behave as the
 * {@code redis-stream://} URL's and are checked alike; the test's stream is unique and deleted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisStreamQueuesTest {

  private static final String HOST = RedisStreamConformanceTest.HOST;
  private static final int PORT = RedisStreamConformanceTest.PORT;
  private final String stream = "ysh-built-" + UUID.randomUUID();

  @BeforeAll
  void requireRedis() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, PORT), 2000);
    } catch (IOException e) {
      Assumptions.abort("no Redis server on " + HOST + ":" + PORT + " (" + e + "); start redis-server to run these tests");
    }
  }

  @AfterAll
  void deleteStream() {
    RedisClient client = RedisClient.create("redis://" + HOST + ":" + PORT);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      c.sync().del(stream, stream + ".dlq");
    } finally {
      client.shutdown();
    }
  }

  @Test
  void builtDriversPublishAndReceive() {
    RedisStreamQueues.Builder b = RedisStreamQueues.builder().host(HOST, PORT).stream(stream).group("built")
        .ackDeadline(Duration.ofSeconds(20));
    try (Topic topic = Topic.builder(b.buildTopicDriver()).telemetry(Telemetry.noop()).build();
        Subscription sub = Subscription.builder(b.buildSubscriptionDriver()).telemetry(Telemetry.noop()).build()) {
      topic.publish(Message.of("built"));
      List<ReceivedMessage> got = sub.receive(1, Duration.ofSeconds(10));
      assertThat(got).hasSize(1);
      assertThat(got.get(0).bodyAsString()).isEqualTo("built");
      got.get(0).ack();
    }
  }

  @Test
  void optionsAreCheckedAsTheUrlsAre() {
    assertCode(() -> RedisStreamQueues.builder().buildTopicDriver(), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> RedisStreamQueues.builder().host(HOST, PORT).stream(stream).ackDeadline(Duration.ZERO).buildSubscriptionDriver(),
        ErrorCode.INVALID_ARGUMENT);
  }

  private static void assertCode(Runnable r, ErrorCode code) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
