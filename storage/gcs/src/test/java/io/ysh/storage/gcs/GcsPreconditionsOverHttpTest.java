package io.ysh.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How conditional writes reach GCS and how its refusal comes back, over real HTTP.
 * {@code LocalStorageHelper} answers a generation mismatch with 404 (GCS answers 412), and no
 * offline GCS server exists, so this runs the real client against an in-process stub of the one
 * documented call involved: starting a resumable upload
 * ({@code POST /upload/storage/v1/b/BUCKET/o?uploadType=resumable}), which the stub refuses with
 * GCS's 412 {@code conditionNotMet} answer while recording the query the client sent.
 */
class GcsPreconditionsOverHttpTest {

  private final List<String> queries = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ObjectStorage storage;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/upload/storage/v1/b/ysh-http/o", exchange -> {
      exchange.getRequestBody().readAllBytes();
      queries.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawQuery());
      byte[] body = ("{\"error\":{\"code\":412,\"message\":\"At least one of the pre-conditions you specified did"
          + " not hold.\",\"errors\":[{\"domain\":\"global\",\"reason\":\"conditionNotMet\",\"message\":\"At least"
          + " one of the pre-conditions you specified did not hold.\"}]}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
      exchange.sendResponseHeaders(412, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    storage = ObjectStorage.builder(GcsStorageDriver.builder().bucket("ysh-http").projectId("p").noCredentials()
        .endpoint("http://127.0.0.1:" + server.getAddress().getPort()).build())
        .partSize(1 << 20).telemetry(Telemetry.noop()).resilience(ResiliencePolicy.none()).build();
  }

  @AfterEach
  void stop() {
    storage.close();
    server.stop(0);
  }

  @Test
  void ifMatchSendsTheGenerationAndA412IsPreconditionFailed() {
    Throwable t = catchThrowable(() -> storage.put("cas", "v3".getBytes(StandardCharsets.UTF_8),
        WriteOptions.builder().ifMatch("1700000000123456").build()));
    assertThat(t).isInstanceOf(YshException.class);
    assertThat(((YshException) t).code()).as(t.getMessage()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
    assertThat(((YshException) t).isRetryable()).isFalse();
    assertThat(queries).singleElement().asString().startsWith("POST ").contains("uploadType=resumable")
        .contains("ifGenerationMatch=1700000000123456");
  }

  @Test
  void createOnlySendsGenerationZeroForSmallAndMultipartWrites() {
    WriteOptions createOnly = WriteOptions.builder().ifNoneMatchAny().build();
    Throwable small = catchThrowable(() -> storage.put("once", new byte[] {1}, createOnly));
    Throwable streamed = catchThrowable(() -> storage.put("once", new ByteArrayInputStream(new byte[3 << 20]), -1,
        createOnly));
    for (Throwable t : List.of(small, streamed)) {
      assertThat(t).isInstanceOf(YshException.class);
      assertThat(((YshException) t).code()).as(t.getMessage()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
    }
    assertThat(queries).hasSize(2).allSatisfy(q -> assertThat(q).contains("ifGenerationMatch=0"));
  }
}
