package io.ysh.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.ysh.core.SdkVersion;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HttpClientsTest {

  private WireMockServer server;
  private ListAppender<ILoggingEvent> logs;
  private Logger httpLogger;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", "session=top-secret-cookie")
                    .withBody("{\"id\":\"cus_1\",\"cpfCnpj\":\"24971563792\",\"name\":\"Ana\"}")));
    httpLogger = (Logger) LoggerFactory.getLogger("io.ysh.http");
    logs = new ListAppender<>();
    logs.start();
    httpLogger.addAppender(logs);
  }

  @AfterEach
  void stop() {
    httpLogger.detachAppender(logs);
    server.stop();
  }

  @Test
  void sendsTheSdkUserAgentWithModuleAndSuffix() throws Exception {
    OkHttpClient client = HttpClients.builder("asaas").userAgentSuffix("ysh-marketplace/2.3").build();
    try (Response r = client.newCall(new Request.Builder().url(server.baseUrl() + "/ua").build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    server.verify(
        getRequestedFor(urlPathEqualTo("/ua"))
            .withHeader(
                "User-Agent",
                matching("ysh-sdk/" + java.util.regex.Pattern.quote(SdkVersion.get()) + " \\(asaas; java/.+\\) ysh-marketplace/2\\.3")));
    assertThat(SdkVersion.get()).isNotEqualTo("unknown").doesNotContain("${");
  }

  @Test
  void logsExchangesWithoutCredentialsOrPersonalData() throws Exception {
    OkHttpClient client = HttpClients.builder("asaas").logLevel(HttpLogLevel.BODY).build();
    Request request =
        new Request.Builder()
            .url(server.baseUrl() + "/v3/customers?cpfCnpj=24971563792&token=url-token-123")
            .header("access_token", "$aact_prod_000SECRETKEY")
            .header("Authorization", "Bearer bearer-secret-456")
            .post(RequestBody.create("{\"name\":\"Ana\",\"cpfCnpj\":\"249.715.637-92\",\"password\":\"pw-789\"}", MediaType.get("application/json")))
            .build();
    try (Response r = client.newCall(request).execute()) {
      assertThat(r.body().string()).contains("24971563792");
    }
    String logged = logs.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    assertThat(logs.list).extracting(ILoggingEvent::getLevel).contains(Level.DEBUG, Level.TRACE);
    assertThat(logged)
        .contains("--> POST")
        .contains("<-- 200")
        .contains("\"name\":\"Ana\"")
        .doesNotContain("24971563792")
        .doesNotContain("249.715.637-92")
        .doesNotContain("url-token-123")
        .doesNotContain("SECRETKEY")
        .doesNotContain("bearer-secret-456")
        .doesNotContain("pw-789")
        .doesNotContain("top-secret-cookie");
  }

  @Test
  void clientsShareTheBasePoolUnlessAskedOtherwise() {
    OkHttpClient a = HttpClients.builder("a").build();
    OkHttpClient b = HttpClients.builder("b").build();
    assertThat(a.connectionPool()).isSameAs(b.connectionPool());
    assertThat(a.dispatcher()).isSameAs(b.dispatcher());
    assertThat(a.retryOnConnectionFailure()).isFalse();
  }
}
