package io.ysh.benchmarks.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.ysh.cache.Cache;
import io.ysh.cache.TypedCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The portable cache against raw Lettuce on the same Redis ({@code -Dredis.url}, default
 * {@code redis://127.0.0.1:6379}). Keys live in a random namespace that is cleared afterwards.
 *
 * <pre>
 * mvn -pl benchmarks package -Dnetty.version=4.2.13.Final
 * java -jar benchmarks/target/benchmarks.jar 'cache.CacheBenchmarks' -f 1 -wi 2 -w 1s -i 3 -r 2s
 * </pre>
 *
 * Claims checked: portable get/put within 5% of raw sync GET/SET; getAll(1000) at least 10x
 * faster than 1000 sequential gets; a near-cache hit at least 20x faster than a round trip;
 * pipelined putAll throughput (ops/s = 1000 / the reported time per batch).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CacheBenchmarks {

  private Cache cache;
  private Cache near;
  private TypedCache<String> strings;
  private TypedCache<String> nearStrings;
  private RedisClient rawClient;
  private StatefulRedisConnection<String, String> rawConnection;
  private RedisCommands<String, String> raw;
  private String ns;
  private List<String> keys1000;
  private Map<String, String> entries1000;
  private String value;

  /** Opens the clients and writes the keys the reads use. */
  @Setup(Level.Trial)
  public void setUp() {
    String url = System.getProperty("redis.url", "redis://127.0.0.1:6379");
    ns = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    cache = Cache.open(url + "?namespace=" + ns);
    near = Cache.open(url + "?nearCache=10000&namespace=" + ns);
    strings = cache.strings();
    nearStrings = near.strings();
    rawClient = RedisClient.create(url);
    rawConnection = rawClient.connect(StringCodec.UTF8);
    raw = rawConnection.sync();
    value = "v".repeat(100);
    keys1000 = new ArrayList<>();
    entries1000 = new LinkedHashMap<>();
    for (int i = 0; i < 1000; i++) {
      keys1000.add("k" + i);
      entries1000.put("k" + i, value);
    }
    strings.putAll(entries1000);
    strings.put("hot", value);
    nearStrings.get("hot");
  }

  /** Clears the namespace and closes the clients. */
  @TearDown(Level.Trial)
  public void tearDown() {
    cache.clear();
    near.close();
    cache.close();
    rawConnection.close();
    rawClient.shutdown();
  }

  /** @return the value via the portable API */
  @Benchmark
  public Optional<String> portableGet() {
    return strings.get("hot");
  }

  /** @return the value via raw Lettuce sync GET */
  @Benchmark
  public String rawGet() {
    return raw.get(ns + ":hot");
  }

  /** Portable put. */
  @Benchmark
  public void portablePut() {
    strings.put("w", value);
  }

  /** @return raw Lettuce sync SET */
  @Benchmark
  public String rawPut() {
    return raw.set(ns + ":w", value);
  }

  /** @return 1000 keys in one getAll */
  @Benchmark
  public Map<String, String> getAll1000() {
    return strings.getAll(keys1000);
  }

  /** @return the last of 1000 sequential portable gets */
  @Benchmark
  public Optional<String> sequentialGets1000() {
    Optional<String> last = Optional.empty();
    for (String k : keys1000) {
      last = strings.get(k);
    }
    return last;
  }

  /** @return a near-cache hit */
  @Benchmark
  public Optional<String> nearCacheHit() {
    return nearStrings.get("hot");
  }

  /** One pipelined putAll of 1000 entries; the score is per entry. */
  @Benchmark
  @OperationsPerInvocation(1000)
  public void pipelinedPutAll1000() {
    strings.putAll(entries1000);
  }
}
