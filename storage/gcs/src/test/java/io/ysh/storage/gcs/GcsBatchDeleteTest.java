package io.ysh.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ObjectStorage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code deleteAll} through GCS's JSON batch endpoint ({@code POST /batch/storage/v1}, a
 * {@code multipart/mixed} body of {@code DELETE} requests). {@code LocalStorageHelper} has no batch
 * support, and no offline GCS server exists, so this runs the real client over real HTTP against a
 * small in-process stub of that one documented endpoint: it answers each part as GCS does (204
 * deleted, 404 missing, 403 for keys under {@code locked/}) and records the size of every batch.
 */
class GcsBatchDeleteTest {

  private static final Pattern DELETE = Pattern.compile("DELETE (?:https?://[^/ ]+)?/storage/v1/b/([^/]+)/o/([^? ]+)[^ ]* HTTP/1.1");

  private final Set<String> objects = ConcurrentHashMap.newKeySet();
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ObjectStorage storage;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/batch/storage/v1", exchange -> {
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = DELETE.matcher(body);
      StringBuilder out = new StringBuilder();
      String boundary = "batch_ysh_stub";
      int parts = 0;
      while (m.find()) {
        parts++;
        String name = URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
        String status;
        String json = "";
        if (name.startsWith("locked/")) {
          status = "403 Forbidden";
          json = "{\"error\":{\"code\":403,\"message\":\"no storage.objects.delete permission\"}}";
        } else if (objects.remove(name)) {
          status = "204 No Content";
        } else {
          status = "404 Not Found";
          json = "{\"error\":{\"code\":404,\"message\":\"No such object: " + m.group(1) + "/" + name + "\"}}";
        }
        out.append("--").append(boundary).append("\r\n")
            .append("Content-Type: application/http\r\n")
            .append("Content-ID: <response-").append(parts).append(">\r\n\r\n")
            .append("HTTP/1.1 ").append(status).append("\r\n");
        if (!json.isEmpty()) {
          out.append("Content-Type: application/json; charset=UTF-8\r\n")
              .append("Content-Length: ").append(json.length()).append("\r\n\r\n").append(json).append("\r\n");
        } else {
          out.append("Content-Length: 0\r\n\r\n\r\n");
        }
      }
      out.append("--").append(boundary).append("--\r\n");
      batchSizes.add(parts);
      byte[] response = out.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "multipart/mixed; boundary=" + boundary);
      int code = contentType != null && contentType.startsWith("multipart/mixed") ? 200 : 400;
      exchange.sendResponseHeaders(code, response.length);
      exchange.getResponseBody().write(response);
      exchange.close();
    });
    server.start();
    String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
    storage = ObjectStorage.builder(GcsStorageDriver.builder().bucket("ysh-batch").projectId("p").noCredentials()
        .endpoint(endpoint).build()).telemetry(Telemetry.noop()).resilience(ResiliencePolicy.none()).build();
  }

  @AfterEach
  void stop() {
    storage.close();
    server.stop(0);
  }

  @Test
  void deletesInBatchesOfAtMostOneHundredAndIgnoresMissingKeys() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 230; i++) {
      keys.add("d/" + i + " é+");
      objects.add("d/" + i + " é+");
    }
    keys.add("d/missing");
    storage.deleteAll(keys);
    assertThat(objects).isEmpty();
    assertThat(batchSizes).containsExactly(100, 100, 31);
  }

  @Test
  void deniedDeletionsAreReportedWithTheirCode() {
    objects.add("open/a");
    objects.add("open/b");
    Throwable t = catchThrowable(() -> storage.deleteAll(List.of("open/a", "locked/x", "open/b", "locked/y")));
    assertThat(t).isInstanceOf(YshException.class).hasMessageContaining("2 of 4 deletions failed");
    assertThat(((YshException) t).code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(objects).isEmpty();
  }
}
