package io.ysh.queue.kafka;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.TopicDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes with an idempotent {@link KafkaProducer} ({@code acks=all}): a batch is handed to the
 * producer record by record (the producer packs them into per-partition record batches), then
 * flushed, and {@link #sendBatch} returns once every record is acknowledged by the broker.
 */
final class KafkaTopicDriver implements TopicDriver {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicDriver.class);

  private final KafkaSettings settings;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;
  private final QueueCapabilities caps;

  private KafkaTopicDriver(KafkaSettings settings, Admin admin, KafkaProducer<byte[], byte[]> producer, QueueCapabilities caps) {
    this.settings = settings;
    this.admin = admin;
    this.producer = producer;
    this.caps = caps;
  }

  static KafkaTopicDriver open(KafkaSettings s) {
    Admin admin = null;
    KafkaProducer<byte[], byte[]> producer = null;
    try {
      admin = KafkaTopics.admin(s, "producer");
      KafkaTopics.ensure(admin, s, s.topic, s.create);
      Map<String, Object> p = producerProperties(s, "producer");
      int requestMax = Integer.parseInt(String.valueOf(p.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)));
      int limit = Math.min(requestMax, KafkaTopics.maxMessageBytes(admin, s.topic));
      producer = new KafkaProducer<>(p);
      return new KafkaTopicDriver(s, admin, producer, KafkaCodec.caps(limit));
    } catch (Exception e) {
      closeQuietly(producer, admin);
      throw KafkaErrors.open(s, e);
    }
  }

  /** Producer defaults the SDK relies on; anything the user set wins except the serializers. */
  static Map<String, Object> producerProperties(KafkaSettings s, String role) {
    Map<String, Object> p = s.common(role);
    p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    p.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
    p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
    p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(KafkaCodec.DEFAULT_MAX_REQUEST_SIZE));
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }

  /** Sends every record, flushes, and waits for all acknowledgements; used by the subscription's dead-lettering too. */
  static List<String> send(Producer<byte[], byte[]> producer, String topic, List<Message> batch) throws Exception {
    List<Future<RecordMetadata>> futures = new ArrayList<>(batch.size());
    for (Message m : batch) {
      futures.add(producer.send(KafkaCodec.encode(topic, m)));
    }
    producer.flush();
    List<String> ids = new ArrayList<>(batch.size());
    try {
      for (Future<RecordMetadata> f : futures) {
        RecordMetadata md = f.get(KafkaTopics.ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ids.add(KafkaCodec.messageId(md.topic(), md.partition(), md.offset()));
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    }
    return ids;
  }

  @Override
  public String provider() {
    return "kafka";
  }

  @Override
  public String name() {
    return settings.topic;
  }

  @Override
  public QueueCapabilities capabilities() {
    return caps;
  }

  @Override
  public List<String> sendBatch(List<Message> batch) throws Exception {
    return send(producer, settings.topic, batch);
  }

  /** One {@code DescribeTopics} of the topic through the admin client, bounded by {@code timeout}. */
  @Override
  public void ping(java.time.Duration timeout) throws Exception {
    KafkaTopics.ping(admin, settings.topic, timeout);
  }

  @Override
  public ErrorMapper errorMapper() {
    return KafkaErrors::map;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    if (type.isInstance(producer)) {
      return Optional.of(type.cast(producer));
    }
    return type.isInstance(admin) ? Optional.of(type.cast(admin)) : Optional.empty();
  }

  @Override
  public void close() {
    closeQuietly(producer, admin);
  }

  static void closeQuietly(AutoCloseable... all) {
    for (AutoCloseable c : all) {
      if (c == null) {
        continue;
      }
      try {
        if (c instanceof Producer<?, ?> p) {
          p.close(java.time.Duration.ofSeconds(10));
        } else if (c instanceof Admin a) {
          a.close(java.time.Duration.ofSeconds(5));
        } else {
          c.close();
        }
      } catch (Exception e) {
        LOG.warn("closing Kafka client failed: {}", e.toString());
      }
    }
  }
}
