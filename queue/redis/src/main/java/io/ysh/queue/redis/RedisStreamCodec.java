package io.ysh.queue.redis;

import io.lettuce.core.StreamMessage;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Message ↔ stream entry fields: {@code b} body, {@code k} ordering key, {@code a:<name>} attributes. */
final class RedisStreamCodec {

  private static final byte[] BODY = bytes("b");
  private static final String KEY = "k";
  private static final String ATTR = "a:";

  private RedisStreamCodec() {}

  static QueueCapabilities caps(Duration ackDeadline) {
    return QueueCapabilities.builder()
        .maxMessageBytes(8 * 1024 * 1024)
        .maxBatchMessages(500)
        .maxBatchBytes(16L * 1024 * 1024)
        .maxAttributes(100)
        .maxAttributeNameLength(1024)
        .maxAttributeValueBytes(64 * 1024)
        .emptyBodyAllowed(true)
        .orderingKeys(true)
        .deduplication(false)
        .extendDeadline(true)
        .maxNackDelay(ackDeadline)
        .nativeDeadLetter(false)
        .build();
  }

  /**
   * Sends PING on a connection and waits up to {@code timeout} for PONG. While the connection is
   * down Lettuce queues the command, so an unreachable server ends in a {@link
   * java.util.concurrent.TimeoutException} (the command is then cancelled).
   */
  static void ping(io.lettuce.core.api.StatefulRedisConnection<byte[], byte[]> connection, Duration timeout) throws Exception {
    io.lettuce.core.RedisFuture<String> f = connection.async().ping();
    try {
      f.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    } catch (java.util.concurrent.TimeoutException e) {
      f.cancel(true);
      throw e;
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Map<byte[], byte[]> encode(Message m) {
    Map<byte[], byte[]> fields = new LinkedHashMap<>();
    fields.put(BODY, m.body());
    m.orderingKey().ifPresent(k -> fields.put(bytes(KEY), bytes(k)));
    m.attributes().forEach((k, v) -> fields.put(bytes(ATTR + k), bytes(v)));
    return fields;
  }

  static Message decode(StreamMessage<byte[], byte[]> e) {
    Message.Builder b = Message.builder();
    Map<byte[], byte[]> body = e.getBody();
    if (body != null) {
      for (Map.Entry<byte[], byte[]> f : body.entrySet()) {
        String name = new String(f.getKey(), StandardCharsets.UTF_8);
        if (name.equals("b")) {
          b.body(f.getValue());
        } else if (name.equals(KEY)) {
          b.orderingKey(new String(f.getValue(), StandardCharsets.UTF_8));
        } else if (name.startsWith(ATTR)) {
          b.attribute(name.substring(ATTR.length()), new String(f.getValue(), StandardCharsets.UTF_8));
        }
      }
    }
    return b.build();
  }
}
