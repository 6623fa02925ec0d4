package io.ysh.queue.sqs;

import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ManagedServer;
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

/**
 * ElasticMQ 1.7.1 (strict SQS limits) as a shared server: started once per test JVM as its own
 * process from the jars Maven copied into {@code target/elasticmq-jars} (relative to the working
 * directory: the module that uses it copies them there, as this module's pom does), bound to
 * 127.0.0.1 on a free port, killed by the harness at exit. Public, in this module's test jar, so
 * that other modules (compat/kitchen-sink) start the same server the same way.
 */
public final class ElasticMq implements ManagedServer {
  private final ServerProcess process;
  private final int port;

  private ElasticMq(ServerProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * The shared ElasticMQ of this JVM, started on first use.
   *
   * @return the running server
   */
  public static ElasticMq shared() {
    return SharedServers.getOrStart("elasticmq", ElasticMq::start);
  }

  /**
   * The port ElasticMQ serves the SQS API on, at 127.0.0.1.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  private static ElasticMq start() {
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
