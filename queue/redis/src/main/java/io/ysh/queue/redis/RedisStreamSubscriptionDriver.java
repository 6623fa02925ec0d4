package io.ysh.queue.redis;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.DriverMessage;
import io.ysh.queue.spi.SubscriptionDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consumes a stream through a consumer group. Each receive first claims (XAUTOCLAIM) deliveries
 * idle for longer than the ack deadline, whatever consumer they belonged to, then reads new
 * entries (XREADGROUP, blocking in short slices so claimable entries are not held up). Nack and
 * extendDeadline re-claim the entry for this consumer with an IDLE time chosen so that it becomes
 * claimable after the requested delay; both are therefore capped at the ack deadline. Dead letters
 * are moved by a Lua script (XADD to the dead-letter stream and XACK here, atomically).
 */
final class RedisStreamSubscriptionDriver implements SubscriptionDriver {

  private static final long SLICE_MS = 250;
  /** KEYS: stream, dead-letter stream; ARGV: group, entry id, then the entry's fields and values. */
  private static final byte[] MOVE_TO_DEAD_LETTER = RedisStreamCodec.bytes(
      "redis.call('XADD', KEYS[2], '*', unpack(ARGV, 3)) return redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])");

  private final RedisStreamQueueDriverProvider.Settings settings;
  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> reader;
  private final StatefulRedisConnection<byte[], byte[]> commands;
  private final byte[] key;
  private final byte[] dlqKey;
  private final Consumer<byte[]> consumer;
  private final QueueCapabilities caps;

  RedisStreamSubscriptionDriver(RedisStreamQueueDriverProvider.Settings settings) {
    this.settings = settings;
    this.key = RedisStreamCodec.bytes(settings.stream);
    this.dlqKey = RedisStreamCodec.bytes(settings.deadLetter);
    this.consumer = Consumer.from(RedisStreamCodec.bytes(settings.group), RedisStreamCodec.bytes(settings.consumer));
    this.caps = RedisStreamCodec.caps(settings.ackDeadline);
    this.client = RedisClient.create(RedisStreamQueueDriverProvider.resources(), settings.uri);
    try {
      this.commands = client.connect(ByteArrayCodec.INSTANCE);
      this.reader = client.connect(ByteArrayCodec.INSTANCE);
      reader.setTimeout(Duration.ofSeconds(10).plusMillis(SLICE_MS));
      ensureGroup(commands, settings);
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw e;
    }
  }

