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
          .nativeDeadLetter(false)
          .build();

  private RabbitMqCodec() {}

  static AMQP.BasicProperties properties(Message m, String messageId, int nacks, Long expirationMs) {
    Map<String, Object> headers = new HashMap<>(m.attributes());
    m.orderingKey().ifPresent(k -> headers.put(ORDERING_KEY, k));
    if (nacks > 0) {
      headers.put(NACKS, nacks);
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

  static int nacks(AMQP.BasicProperties props) {
    Map<String, Object> headers = props.getHeaders();
    Object n = headers == null ? null : headers.get(NACKS);
    return n instanceof Number num ? num.intValue() : 0;
  }
}
