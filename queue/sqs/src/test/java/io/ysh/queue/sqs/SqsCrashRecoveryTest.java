package io.ysh.queue.sqs;

import io.ysh.queue.conformance.QueueCrashRecovery;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.MavenJars;
import io.ysh.testkit.server.ReadinessProbe;
import io.ysh.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Crash and restart proofs of {@code sqs://} ({@link QueueCrashRecovery}) on an ElasticMQ 1.7.1
 * of the test's own: its own JVM on a free port, with queues and messages persisted in an H2
 * database written on every commit ({@code WRITE_DELAY=0}), so what it acknowledged survives a
 * {@code kill -9}. A message held by a dead consumer becomes visible again when its visibility
 * timeout ({@code ackDeadline}, 2 s here) ends; SQS counts the receive, so it comes back as
 * attempt 2, and with {@code maxAttempts=1} SQS itself moves it to the dead-letter queue (the
 * redrive policy the driver installs). "Nothing left" is ElasticMQ's exact count of visible,
 * invisible and delayed messages.
 */
class SqsCrashRecoveryTest extends QueueCrashRecovery {

  private static final Duration ACK_DEADLINE = Duration.ofSeconds(2);

  private int port;
  private ServerProcess.Builder elasticMq;
  private ServerProcess server;
  private SqsClient raw;

  @BeforeAll
  void startElasticMq() throws IOException {
    port = FreePorts.next();
    Path dir = Files.createDirectories(Path.of("target", "elasticmq-crash", Integer.toString(port)).toAbsolutePath());
    Path conf = dir.resolve("elasticmq.conf");
    Files.writeString(conf, String.join("\n",
        "include classpath(\"application.conf\")",
        "node-address { protocol = http, host = \"127.0.0.1\", port = " + port + ", context-path = \"\" }",
        "rest-sqs { enabled = true, bind-port = " + port + ", bind-hostname = \"127.0.0.1\", sqs-limits = strict }",
        "rest-stats { enabled = false }",
        "generate-node-address = false",
        "queues-storage { enabled = true, path = \"" + dir.resolve("queues.conf") + "\" }",
        "messages-storage { enabled = true, uri = \"jdbc:h2:" + dir.resolve("messages") + ";WRITE_DELAY=0\" }",
        ""));
    elasticMq = ServerProcess.builder("elasticmq-crash")
        .javaMain("org.elasticmq.server.Main", MavenJars.classpath(Path.of("target", "elasticmq-jars")),
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-Dconfig.file=" + conf), List.of())
        .readiness(ReadinessProbe.tcp(port))
        .startupTimeout(Duration.ofSeconds(90));
    server = elasticMq.start();
    raw = SqsCounts.client(port);
  }

  @AfterAll
  void stopElasticMq() {
    if (raw != null) {
      raw.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected String driver() {
    return "sqs";
  }

  @Override
  protected String topicUrl(String queue) {
    return "sqs://test:test@" + queue + "?region=us-east-1&endpoint=http://127.0.0.1:" + port;
  }

  @Override
  protected String subscriptionUrl(String queue) {
    return topicUrl(queue) + "&ackDeadline=" + ACK_DEADLINE.toSeconds() + "s";
  }

  @Override
  protected String deadLetterUrl(String queue) {
    return subscriptionUrl(dlqName(queue));
  }

  @Override
  protected String dlqName(String queue) {
    return queue + "-dlq";
  }

  /** ApproximateReceiveCount counts the dead consumer's receive. */
  @Override
  protected int attemptAfterCrash() {
    return 2;
  }

  @Override
  protected OptionalLong messagesLeft(String queue) {
    return OptionalLong.of(SqsCounts.messagesLeft(raw, queue));
  }

  @Test
  void unsettledDeliveriesComeBackAfterTheVisibilityTimeout() {
    assertRedeliveredAfterTheAckDeadline(ACK_DEADLINE);
  }

  /**
   * ElasticMQ killed with SIGKILL and started again on the same port and database: what it
   * acknowledged is there, a publish during the outage fails with a retryable error (connection
   * refused), and the running subscriber resumes by itself.
   */
  @Test
  void anElasticMqCrashAndRestartLosesNothingConfirmed() throws Exception {
    assertSurvivesBrokerRestart(new Broker() {
      @Override
      public void crash() {
        server.kill();
        server.close();
      }

      @Override
      public void start() {
        server = elasticMq.start();
      }
    }, Duration.ofSeconds(60));
  }
}
