package io.ysh.queue.kafka;

import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ManagedServer;
import io.ysh.testkit.server.MavenJars;
import io.ysh.testkit.server.ReadinessProbe;
import io.ysh.testkit.server.ServerProcess;
import io.ysh.testkit.server.SharedServers;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real Apache Kafka 4.1 broker in KRaft mode (combined broker and controller, one node,
 * replication factors 1, topic auto-creation off), started once per test JVM as its own process
 * from the jars Maven copied into {@code target/kafka-jars}, on free 127.0.0.1 ports. Storage is
 * formatted first with {@code kafka.tools.StorageTool}; the harness kills the broker at exit. A
 * test may also start one of its own, with extra settings, and kill and restart it. Public, in this
 * module's test jar, so that other modules (compat/kitchen-sink) start the same broker the same way;
 * they copy the broker's jars to their own {@code target/kafka-jars} as this module's pom does.
 */
public final class KafkaBroker implements ManagedServer {

  private final ServerProcess.Builder builder;
  private ServerProcess process;
  final int port;

  private KafkaBroker(ServerProcess.Builder builder, int port) {
    this.builder = builder;
    this.process = builder.start();
    this.port = port;
  }

  /**
   * The shared broker of this JVM.
   *
   * @return the broker
   */
  public static KafkaBroker shared() {
    return SharedServers.getOrStart("kafka", KafkaBroker::start);
  }

  /**
   * The bootstrap address.
   *
   * @return {@code 127.0.0.1:port}
   */
  public String bootstrap() {
    return "127.0.0.1:" + port;
  }

  private static KafkaBroker start() {
    return start(List.of());
  }

  /**
   * A broker of the caller's own (to kill and restart), with extra {@code server.properties}
   * lines; the caller closes it.
   *
   * @param extraProperties lines such as {@code group.min.session.timeout.ms=500}
   * @return the running broker
   */
  static KafkaBroker start(List<String> extraProperties) {
    int port = FreePorts.next();
    int controller = FreePorts.next();
    try {
      Path dir = Files.createDirectories(Path.of("target", "kafka", "broker-" + port).toAbsolutePath());
      Path data = dir.resolve("data");
      Path props = dir.resolve("server.properties");
      Files.writeString(props, String.join("\n",
          "process.roles=broker,controller",
          "node.id=1",
          "controller.quorum.voters=1@127.0.0.1:" + controller,
          "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
          "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
          "controller.listener.names=CONTROLLER",
          "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
          "inter.broker.listener.name=PLAINTEXT",
          "log.dirs=" + data,
          "num.partitions=1",
          "default.replication.factor=1",
          "min.insync.replicas=1",
          "offsets.topic.replication.factor=1",
          "offsets.topic.num.partitions=1",
          "transaction.state.log.replication.factor=1",
          "transaction.state.log.min.isr=1",
          "share.coordinator.state.topic.replication.factor=1",
          "share.coordinator.state.topic.min.isr=1",
          "auto.create.topics.enable=false",
          "group.initial.rebalance.delay.ms=0",
          "log.flush.interval.messages=9223372036854775807",
          String.join("\n", extraProperties),
          ""));
      List<Path> cp = MavenJars.classpath(Path.of("target", "kafka-jars"));
      format(cp, props, dir);
      ServerProcess.Builder b = ServerProcess.builder("kafka")
          .javaMain("kafka.Kafka", cp, List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC"), List.of(props.toString()))
          .readiness(ReadinessProbe.allOf(ReadinessProbe.tcp(port), ReadinessProbe.logLine(Pattern.compile(".*Kafka Server started.*"))))
          .startupTimeout(Duration.ofSeconds(90));
      return new KafkaBroker(b, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Formats the KRaft metadata directory with a fresh cluster id (StorageTool, its own JVM). */
  private static void format(List<Path> cp, Path props, Path dir) throws IOException {
    byte[] id = new byte[16];
    new SecureRandom().nextBytes(id);
    String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(cp.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    cmd.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", props.toString()));
    Path log = dir.resolve("format.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("Kafka StorageTool format did not finish; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted while formatting Kafka storage", e);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("Kafka StorageTool format failed (exit " + p.exitValue() + "); see " + log);
    }
  }

  /** Kills the broker with SIGKILL, as a crash would; {@link #restart()} brings it back. */
  synchronized void kill() {
    process.kill();
    process.close();
  }

  /** Starts the broker again on the same ports and log directory (no new format) and waits until it serves. */
  synchronized void restart() {
    if (!process.isAlive()) {
      process = builder.start();
    }
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public synchronized boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public synchronized void close() {
    process.close();
  }
}
