package io.ysh.benchmarks.asaas;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ysh.asaas.AsaasClient;
import io.ysh.asaas.Page;
import io.ysh.asaas.Payment;
import io.ysh.asaas.PaymentFilter;
import io.ysh.core.Secret;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.json.Json;
import io.ysh.core.telemetry.Telemetry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Asaas client's overhead (auth header, invoker, circuit breaker, bulkhead, error mapping,
 * typed parsing) over raw OkHttp + Jackson parsing into the same records, against one local
 * JDK HTTP server that answers pre-rendered Asaas bodies (so the server costs the same for
 * both). Target: the client within 10% of raw for get and list.
 *
 * <p>{@code stream10k} pages through 10,000 payments (100 requests of 100) with the client's
 * lazy auto-pagination; it holds one page at a time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The JDK server otherwise leaves Nagle on: every small answer then waits ~40 ms for a delayed ACK.
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class AsaasClientBenchmark {

  private static final String KEY = "$aact_hmlg_benchmark";
  private static final int TOTAL = 10_000;

  private HttpServer server;
  private ExecutorService executor;
  private AsaasClient client;
  private OkHttpClient raw;
  private ObjectMapper mapper;
  private JavaType pageType;
  private String base;
  private byte[] paymentBody;
  private final Map<Integer, byte[]> pages = new HashMap<>();

  private static String payment(int i) {
    return "{\"object\":\"payment\",\"id\":\"pay_" + i + "\",\"dateCreated\":\"2026-01-05\",\"customer\":\"cus_G7Dvo4iphUNk\","
        + "\"value\":129.90,\"netValue\":128.91,\"billingType\":\"PIX\",\"status\":\"PENDING\",\"dueDate\":\"2026-02-05\","
        + "\"originalDueDate\":\"2026-02-05\",\"description\":\"Kit solar 5 kWp\",\"invoiceUrl\":\"https://sandbox.asaas.com/i/" + i + "\","
        + "\"invoiceNumber\":\"0000" + i + "\",\"externalReference\":\"order-" + i + "\",\"deleted\":false,\"anticipated\":false,"
        + "\"postalService\":false,\"installmentNumber\":null,\"paymentDate\":null}";
  }

  private byte[] page(int offset) {
    return pages.computeIfAbsent(offset, o -> {
      StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"hasMore\":").append(o + 100 < TOTAL)
          .append(",\"totalCount\":").append(TOTAL).append(",\"limit\":100,\"offset\":").append(o).append(",\"data\":[");
      for (int i = o; i < Math.min(TOTAL, o + 100); i++) {
        sb.append(i == o ? "" : ",").append(payment(i));
      }
      return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    });
  }

  @Setup(Level.Trial)
  public void start() throws IOException {
    paymentBody = payment(1).getBytes(StandardCharsets.UTF_8);
    for (int o = 0; o < TOTAL; o += 100) {
      page(o);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext("/v3/payments", this::serve);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
    client = AsaasClient.builder().apiKey(Secret.of(KEY)).baseUrl(base).logLevel(HttpLogLevel.NONE)
        .telemetry(Telemetry.noop()).build();
    raw = new OkHttpClient.Builder().build();
    mapper = Json.mapper();
    pageType = mapper.getTypeFactory().constructParametricType(Page.class, Payment.class);
  }

  private void serve(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    byte[] body;
    if (path.equals("/v3/payments")) {
      String q = ex.getRequestURI().getQuery();
      int offset = 0;
      for (String p : q == null ? new String[0] : q.split("&")) {
        if (p.startsWith("offset=")) {
          offset = Integer.parseInt(p.substring(7));
        }
      }
      body = page(offset);
    } else {
      body = paymentBody;
    }
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private <T> T rawGet(String url, JavaType type) throws IOException {
    Request r = new Request.Builder().url(url).header("access_token", KEY).build();
    try (Response response = raw.newCall(r).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return mapper.readValue(response.body().bytes(), type);
    }
  }

  /** One payment through the client. */
  @Benchmark
  public Payment clientGet() {
    return client.payments().get("pay_1");
  }

  /** One payment through raw OkHttp + Jackson. */
  @Benchmark
  public Payment rawGet() throws IOException {
    return rawGet(base + "/payments/pay_1", mapper.constructType(Payment.class));
  }

  /** A page of 100 payments through the client. */
  @Benchmark
  public Page<Payment> clientList() {
    return client.payments().list(PaymentFilter.all(), 0, 100);
  }

  /** A page of 100 payments through raw OkHttp + Jackson. */
  @Benchmark
  public Page<Payment> rawList() throws IOException {
    return rawGet(base + "/payments?offset=0&limit=100", pageType);
  }

  /** 10,000 payments through the client's auto-pagination. */
  @Benchmark
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 3, time = 3)
  public long clientStream10k() {
    return client.payments().stream(PaymentFilter.all()).count();
  }
}
