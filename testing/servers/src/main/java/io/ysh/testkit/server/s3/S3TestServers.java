package io.ysh.testkit.server.s3;

import io.ysh.testkit.server.Binaries;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.MavenJars;
import io.ysh.testkit.server.ReadinessProbe;
import io.ysh.testkit.server.ServerProcess;
import io.ysh.testkit.server.SharedServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * S3-compatible servers for driver tests, started once per JVM through the server harness and
 * bound to 127.0.0.1 on a free port.
 *
 * <ul>
 *   <li>{@link #s3proxy(Path)}: S3Proxy in its own JVM from the {@code jar-with-dependencies}
 *       that Maven copied into a directory (never on the test class path), in-memory
 *       ({@code jclouds.provider=transient}), {@code aws-v2-or-v4} authorization;
 *   <li>{@link #moto()}: {@code moto_server}, when installed; otherwise the test is skipped with
 *       a message saying so.
 * </ul>
 */
public final class S3TestServers {

  /** The access key both servers accept. */
  public static final String ACCESS_KEY = "ysh-test-access";
  /** The secret key both servers accept. */
  public static final String SECRET_KEY = "ysh-test-secret";

  private S3TestServers() {}

  /**
   * A running S3-compatible server.
   *
   * @param endpoint its base URL, such as {@code http://127.0.0.1:41234}
   * @param accessKey the access key it accepts
   * @param secretKey the secret key it accepts
   */
  public record Endpoint(URI endpoint, String accessKey, String secretKey) {}

  /**
   * S3Proxy 4.x, shared by every test of the JVM.
   *
   * @param jarDirectory where Maven copied {@code s3proxy-*-jar-with-dependencies.jar}
   * @return the endpoint
   */
  public static Endpoint s3proxy(Path jarDirectory) {
    S3Proxy server = SharedServers.getOrStart("s3proxy", () -> startS3Proxy(jarDirectory));
    return new Endpoint(URI.create("http://127.0.0.1:" + server.port), ACCESS_KEY, SECRET_KEY);
  }

  /**
   * moto_server, shared by every test of the JVM; skips the calling test when moto_server is not
   * installed.
   *
   * @return the endpoint
   */
  public static Endpoint moto() {
    Path moto = Binaries.require("moto_server",
        "pip install 'moto[server]' (preinstalled in the YSH CI image; not on any registry reachable offline)");
    Moto server = SharedServers.getOrStart("moto", () -> {
      int port = FreePorts.next();
      ServerProcess p = ServerProcess.builder("moto")
          .command(List.of(moto.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)))
          .readiness(ReadinessProbe.http(URI.create("http://127.0.0.1:" + port + "/moto-api/")))
          .startupTimeout(Duration.ofSeconds(60))
          .start();
      return new Moto(p, port);
    });
    return new Endpoint(URI.create("http://127.0.0.1:" + server.port), ACCESS_KEY, SECRET_KEY);
  }

  private static S3Proxy startS3Proxy(Path jarDirectory) {
    int port = FreePorts.next();
    try {
      Path dir = Files.createDirectories(Path.of("target", "s3proxy-run"));
      Path properties = dir.resolve("s3proxy-" + port + ".properties");
      Files.writeString(properties, String.join("\n",
          "s3proxy.endpoint=http://127.0.0.1:" + port,
          "s3proxy.authorization=aws-v2-or-v4",
          "s3proxy.identity=" + ACCESS_KEY,
          "s3proxy.credential=" + SECRET_KEY,
          "jclouds.provider=transient",
          "jclouds.identity=unused",
          "jclouds.credential=unused",
          ""));
      ServerProcess p = ServerProcess.builder("s3proxy")
          .javaMain("org.gaul.s3proxy.Main", MavenJars.classpath(jarDirectory),
              List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
              List.of("--properties", properties.toAbsolutePath().toString()))
          .readiness(ReadinessProbe.tcp("127.0.0.1", port))
          .startupTimeout(Duration.ofSeconds(60))
          .start();
      return new S3Proxy(p, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class S3Proxy extends Delegating {
    S3Proxy(ServerProcess process, int port) {
      super(process, port);
    }
  }

  private static final class Moto extends Delegating {
    Moto(ServerProcess process, int port) {
      super(process, port);
    }
  }

  private abstract static class Delegating implements io.ysh.testkit.server.ManagedServer {
    final ServerProcess process;
    final int port;

    Delegating(ServerProcess process, int port) {
      this.process = process;
      this.port = port;
    }

    @Override
    public String name() {
      return process.name();
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
}
