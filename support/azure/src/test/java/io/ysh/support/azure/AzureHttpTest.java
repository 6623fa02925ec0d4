package io.ysh.support.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.util.Context;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Azure drivers' transport against a WireMock server: a write whose connection is reset is
 * sent once (OkHttp's own default would send it again), a read on such a connection is still
 * recovered, and the per-request response timeout that the drivers set becomes {@code TIMEOUT},
 * not {@code CANCELLED}.
 */
class AzureHttpTest {

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    server.stubFor(get(urlEqualTo("/warm")).willReturn(aResponse().withStatus(200).withBody("ok")));
    // the first PUT is reset, the next one answered
    server.stubFor(put(urlEqualTo("/blob")).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("reset-once").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    server.stubFor(put(urlEqualTo("/blob")).inScenario("reset").whenScenarioStateIs("reset-once")
        .willReturn(aResponse().withStatus(201)));
    server.stubFor(get(urlEqualTo("/read")).inScenario("reset-read").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("reset-once").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    server.stubFor(get(urlEqualTo("/read")).inScenario("reset-read").whenScenarioStateIs("reset-once")
        .willReturn(aResponse().withStatus(200).withBody("read")));
    server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private Throwable resetWrite(HttpClient http) {
    // a warm, pooled connection first: the case in which OkHttp re-sends a failed request
    try (HttpResponse r = http.sendSync(new HttpRequest(HttpMethod.GET, server.baseUrl() + "/warm"), Context.NONE)) {
      assertThat(r.getStatusCode()).isEqualTo(200);
    }
    return catchThrowable(() -> {
      try (HttpResponse r = http.sendSync(new HttpRequest(HttpMethod.PUT, server.baseUrl() + "/blob")
          .setBody("payload".getBytes(StandardCharsets.UTF_8)), Context.NONE)) {
        assertThat(r.getStatusCode()).isEqualTo(201);
      }
    });
  }

  @Test
  void aWriteWhoseConnectionIsResetIsSentOnce() {
    Throwable t = resetWrite(AzureHttp.client(new okhttp3.OkHttpClient.Builder()));
    assertThat(t).as("the reset surfaces").isNotNull();
    assertThat(server.findAll(putRequestedFor(urlEqualTo("/blob")))).hasSize(1);
    assertThat(AzureSdkErrors.map("Azure Blob Storage", t, AzureSdkErrors.ServiceCodes.NONE).isRetryable()).isTrue();
  }

  @Test
  void okHttpsOwnDefaultWouldSendTheWriteTwice() {
    // the control: what AzureHttp turns off is real, so the test above can fail
    Throwable t = resetWrite(new OkHttpAsyncHttpClientBuilder(new okhttp3.OkHttpClient()).build());
    assertThat(t).isNull();
    assertThat(server.findAll(putRequestedFor(urlEqualTo("/blob")))).hasSize(2);
  }

  @Test
  void theSharedClientIsTheSameForEveryDriver() {
    assertThat(AzureHttp.client()).isSameAs(AzureHttp.client());
    assertThat(resetWrite(AzureHttp.client())).isNotNull();
    assertThat(server.findAll(putRequestedFor(urlEqualTo("/blob")))).hasSize(1);
  }

  @Test
  void aReadWhoseConnectionIsResetIsSentAgainOnAFreshOne() {
    HttpClient http = AzureHttp.client(new okhttp3.OkHttpClient.Builder());
    try (HttpResponse r = http.sendSync(new HttpRequest(HttpMethod.GET, server.baseUrl() + "/warm"), Context.NONE)) {
      assertThat(r.getStatusCode()).isEqualTo(200);
    }
    try (HttpResponse r = http.sendSync(new HttpRequest(HttpMethod.GET, server.baseUrl() + "/read"), Context.NONE)) {
      assertThat(r.getStatusCode()).isEqualTo(200);
      assertThat(r.getBodyAsBinaryData().toString()).isEqualTo("read");
    }
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/read")))).hasSize(2);
  }

  @Test
  void theResponseTimeoutIsATimeout() {
    HttpClient http = AzureHttp.client();
    long start = System.nanoTime();
    Throwable t = catchThrowable(() -> http.sendSync(new HttpRequest(HttpMethod.GET, server.baseUrl() + "/slow"),
        new Context("azure-response-timeout", Duration.ofMillis(300))).close());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    YshException e = AzureSdkErrors.map("Azure Key Vault", t, AzureSdkErrors.ServiceCodes.NONE);
    assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void theSharedClientsThreadsDoNotKeepTheJvmAlive() {
    // an asynchronous request runs on OkHttp's dispatcher, whose default threads are not daemons
    try (HttpResponse r = AzureHttp.client().send(new HttpRequest(HttpMethod.GET, server.baseUrl() + "/warm")).block()) {
      assertThat(r.getStatusCode()).isEqualTo(200);
    }
    var threads = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("ysh-azure-okhttp") || t.getName().startsWith("OkHttp Dispatcher")).toList();
    assertThat(threads).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
  }

  @Test
  void anInterruptIsStillACancellation() {
    YshException e = AzureSdkErrors.map("Azure Key Vault", new java.io.InterruptedIOException("interrupted"),
        AzureSdkErrors.ServiceCodes.NONE);
    assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED);
  }

  @Test
  void aMissingBaseIsAnInvalidArgument() {
    assertThatThrownBy(() -> AzureHttp.client(null)).isInstanceOfSatisfying(YshException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
