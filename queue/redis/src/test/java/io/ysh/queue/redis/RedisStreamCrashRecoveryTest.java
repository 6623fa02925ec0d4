package io.ysh.queue.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.ysh.queue.conformance.QueueCrashRecovery;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ServerProcess;
import io.ysh.testkit.server.redis.RedisNodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash and restart proofs of {@code redis-stream://} ({@link QueueCrashRecovery}) on a
 * {@code redis-server} of the test's own (free port, own directory, never the shared 6379), with
 * the append-only file fsynced on every write, so a write Redis acknowledged survives a
 * {@code kill -9}. A delivery held by a dead consumer stays in the group's pending list and is
 * claimed (XAUTOCLAIM) by the next consumer once idle for {@code ackDeadline} (2 s here), as
 * attempt 2. "Nothing left" is the group's pending count plus its lag.
 */
class RedisStreamCrashRecoveryTest extends QueueCrashRecovery {

  private static final Duration ACK_DEADLINE = Duration.ofSeconds(2);

  private Path dir;
  private int port;
  private ServerProcess redis;
  private RedisClient admin;
  private StatefulRedisConnection<String, String> conn;

  @BeforeAll
  void startRedis() {
    dir = RedisNodes.tempDir("stream-crash");
    port = FreePorts.next();
    redis = startServer();
    admin = RedisClient.create("redis://127.0.0.1:" + port);
    conn = admin.connect();
  }

  private ServerProcess startServer() {
    return RedisNodes.start("redis-stream-crash", port, dir, List.of("--appendonly", "yes", "--appendfsync", "always"));
  }

  @AfterAll
  void stopRedis() {
    if (conn != null) {
      conn.close();
      admin.shutdown();
    }
    if (redis != null) {
      redis.close();
    }
    RedisNodes.deleteQuietly(dir);
  }

  @Override
  protected String driver() {
    return "redis-stream";
  }

  @Override
  protected String topicUrl(String queue) {
    return "redis-stream://127.0.0.1:" + port + "/" + queue;
  }

  @Override
  protected String subscriptionUrl(String queue) {
    return topicUrl(queue) + "?ackDeadline=" + ACK_DEADLINE.toMillis() + "ms";
  }

  @Override
  protected String deadLetterUrl(String queue) {
    return subscriptionUrl(dlqName(queue));
  }

  @Override
  protected String dlqName(String queue) {
    return queue + ".dlq";
  }

  /** XAUTOCLAIM increments the entry's delivery count: the next consumer sees attempt 2. */
  @Override
  protected int attemptAfterCrash() {
    return 2;
  }

  /** Pending entries of the group {@code ysh} plus the entries it has not read yet (its lag). */
  @Override
  protected OptionalLong messagesLeft(String queue) {
    return OptionalLong.of(RedisCounts.messagesLeft(conn.sync(), queue, "ysh"));
  }

  @Test
  void unsettledDeliveriesComeBackAfterTheAckDeadline() {
    assertRedeliveredAfterTheAckDeadline(ACK_DEADLINE);
  }

  /**
   * Redis killed with SIGKILL and started again on the same port and append-only file: what it
   * acknowledged is there, a publish during the outage times out (retryable) after Lettuce's 10 s
   * command timeout, and Lettuce reconnects the running subscriber by itself.
   */
  @Test
  void aRedisCrashAndRestartLosesNothingConfirmed() throws Exception {
    assertSurvivesBrokerRestart(new Broker() {
      @Override
      public void crash() {
        redis.kill();
        redis.close();
      }

      @Override
      public void start() {
        redis = startServer();
      }
    }, Duration.ofSeconds(40));
  }
}
