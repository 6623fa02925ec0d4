package io.ysh.benchmarks.queue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * End-to-end latency through the portable API: publish one 1 KiB message, receive it, ack it (the
 * ack is queued for the background batcher, as every {@code ack()} is). SampleTime mode reports
 * p50/p99 (JMH's {@code p0.50}/{@code p0.99} lines). Needs RabbitMQ on 127.0.0.1:5672, Redis on
 * 127.0.0.1:6379, and for {@code sqs} an SQS endpoint at {@code -Dysh.bench.sqs.endpoint} (default
 * {@code http://127.0.0.1:9324}; see {@link SqsPublishBenchmark} for starting ElasticMQ);
 * {@code mem} needs nothing. Pick drivers with {@code -p provider=rabbitmq,sqs}.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar QueueLatencyBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class QueueLatencyBenchmark {

  /** Which driver. */
  @Param({"mem", "rabbitmq", "redis", "sqs"})
  public String provider;

  private Topic topic;
  private Subscription subscription;
  private Message message;
  private String name;

  /** Opens the topic and subscription on a fresh queue. */
  @Setup(Level.Trial)
  public void setUp() {
    name = "ysh-bench-lat-" + UUID.randomUUID().toString().substring(0, 8);
    String url = switch (provider) {
      case "mem" -> "mem://" + name;
      case "rabbitmq" -> "rabbitmq://guest:guest@127.0.0.1:5672/" + name;
      case "sqs" -> "sqs://bench:bench@" + name + "?region=us-east-1&endpoint=" + SqsPublishBenchmark.ENDPOINT;
      default -> "redis-stream://127.0.0.1:6379/" + name + "?maxLen=10000";
    };
    topic = Topic.builder(url).telemetry(Telemetry.noop()).build();
    subscription = Subscription.builder(url).telemetry(Telemetry.noop()).build();
    message = Message.of(new byte[1024]);
  }

  /**
   * Closes both and deletes the queue or stream.
   *
   * @throws Exception on failure
   */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    subscription.close();
    if (provider.equals("rabbitmq")) {
      Channel c = topic.unwrap(Connection.class).createChannel();
      c.queueDelete(name);
      c.exchangeDelete(name + ".dlx");
      c.close();
    } else if (provider.equals("sqs")) {
      SqsClient c = topic.unwrap(SqsClient.class);
      c.deleteQueue(r -> r.queueUrl(c.getQueueUrl(g -> g.queueName(name)).queueUrl()));
    } else if (provider.equals("redis")) {
      try (StatefulRedisConnection<String, String> c = topic.unwrap(RedisClient.class).connect()) {
        c.sync().del(name);
      }
    }
    topic.close();
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
