package io.ysh.examples;

import com.sun.net.httpserver.HttpServer;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.br.Cnpj;
import io.ysh.core.br.Money;
import io.ysh.core.http.HttpClients;
import io.ysh.core.json.Json;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.core.spi.Invoker;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.core.url.ResourceUrl;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A tour of the core: what the SDK's core gives a YSH backend, offline, in a few seconds. It runs
 * on embedded defaults only (no account, no server beyond one it starts itself on 127.0.0.1).
 *
 * <p>Run it with {@code mvn -q -DskipTests -Pdemo -pl examples -am verify -Dysh.demo.main=io.ysh.examples.CoreTour}.
 */
public final class CoreTour {

  private final PrintStream out;

  CoreTour(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the demo and prints a short report.
   *
   * @param args ignored
   * @throws Exception if the demo itself breaks
   */
  public static void main(String[] args) throws Exception {
    new CoreTour(System.out).run();
  }

  void run() throws Exception {
    out.println("YSH SDK core tour");
    out.println("=================");
    step("1. Resource URLs: one config format, credentials never echoed", this::urls);
    step("2. Brazilian values: CNPJ (numeric and the 2026 alphanumeric form), BRL money", this::brazil);
    step("3. Resilience: a flaky tariff endpoint, retried with backoff and full jitter", this::resilience);
    step("4. Portable errors: one exception family with codes", this::errors);
    out.println("Done. Next: storage, cache, secrets and queues open by URL the same way.");
  }

  private void urls() {
    ResourceUrl url = ResourceUrl.parse("redis://app:S3cr3t-pass@cache.internal:6379/0?timeout=250ms");
    out.printf("   parsed   %s%n", url);
    out.printf("   host     %s, db %s, timeout %s, password present: %s%n",
        url.singleHost("server"), url.path(), url.durationParam("timeout").orElseThrow(), url.password().isPresent());
  }

  private void brazil() {
    Cnpj numeric = Cnpj.parse("33050196000188");
    Cnpj alphanumeric = Cnpj.parse("12.abc.345/01de-35");
    out.printf("   distributor CNPJ %s (numeric), new-format CNPJ %s%n", numeric.formatted(), alphanumeric.formatted());
    out.printf("   '11.222.333/0001-00' valid? %s%n", Cnpj.isValid("11.222.333/0001-00"));
    Money system = Money.of(new BigDecimal("18990.00"));
    List<Money> installments = system.allocate(7);
    out.printf("   %s in 7 installments: %s … %s (sum %s)%n",
        system.format(), installments.get(0).format(), installments.get(6).format(),
        installments.stream().reduce(Money.ZERO, Money::plus).format());
  }

  private void resilience() throws IOException {
    AtomicInteger hits = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/tariff",
        exchange -> {
          int n = hits.incrementAndGet();
          byte[] body =
              n < 3
                  ? "busy".getBytes(StandardCharsets.UTF_8)
                  : "{\"distributor\":\"LIGHT SESA\",\"tusd\":472.42,\"te\":285.31}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(n < 3 ? 503 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      OkHttpClient http = HttpClients.builder("examples").build();
      ResiliencePolicy policy =
          ResiliencePolicy.defaults().toBuilder()
              .retry(RetryPolicy.exponential(4, Duration.ofMillis(50), Duration.ofMillis(400)))
              .build();
      Invoker invoker = Invoker.create("aneel", "local", Telemetry.defaults(), policy, ErrorMapper.defaults());
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/tariff";
      String json =
          invoker.call(
              "tariff",
              "/tariff",
              true,
              () -> {
                try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
                  if (r.code() == 503) {
                    throw YshException.of(ErrorCode.UNAVAILABLE, "HTTP 503");
                  }
                  return r.body().string();
                }
              });
      @SuppressWarnings("unchecked")
      Map<String, Object> tariff = Json.mapper().readValue(json, Map.class);
      BigDecimal perKwh =
          ((BigDecimal) tariff.get("tusd")).add((BigDecimal) tariff.get("te")).movePointLeft(3);
      out.printf("   %d attempts (2 answered 503), then %s: R$ %s/kWh before taxes%n", hits.get(), tariff.get("distributor"), perKwh);
    } finally {
      server.stop(0);
    }
  }

  private void errors() {
    try {
      ResourceUrl.parse("s3://quotes-bucket?region=sa-east-1&retries=three").intParam("retries");
    } catch (YshException e) {
      out.printf("   %s (retryable: %s)%n", e.getMessage(), e.isRetryable());
    }
  }

  private void step(String title, ThrowingRunnable body) throws Exception {
    out.println(title);
    long start = System.nanoTime();
    body.run();
    out.printf("   (%d ms)%n", (System.nanoTime() - start) / 1_000_000);
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
