package io.ysh.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
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
  void aLoggedBodyIsRedactedWholeBeforeItIsCutSoNoSecretIsHalfShown() throws Exception {
    // The secret straddles the 4 KiB logging limit: cut first, its closing quote would be gone.
    String big = "{\"pad\":\"" + "p".repeat(4070) + "\",\"password\":\"HALFSHOWNSECRETVALUE\",\"n\":1}";
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/straddle"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(big)));
    String huge = "{\"password\":\"TOOLARGESECRET\",\"pad\":\"" + "p".repeat(70 * 1024) + "\"}";
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/huge"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(huge)));
    OkHttpClient client = HttpClients.builder("asaas").logLevel(HttpLogLevel.BODY).build();
    for (String path : List.of("/straddle", "/huge")) {
      try (Response r = client.newCall(new Request.Builder().url(server.baseUrl() + path).header("Accept-Encoding", "identity").build()).execute()) {
        assertThat(r.body().string()).contains("SECRET");
      }
    }
    String logged = logs.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    assertThat(logged).doesNotContain("HALF").doesNotContain("TOOLARGE").contains("not logged").contains("more characters)");
  }

  @Test
  void clientsShareTheBasePoolUnlessAskedOtherwise() {
    OkHttpClient a = HttpClients.builder("a").build();
    OkHttpClient b = HttpClients.builder("b").build();
    assertThat(a.connectionPool()).isSameAs(b.connectionPool());
    assertThat(a.dispatcher()).isSameAs(b.dispatcher());
    assertThat(a.retryOnConnectionFailure()).isFalse();
  }

  @Test
  void defaultsApplyOverTheSdkBase() {
    OkHttpClient c = HttpClients.builder("a").build();
    assertThat(c.connectTimeoutMillis()).isEqualTo(10_000);
    assertThat(c.readTimeoutMillis()).isEqualTo(30_000);
    assertThat(c.writeTimeoutMillis()).isEqualTo(30_000);
    assertThat(c.callTimeoutMillis()).isEqualTo(60_000);
  }

  @Test
  void aCallersClientLendsItsPoolDispatcherAndTimeoutsAndKeepsItsInterceptors() throws Exception {
    ConnectionPool pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    Dispatcher dispatcher = new Dispatcher();
    List<String> seenByCaller = new CopyOnWriteArrayList<>();
    AtomicInteger connects = new AtomicInteger();
    OkHttpClient mine =
        new OkHttpClient.Builder()
            .connectionPool(pool)
            .dispatcher(dispatcher)
            .connectTimeout(Duration.ofMillis(1_234))
            .readTimeout(Duration.ofMillis(2_345))
            .writeTimeout(Duration.ofMillis(3_456))
            .callTimeout(Duration.ofMillis(4_567))
            .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-Tenant", "t1").build()))
            .addNetworkInterceptor(chain -> {
              seenByCaller.add(chain.request().header("User-Agent"));
              return chain.proceed(chain.request());
            })
            .eventListener(new EventListener() {
              @Override
              public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                connects.incrementAndGet();
              }
            })
            .build();

    OkHttpClient a = HttpClients.builder("asaas").base(mine).build();
    OkHttpClient b = HttpClients.builder("aneel").base(mine).readTimeout(Duration.ofSeconds(7)).callTimeout(Duration.ZERO).build();

    assertThat(a.connectionPool()).isSameAs(pool).isSameAs(b.connectionPool());
    assertThat(a.dispatcher()).isSameAs(dispatcher).isSameAs(b.dispatcher());
    // unset here: the caller's timeouts; set here: overridden for the derived client only
    assertThat(List.of(a.connectTimeoutMillis(), a.readTimeoutMillis(), a.writeTimeoutMillis(), a.callTimeoutMillis()))
        .containsExactly(1_234, 2_345, 3_456, 4_567);
    assertThat(List.of(b.connectTimeoutMillis(), b.readTimeoutMillis(), b.writeTimeoutMillis(), b.callTimeoutMillis()))
        .containsExactly(1_234, 7_000, 3_456, 0);
    assertThat(mine.readTimeoutMillis()).isEqualTo(2_345);
    assertThat(mine.interceptors()).hasSize(1);
    assertThat(a.retryOnConnectionFailure()).isFalse();
    assertThat(mine.retryOnConnectionFailure()).isTrue();

    for (OkHttpClient c : List.of(a, b, a)) {
      try (Response r = c.newCall(new Request.Builder().url(server.baseUrl() + "/shared").build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
      }
    }
    // three calls through two derived clients, one connection: the caller's pool served them all
    assertThat(connects).hasValue(1);
    assertThat(pool.connectionCount()).isEqualTo(1);
    server.verify(3, getRequestedFor(urlPathEqualTo("/shared")).withHeader("X-Tenant", equalTo("t1")));
    assertThat(seenByCaller).hasSize(3);
    assertThat(seenByCaller.get(0)).contains("(asaas; ");
    assertThat(seenByCaller.get(1)).contains("(aneel; ");
  }

  @Test
  void aBaseBuiltByTheFactoryGetsOneUserAgentAndOneLoggerNotTwo() throws Exception {
    OkHttpClient app = HttpClients.builder("app").userAgentSuffix("shop/1").logLevel(HttpLogLevel.BASIC).build();
    OkHttpClient derived = HttpClients.builder("asaas").base(app).logLevel(HttpLogLevel.BASIC).build();
    assertThat(derived.networkInterceptors()).filteredOn(i -> i instanceof RedactingLoggingInterceptor).hasSize(1);
    assertThat(derived.interceptors()).hasSize(app.interceptors().size());
    assertThat(HttpClients.builder("asaas").base(app).logLevel(HttpLogLevel.NONE).build().networkInterceptors())
        .noneMatch(i -> i instanceof RedactingLoggingInterceptor);
    try (Response r = derived.newCall(new Request.Builder().url(server.baseUrl() + "/once").build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    server.verify(getRequestedFor(urlPathEqualTo("/once")).withHeader("User-Agent", matching(".*\\(asaas; java/[^)]+\\)")));
    assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().contains("/once")).hasSize(2); // request and response lines, once
  }
}
