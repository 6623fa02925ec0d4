package io.ysh.secrets.aws;

import io.ysh.testkit.server.Binaries;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ReadinessProbe;
import io.ysh.testkit.server.ServerProcess;
import io.ysh.testkit.server.SharedServers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One moto_server per test JVM (started through the test-server harness on a free port, bound to
 * 127.0.0.1). Tests that need it are skipped, with the reason, when moto is not installed. Public,
 * in this module's test jar, so that other modules (compat/kitchen-sink) use it too.
 */
public final class Moto {

  /** Where this image's pyenv installs moto_server when it is not on PATH. */
  private static final String PYENV_MOTO = "/root/.pyenv/versions/3.11.7/bin/moto_server";

  private Moto() {}

  /**
   * The shared moto_server of this JVM, started on first use.
   *
   * @return the server process
   * @throws org.opentest4j.TestAbortedException when moto_server is not installed
   */
  public static ServerProcess server() {
    return SharedServers.getOrStart("moto", () -> {
      Optional<Path> found = Binaries.find("moto_server").or(() -> Binaries.find(PYENV_MOTO));
      Path moto = found.orElseGet(() -> Binaries.require("moto_server",
          "pip install 'moto[server]' (moto 5.x; not available from the reachable registries here)"));
      int port = FreePorts.next();
      return ServerProcess.builder("moto")
          .command(List.of(moto.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port)))
          .readiness(ReadinessProbe.http(URI.create("http://127.0.0.1:" + port + "/moto-api/"), s -> s < 500))
          .startupTimeout(Duration.ofSeconds(60))
          .start();
    });
  }

  /**
   * The shared moto_server's endpoint, starting it on first use.
   *
   * @return {@code http://127.0.0.1:port}
   */
  public static URI endpoint() {
    ServerProcess p = server();
    String cmd = String.join(" ", p.command());
    String port = cmd.substring(cmd.lastIndexOf(' ') + 1);
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * A Secrets Manager client of moto_server (region us-east-1, dummy credentials).
   *
   * @return a new client; the caller closes it
   */
  public static SecretsManagerClient client() {
    return SecretsManagerClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .build();
  }
}
