package io.ysh.queue.kafka;

import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Message ↔ record: body = value, ordering key = key (UTF-8), attributes = headers (UTF-8 values).
 * Nothing of the SDK's own is added to a record, so consumers outside the SDK see plain records.
 */
final class KafkaCodec {

  /** Room left in a request for the record batch header, record framing and header varints. */
  static final int OVERHEAD_RESERVE = 1024;
  /** Producer default {@code max.request.size}. */
  static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;
  /** The longest nack delay: delayed records wait in the consumer's memory. */
  static final Duration MAX_NACK_DELAY = Duration.ofMinutes(15);

  private KafkaCodec() {}

  /**
   * The capabilities for a given record size limit.
   *
   * @param maxRecordBytes the smaller of the topic's {@code max.message.bytes} and the producer's
   *     {@code max.request.size}
   */
  static QueueCapabilities caps(int maxRecordBytes) {
    return QueueCapabilities.builder()
        .maxMessageBytes(maxRecordBytes - OVERHEAD_RESERVE)
        .maxBatchMessages(1000)
        .maxBatchBytes(16L * 1024 * 1024)
        .maxAttributes(64)
        .maxAttributeNameLength(1024)
        .maxAttributeValueBytes(64 * 1024)
        .emptyBodyAllowed(true)
        .orderingKeys(true)
        .deduplication(false)
        .extendDeadline(false)
        .maxNackDelay(MAX_NACK_DELAY)
        .nativeDeadLetter(false)
        .build();
  }

  static ProducerRecord<byte[], byte[]> encode(String topic, Message m) {
    List<Header> headers = new ArrayList<>(m.attributes().size());
    m.attributes().forEach((k, v) -> headers.add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
    byte[] key = m.orderingKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElse(null);
    return new ProducerRecord<>(topic, null, key, m.body(), headers);
  }

  static Message decode(ConsumerRecord<byte[], byte[]> r) {
    Message.Builder b = Message.builder();
    if (r.value() != null) {
      b.body(r.value());
    }
    if (r.key() != null) {
      b.orderingKey(new String(r.key(), StandardCharsets.UTF_8));
    }
    for (Header h : r.headers()) {
      b.attribute(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
    }
    return b.build();
  }

  static String messageId(String topic, int partition, long offset) {
    return topic + "-" + partition + "-" + offset;
  }
}
