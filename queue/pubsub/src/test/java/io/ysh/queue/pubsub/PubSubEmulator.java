package io.ysh.queue.pubsub;

import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ReadinessProbe;
import io.ysh.testkit.server.ServerProcess;
import io.ysh.testkit.server.SharedServers;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opentest4j.TestAbortedException;

/**
 * Google's Pub/Sub emulator (Debian package {@code google-cloud-cli-pubsub-emulator}, 0.8.20 here),
 * run as its own JVM on a free 127.0.0.1 port, once per test JVM ({@link SharedServers}), stopped
 * when the JVM exits. The jar is {@code -Dysh.pubsub.emulator.jar} or {@code $PUBSUB_EMULATOR_JAR}
 * when set (and only that), else looked up in the Debian package's directory (and a gcloud SDK
 * under {@code $CLOUDSDK_ROOT_DIR}); when there is none the calling test is skipped with a message.
 * Public, in this module's test jar, so that other modules (compat/kitchen-sink) use it too.
 */
public final class PubSubEmulator {

  /** The project id the tests use (the emulator accepts any). */
  public static final String PROJECT = "ysh-test";
  private static final List<String> DIRECTORIES = List.of(
      "/usr/lib/google-cloud-sdk/platform/pubsub-emulator/lib",
      "/usr/share/google-cloud-sdk/platform/pubsub-emulator/lib",
      "/opt/google-cloud-sdk/platform/pubsub-emulator/lib");
  private static volatile int port;

  private PubSubEmulator() {}

  /**
   * The running emulator's {@code host:port}, starting it on first use.
   *
   * @return the endpoint
   * @throws TestAbortedException when the emulator is not installed
   */
  public static String endpoint() {
    SharedServers.getOrStart("pubsub-emulator", () -> {
      Path jar = jar().orElseThrow(() -> new TestAbortedException(
          "the Pub/Sub emulator is not installed (no cloud-pubsub-emulator-*-all.jar in -Dysh.pubsub.emulator.jar, $PUBSUB_EMULATOR_JAR, "
              + String.join(", ", DIRECTORIES) + "); install it with: apt-get install google-cloud-cli-pubsub-emulator. "
              + "Skipping the tests that need it."));
      int p = FreePorts.next();
      ServerProcess server = ServerProcess.builder("pubsub-emulator")
          .command(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar.toString(),
              "--host=127.0.0.1", "--port=" + p))
          .readiness(ReadinessProbe.allOf(ReadinessProbe.tcp(p), ReadinessProbe.logLine(Pattern.compile("Server started, listening on " + p))))
          .startupTimeout(Duration.ofSeconds(90))
          .start();
      port = p;
      return server;
    });
    return "127.0.0.1:" + port;
  }

  static Optional<Path> jar() {
    // an explicit location wins, and is the only place looked at
    String explicit = Optional.ofNullable(System.getProperty("ysh.pubsub.emulator.jar")).orElse(System.getenv("PUBSUB_EMULATOR_JAR"));
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
    List<String> dirs = new ArrayList<>(DIRECTORIES);
    Optional.ofNullable(System.getenv("CLOUDSDK_ROOT_DIR")).ifPresent(d -> dirs.add(d + "/platform/pubsub-emulator/lib"));
    for (String d : dirs) {
      Path dir = Path.of(d);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "cloud-pubsub-emulator-*-all.jar")) {
        for (Path p : s) {
          return Optional.of(p);
        }
      } catch (IOException e) {
        // unreadable: look elsewhere
      }
    }
    return Optional.empty();
  }
}
