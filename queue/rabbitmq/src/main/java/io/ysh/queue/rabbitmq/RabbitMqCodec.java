package io.ysh.queue.rabbitmq;

import com.rabbitmq.client.AMQP;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Message ↔ AMQP properties and body; the SDK's bookkeeping headers start with {@code x-ysh-}. */
final class RabbitMqCodec {

  static final String ORDERING_KEY = "x-ysh-ordering-key";
  static final String NACKS = "x-ysh-nacks";
  /** The queue whose nacks {@link #NACKS} counts: a message dead-lettered with its headers starts afresh. */
  static final String NACKED_IN = "x-ysh-nacked-in";
  /** Set by quorum queues: how many times the broker returned the message (consumer died, requeue). */
  static final String DELIVERY_COUNT = "x-delivery-count";

  static final QueueCapabilities CAPS =
      QueueCapabilities.builder()
          .maxMessageBytes(16 * 1024 * 1024)
          .maxBatchMessages(500)
          .maxBatchBytes(32L * 1024 * 1024)
          .maxAttributes(100)
          .maxAttributeNameLength(200)
          .maxAttributeValueBytes(64 * 1024)
          .emptyBodyAllowed(true)
          .orderingKeys(true)
          .deduplication(false)
          .extendDeadline(true)
          .maxNackDelay(Duration.ofHours(24))
          // The portable layer counts attempts and decides; the move itself uses the queue's
          // dead-letter exchange where the driver declared one (see RabbitMqSubscriptionDriver).
          .nativeDeadLetter(false)
          .build();

  private RabbitMqCodec() {}

  static AMQP.BasicProperties properties(Message m, String messageId, int nacks, String queue, Long expirationMs) {
    Map<String, Object> headers = new HashMap<>(m.attributes());
    m.orderingKey().ifPresent(k -> headers.put(ORDERING_KEY, k));
    if (nacks > 0) {
      headers.put(NACKS, nacks);
      headers.put(NACKED_IN, queue);
    }
    AMQP.BasicProperties.Builder b =
        new AMQP.BasicProperties.Builder()
            .messageId(messageId == null ? UUID.randomUUID().toString() : messageId)
            .deliveryMode(2)
            .headers(headers);
    if (expirationMs != null) {
      b.expiration(Long.toString(expirationMs));
    }
    return b.build();
  }

  static Message decode(AMQP.BasicProperties props, byte[] body) {
    Message.Builder b = Message.builder().body(body);
    Map<String, Object> headers = props.getHeaders();
    if (headers != null) {
      for (Map.Entry<String, Object> e : headers.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        String value = e.getValue().toString();
        if (e.getKey().equals(ORDERING_KEY)) {
          b.orderingKey(value);
        } else if (!e.getKey().startsWith("x-")) {
          b.attribute(e.getKey(), value);
        }
      }
    }
    return b.build();
  }

  /**
   * Which delivery this is, 1-based: the nacks recorded for {@code queue} (each went through the
   * retry queue as a new message), plus the broker's returns of this copy: quorum queues count them
   * exactly in {@code x-delivery-count}; classic queues only flag a redelivery, so there it is a
   * lower bound.
   */
  static int attempt(AMQP.BasicProperties props, boolean redelivered, String queue) {
    Map<String, Object> headers = props.getHeaders();
    int nacks = 0;
    long returns = redelivered ? 1 : 0;
    if (headers != null) {
      Object n = headers.get(NACKS);
      Object in = headers.get(NACKED_IN);
      if (n instanceof Number num && (in == null || queue.equals(in.toString()))) {
        nacks = num.intValue();
      }
      if (headers.get(DELIVERY_COUNT) instanceof Number count) {
        returns = Math.max(returns, count.longValue());
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, nacks + returns + 1);
  }
}
