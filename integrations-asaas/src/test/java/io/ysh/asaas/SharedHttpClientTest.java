package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.testkit.asaas.AsaasSimulator;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AsaasClient.Builder#httpClient(OkHttpClient)}: clients built from the application's
 * {@link OkHttpClient} share its connections and dispatcher, keep its interceptors and the
 * timeouts it sets, except where the builder documents an override.
 */
class SharedHttpClientTest {

  private static final ResiliencePolicy ONE_ATTEMPT =
      ResiliencePolicy.builder().attemptTimeout(Duration.ofSeconds(20)).totalTimeout(Duration.ofSeconds(40)).retry(RetryPolicy.none()).build();

  private static AsaasSimulator sim;

  @BeforeAll
  static void start() {
    sim = AsaasSimulator.start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.reset();
  }

  private static AsaasClient.Builder builder(OkHttpClient http) {
    return AsaasClient.builder()
        .apiKey(Secret.of(sim.apiKey()))
        .baseUrl(sim.baseUrl())
        .logLevel(HttpLogLevel.NONE)
        .resilience(ONE_ATTEMPT)
        .httpClient(http);
  }

  @Test
  void twoClientsBuiltFromOneOkHttpClientShareItsConnectionPool() {
    ConnectionPool pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    AtomicInteger connects = new AtomicInteger();
    List<String> sent = new CopyOnWriteArrayList<>();
    OkHttpClient mine =
        new OkHttpClient.Builder()
            .connectionPool(pool)
            .eventListener(new EventListener() {
              @Override
              public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                connects.incrementAndGet();
              }
            })
            .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-Tenant", "t1").build()))
            .addNetworkInterceptor(chain -> {
              sent.add(chain.request().header("X-Tenant") + " " + chain.request().header("User-Agent"));
              return chain.proceed(chain.request());
            })
            .build();
    AsaasClient a = builder(mine).userAgentSuffix("shop-a/1").build();
    AsaasClient b = builder(mine).userAgentSuffix("shop-b/2").build();

    Customer c = a.customers().create(CustomerRequest.builder().name("Maria Silva").cpfCnpj("529.982.247-25").build());
    assertThat(b.customers().get(c.id()).name()).isEqualTo("Maria Silva");
    a.finance().balance();
    b.finance().balance();

    // four calls (a create through its own timeouts, three reads) from two clients: one connection
    assertThat(connects).hasValue(1);
    assertThat(pool.connectionCount()).isEqualTo(1);
    assertThat(sent).hasSize(4);
    assertThat(sent).allMatch(s -> s.startsWith("t1 ysh-sdk/") && s.contains(" (asaas; java/"));
    assertThat(sent.get(0)).endsWith(" shop-a/1");
    assertThat(sent.get(1)).endsWith(" shop-b/2");
    // the application's client is left as it was
    assertThat(mine.interceptors()).hasSize(1);
    assertThat(mine.networkInterceptors()).hasSize(1);
    assertThat(mine.retryOnConnectionFailure()).isTrue();
  }

  @Test
  void callsRunOnTheApplicationsDispatcher() throws Exception {
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Dispatcher dispatcher = new Dispatcher();
    OkHttpClient mine =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .addInterceptor(chain -> {
              inFlight.countDown();
              try {
                release.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return chain.proceed(chain.request());
            })
            .build();
    AsaasClient client = builder(mine).build();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<Balance> balance = caller.submit(() -> client.finance().balance());
      assertThat(inFlight.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(dispatcher.runningCallsCount()).isEqualTo(1);
      release.countDown();
      assertThat(balance.get(60, TimeUnit.SECONDS)).isNotNull();
      assertThat(dispatcher.runningCallsCount()).isZero();
    } finally {
      release.countDown();
      caller.shutdownNow();
    }
  }

  @Test
  void theApplicationsReadTimeoutHoldsUnlessTheBuilderSetsOne() {
    OkHttpClient mine = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build();
    sim.faults().latency(Duration.ofSeconds(2));

    AsaasClient honoured = builder(mine).build();
    assertThatThrownBy(() -> honoured.finance().balance())
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));

    AsaasClient overridden = builder(mine).readTimeout(Duration.ofSeconds(30)).build();
    assertThat(overridden.finance().balance()).isNotNull();
  }

  @Test
  void thePolicysAttemptTimeoutReplacesTheApplicationsCallTimeout() {
    // a 300 ms call timeout would fail a 1 s answer; the documented override is the policy's 20 s
    OkHttpClient mine = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(300)).build();
    sim.faults().latency(Duration.ofSeconds(1));
    assertThat(builder(mine).build().finance().balance()).isNotNull();

    ResiliencePolicy tight = ResiliencePolicy.builder().attemptTimeout(Duration.ofMillis(300)).totalTimeout(Duration.ofSeconds(40))
        .retry(RetryPolicy.none()).build();
    OkHttpClient patient = new OkHttpClient.Builder().callTimeout(Duration.ofMinutes(5)).build();
    assertThatThrownBy(() -> builder(patient).resilience(tight).build().finance().balance())
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));
  }

  @Test
  void refusesANullClient() {
    assertThatThrownBy(() -> AsaasClient.builder().httpClient(null))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("client");
        });
  }
}
