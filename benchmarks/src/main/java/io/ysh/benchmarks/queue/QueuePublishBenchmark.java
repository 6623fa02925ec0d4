package io.ysh.benchmarks.queue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.Topic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Publish throughput of 1 KiB messages in batches of 100, portable {@link Topic#publishAll} against
 * the raw client doing the same work on the same broker: RabbitMQ (persistent messages, one
 * publisher-confirm round per batch) and Redis Streams (pipelined XADD with approximate MAXLEN).
 * Needs RabbitMQ on 127.0.0.1:5672 (guest) and Redis on 127.0.0.1:6379; the queue is capped
 * (x-max-length) and the stream trimmed, and both are deleted afterwards.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar QueuePublishBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class QueuePublishBenchmark {

  static final int BATCH = 100;

  /** Which broker. */
  @Param({"rabbitmq", "redis"})
  public String provider;

  private final String name = "ysh-bench-" + UUID.randomUUID().toString().substring(0, 8);
  private List<Message> batch;
  private byte[] body;
  private Topic topic;

  private Connection rabbit;
  private Channel rawChannel;
  private RedisClient redis;
  private StatefulRedisConnection<byte[], byte[]> rawRedis;

  /** Opens the portable topic and the raw client. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    body = new byte[1024];
    new Random(1).nextBytes(body);
    batch = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      batch.add(Message.of(body));
    }
    if (provider.equals("rabbitmq")) {
      ConnectionFactory f = new ConnectionFactory();
      f.setHost("127.0.0.1");
      rabbit = f.newConnection("ysh-bench-raw");
      rawChannel = rabbit.createChannel();
      rawChannel.queueDeclare(name, true, false, false, Map.of("x-max-length", 20_000));
      rawChannel.queueDeclare(name + ".retry", true, false, false, Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", name));
      rawChannel.confirmSelect();
      topic = Topic.builder("rabbitmq://guest:guest@127.0.0.1:5672/" + name + "?declare=false").telemetry(Telemetry.noop()).build();
    } else {
      redis = RedisClient.create("redis://127.0.0.1:6379");
      rawRedis = redis.connect(ByteArrayCodec.INSTANCE);
      topic = Topic.builder("redis-stream://127.0.0.1:6379/" + name + "?maxLen=20000").telemetry(Telemetry.noop()).build();
    }
  }

  /** Closes everything and deletes the queue or stream. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    topic.close();
    if (rabbit != null) {
      rawChannel.queueDelete(name);
      rawChannel.queueDelete(name + ".retry");
      rabbit.close();
    }
    if (redis != null) {
      rawRedis.sync().del(name.getBytes(StandardCharsets.UTF_8), (name + "-raw").getBytes(StandardCharsets.UTF_8));
      rawRedis.close();
      redis.shutdown();
    }
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
   * The raw client doing the same work.
   *
   * @return the last id
   * @throws Exception on failure
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object raw() throws Exception {
    if (rawChannel != null) {
      String last = null;
      for (int i = 0; i < BATCH; i++) {
        last = UUID.randomUUID().toString();
        AMQP.BasicProperties p = new AMQP.BasicProperties.Builder().messageId(last).deliveryMode(2).headers(new HashMap<>()).build();
        rawChannel.basicPublish("", name, p, body.clone());
      }
      rawChannel.waitForConfirmsOrDie(30_000);
      return last;
    }
    XAddArgs args = XAddArgs.Builder.maxlen(20_000).approximateTrimming();
    byte[] key = (name + "-raw").getBytes(StandardCharsets.UTF_8);
    List<RedisFuture<String>> fs = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      Map<byte[], byte[]> fields = new HashMap<>();
      fields.put(new byte[] {'b'}, body.clone());
      fs.add(rawRedis.async().xadd(key, args, fields));
    }
    String last = null;
    for (RedisFuture<String> f : fs) {
      last = f.get(30, TimeUnit.SECONDS);
    }
    return last;
  }
}
