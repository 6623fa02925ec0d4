package io.ysh.benchmarks.queue;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PubsubMessage;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.Topic;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * Pub/Sub publish throughput of 1 KiB messages in batches of 100 on Google's Pub/Sub emulator:
 * the portable {@link Topic#publishAll} ({@code gcppubsub://}) against the raw client doing the
 * same work, once as a {@link Publisher} with the same batching (100 messages added, then
 * {@code publishAllOutstanding}) and once as one Publish RPC of 100 messages through the
 * generated stub ({@link TopicAdminClient#publishCallable()}). The topic has no subscription, so
 * the emulator keeps nothing.
 *
 * <p>Uses the emulator at {@code $PUBSUB_EMULATOR_HOST} when set; otherwise starts the Debian
 * package's emulator jar ({@code google-cloud-cli-pubsub-emulator}, or {@code -Dysh.pubsub.emulator.jar})
 * on a free 127.0.0.1 port for the trial and stops it afterwards.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PubSubPublishBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PubSubPublishBenchmark {

  static final int BATCH = 100;
  private static final String PROJECT = "ysh-bench";
  private static final String EMULATOR_DIR = "/usr/lib/google-cloud-sdk/platform/pubsub-emulator/lib";

  private final String name = "ysh-bench-" + UUID.randomUUID().toString().substring(0, 8);
  private Process emulator;
  private ManagedChannel channel;
  private Topic topic;
  private Publisher publisher;
  private TopicAdminClient admin;
  private List<Message> batch;
  private List<PubsubMessage> rawBatch;
  private PublishRequest request;

  /**
   * Starts (or finds) the emulator, creates the topic, opens the portable topic and the raw clients.
   *
   * @throws Exception when the emulator cannot be had
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String endpoint = System.getenv("PUBSUB_EMULATOR_HOST");
    if (endpoint == null || endpoint.isBlank()) {
      endpoint = startEmulator();
    }
    byte[] body = new byte[1024];
    new Random(1).nextBytes(body);
    batch = new ArrayList<>(BATCH);
    rawBatch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      batch.add(Message.of(body));
      rawBatch.add(PubsubMessage.newBuilder().setData(ByteString.copyFrom(body)).build());
    }
    String topicPath = "projects/" + PROJECT + "/topics/" + name;
    request = PublishRequest.newBuilder().setTopic(topicPath).addAllMessages(rawBatch).build();

    channel = ManagedChannelBuilder.forTarget(endpoint).usePlaintext().build();
    TransportChannelProvider fixed = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    admin = TopicAdminClient.create(TopicAdminSettings.newBuilder()
        .setTransportChannelProvider(fixed)
        .setCredentialsProvider(NoCredentialsProvider.create())
        .build());
    admin.createTopic(topicPath);
    publisher = Publisher.newBuilder(topicPath)
        .setChannelProvider(fixed)
        .setCredentialsProvider(NoCredentialsProvider.create())
        .setBatchingSettings(BatchingSettings.newBuilder()
            .setElementCountThreshold(1000L)
            .setRequestByteThreshold(9_000_000L)
            .setDelayThresholdDuration(Duration.ofMillis(10))
            .build())
        .build();
    topic = Topic.builder("gcppubsub://projects/" + PROJECT + "/topics/" + name + "?endpoint=" + endpoint)
        .telemetry(Telemetry.noop())
        .build();
  }

  private String startEmulator() throws Exception {
    Path jar = findJar();
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    emulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar.toString(),
        "--host=127.0.0.1", "--port=" + port)
        .redirectErrorStream(true)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    String line;
    while ((line = out.readLine()) != null) {
      if (line.contains("Server started, listening on " + port)) {
        Thread drain = new Thread(() -> {
          try {
            while (out.readLine() != null) {
              // keep the pipe empty
            }
          } catch (java.io.IOException e) {
            // the emulator stopped
          }
        }, "pubsub-emulator-output");
        drain.setDaemon(true);
        drain.start();
        return "127.0.0.1:" + port;
      }
      if (System.nanoTime() > end) {
        break;
      }
    }
    emulator.destroyForcibly();
    throw new IllegalStateException("the Pub/Sub emulator did not start on port " + port);
  }

  private static Path findJar() throws Exception {
    String explicit = System.getProperty("ysh.pubsub.emulator.jar");
    if (explicit != null) {
      return Path.of(explicit);
    }
    Path dir = Path.of(EMULATOR_DIR);
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "cloud-pubsub-emulator-*-all.jar")) {
        for (Path p : s) {
          return p;
        }
      }
    }
    throw new IllegalStateException("no Pub/Sub emulator: set PUBSUB_EMULATOR_HOST, -Dysh.pubsub.emulator.jar, "
        + "or apt-get install google-cloud-cli-pubsub-emulator");
  }

  /**
   * Closes the clients, deletes the topic and stops the emulator this trial started.
   *
   * @throws Exception on failure
   */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    topic.close();
    publisher.shutdown();
    publisher.awaitTermination(10, TimeUnit.SECONDS);
    admin.deleteTopic(request.getTopic());
    admin.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    if (emulator != null) {
      emulator.destroy();
      if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
        emulator.destroyForcibly();
      }
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
   * The client library's Publisher with the same batching.
   *
   * @return the ids
   * @throws Exception on failure
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<String> rawPublisher() throws Exception {
    List<ApiFuture<String>> fs = new ArrayList<>(BATCH);
    for (PubsubMessage m : rawBatch) {
      fs.add(publisher.publish(m));
    }
    publisher.publishAllOutstanding();
    return ApiFutures.allAsList(fs).get();
  }

  /**
   * One Publish RPC of the whole batch through the generated stub.
   *
   * @return the ids
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<String> rawStub() {
    return admin.publishCallable().call(request).getMessageIdsList();
  }
}
