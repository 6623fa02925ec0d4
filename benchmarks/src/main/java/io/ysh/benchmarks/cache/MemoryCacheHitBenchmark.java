package io.ysh.benchmarks.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.ysh.cache.Cache;
import io.ysh.cache.Codec;
import io.ysh.cache.TypedCache;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A warm hit of the portable in-memory cache ({@code mem://}) through the JSON codec, the way the
 * quick-start demo reads a tariff (issue 20 §4, target ≤ 5 µs), next to a raw Caffeine hit of the
 * same object (no codec, no copy):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MemoryCacheHitBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MemoryCacheHitBenchmark {

  /** A value shaped like the demo's tariff snapshot: a few strings and numbers. */
  public record Tariff(String distributor, String cnpj, String date, String resolution, double tusd, double te,
      String flag, double flagPerMwh) {}

  private Cache cache;
  private TypedCache<Tariff> portable;
  private com.github.benmanes.caffeine.cache.Cache<String, Tariff> raw;

  /** Opens the cache and stores the value once. */
  @Setup(Level.Trial)
  public void setUp() {
    Tariff t = new Tariff("CEMIG-D", "06981180000116", "2026-09-15", "RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589", 593.08,
        310.21, "Amarela", 18.85);
    cache = Cache.open("mem://?namespace=bench");
    portable = cache.as(Codec.json(Tariff.class));
    portable.put("tariff", t, Duration.ofHours(6));
    raw = Caffeine.newBuilder().maximumSize(10_000).build();
    raw.put("tariff", t);
  }

  /** Closes the cache. */
  @TearDown(Level.Trial)
  public void tearDown() {
    cache.close();
  }

  /**
   * A portable hit: the stored JSON bytes decoded into a new record.
   *
   * @return the value
   */
  @Benchmark
  public Optional<Tariff> portableJsonHit() {
    return portable.get("tariff");
  }

  /**
   * A raw Caffeine hit of the object itself.
   *
   * @return the value
   */
  @Benchmark
  public Tariff caffeineHit() {
    return raw.getIfPresent("tariff");
  }
}
