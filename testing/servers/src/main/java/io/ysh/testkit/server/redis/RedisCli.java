package io.ysh.testkit.server.redis;

import io.ysh.testkit.server.Binaries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Debian {@code redis-cli} against test servers: administration the harnesses need
 * (cluster creation, resharding, Sentinel state, replication state).
 */
public final class RedisCli {

  private RedisCli() {}

  /**
   * Runs {@code redis-cli -h 127.0.0.1 -p <port> <args>} and returns its output.
   *
   * @param port the server's port
   * @param args the command and its arguments
   * @return stdout and stderr, merged
   * @throws IllegalStateException when it exits with a non-zero code or takes over 60 seconds
   */
  public static String run(int port, String... args) {
    List<String> command = new ArrayList<>();
    command.add(cli().toString());
    command.add("-h");
    command.add("127.0.0.1");
    command.add("-p");
    command.add(Integer.toString(port));
    command.addAll(List.of(args));
    return exec(command, Duration.ofSeconds(60));
  }

  /**
   * Runs {@code redis-cli <args>} as is (for {@code --cluster} subcommands).
   *
   * @param args the arguments
   * @return stdout and stderr, merged
   * @throws IllegalStateException when it exits with a non-zero code or takes over 120 seconds
   */
  public static String raw(String... args) {
    List<String> command = new ArrayList<>();
    command.add(cli().toString());
    command.addAll(List.of(args));
    return exec(command, Duration.ofSeconds(120));
  }

  /**
   * Runs a command and returns the output, or the failure as text instead of throwing.
   *
   * @param port the server's port
   * @param args the command
   * @return the output, or {@code "ERROR: …"}
   */
  public static String tryRun(int port, String... args) {
    try {
      return run(port, args);
    } catch (RuntimeException e) {
      return "ERROR: " + e.getMessage();
    }
  }

  static Path cli() {
    return Binaries.require("redis-cli", "apt-get install redis-tools");
  }

  private static String exec(List<String> command, Duration timeout) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> copy(p.getInputStream(), out), "redis-cli-output");
      reader.setDaemon(true);
      reader.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("redis-cli timed out: " + String.join(" ", command.subList(1, command.size())));
      }
      reader.join(5000);
      String text;
      synchronized (out) {
        text = out.toString(StandardCharsets.UTF_8);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("redis-cli exited with " + p.exitValue() + ": " + text.strip());
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (out) {
          out.write(buf, 0, n);
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }
}
