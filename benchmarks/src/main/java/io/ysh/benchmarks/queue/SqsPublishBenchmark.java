package io.ysh.benchmarks.queue;

import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.Topic;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * SQS publish throughput of 1 KiB text messages, 100 per invocation: portable
 * {@link Topic#publishAll} (which sends SendMessageBatch requests of 10) against the raw AWS SDK v2
 * client sending the same ten SendMessageBatch requests one after the other, with the same HTTP
 * client (url-connection). Runs against ElasticMQ (or any SQS endpoint) given by
 * {@code -Dysh.bench.sqs.endpoint} (default {@code http://127.0.0.1:9324}); each side gets a fresh
 * queue for the trial (tens of thousands of messages: give ElasticMQ a 1 GiB heap), deleted after. Start ElasticMQ from the jars the sqs module's tests
 * copy (run {@code mvn -o -pl queue/sqs test-compile} once):
 *
 * <pre>
 * printf 'include classpath("application.conf")\nrest-sqs { bind-port = 9324, bind-hostname = "127.0.0.1" }\nrest-stats.enabled = false\n' &gt; /tmp/elasticmq.conf
 * java -Xmx1g -Dconfig.file=/tmp/elasticmq.conf -cp 'queue/sqs/target/elasticmq-jars/*' org.elasticmq.server.Main &amp;
 * java -jar benchmarks/target/benchmarks.jar SqsPublishBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class SqsPublishBenchmark {

  static final int BATCH = 100;
  static final String ENDPOINT = System.getProperty("ysh.bench.sqs.endpoint", "http://127.0.0.1:9324");

  private List<Message> batch;
  private String body;
  private Topic topic;
  private SqsClient raw;
  private String rawQueueUrl;
  private String portableQueueUrl;

  /** Opens the portable topic and the raw client on two fresh queues. */
  @Setup(Level.Trial)
  public void setUp() {
    // Text, as most SQS payloads are (a binary body would travel base64-encoded).
    Random random = new Random(1);
    StringBuilder sb = new StringBuilder(1024);
    for (int i = 0; i < 1024; i++) {
      sb.append((char) ('a' + random.nextInt(26)));
    }
    body = sb.toString();
    batch = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      batch.add(Message.of(body.getBytes(StandardCharsets.UTF_8)));
    }
    raw = SqsClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(ENDPOINT))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .build();
    // One queue and one client per side for the whole trial: a client created per iteration on
    // one side only made that side look slower (it was still warming up when measured).
    String name = "ysh-bench-" + UUID.randomUUID().toString().substring(0, 8);
    rawQueueUrl = raw.createQueue(r -> r.queueName(name + "-raw")).queueUrl();
    topic = Topic.builder("sqs://bench:bench@" + name + "?region=us-east-1&endpoint=" + ENDPOINT).telemetry(Telemetry.noop()).build();
    portableQueueUrl = raw.getQueueUrl(r -> r.queueName(name)).queueUrl();
  }

  /** Closes the topic, deletes both queues, closes the raw client. */
  @TearDown(Level.Trial)
  public void tearDown() {
    topic.close();
    raw.deleteQueue(r -> r.queueUrl(rawQueueUrl));
    raw.deleteQueue(r -> r.queueUrl(portableQueueUrl));
    raw.close();
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
   * The raw client: ten SendMessageBatch requests of ten.
   *
   * @return the last response
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public SendMessageBatchResponse raw() {
    SendMessageBatchResponse last = null;
    for (int i = 0; i < BATCH; i += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>(10);
      for (int j = 0; j < 10; j++) {
        entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(j)).messageBody(body).build());
      }
      last = raw.sendMessageBatch(r -> r.queueUrl(rawQueueUrl).entries(entries));
      if (!last.failed().isEmpty()) {
        throw new IllegalStateException("SQS rejected " + last.failed());
      }
    }
    return last;
  }
}
