package io.ysh.examples;

import io.ysh.aneel.AneelClient;
import io.ysh.cache.Cache;
import io.ysh.cache.Codec;
import io.ysh.cache.TypedCache;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.testkit.aneel.AneelSimulator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Cache: {@code getOrLoad} with single-flight in front of the ANEEL client. Many requests for the
 * same tariff arrive at once (a marketing campaign, a cold start); the loader (two dataset
 * downloads and a calculator build) runs once, every caller gets its answer, and later callers
 * hit the cache.
 *
 * <p>Single-flight is per JVM: with several instances on Redis, each instance loads at most once
 * per key and TTL.
 *
 * <pre>
 * mvn -q -DskipTests -Pdemo -pl examples -am verify -Dysh.demo.main=io.ysh.examples.CachedTariffsExample
 * YSH_CACHE_URL='redis://127.0.0.1:6379/0?namespace=tariffs' (same command)
 * </pre>
 */
public final class CachedTariffsExample {

  private final TypedCache<TariffSnapshot> tariffs;
  private final TariffLookup lookup;
  private final PrintStream out;

  /**
   * An example.
   *
   * @param cache the cache
   * @param lookup the ANEEL lookup behind it
   * @param out where the report goes
   */
  public CachedTariffsExample(Cache cache, TariffLookup lookup, PrintStream out) {
    this.tariffs = cache.as(Codec.json(TariffSnapshot.class));
    this.lookup = lookup;
    this.out = out;
  }

  /**
   * What the example saw.
   *
   * @param callers how many concurrent callers asked
   * @param loads how many times the loader ran
   * @param distinctAnswers how many different answers the callers got (1)
   * @param coldMillis how long the concurrent callers took
   * @param warmMicros how long a later lookup took
   */
  public record Result(int callers, int loads, int distinctAnswers, long coldMillis, long warmMicros) {}

  /**
   * Runs on {@code YSH_CACHE_URL} (default {@code mem://?namespace=tariffs}) against the ANEEL
   * simulator (or {@code YSH_ANEEL_URL}).
   *
   * @param args ignored
   * @throws Exception if it fails
   */
  public static void main(String[] args) throws Exception {
    String aneelUrl = System.getenv("YSH_ANEEL_URL");
    AneelSimulator sim = aneelUrl == null ? TariffLookup.startSimulator() : null;
    try (Cache cache = Cache.open(System.getenv().getOrDefault("YSH_CACHE_URL", "mem://?namespace=tariffs"))) {
      AneelClient aneel = AneelClient.builder().baseUrl(sim != null ? sim.baseUrl() : aneelUrl).logLevel(HttpLogLevel.NONE).build();
      new CachedTariffsExample(cache, new TariffLookup(aneel), System.out).run("CEMIG-D", DemoConfig.DEFAULT_TARIFF_DATE, 16);
    } finally {
      if (sim != null) {
        sim.close();
      }
    }
  }

  /**
   * Asks for one tariff from {@code callers} threads at once, then once more.
   *
   * @param distributor the distributor
   * @param date the day
   * @param callers how many concurrent callers
   * @return what happened
   * @throws Exception if a lookup fails
   */
  public Result run(String distributor, LocalDate date, int callers) throws Exception {
    String key = "tariff:" + distributor + ":B1:" + date;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<TariffSnapshot>> answers = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return tariffs.getOrLoad(key, Duration.ofHours(6), () -> lookup.b1Residential(distributor, date));
        }));
      }
      long t0 = System.nanoTime();
      start.countDown();
      Set<TariffSnapshot> distinct = ConcurrentHashMap.newKeySet();
      for (Future<TariffSnapshot> f : answers) {
        distinct.add(f.get());
      }
      long cold = (System.nanoTime() - t0) / 1_000_000;
      tariffs.getOrLoad(key, () -> lookup.b1Residential(distributor, date));   // warm the decoder
      long t1 = System.nanoTime();
      TariffSnapshot warm = tariffs.getOrLoad(key, () -> lookup.b1Residential(distributor, date));
      long warmMicros = (System.nanoTime() - t1) / 1_000;
      out.printf("%d concurrent callers asked for %s B1 on %s: the loader ran %d time(s), %d distinct answer(s), %d ms%n",
          callers, distributor, date, lookup.loads(), distinct.size(), cold);
      out.printf("later lookup: cache hit in %d us: R$ %s/kWh (%s flag)%n", warmMicros, warm.totalPerKwh().toPlainString(), warm.flag());
      return new Result(callers, lookup.loads(), distinct.size(), cold, warmMicros);
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "CachedTariffsExample[" + lookup + "]";
  }
}
