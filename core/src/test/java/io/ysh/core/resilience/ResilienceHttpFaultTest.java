package io.ysh.core.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.http.HttpClients;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.core.spi.Invoker;
import io.ysh.core.telemetry.Telemetry;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retry, backoff and circuit breaking over a real HTTP stack (OkHttp from {@link HttpClients})
 * against a local WireMock server that injects network faults: connection resets, empty
 * responses, 503s and slow responses.
 */
class ResilienceHttpFaultTest {

  private static WireMockServer server;
  private static OkHttpClient http;
  /** The client's read timeout: well above how long this server takes to answer on this machine now. */
  private static Duration readTimeout;

  @BeforeAll
  static void start() throws IOException {
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    readTimeout = readTimeoutFromMeasuredLatency();
    http = HttpClients.builder("test").readTimeout(readTimeout).callTimeout(readTimeout.multipliedBy(3)).build();
  }

  /**
   * Ten times the slowest of 20 answers to a plain GET (at least 300 ms, at most 3 s): a fixed
   * 300 ms read timeout let a loaded 2-core machine time out answers that were not slow at all.
   */
  private static Duration readTimeoutFromMeasuredLatency() throws IOException {
    server.stubFor(get(urlEqualTo("/ping")).willReturn(aResponse().withStatus(200).withBody("pong")));
    OkHttpClient patient = HttpClients.builder("probe").readTimeout(Duration.ofSeconds(30)).build();
    long slowest = 0;
    for (int i = 0; i < 20; i++) {
      long start = System.nanoTime();
      try (Response r = patient.newCall(new Request.Builder().url(url("/ping")).build()).execute()) {
        r.body().string();
      }
      slowest = Math.max(slowest, System.nanoTime() - start);
    }
    Duration t = Duration.ofNanos(slowest).multipliedBy(10);
    return t.compareTo(Duration.ofMillis(300)) < 0 ? Duration.ofMillis(300)
        : t.compareTo(Duration.ofSeconds(3)) > 0 ? Duration.ofSeconds(3) : t;
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  private static Invoker invoker(ResiliencePolicy policy) {
    return Invoker.create("test", "wiremock", Telemetry.noop(), policy, ErrorMapper.defaults());
  }

  private static ResiliencePolicy fastRetries(int attempts) {
    return ResiliencePolicy.builder()
        .attemptTimeout(readTimeout.multipliedBy(3))
        .totalTimeout(readTimeout.multipliedBy(3L * attempts).plusSeconds(10))
        .retry(RetryPolicy.exponential(attempts, Duration.ofMillis(10), Duration.ofMillis(50)))
        .build();
  }

  private static String fetch(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      if (r.code() >= 500) {
        throw YshException.of(ErrorCode.UNAVAILABLE, "HTTP " + r.code());
      }
      return r.body().string();
    }
  }

  private static String url(String path) {
    return server.baseUrl() + path;
  }

  private void failThenSucceed(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
    server.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(failure).willSetStateTo("failed-once"));
    server.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("failed-once")
        .willReturn(failure).willSetStateTo("failed-twice"));
    server.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("failed-twice")
        .willReturn(aResponse().withStatus(200).withBody("ok")));
  }

  @Test
  void idempotentGetSurvivesConnectionResets() {
    failThenSucceed("/reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    String body = invoker(fastRetries(3)).call("get", "/reset", true, () -> fetch(new Request.Builder().url(url("/reset")).build()));
    assertThat(body).isEqualTo("ok");
    server.verify(3, getRequestedFor(urlEqualTo("/reset")));
  }

  @Test
  void idempotentGetSurvivesEmptyResponses() {
    failThenSucceed("/empty", aResponse().withFault(Fault.EMPTY_RESPONSE));
    assertThat(invoker(fastRetries(3)).call("get", "/empty", true, () -> fetch(new Request.Builder().url(url("/empty")).build())))
        .isEqualTo("ok");
  }

  @Test
  void idempotentGetSurvives503s() {
    failThenSucceed("/busy", aResponse().withStatus(503));
    assertThat(invoker(fastRetries(3)).call("get", "/busy", true, () -> fetch(new Request.Builder().url(url("/busy")).build())))
        .isEqualTo("ok");
    server.verify(3, getRequestedFor(urlEqualTo("/busy")));
  }

  @Test
  void slowResponsesTimeOutAndAreRetried() {
    // slower than the read timeout by a wide margin, so the timeout, not the load, decides
    failThenSucceed("/slow", aResponse().withStatus(200).withBody("late")
        .withFixedDelay((int) readTimeout.multipliedBy(2).plusMillis(500).toMillis()));
    assertThat(invoker(fastRetries(3)).call("get", "/slow", true, () -> fetch(new Request.Builder().url(url("/slow")).build())))
        .isEqualTo("ok");
  }

  @Test
  void exhaustedRetriesReportTheLastFailureWithContext() {
    server.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> invoker(fastRetries(3)).call("get", "/down", true, () -> fetch(new Request.Builder().url(url("/down")).build())))
        .isInstanceOfSatisfying(
            YshException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
              assertThat(e.operation()).contains("test.get");
              assertThat(e.provider()).contains("wiremock");
              assertThat(e.getCause()).isInstanceOf(IOException.class);
            });
    server.verify(3, getRequestedFor(urlEqualTo("/down")));
  }

  @Test
  void nonIdempotentPostIsSentExactlyOnceEvenWhenTheConnectionDrops() {
    server.stubFor(post(urlEqualTo("/charge")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    Request charge =
        new Request.Builder().url(url("/charge")).post(RequestBody.create("{\"value\":100}", MediaType.get("application/json"))).build();
    assertThatThrownBy(() -> invoker(fastRetries(5)).call("charge", "/charge", false, () -> fetch(charge)))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    server.verify(1, postRequestedFor(urlEqualTo("/charge")));
  }

  @Test
  void circuitBreakerStopsHammeringAFailingServer() {
    server.stubFor(get(urlEqualTo("/flaky")).willReturn(aResponse().withStatus(503)));
    ResiliencePolicy policy =
        ResiliencePolicy.builder()
            .retry(RetryPolicy.none())
            .circuitBreaker(new CircuitBreakerPolicy(50, 5, 5, Duration.ofMinutes(1), 1))
            .build();
    Invoker invoker = invoker(policy);
    Request request = new Request.Builder().url(url("/flaky")).build();
    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> invoker.call("get", "/flaky", true, () -> fetch(request))).isInstanceOf(YshException.class);
    }
    server.verify(5, getRequestedFor(urlEqualTo("/flaky")));
  }
}
