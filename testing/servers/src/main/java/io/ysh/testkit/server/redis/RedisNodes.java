package io.ysh.testkit.server.redis;

import io.ysh.testkit.server.Binaries;
import io.ysh.testkit.server.ReadinessProbe;
import io.ysh.testkit.server.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts single {@code redis-server} processes for tests: bound to 127.0.0.1, no persistence
 * ({@code --save "" --appendonly no}), working files in a temporary directory.
 *
 * <pre>{@code
 * int port = FreePorts.next();
 * try (ServerProcess redis = RedisNodes.start("redis-auth", port, RedisNodes.tempDir("auth"),
 *     List.of("--requirepass", "s3cret"))) {
 *   // redis://:s3cret@127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class RedisNodes {

  private RedisNodes() {}

  /**
   * Starts a Redis server and waits until it accepts connections.
   *
   * @param name the process name for logs
   * @param port the port (see {@code FreePorts})
   * @param dir the working directory (must exist)
   * @param extraArgs further {@code redis-server} options, such as {@code --requirepass x}
   * @return the running server
   * @throws org.opentest4j.TestAbortedException when {@code redis-server} is not installed
   */
  public static ServerProcess start(String name, int port, Path dir, List<String> extraArgs) {
    Path server = Binaries.require("redis-server", "apt-get install redis-server");
    List<String> command = new ArrayList<>();
    command.add(server.toString());
    command.addAll(
        List.of(
            "--port", Integer.toString(port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--dir", dir.toString(),
            "--daemonize", "no",
            "--protected-mode", "no"));
    command.addAll(extraArgs);
    return ServerProcess.builder(name)
        .command(command)
        .readiness(ReadinessProbe.tcp("127.0.0.1", port))
        .startupTimeout(Duration.ofSeconds(30))
        .shutdownGracePeriod(Duration.ofSeconds(5))
        .start();
  }

  /**
   * Creates a temporary directory for server files.
   *
   * @param prefix a name prefix
   * @return the directory
   */
  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory("ysh-redis-" + prefix + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes a directory tree, ignoring failures.
   *
   * @param dir the directory
   */
  public static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // best effort
    }
  }

  /**
   * Polls until a condition holds.
   *
   * @param what what is awaited, for the error
   * @param timeout how long at most
   * @param condition the condition
   * @throws IllegalStateException on timeout
   */
  static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + what, e);
      }
    }
  }
}
