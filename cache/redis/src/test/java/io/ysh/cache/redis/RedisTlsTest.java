package io.ysh.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.cache.Cache;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.testkit.server.Binaries;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ServerProcess;
import io.ysh.testkit.server.redis.RedisNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code rediss://} against a real TLS-only {@code redis-server} whose certificate is signed by a
 * throw-away CA made with {@code openssl} (the way a managed Redis with a private CA looks).
 */
class RedisTlsTest {

  private static Path dir;
  private static ServerProcess redis;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    Path openssl = Binaries.require("openssl", "apt-get install openssl");
    dir = RedisNodes.tempDir("tls");
    run(dir, openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
        "-days", "2", "-subj", "/CN=ysh-test-ca");
    run(dir, openssl.toString(), "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
        "-subj", "/CN=127.0.0.1");
    Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    run(dir, openssl.toString(), "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "ext.cnf");
    port = FreePorts.next();
    redis =
        RedisNodes.start(
            "redis-tls-" + port,
            port,
            dir,
            List.of(
                "--port", "0",
                "--tls-port", Integer.toString(port),
                "--tls-cert-file", dir.resolve("server.crt").toString(),
                "--tls-key-file", dir.resolve("server.key").toString(),
                "--tls-ca-cert-file", dir.resolve("ca.crt").toString(),
                "--tls-auth-clients", "no"));
  }

  @AfterAll
  static void stop() {
    if (redis != null) {
      redis.close();
    }
    RedisNodes.deleteQuietly(dir);
  }

  @Test
  void tlsWithTheServersCaVerifiesAndWorks() {
    try (Cache c = Cache.open("rediss://127.0.0.1:" + port + "?caCert=" + dir.resolve("ca.crt") + "&namespace=tls")) {
      c.strings().put("k", "over tls");
      assertThat(c.strings().get("k")).contains("over tls");
    }
  }

  @Test
  void anUntrustedCertificateIsRefused() {
    try (Cache c = Cache.open("rediss://127.0.0.1:" + port + "?namespace=tls&timeout=2s")) {
      assertThatThrownBy(() -> c.strings().get("k"))
          .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }
  }

  @Test
  void verificationCanBeTurnedOff() {
    try (Cache c = Cache.open("rediss://127.0.0.1:" + port + "?verifyPeer=false&namespace=tls")) {
      c.strings().put("k2", "unverified");
      assertThat(c.strings().get("k2")).contains("unverified");
    }
  }

  @Test
  void plainTextToATlsPortFails() {
    try (Cache c = Cache.open("redis://127.0.0.1:" + port + "?namespace=tls&timeout=1s&connectTimeout=1s")) {
      assertThatThrownBy(() -> c.strings().get("k"))
          .isInstanceOfSatisfying(
              YshException.class, e -> assertThat(e.code()).isIn(ErrorCode.UNAVAILABLE, ErrorCode.TIMEOUT));
    } catch (YshException e) {
      assertThat(e.code()).isIn(ErrorCode.UNAVAILABLE, ErrorCode.TIMEOUT);
    }
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(command));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl failed: " + new String(out, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
