package io.ysh.benchmarks.queue;

import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end latency through the portable API on Kafka: publish one 1 KiB message (acks=all),
 * receive it through the consumer group, ack it (the ack is committed in the background).
 * SampleTime mode reports p50/p99. Its own class rather than a {@code QueueLatencyBenchmark}
 * parameter because it needs a broker address; run it as {@link KafkaPublishBenchmark} describes:
 *
 * <pre>java -Dysh.bench.kafka.bootstrap=127.0.0.1:9092 -jar benchmarks/target/benchmarks.jar KafkaLatencyBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class KafkaLatencyBenchmark {

  private final String name = "ysh-bench-lat-" + UUID.randomUUID().toString().substring(0, 8);
  private Admin admin;
  private Topic topic;
  private Subscription subscription;
  private Message message;

  /**
   * Creates the topic and opens the topic and subscription.
   *
   * @throws Exception on failure
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Properties ap = new Properties();
    ap.put("bootstrap.servers", KafkaPublishBenchmark.bootstrap());
    admin = Admin.create(ap);
    KafkaPublishBenchmark.createCapped(admin, name);
    String url = "kafka://" + KafkaPublishBenchmark.bootstrap() + "/" + name + "?create=false";
    topic = Topic.builder(url).telemetry(Telemetry.noop()).build();
    subscription = Subscription.builder(url).telemetry(Telemetry.noop()).build();
    message = Message.of(new byte[1024]);
  }

  /**
   * Closes both and deletes the topic.
   *
   * @throws Exception on failure
   */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    subscription.close();
    topic.close();
    admin.deleteTopics(List.of(name)).all().get(30, TimeUnit.SECONDS);
    admin.close();
  }

  /**
   * Publish, receive, ack.
   *
   * @return the message id
   */
  @Benchmark
  public String publishReceiveAck() {
    String id = topic.publish(message);
    List<ReceivedMessage> got = subscription.receive(1, Duration.ofSeconds(5));
    if (got.isEmpty()) {
      throw new IllegalStateException("no message within 5 s");
    }
    got.get(0).ack();
    return id;
  }
}
