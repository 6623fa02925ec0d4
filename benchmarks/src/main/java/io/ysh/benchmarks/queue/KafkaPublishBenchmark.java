package io.ysh.benchmarks.queue;

import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kafka publish throughput of 1 KiB messages in batches of 100: portable {@link Topic#publishAll}
 * against a raw {@link KafkaProducer} with the same settings (acks=all, idempotent, linger 5 ms,
 * 128 KiB batches) doing the same work (send 100 records, flush, wait for every acknowledgement),
 * on the same broker, each on its own topic (size-capped with {@code retention.bytes}, deleted
 * afterwards).
 *
 * <p>Needs a Kafka broker: pass its bootstrap address with {@code -Dysh.bench.kafka.bootstrap}
 * (JMH forks inherit it) or {@code YSH_BENCH_KAFKA_BOOTSTRAP}. A local one can be started from the
 * jars the queue/kafka test build copies into {@code queue/kafka/target/kafka-jars} (KRaft,
 * combined broker+controller; see {@code KafkaBroker} in that module's tests for the
 * {@code server.properties} it writes):
 *
 * <pre>
 * CP="queue/kafka/target/kafka-jars/*"
 * java -cp "$CP" kafka.tools.StorageTool format -t $(java -cp "$CP" kafka.tools.StorageTool random-uuid) -c server.properties
 * java -cp "$CP" kafka.Kafka server.properties &amp;
 * java -Dysh.bench.kafka.bootstrap=127.0.0.1:9092 -jar benchmarks/target/benchmarks.jar KafkaPublishBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class KafkaPublishBenchmark {

  static final int BATCH = 100;

  private final String name = "ysh-bench-" + UUID.randomUUID().toString().substring(0, 8);
  private List<Message> batch;
  private byte[] body;
  private Admin admin;
  private Topic topic;
  private KafkaProducer<byte[], byte[]> raw;

  /**
   * The broker's bootstrap address from {@code -Dysh.bench.kafka.bootstrap} or
   * {@code YSH_BENCH_KAFKA_BOOTSTRAP}.
   *
   * @return the address
   */
  static String bootstrap() {
    String b = System.getProperty("ysh.bench.kafka.bootstrap", System.getenv("YSH_BENCH_KAFKA_BOOTSTRAP"));
    if (b == null || b.isBlank()) {
      throw new IllegalStateException("set -Dysh.bench.kafka.bootstrap=host:port (or YSH_BENCH_KAFKA_BOOTSTRAP) to a running Kafka broker");
    }
    return b;
  }

  /**
   * Creates a size-capped topic on the broker.
   *
   * @param admin the admin client
   * @param topic the name
   * @throws Exception on failure
   */
  static void createCapped(Admin admin, String topic) throws Exception {
    admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1)
        .configs(Map.of("retention.bytes", Long.toString(64L * 1024 * 1024), "segment.bytes", Long.toString(16L * 1024 * 1024)))))
        .all().get(30, TimeUnit.SECONDS);
  }

  /**
   * Opens the portable topic and the raw producer.
   *
   * @throws Exception on failure
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    body = new byte[1024];
    new Random(1).nextBytes(body);
    batch = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      batch.add(Message.of(body));
    }
    Properties ap = new Properties();
    ap.put("bootstrap.servers", bootstrap());
    admin = Admin.create(ap);
    createCapped(admin, name);
    createCapped(admin, name + "-raw");
    topic = Topic.builder("kafka://" + bootstrap() + "/" + name + "?create=false").telemetry(Telemetry.noop()).build();
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    raw = new KafkaProducer<>(p);
  }

  /**
   * Closes everything and deletes both topics.
   *
   * @throws Exception on failure
   */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    topic.close();
    raw.close();
    admin.deleteTopics(List.of(name, name + "-raw")).all().get(30, TimeUnit.SECONDS);
    admin.close();
  }

  /**
   * The portable API.
   *
   * @return the ids
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<String> portable() {
    return topic.publishAll(batch);
  }

  /**
   * The raw producer doing the same work.
   *
   * @return the last record's metadata
   * @throws Exception on failure
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public RecordMetadata raw() throws Exception {
    List<Future<RecordMetadata>> fs = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      fs.add(raw.send(new ProducerRecord<>(name + "-raw", body.clone())));
    }
    raw.flush();
    RecordMetadata last = null;
    for (Future<RecordMetadata> f : fs) {
      last = f.get(30, TimeUnit.SECONDS);
    }
    return last;
  }
}
