package io.ysh.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.ysh.aneel.AneelClient;
import io.ysh.aneel.AneelDataset;
import io.ysh.aneel.AneelException;
import io.ysh.aneel.Download;
import io.ysh.aneel.DownloadCache;
import io.ysh.aneel.ObjectStorageDownloadCache;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ObjectStorageDownloadCache} on the in-memory storage driver, in front of a one-file
 * HTTP server on 127.0.0.1 that answers conditional GETs and can cut its answers short. It lives
 * here because this module is the one that has both the ANEEL client and a storage driver.
 */
class ObjectStorageDownloadCacheTest {

  HttpServer server;
  final AtomicReference<byte[]> file = new AtomicReference<>(flags(133));
  final AtomicInteger truncations = new AtomicInteger();
  final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();

  /** The first {@code n} rows of the flag activations the examples bundle (140 rows). */
  static byte[] flags(int n) {
    try (java.io.InputStream in = ObjectStorageDownloadCacheTest.class.getResourceAsStream("/io/ysh/examples/aneel/bandeira-tarifaria-acionamento.csv")) {
      String[] lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("(?<=\\n)");
      return String.join("", java.util.Arrays.copyOf(lines, n + 1)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/f.csv", ex -> {
      byte[] body = file.get();
      String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      ifNoneMatch.add(String.valueOf(inm));
      ex.getResponseHeaders().set("ETag", etag);
      if (etag.equals(inm)) {
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      ex.sendResponseHeaders(200, body.length);
      OutputStream out = ex.getResponseBody();
      if (truncations.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        out.write(body, 0, 500);
        out.flush();
        throw new java.io.IOException("cut short on purpose"); // the JDK server then drops the connection
      }
      out.write(body);
      out.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void servesConditionalGetsAndKeepsTheGoodCopy() throws Exception {
    ObjectStorageDownloadCache cache = new ObjectStorageDownloadCache(io.ysh.storage.ObjectStorage.open("mem://aneel-cache-test"), "aneel/");
    AneelClient c =
        AneelClient.builder()
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .logLevel(HttpLogLevel.NONE)
            .cache(cache)
            .resilience(
                ResiliencePolicy.builder()
                    .attemptTimeout(Duration.ofSeconds(10))
                    .totalTimeout(Duration.ofSeconds(60))
                    .retry(RetryPolicy.exponential(4, Duration.ofMillis(10), Duration.ofMillis(50)))
                    .build())
            .build();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/f.csv";
    try (Download d = c.download(url)) {
      assertThat(d.notModified()).isFalse();
      assertThat(d.records(AneelDataset.FLAG_ACTIVATIONS).count()).isEqualTo(133);
    }
    try (Download d = c.download(url)) {
      assertThat(d.notModified()).isTrue();
      assertThat(d.path()).isEmpty(); // an object store keeps no local file
      assertThat(d.records(AneelDataset.FLAG_ACTIVATIONS).count()).isEqualTo(133);
    }
    DownloadCache.Entry good = cache.lookup(url).orElseThrow();
    assertThat(good.etag()).isNotNull();
    file.set(flags(136));
    truncations.set(10);
    assertThatThrownBy(() -> c.download(url))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.TRUNCATED_DOWNLOAD));
    assertThat(cache.lookup(url)).contains(good);
    truncations.set(0);
    try (Download d = c.download(url)) {
      assertThat(d.records(AneelDataset.FLAG_ACTIVATIONS).count()).isEqualTo(136);
    }
    assertThat(ifNoneMatch.get(0)).isEqualTo("null");
    assertThat(ifNoneMatch.get(1)).isEqualTo(good.etag());
  }
}
