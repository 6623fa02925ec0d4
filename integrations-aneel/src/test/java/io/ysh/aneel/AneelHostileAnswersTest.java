package io.ysh.aneel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A portal that answers with hostile headers or oversized bodies gets a clear, mapped error. */
class AneelHostileAnswersTest {

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private AneelClient client(long maxJsonBytes) {
    return AneelClient.builder()
        .baseUrl(server.baseUrl())
        .resilience(ResiliencePolicy.none())
        .maxJsonBytes(maxJsonBytes)
        .build();
  }

  private static String packageJson(int padding) {
    return "{\"success\":true,\"result\":{\"id\":\"p1\",\"name\":\"p1\",\"title\":\"" + "t".repeat(padding)
        + "\",\"resources\":[]}}";
  }

  @Test
  void aNegativeHugeOrMalformedRetryAfterIsIgnoredAndTheErrorStaysMapped() {
    for (String value : List.of("-1", "99999999999999999999999", "soon", "-0", "")) {
      server.resetAll();
      server.stubFor(get(urlPathEqualTo("/api/3/action/package_show"))
          .willReturn(aResponse().withStatus(503).withHeader("Retry-After", value).withBody("{}")));
      Throwable t = catchThrowable(() -> client(AneelClient.DEFAULT_MAX_JSON_BYTES).packageShow("p1"));
      assertThat(t).as("Retry-After: %s", value).isInstanceOf(YshException.class);
      YshException e = (YshException) t;
      assertThat(e.code()).as("Retry-After: %s -> %s", value, e).isEqualTo(ErrorCode.UNAVAILABLE);
      assertThat(e.retryAfter().orElse(Duration.ZERO)).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }
  }

  @Test
  void aLargeRetryAfterIsCappedAtAMinute() {
    server.stubFor(get(urlPathEqualTo("/api/3/action/package_show"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7200")));
    YshException e = (YshException) catchThrowable(() -> client(1024).packageShow("p1"));
    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
  }

  @Test
  void aJsonAnswerOverTheLimitFailsClearlyWithOrWithoutAContentLength() {
    server.stubFor(get(urlPathEqualTo("/api/3/action/package_show"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(packageJson(20_000))));
    assertThat(client(100_000).packageShow("p1").name()).isEqualTo("p1");
    Throwable t = catchThrowable(() -> client(10_000).packageShow("p1"));
    assertThat(t).isInstanceOf(AneelException.class).hasMessageContaining("maxJsonBytes").hasMessageContaining("10000");

    server.resetAll();
    server.stubFor(get(urlPathEqualTo("/api/3/action/package_show"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(packageJson(20_000))
            .withChunkedDribbleDelay(5, 50)));
    Throwable chunked = catchThrowable(() -> client(10_000).packageShow("p1"));
    assertThat(chunked).isInstanceOf(AneelException.class).hasMessageContaining("maxJsonBytes");
  }

  @Test
  void theLimitIsValidatedLikeEveryOtherArgument() {
    YshException e = (YshException) catchThrowable(() -> AneelClient.builder().maxJsonBytes(0));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).contains("maxJsonBytes");
  }
}
