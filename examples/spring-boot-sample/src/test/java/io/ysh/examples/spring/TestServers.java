package io.ysh.examples.spring;

import io.ysh.aneel.AneelDataset;
import io.ysh.testkit.aneel.AneelSimulator;
import io.ysh.testkit.asaas.AsaasSimulator;
import io.ysh.testkit.server.fault.FaultProxy;
import io.ysh.testkit.server.s3.S3TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real servers the sample runs against, started once for the test JVM on free 127.0.0.1
 * ports: S3Proxy (its own JVM, through the testkit's server harness) with a fresh bucket, the
 * Asaas and ANEEL simulators, a {@link FaultProxy} in front of the machine's Redis (so a test can
 * cut Redis without touching the shared server) and an HTTP one in front of S3Proxy, a RabbitMQ virtual host of the run's own, a
 * secrets directory holding the Asaas API key, the webhook's token and the S3 secret key (one file
 * each, named after the property it becomes), and a Redis namespace of the run's own.
 */
final class TestServers implements AutoCloseable {

  final S3TestServers.Endpoint s3;
  final String bucket = "ysh-sample-" + UUID.randomUUID().toString().substring(0, 8);
  final AsaasSimulator asaas;
  final AneelSimulator aneel;
  final FaultProxy redis;
  final FaultProxy s3Proxy;
  final String namespace = "ysh-sample-test-" + UUID.randomUUID().toString().substring(0, 8);
  final String vhost;
  final boolean vhostCreated;
  final String ordersQueue = "orders-" + UUID.randomUUID().toString().substring(0, 8);
  final Path secrets;
  /** The Asaas webhook's token: in the secrets directory, and registered with the simulator by the test. */
  final String webhookToken = "whk-" + UUID.randomUUID() + UUID.randomUUID();

  TestServers() throws IOException {
    require("Redis", 6379);
    require("RabbitMQ", 5672);
    s3 = S3TestServers.s3proxy(Path.of("target", "s3proxy"));
    try (S3Client client = s3Client()) {
      client.createBucket(b -> b.bucket(bucket));
    }
    // a delivery answered 500 is retried 5 times, 200 ms apart (Asaas retries for longer)
    asaas = AsaasSimulator.builder().webhookRetries(5, Duration.ofMillis(200)).start();
    aneel = AneelSimulator.builder()
        .resource(AneelDataset.TARIFFS.packageId(), AneelDataset.TARIFFS.resourceId(),
            "tarifas-distribuidoras-energia-eletrica.csv", resource("tarifas-b1.csv"))
        .resource(AneelDataset.FLAG_ACTIVATIONS.packageId(), AneelDataset.FLAG_ACTIVATIONS.resourceId(),
            "bandeira-tarifaria-acionamento.csv", resource("bandeira-tarifaria-acionamento.csv"))
        .start();
    redis = FaultProxy.tcp("sample-redis", "127.0.0.1", 6379);
    s3Proxy = FaultProxy.http("sample-s3", "127.0.0.1", s3.endpoint().getPort());
    String name = "ysh-sample-" + UUID.randomUUID().toString().substring(0, 8);
    if (rabbitmqctl("add_vhost", name) && rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*")) {
      vhost = name;
      vhostCreated = true;
    } else {
      System.err.println("rabbitmqctl not usable: running in vhost / with a unique queue name");
      vhost = "%2F";
      vhostCreated = false;
    }
    secrets = Files.createTempDirectory("ysh-sample-secrets");
    Files.writeString(secrets.resolve("ysh.asaas.api-key"), asaas.apiKey());
    Files.writeString(secrets.resolve("ysh.asaas.webhook.auth-token"), webhookToken);
    Files.writeString(secrets.resolve("sample.s3.secret-key"), s3.secretKey());
  }

  S3Client s3Client() {
    return S3Client.builder().endpointOverride(s3.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
        .build();
  }

  @Override
  public void close() throws IOException {
    redis.close();
    s3Proxy.close();
    asaas.close();
    aneel.close();
    if (vhostCreated) {
      rabbitmqctl("delete_vhost", vhost);
    }
    try (var files = Files.list(secrets)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(secrets);
  }

  private static void require(String name, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    } catch (IOException e) {
      Assumptions.abort("no " + name + " on 127.0.0.1:" + port + " (" + e + "); start it to run this test");
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = TestServers.class.getResourceAsStream("/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean rabbitmqctl(String... args) {
    List<String> cmd = new ArrayList<>(List.of("rabbitmqctl", "-q"));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
