package io.ysh.queue.sqs;

import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.conformance.QueueConformance;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.MavenJars;
import io.ysh.testkit.server.ReadinessProbe;
import io.ysh.testkit.server.ServerProcess;
import io.ysh.testkit.server.SharedServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs the queue conformance suite against ElasticMQ 1.7.1 (strict SQS limits), started once per
 * JVM as its own process from the jars Maven copied into {@code target/elasticmq-jars}, bound to
 * 127.0.0.1 on a free port.
 */
class SqsConformanceTest extends QueueConformance {

  private static final SqsQueueDriverProvider PROVIDER = new SqsQueueDriverProvider();

  static int port;
  private SqsClient raw;

  @BeforeAll
  void startElasticMq() {
    port = startServer();
    raw = SqsCounts.client(port);
  }

  @AfterAll
  void closeClient() {
    if (raw != null) {
      raw.close();
    }
  }

  /** ElasticMQ's exact count of visible, in-flight and delayed messages. */
  @Override
  protected OptionalLong messagesLeft(String queue) {
    return OptionalLong.of(SqsCounts.messagesLeft(raw, queue));
  }

  static int startServer() {
    ElasticMq server = SharedServers.getOrStart("elasticmq", ElasticMq::start);
    return server.port;
  }

  @Override
  protected String url(String queue) {
    return "sqs://test:test@" + queue + "?region=us-east-1&endpoint=http://127.0.0.1:" + port;
  }

  // Through the URL provider, as Topic.open gets it, rather than SqsQueues.builder(): the suite then also
  // proves the URL reading of every subscription option; the builder has its own tests.
  @Override
  protected TopicDriver newTopicDriver(String queue) {
    return PROVIDER.openTopic(ResourceUrl.parse(url(queue)));
  }

  @Override
  protected SubscriptionDriver newSubscriptionDriver(SubscriptionSpec spec) {
    return PROVIDER.openSubscription(ResourceUrl.parse(spec.appendTo(url(spec.queue()))));
  }

  @Override
  protected Optional<String> missingQueueUrl() {
    return Optional.of(url("never-created-" + UUID.randomUUID()) + "&create=false");
  }

  @Override
  protected Optional<Class<?>> nativeType() {
    return Optional.of(SqsClient.class);
  }

  /** ElasticMQ as a shared server. */
  static final class ElasticMq implements io.ysh.testkit.server.ManagedServer {
    final ServerProcess process;
    final int port;

    private ElasticMq(ServerProcess process, int port) {
      this.process = process;
      this.port = port;
    }

    static ElasticMq start() {
      int port = FreePorts.next();
      try {
        Path dir = Files.createDirectories(Path.of("target", "elasticmq"));
        Path conf = dir.resolve("elasticmq-" + port + ".conf");
        Files.writeString(conf, String.join("\n",
            "include classpath(\"application.conf\")",
            "node-address { protocol = http, host = \"127.0.0.1\", port = " + port + ", context-path = \"\" }",
            "rest-sqs { enabled = true, bind-port = " + port + ", bind-hostname = \"127.0.0.1\", sqs-limits = strict }",
            "rest-stats { enabled = false }",
            "generate-node-address = false",
            ""));
        ServerProcess p = ServerProcess.builder("elasticmq")
            .javaMain("org.elasticmq.server.Main", MavenJars.classpath(Path.of("target", "elasticmq-jars")),
                List.of("-Xmx256m", "-Dconfig.file=" + conf.toAbsolutePath()), List.of())
            .readiness(ReadinessProbe.tcp(port))
            .startupTimeout(Duration.ofSeconds(60))
            .start();
        return new ElasticMq(p, port);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String name() {
      return "elasticmq";
    }

    @Override
    public boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public void close() {
      process.close();
    }
  }

  @Override
  protected List<String> malformedUrls() {
    return List.of(
        "sqs:///?region=us-east-1&endpoint=http://127.0.0.1:" + port,
        "sqs://q/extra?region=us-east-1&endpoint=http://127.0.0.1:" + port,
        url("q") + "&create=perhaps",
        url("q.fifo") + "&deadLetter=plain-dlq");
  }
}
