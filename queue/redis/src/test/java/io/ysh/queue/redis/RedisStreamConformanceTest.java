package io.ysh.queue.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.conformance.QueueConformance;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the queue conformance suite against the Redis server on 127.0.0.1:6379 (override with
 * {@code -Dysh.redis.host/port}). The server is shared: every stream name is unique to the run and
 * deleted afterwards; nothing else is touched. Skipped, with a message, when no server listens.
 */
class RedisStreamConformanceTest extends QueueConformance {

  private static final RedisStreamQueueDriverProvider PROVIDER = new RedisStreamQueueDriverProvider();

  static final String HOST = System.getProperty("ysh.redis.host", "127.0.0.1");
  static final int PORT = Integer.getInteger("ysh.redis.port", 6379);

  private final Set<String> streams = ConcurrentHashMap.newKeySet();
  private RedisClient admin;
  private StatefulRedisConnection<String, String> conn;

  @BeforeAll
  void requireRedis() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, PORT), 2000);
    } catch (IOException e) {
      Assumptions.abort("no Redis server on " + HOST + ":" + PORT + " (" + e + "); start redis-server to run these tests");
    }
    admin = RedisClient.create("redis://" + HOST + ":" + PORT);
    conn = admin.connect();
  }

  @AfterAll
  void deleteStreams() {
    if (conn == null) {
      return;
    }
    try {
      for (String s : streams) {
        conn.sync().del(s, s + ".dlq", s + "-dlq");
      }
    } finally {
      conn.close();
      admin.shutdown();
    }
  }

  /** The group's pending entries plus its lag (XINFO GROUPS). */
  @Override
  protected OptionalLong messagesLeft(String queue) {
    return OptionalLong.of(RedisCounts.messagesLeft(conn.sync(), stream(queue), "ysh"));
  }

  private static String stream(String queue) {
    return queue.startsWith("ysh-") ? queue : "ysh-" + queue;
  }

  @Override
  protected String url(String queue) {
    String stream = stream(queue);
    streams.add(stream);
    return "redis-stream://" + HOST + ":" + PORT + "/" + stream;
  }

  // Through the URL provider, as Topic.open gets it, rather than RedisStreamQueues.builder(): the suite then also
  // proves the URL reading of every subscription option; the builder has its own tests.
  @Override
  protected TopicDriver newTopicDriver(String queue) {
    return PROVIDER.openTopic(ResourceUrl.parse(url(queue)));
  }

  @Override
  protected SubscriptionDriver newSubscriptionDriver(SubscriptionSpec spec) {
    return PROVIDER.openSubscription(ResourceUrl.parse(spec.appendTo(url(spec.queue()))));
  }

  @Override
  protected Optional<InetSocketAddress> brokerAddress() {
    return Optional.of(new InetSocketAddress(HOST, PORT));
  }

  @Override
  protected TopicDriver newTopicDriverVia(String queue, String host, int port) {
    url(queue); // registers the stream for deletion
    return PROVIDER.openTopic(ResourceUrl.parse("redis-stream://" + host + ":" + port + "/" + stream(queue)));
  }

  @Override
  protected SubscriptionDriver newSubscriptionDriverVia(String queue, String host, int port) {
    url(queue);
    return PROVIDER.openSubscription(ResourceUrl.parse("redis-stream://" + host + ":" + port + "/" + stream(queue)));
  }

  @Override
  protected Optional<String> missingQueueUrl() {
    return Optional.of(url("never-created-" + UUID.randomUUID()) + "?create=false");
  }

  @Override
  protected Optional<Class<?>> nativeType() {
    return Optional.of(RedisClient.class);
  }

  @Override
  protected List<String> malformedUrls() {
    return List.of(
        "redis-stream://" + HOST + ":" + PORT,
        "redis-stream://" + HOST + ":" + PORT + "/a/b",
        "redis-stream://" + HOST + ":" + PORT + "/s?create=perhaps");
  }
}
