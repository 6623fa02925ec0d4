package io.ysh.queue.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Publishes with XADD; a batch is pipelined on one connection. */
final class RedisStreamTopicDriver implements TopicDriver {

  private final RedisStreamQueueDriverProvider.Settings settings;
  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final byte[] key;
  private final QueueCapabilities caps;

  RedisStreamTopicDriver(RedisStreamQueueDriverProvider.Settings settings) {
    this.settings = settings;
    this.key = RedisStreamCodec.bytes(settings.stream);
    this.caps = RedisStreamCodec.caps(settings.ackDeadline);
    this.client = RedisClient.create(RedisStreamQueueDriverProvider.resources(), settings.uri);
    try {
      this.connection = client.connect(ByteArrayCodec.INSTANCE);
      RedisStreamSubscriptionDriver.ensureGroup(connection, settings);
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw e;
    }
  }

  @Override
  public String provider() {
    return "redis-stream";
  }

  @Override
  public String name() {
    return settings.stream;
  }

  @Override
  public QueueCapabilities capabilities() {
    return caps;
  }

  @Override
  public List<String> sendBatch(List<Message> batch) throws Exception {
    XAddArgs args = settings.maxLen == null ? null : XAddArgs.Builder.maxlen(settings.maxLen).approximateTrimming();
    List<RedisFuture<String>> futures = new ArrayList<>(batch.size());
    for (Message m : batch) {
      futures.add(args == null ? connection.async().xadd(key, RedisStreamCodec.encode(m)) : connection.async().xadd(key, args, RedisStreamCodec.encode(m)));
    }
    List<String> ids = new ArrayList<>(batch.size());
    try {
      for (RedisFuture<String> f : futures) {
        ids.add(f.get(30, TimeUnit.SECONDS));
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    }
    return ids;
  }

  /** PING on the driver's own connection, bounded by {@code timeout}. */
  @Override
  public void ping(Duration timeout) throws Exception {
    RedisStreamCodec.ping(connection, timeout);
  }

  @Override
  public ErrorMapper errorMapper() {
    return RedisErrors::map;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    if (type.isInstance(client)) {
      return Optional.of(type.cast(client));
    }
    return type.isInstance(connection) ? Optional.of(type.cast(connection)) : Optional.empty();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
