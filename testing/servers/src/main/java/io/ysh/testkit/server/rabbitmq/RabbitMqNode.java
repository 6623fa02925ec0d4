package io.ysh.testkit.server.rabbitmq;

import io.ysh.testkit.server.Binaries;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ManagedServer;
import io.ysh.testkit.server.ReadinessProbe;
import io.ysh.testkit.server.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * A RabbitMQ node of the test's own, for tests that must crash or restart a broker: never the
 * machine's shared broker (port 5672), which other tests use. It runs the installed
 * {@code rabbitmq-server} (Debian: {@code /usr/lib/rabbitmq/bin}, run directly rather than
 * through the {@code /usr/sbin} wrapper that switches user) as its own process, with its own node
 * name, free AMQP and distribution ports on 127.0.0.1, its own Erlang cookie, configuration,
 * database and log directory in a temporary directory, and no plugins; it registers with the
 * machine's {@code epmd}. The default user {@code guest}/{@code guest} may connect from
 * 127.0.0.1.
 *
 * <pre>{@code
 * try (RabbitMqNode node = RabbitMqNode.start("crash")) {
 *   String url = "rabbitmq://guest:guest@127.0.0.1:" + node.port() + "/orders";
 *   node.stopApp();  // rabbitmqctl stop_app: every client connection is closed
 *   node.startApp(); // back, with its durable queues and persistent messages
 *   node.kill();     // kill -9 of the whole node; start() starts it again
 * }
 * }</pre>
 *
 * <p>When {@code rabbitmq-server} is not installed, {@link #start(String)} skips the calling test
 * ({@code apt-get install rabbitmq-server}).
 */
public final class RabbitMqNode implements ManagedServer {

  private static final List<String> SCRIPT_DIRECTORIES = List.of("/usr/lib/rabbitmq/bin", "/usr/local/lib/rabbitmq/bin");
  private static final Pattern STARTED = Pattern.compile("Server startup complete");

  private final String name;
  private final Path dir;
  private final int port;
  private final String nodeName;
  private final Path ctl;
  private final ServerProcess.Builder builder;
  private ServerProcess process;

  private RabbitMqNode(String name, Path dir, int port, String nodeName, Path ctl, ServerProcess.Builder builder) {
    this.name = name;
    this.dir = dir;
    this.port = port;
    this.nodeName = nodeName;
    this.ctl = ctl;
    this.builder = builder;
  }

  /**
   * Starts a node and waits until it serves AMQP.
   *
   * @param name a short name for logs, such as {@code "crash"}
   * @return the running node
   * @throws TestAbortedException when {@code rabbitmq-server} is not installed
   * @throws io.ysh.testkit.server.ServerStartException when it does not start
   */
  public static RabbitMqNode start(String name) {
    Path server = script("rabbitmq-server");
    Path ctl = script("rabbitmqctl");
    int[] ports = FreePorts.reserve(2);
    String nodeName = "ysh-" + name + "-" + ports[0] + "@localhost";
    Path dir;
    try {
      dir = Files.createTempDirectory("ysh-rabbitmq-" + name + "-");
      Files.writeString(dir.resolve("rabbitmq.conf"), String.join("\n",
          "listeners.tcp.1 = 127.0.0.1:" + ports[0],
          "loopback_users.guest = true",
          ""));
      Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
      Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
      byte[] cookie = new byte[20];
      new SecureRandom().nextBytes(cookie);
      Path cookieFile = dir.resolve(".erlang.cookie");
      Files.writeString(cookieFile, HexFormat.of().formatHex(cookie).toUpperCase(java.util.Locale.ROOT), StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(cookieFile, PosixFilePermissions.fromString("r--------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the RabbitMQ node's directory", e);
    }
    ServerProcess.Builder b = ServerProcess.builder("rabbitmq-" + name)
        .command(List.of(server.toString()))
        .workingDirectory(dir)
        .readiness(ReadinessProbe.allOf(ReadinessProbe.logLine(STARTED), ReadinessProbe.tcp("127.0.0.1", ports[0])))
        .startupTimeout(Duration.ofSeconds(120))
        .shutdownGracePeriod(Duration.ofSeconds(20));
    environment(dir, nodeName).forEach(e -> b.env(e[0], e[1]));
    b.env("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
    b.env("RABBITMQ_NODE_PORT", Integer.toString(ports[0]));
    b.env("RABBITMQ_DIST_PORT", Integer.toString(ports[1]));
    b.env("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
    b.env("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
    b.env("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
    b.env("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
    b.env("RABBITMQ_LOGS", "-");
    b.env("RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString());
    RabbitMqNode node = new RabbitMqNode(name, dir, ports[0], nodeName, ctl, b);
    try {
      node.start();
    } catch (RuntimeException e) {
      deleteQuietly(dir);
      throw e;
    }
    return node;
  }

  /** What both the server and rabbitmqctl need to find this node and only this node. */
  private static List<String[]> environment(Path dir, String nodeName) {
    List<String[]> env = new ArrayList<>();
    env.add(new String[] {"HOME", dir.toString()}); // the Erlang cookie is read from $HOME
    env.add(new String[] {"RABBITMQ_NODENAME", nodeName});
    env.add(new String[] {"RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString()});
    env.add(new String[] {"ERL_EPMD_ADDRESS", "127.0.0.1"});
    env.add(new String[] {"ERL_FLAGS", "-kernel inet_dist_use_interface {127,0,0,1}"});
    return env;
  }

  private static Path script(String program) {
    for (String d : SCRIPT_DIRECTORIES) {
      Path p = Path.of(d, program);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return Binaries.require(program, "apt-get install rabbitmq-server");
  }

  /**
   * Starts the node (again), on the same ports and with the same data, and waits until it serves
   * AMQP. Does nothing while it runs.
   *
   * @throws io.ysh.testkit.server.ServerStartException when it does not start
   */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    if (process != null) {
      process.close();
    }
    process = builder.start();
  }

  /**
   * Kills the node with SIGKILL, as a crash would (no orderly shutdown: clients see their
   * connections drop), and returns once it is gone. {@link #start()} brings it back.
   */
  public synchronized void kill() {
    if (process != null) {
      process.kill();
      process.close();
    }
  }

  /**
   * Stops the RabbitMQ application in an orderly way ({@code rabbitmqctl stop_app}): the broker
   * closes every client connection and stops listening; the Erlang node keeps running.
   * {@link #startApp()} brings it back.
   */
  public void stopApp() {
    rabbitmqctl("stop_app");
  }

  /** Starts the application again after {@link #stopApp()} ({@code rabbitmqctl start_app}) and returns once it serves. */
  public void startApp() {
    rabbitmqctl("start_app");
  }

  /**
   * The AMQP port on 127.0.0.1.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * The Erlang node name, such as {@code ysh-crash-41234@localhost}.
   *
   * @return the node name
   */
  public String nodeName() {
    return nodeName;
  }

  /**
   * Runs {@code rabbitmqctl -n <this node> <args>} and returns its standard output.
   *
   * @param args the command, such as {@code list_queues name messages}
   * @return the output
   * @throws IllegalStateException when it fails or takes more than 60 seconds
   */
  public String rabbitmqctl(String... args) {
    List<String> command = new ArrayList<>(List.of(ctl.toString(), "-n", nodeName));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    environment(dir, nodeName).forEach(e -> pb.environment().put(e[0], e[1]));
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " did not finish in 60 s");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " exited with " + p.exitValue() + ": " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running rabbitmqctl", e);
    }
  }

  /**
   * The number of messages in a queue of the default virtual host, ready and unacknowledged
   * together, as the broker counts them ({@code rabbitmqctl list_queues}).
   *
   * @param queue the queue
   * @return the count, or empty when there is no such queue
   */
  public Optional<Long> messages(String queue) {
    for (String line : rabbitmqctl("list_queues", "-q", "--no-table-headers", "name", "messages").split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 2 && f[0].equals(queue)) {
        return Optional.of(Long.parseLong(f[1]));
      }
    }
    return Optional.empty();
  }

  @Override
  public String name() {
    return "rabbitmq-" + name;
  }

  @Override
  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Stops the node (orderly, SIGKILL after 20 s) and deletes its directory. */
  @Override
  public synchronized void close() {
    try {
      if (process != null) {
        process.close();
      }
    } finally {
      deleteQuietly(dir);
    }
  }

  @Override
  public String toString() {
    return "RabbitMqNode[" + nodeName + ", 127.0.0.1:" + port + "]";
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // best effort
    }
  }
}
