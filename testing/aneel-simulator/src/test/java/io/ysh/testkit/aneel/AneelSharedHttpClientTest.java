package io.ysh.testkit.aneel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.aneel.AneelClient;
import io.ysh.aneel.AneelDataset;
import io.ysh.aneel.TariffRecord;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.testkit.aneel.AneelSimulator.Target;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code AneelClient.Builder.httpClient(OkHttpClient)}: clients built from the application's
 * {@link OkHttpClient} share its connections, keep its interceptors and the timeouts it sets,
 * except where the builder documents an override. (Here, beside the simulator, for the reason
 * {@link AneelClientTest} is.)
 */
class AneelSharedHttpClientTest {

  private static final String TARIFFS = AneelDataset.TARIFFS.resourceId();
  private static final ResiliencePolicy ONE_ATTEMPT =
      ResiliencePolicy.builder().attemptTimeout(Duration.ofSeconds(20)).totalTimeout(Duration.ofSeconds(40)).retry(RetryPolicy.none()).build();

  private static AneelSimulator sim;

  @BeforeAll
  static void start() throws Exception {
    sim = AneelSimulator.builder()
        .resource(AneelDataset.TARIFFS.packageId(), TARIFFS, "tarifas.csv", Fixtures.bytes(Fixtures.TARIFFS))
        .start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.clearFaults();
    sim.clearRequests();
  }

  private static AneelClient.Builder builder(OkHttpClient http) {
    return AneelClient.builder().baseUrl(sim.baseUrl()).logLevel(HttpLogLevel.NONE).resilience(ONE_ATTEMPT).httpClient(http);
  }

  private static long downloadTariffs(AneelClient client) {
    try (Stream<TariffRecord> s = client.download(AneelDataset.TARIFFS)) {
      return s.count();
    }
  }

  @Test
  void twoClientsBuiltFromOneOkHttpClientShareItsConnectionPool() {
    ConnectionPool pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    AtomicInteger connects = new AtomicInteger();
    List<String> userAgents = new CopyOnWriteArrayList<>();
    OkHttpClient mine =
        new OkHttpClient.Builder()
            .connectionPool(pool)
            .eventListener(new EventListener() {
              @Override
              public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                connects.incrementAndGet();
              }
            })
            .addNetworkInterceptor(chain -> {
              userAgents.add(chain.request().header("User-Agent"));
              return chain.proceed(chain.request());
            })
            .build();
    AneelClient a = builder(mine).userAgentSuffix("quotes/1").build();
    AneelClient b = builder(mine).userAgentSuffix("billing/2").build();

    assertThat(a.resourceShow(TARIFFS).id()).isEqualTo(TARIFFS);
    long rows = Fixtures.read(Fixtures.TARIFFS, AneelDataset.TARIFFS).size();
    assertThat(downloadTariffs(b)).isEqualTo(rows); // the API and the bulk-file clients alike
    assertThat(b.packageShow(AneelDataset.TARIFFS.packageId()).resources()).hasSize(1);

    assertThat(connects).hasValue(1);
    assertThat(pool.connectionCount()).isEqualTo(1);
    assertThat(userAgents).hasSize(4).allMatch(ua -> ua.startsWith("ysh-sdk/") && ua.contains(" (aneel; java/"));
    assertThat(userAgents.get(0)).endsWith(" quotes/1");
    assertThat(userAgents.get(3)).endsWith(" billing/2");
    assertThat(mine.networkInterceptors()).hasSize(1);
  }

  @Test
  void theApplicationsReadTimeoutHoldsUnlessTheBuilderSetsOne() {
    OkHttpClient mine = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build();

    sim.delay(Target.API, 1, Duration.ofSeconds(2));
    assertThatThrownBy(() -> builder(mine).build().resourceShow(TARIFFS))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));

    sim.delay(Target.API, 1, Duration.ofSeconds(2));
    assertThat(builder(mine).readTimeout(Duration.ofSeconds(30)).build().resourceShow(TARIFFS).id()).isEqualTo(TARIFFS);
  }

  @Test
  void theApplicationsCallTimeoutIsReplacedByThePolicyForApiCallsAndDroppedForDownloads() {
    // 300 ms would fail a 1 s answer: API calls get the policy's 20 s attempt timeout instead,
    // bulk downloads no call timeout at all (only the read timeout between bytes)
    OkHttpClient mine = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(300)).build();
    AneelClient client = builder(mine).build();
    sim.delay(Target.API, 1, Duration.ofSeconds(1));
    assertThat(client.resourceShow(TARIFFS).id()).isEqualTo(TARIFFS);
    sim.delay(Target.DOWNLOAD, 1, Duration.ofSeconds(1));
    assertThat(downloadTariffs(client)).isPositive();
  }
}
