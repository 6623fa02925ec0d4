package io.ysh.benchmarks.secrets;

import com.sun.net.httpserver.HttpServer;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.ysh.core.Secret;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.secrets.SecretCachePolicy;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretStore;
import io.ysh.secrets.SecretValue;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.secrets.vault.VaultSecretDriver;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The secrets layer's costs.
 *
 * <ul>
 *   <li>{@code cachedGet}: a read answered by the cache (target: at least 1M ops/s on one
 *       thread; it is a map read plus a clock read).
 *   <li>{@code vaultRawRead} vs {@code vaultStoreGetUncached}: the Vault Java driver's
 *       {@code logical().read} against an in-process HTTP server answering a KV v2 read, and the
 *       same read through an uncached {@link SecretStore} (validation, telemetry, resilience,
 *       error mapping, value conversion). Target: at most 5% slower.
 *   <li>{@code constantDriverDirect} vs {@code uncachedOverhead}: the portable layer's own cost
 *       per uncached call, over a driver that costs nothing; compare it with the Vault read's
 *       latency when the machine is too noisy for the ratio above.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SecretStoreBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SecretStoreBenchmark {

  private static final String BODY =
      "{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
          + "\"data\":{\"data\":{\"value\":\"s3cr3t\"},\"metadata\":{\"created_time\":\"2026-11-29T03:00:00Z\","
          + "\"custom_metadata\":null,\"deletion_time\":\"\",\"destroyed\":false,\"version\":3}},"
          + "\"wrap_info\":null,\"warnings\":null,\"auth\":null}";
  private static final String LOOKUP =
      "{\"data\":{\"ttl\":0,\"renewable\":false,\"policies\":[\"root\"],\"id\":\"t\"}}";

  private SecretStore cached;
  private SecretStore uncachedConstant;
  private final ConstantDriver constant = new ConstantDriver();
  private HttpServer server;
  private SecretStore uncachedVault;
  private Vault rawVault;

  /** A driver answering from memory, so the cached benchmark measures only the cache. */
  static final class ConstantDriver implements SecretDriver {
    private final SecretValue value = SecretValue.builder("db-password", Secret.of("s3cr3t")).version("1").build();

    @Override
    public String provider() {
      return "constant";
    }

    @Override
    public Set<SecretCapability> capabilities() {
      return Set.of();
    }

    @Override
    public SecretValue get(String name, String version) {
      return value;
    }

    @Override
    public NamePage list(String prefix, String pageToken) {
      return NamePage.last(java.util.List.of());
    }

    @Override
    public void close() {}
  }

  /**
   * Starts the in-process server and builds the stores.
   *
   * @throws Exception on failure
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    cached = SecretStore.builder(new ConstantDriver())
        .cache(SecretCachePolicy.builder().ttl(Duration.ofHours(1)).build()).build();
    cached.get("db-password");
    uncachedConstant = SecretStore.builder(new ConstantDriver())
        .telemetry(Telemetry.defaults()).resilience(ResiliencePolicy.defaults()).build();

    // Without TCP_NODELAY the JDK server and client meet the 40 ms delayed-ACK stall.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", exchange -> {
      byte[] body = (exchange.getRequestURI().getPath().endsWith("lookup-self") ? LOOKUP : BODY)
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    String address = "http://127.0.0.1:" + server.getAddress().getPort();
    VaultSecretDriver driver = VaultSecretDriver.builder().address(address).token(Secret.of("t")).build();
    rawVault = driver.unwrap(Vault.class).orElseThrow();
    uncachedVault = SecretStore.builder(driver)
        .telemetry(Telemetry.defaults()).resilience(ResiliencePolicy.defaults()).build();
    uncachedVault.get("db");
  }

  /** Stops the server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    cached.close();
    uncachedConstant.close();
    uncachedVault.close();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /**
   * A cache hit.
   *
   * @return the value
   */
  @Benchmark
  public SecretValue cachedGet() {
    return cached.get("db-password");
  }

  /**
   * The driver called directly: the baseline of {@link #uncachedOverhead()}.
   *
   * @return the value
   */
  @Benchmark
  public SecretValue constantDriverDirect() {
    return constant.get("db-password", null);
  }

  /**
   * An uncached read through the portable layer over a driver that costs nothing: the layer's
   * own cost per call (validation, telemetry, resilience, error mapping).
   *
   * @return the value
   */
  @Benchmark
  public SecretValue uncachedOverhead() {
    return uncachedConstant.get("db-password");
  }

  /**
   * The raw Vault driver read.
   *
   * @return the response
   * @throws Exception on failure
   */
  @Benchmark
  public LogicalResponse vaultRawRead() throws Exception {
    return rawVault.logical().read("secret/db");
  }

  /**
   * The same read through an uncached store.
   *
   * @return the value
   */
  @Benchmark
  public SecretValue vaultStoreGetUncached() {
    return uncachedVault.get("db");
  }
}