  static void ensureGroup(StatefulRedisConnection<byte[], byte[]> c, RedisStreamQueueDriverProvider.Settings s) {
    byte[] key = RedisStreamCodec.bytes(s.stream);
    if (!s.create) {
      if (c.sync().exists(key) == 0) {
        throw YshException.builder(ErrorCode.NOT_FOUND).detail("no Redis stream named " + s.stream + " (create=false)").build();
      }
    }
    try {
      c.sync().xgroupCreate(XReadArgs.StreamOffset.from(key, "0-0"), RedisStreamCodec.bytes(s.group), XGroupCreateArgs.Builder.mkstream(s.create));
    } catch (RedisBusyException e) {
      // BUSYGROUP: the group exists
    } catch (RedisCommandExecutionException e) {
      if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
        throw e;
      }
    }
  }

  @Override
  public String provider() {
    return "redis-stream";
  }

  @Override
  public String name() {
    return settings.stream + "/" + settings.group;
  }

  @Override
  public QueueCapabilities capabilities() {
    return caps;
  }

  @Override
  public List<DriverMessage> receiveBatch(int max, Duration wait) throws Exception {
    long end = System.nanoTime() + wait.toNanos();
    while (true) {
      List<DriverMessage> out = claimIdle(max);
      if (out.isEmpty()) {
        long remainingMs = (end - System.nanoTime()) / 1_000_000;
        List<StreamMessage<byte[], byte[]>> fresh = readNew(max, remainingMs <= 0 ? 0 : Math.min(remainingMs, SLICE_MS));
        for (StreamMessage<byte[], byte[]> e : fresh) {
          out.add(new DriverMessage(e.getId(), e.getId(), RedisStreamCodec.decode(e), 1));
        }
      }
      if (!out.isEmpty() || System.nanoTime() - end >= 0) {
        return out;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<StreamMessage<byte[], byte[]>> readNew(int max, long blockMs) {
    XReadArgs args = XReadArgs.Builder.count(max);
    if (blockMs > 0) {
      args.block(blockMs);
    }
    List<StreamMessage<byte[], byte[]>> got = reader.sync().xreadgroup(consumer, args, XReadArgs.StreamOffset.lastConsumed(key));
    return got == null ? List.of() : got;
  }

  private List<DriverMessage> claimIdle(int max) {
    RedisCommands<byte[], byte[]> sync = commands.sync();
    ClaimedMessages<byte[], byte[]> claimed =
        sync.xautoclaim(key, XAutoClaimArgs.Builder.xautoclaim(consumer, settings.ackDeadline, "0-0").count(max));
    List<DriverMessage> out = new ArrayList<>();
    if (claimed == null || claimed.getMessages().isEmpty()) {
      return out;
    }
    List<StreamMessage<byte[], byte[]>> messages = new ArrayList<>();
    for (StreamMessage<byte[], byte[]> m : claimed.getMessages()) {
      if (m != null && m.getBody() != null && !m.getBody().isEmpty()) {
        messages.add(m);
      }
    }
    if (messages.isEmpty()) {
      return out;
    }
    String first = messages.get(0).getId();
    String last = messages.get(messages.size() - 1).getId();
    Map<String, Long> counts = new HashMap<>();
    for (PendingMessage p : sync.xpending(key, consumer, Range.create(first, last), Limit.from(messages.size() * 2L + 10))) {
      counts.put(p.getId(), p.getRedeliveryCount());
    }
    for (StreamMessage<byte[], byte[]> m : messages) {
      int attempt = (int) Math.max(2, counts.getOrDefault(m.getId(), 2L));
      out.add(new DriverMessage(m.getId(), m.getId(), RedisStreamCodec.decode(m), attempt));
    }
    return out;
  }

  @Override
  public void ack(List<String> ackIds) {
    commands.sync().xack(key, consumer.getGroup(), ackIds.toArray(String[]::new));
  }

  @Override
  public void nack(List<String> ackIds, Duration delay) {
    reclaim(ackIds, delay);
  }

  @Override
  public void extendDeadline(String ackId, Duration extension) {
    reclaim(List.of(ackId), extension);
  }

  private void reclaim(List<String> ackIds, Duration visibleAfter) {
    long idle = Math.max(0, settings.ackDeadline.toMillis() - visibleAfter.toMillis());
    // JUSTID: does not count as a delivery; the entry becomes claimable once its idle time reaches the deadline.
    commands.sync().xclaim(key, consumer, XClaimArgs.Builder.justid().idle(idle), ackIds.toArray(String[]::new));
  }

  @Override
  public void deadLetter(List<DriverMessage> messages) {
    RedisCommands<byte[], byte[]> sync = commands.sync();
    for (DriverMessage m : messages) {
      Map<byte[], byte[]> fields = RedisStreamCodec.encode(m.message());
      byte[][] args = new byte[2 + fields.size() * 2][];
      args[0] = consumer.getGroup();
      args[1] = RedisStreamCodec.bytes(m.ackId());
      int i = 2;
      for (Map.Entry<byte[], byte[]> f : fields.entrySet()) {
        args[i++] = f.getKey();
        args[i++] = f.getValue();
      }
      // One script, so Redis runs XADD and XACK atomically: a crash cannot leave the entry both
      // in the dead-letter stream and pending here (which would dead-letter it a second time).
      sync.eval(MOVE_TO_DEAD_LETTER, ScriptOutputType.INTEGER, new byte[][] {key, dlqKey}, args);
    }
  }

  /** PING on the driver's own connection, bounded by {@code timeout}. */
  @Override
  public void ping(Duration timeout) throws Exception {
    RedisStreamCodec.ping(commands, timeout);
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
    return type.isInstance(commands) ? Optional.of(type.cast(commands)) : Optional.empty();
  }

  @Override
  public void close() {
    try {
      reader.close();
      commands.close();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
