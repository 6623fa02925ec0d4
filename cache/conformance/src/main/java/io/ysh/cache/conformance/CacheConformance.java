package io.ysh.cache.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.ysh.cache.Cache;
import io.ysh.cache.Codec;
import io.ysh.cache.TypeToken;
import io.ysh.cache.TypedCache;
import io.ysh.cache.spi.CacheDriver;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.testkit.gen.YshGenerators;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The conformance suite every cache driver runs: extend it in a test named
 * {@code <Driver>ConformanceTest} and implement {@link #newDriver()}, which returns the
 * <em>driver</em>; the suite builds the {@link Cache} over it (as Go CDK's
 * {@code drivertest.Harness.MakeDriver}), with the portable defaults.
 *
 * <pre>{@code
 * class MemoryConformanceTest extends CacheConformance {
 *   @Override
 *   protected CacheDriver newDriver() {
 *     return MemoryCacheDriver.unbounded();
 *   }
 * }
 * }</pre>
 *
 * <p>The suite opens one cache per test class and gives every test its own random
 * {@linkplain Cache#namespace(String) namespace}, cleared afterwards, so it can run against a
 * store shared with other tests (it never flushes a whole database). It checks, for every driver:
 * round trips through the string, bytes, long and JSON codecs (property tests with arbitrary
 * Unicode, arbitrary bytes, records and generic types), TTL expiry, put-if-absent races with
 * exactly one winner, counter atomicity under concurrency, bulk operations with missing keys,
 * namespace isolation and clear, single-flight loading with 50 concurrent callers, loader
 * failures, 10 MiB values, decode failures, and argument validation before any I/O.
 *
 * <p>TTL checks use TTLs of 1.5 s where a check must happen before expiry, so a loaded CI machine
 * does not make them flaky; they wait for expiry by polling, up to {@link #expiryWait()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CacheConformance {

  private Cache root;
  private ExecutorService pool;

  /** The namespaced cache of the running test. */
  protected Cache cache;

  /** Creates the suite. */
  protected CacheConformance() {}

  /**
   * The driver under test, over the store the suite may write to. Called once per test class;
   * the suite builds the cache over it, without a namespace, and closes it (hence the driver)
   * after the class.
   *
   * @return the driver
   */
  protected abstract CacheDriver newDriver();

  /**
   * How long the suite waits for an entry with a short TTL to disappear. Drivers whose store
   * expires keys lazily or on a coarse clock may return more.
   *
   * @return the wait bound
   */
  protected Duration expiryWait() {
    return Duration.ofSeconds(10);
  }

  /**
   * How many examples each property test tries (default 40; each example is a round trip).
   *
   * @return the number of examples
   */
  protected int examples() {
    return 40;
  }

  @BeforeAll
  void openRoot() {
    // Default telemetry and the driver's own resilience policy, as Cache.open(url) would give.
    root = Cache.builder(newDriver()).build();
    pool = Executors.newFixedThreadPool(50);
  }

  @AfterAll
  void closeRoot() {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (root != null) {
      root.close();
    }
  }

  @BeforeEach
  void newNamespace() {
    cache = root.namespace("ct-" + UUID.randomUUID().toString().substring(0, 12));
  }

  @AfterEach
  void clearNamespace() {
    if (cache != null) {
      cache.clear();
    }
  }

  // ---------------------------------------------------------------- basics

  @Test
  void getOfMissingKeyIsEmpty() {
    assertThat(cache.strings().get("missing")).isEmpty();
    assertThat(cache.exists("missing")).isFalse();
  }

  @Test
  void putThenGetRoundTrips() {
    cache.strings().put("k", "v");
    assertThat(cache.strings().get("k")).contains("v");
    assertThat(cache.exists("k")).isTrue();
  }

  @Test
  void putReplacesValue() {
    cache.strings().put("k", "one");
    cache.strings().put("k", "two");
    assertThat(cache.strings().get("k")).contains("two");
  }

  @Test
  void emptyValuesAreValues() {
    cache.strings().put("empty", "");
    cache.bytes().put("none", new byte[0]);
    assertThat(cache.strings().get("empty")).contains("");
    assertThat(cache.bytes().get("none")).hasValueSatisfying(b -> assertThat(b).isEmpty());
  }

  @Test
  void deleteReportsWhetherTheKeyExisted() {
    cache.strings().put("k", "v");
    assertThat(cache.delete("k")).isTrue();
    assertThat(cache.strings().get("k")).isEmpty();
  }

  @Test
  void deletingMissingKeyIsNotAnError() {
    assertThat(cache.delete("never-written")).isFalse();
  }

  @Test
  void unwrapOfUnknownTypeIsUnsupported() {
    assertThatThrownBy(() -> cache.unwrap(CacheConformance.class))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED));
  }

  // ---------------------------------------------------------------- TTL

  @Test
  void entriesExpireAfterTheirTtl() {
    cache.strings().put("short", "v", Duration.ofMillis(300));
    cache.strings().put("long", "v", Duration.ofMinutes(5));
    cache.strings().put("forever", "v");
    awaitAbsent("short");
    assertThat(cache.exists("short")).isFalse();
    assertThat(cache.strings().get("long")).contains("v");
    assertThat(cache.strings().get("forever")).contains("v");
  }

  @Test
  void putReplacesTheTtl() {
    cache.strings().put("k", "v", Duration.ofMillis(300));
    cache.strings().put("k", "v2");
    sleep(600);
    assertThat(cache.strings().get("k")).contains("v2");
  }

  @Test
  void expireSetsATtlOnAnExistingKeyOnly() {
    assertThat(cache.expire("absent", Duration.ofSeconds(5))).isFalse();
    assertThat(cache.exists("absent")).isFalse();
    cache.strings().put("k", "v");
    assertThat(cache.expire("k", Duration.ofMillis(300))).isTrue();
    awaitAbsent("k");
  }

  @Test
  void putIfAbsentWithTtlExpiresAndCanBeTakenAgain() {
    assertThat(cache.strings().putIfAbsent("lock", "a", Duration.ofMillis(1500))).isTrue();
    assertThat(cache.strings().putIfAbsent("lock", "b", Duration.ofMillis(1500))).isFalse();
    awaitAbsent("lock");
    assertThat(cache.strings().putIfAbsent("lock", "c", Duration.ofMinutes(1))).isTrue();
    assertThat(cache.strings().get("lock")).contains("c");
  }

  @Test
  void putAllWithTtlExpires() {
    cache.strings().putAll(Map.of("a", "1", "b", "2"), Duration.ofMillis(1500));
    assertThat(cache.strings().getAll(List.of("a", "b"))).hasSize(2);
    awaitAbsent("a");
    awaitAbsent("b");
  }

  // ---------------------------------------------------------------- putIfAbsent

  @Test
  void putIfAbsentKeepsTheFirstValue() {
    assertThat(cache.strings().putIfAbsent("k", "first")).isTrue();
    assertThat(cache.strings().putIfAbsent("k", "second")).isFalse();
    assertThat(cache.strings().get("k")).contains("first");
  }

  @Test
  void putIfAbsentRaceHasExactlyOneWinner() throws Exception {
    int threads = 16;
    for (int round = 0; round < 10; round++) {
      String key = "race-" + round;
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String value = "t" + t;
        results.add(pool.submit(() -> {
          start.await();
          return cache.strings().putIfAbsent(key, value);
        }));
      }
      start.countDown();
      int winners = 0;
      String winner = null;
      for (int t = 0; t < threads; t++) {
        if (results.get(t).get(30, TimeUnit.SECONDS)) {
          winners++;
          winner = "t" + t;
        }
      }
      assertThat(winners).as("winners of round %d", round).isEqualTo(1);
      assertThat(cache.strings().get(key)).contains(winner);
    }
  }

  // ---------------------------------------------------------------- counters

  @Test
  void countersStartAtZeroAndMoveByDelta() {
    assertThat(cache.increment("c")).isEqualTo(1);
    assertThat(cache.increment("c", 41)).isEqualTo(42);
    assertThat(cache.decrement("c")).isEqualTo(41);
    assertThat(cache.decrement("c", 50)).isEqualTo(-9);
    assertThat(cache.decrement("d", 3)).isEqualTo(-3);
    assertThat(cache.as(Codec.longs()).get("c")).contains(-9L);
    assertThat(cache.strings().get("c")).contains("-9");
  }

  @Test
  void countersWrittenWithTheLongsCodecCanBeIncremented() {
    cache.as(Codec.longs()).put("c", 100L);
    assertThat(cache.increment("c", 5)).isEqualTo(105);
  }

  @Test
  void incrementKeepsTheTtlOfAnExistingCounter() {
    cache.as(Codec.longs()).put("c", 1L, Duration.ofMillis(1500));
    assertThat(cache.increment("c")).isEqualTo(2);
    awaitAbsent("c");
  }

  @Test
  void incrementOfANonIntegerIsAPreconditionFailure() {
    cache.strings().put("text", "not a number");
    assertThatThrownBy(() -> cache.increment("text"))
        .isInstanceOfSatisfying(
            YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
    assertThat(cache.strings().get("text")).contains("not a number");
  }

  @Test
  void incrementThatOverflowsIsAPreconditionFailure() {
    cache.as(Codec.longs()).put("big", Long.MAX_VALUE);
    assertThatThrownBy(() -> cache.increment("big"))
        .isInstanceOfSatisfying(
            YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
    assertThat(cache.as(Codec.longs()).get("big")).contains(Long.MAX_VALUE);
  }

  @Test
  void concurrentIncrementsAreNeverLost() throws Exception {
    int threads = 8;
    int perThread = 200;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < perThread; i++) {
          cache.increment("hits");
          cache.decrement("down");
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    assertThat(cache.as(Codec.longs()).get("hits")).contains((long) threads * perThread);
    assertThat(cache.as(Codec.longs()).get("down")).contains(-(long) threads * perThread);
  }

  // ---------------------------------------------------------------- bulk

  @Test
  void getAllReturnsOnlyPresentKeysInRequestOrder() {
    cache.strings().putAll(Map.of("a", "1", "c", "3", "e", "5"));
    Map<String, String> found = cache.strings().getAll(List.of("e", "b", "a", "d", "c", "a"));
    assertThat(found).containsExactly(Map.entry("e", "5"), Map.entry("a", "1"), Map.entry("c", "3"));
  }

  @Test
  void getAllOfOnlyMissingKeysIsEmpty() {
    assertThat(cache.strings().getAll(List.of("x", "y"))).isEmpty();
    assertThat(cache.strings().getAll(List.of())).isEmpty();
  }

  @Test
  void bulkOperationsHandleManyKeys() {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 1000; i++) {
      entries.put("k" + i, "v" + i);
    }
    cache.strings().putAll(entries);
    cache.strings().putAll(Map.of());
    List<String> keys = new ArrayList<>(entries.keySet());
    keys.add("missing-1");
    keys.add("missing-2");
    Map<String, String> found = cache.strings().getAll(keys);
    assertThat(found).isEqualTo(entries);
  }

  @Test
  void invalidKeyInABulkWriteWritesNothing() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("good", "v");
    entries.put("", "v");
    assertInvalid(() -> cache.strings().putAll(entries));
    Map<String, String> nullValue = new LinkedHashMap<>();
    nullValue.put("good", "v");
    nullValue.put("bad", null);
    assertInvalid(() -> cache.strings().putAll(nullValue));
    assertThat(cache.exists("good")).isFalse();
  }

  // ---------------------------------------------------------------- namespaces

  @Test
  void namespacesIsolateKeys() {
    Cache a = cache.namespace("a");
    Cache b = cache.namespace("b");
    a.strings().put("k", "in a");
    b.strings().put("k", "in b");
    assertThat(a.strings().get("k")).contains("in a");
    assertThat(b.strings().get("k")).contains("in b");
    assertThat(cache.strings().get("k")).isEmpty();
    assertThat(a.delete("k")).isTrue();
    assertThat(b.strings().get("k")).contains("in b");
  }

  @Test
  void clearRemovesOnlyItsNamespace() {
    Cache a = cache.namespace("a");
    Cache ab = cache.namespace("ab");
    for (int i = 0; i < 250; i++) {
      a.strings().put("k" + i, "v");
    }
    ab.strings().put("k0", "survives");
    cache.strings().put("outside", "survives");
    assertThat(a.clear()).isEqualTo(250);
    assertThat(a.exists("k0")).isFalse();
    assertThat(a.strings().getAll(List.of("k1", "k249"))).isEmpty();
    assertThat(ab.strings().get("k0")).contains("survives");
    assertThat(cache.strings().get("outside")).contains("survives");
    assertThat(a.clear()).isZero();
  }

  @Test
  void clearTreatsPatternCharactersInNamespacesLiterally() {
    Cache star = cache.namespace("g*");
    Cache bracket = cache.namespace("[gx]");
    Cache plain = cache.namespace("gx");
    star.strings().put("k", "v");
    bracket.strings().put("k", "v");
    plain.strings().put("k", "survives");
    cache.namespace("g\\").strings().put("k", "survives");
    assertThat(star.clear()).isEqualTo(1);
    assertThat(bracket.clear()).isEqualTo(1);
    assertThat(plain.strings().get("k")).contains("survives");
    assertThat(cache.namespace("g\\").strings().get("k")).contains("survives");
  }

  @Test
  void namespaceKeysAreStoredWithTheNamespacePrefix() {
    cache.namespace("inner").strings().put("k", "v");
    assertThat(cache.strings().get("inner:k")).contains("v");
  }

  @Test
  void clearWithoutANamespaceIsRefused() {
    assertThatThrownBy(() -> root.clear())
        .isInstanceOfSatisfying(
            YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
  }

  @Test
  void invalidNamespacesAreRejected() {
    assertInvalid(() -> cache.namespace("a:b"));
    assertInvalid(() -> cache.namespace(""));
    assertInvalid(() -> cache.namespace(null));
  }

  // ---------------------------------------------------------------- getOrLoad

  @Test
  void getOrLoadLoadsOnceAndThenHits() {
    AtomicInteger calls = new AtomicInteger();
    TypedCache<String> s = cache.strings();
    assertThat(s.getOrLoad("k", Duration.ofMinutes(1), () -> "v" + calls.incrementAndGet())).isEqualTo("v1");
    assertThat(s.getOrLoad("k", Duration.ofMinutes(1), () -> "v" + calls.incrementAndGet())).isEqualTo("v1");
    assertThat(calls).hasValue(1);
    assertThat(s.get("k")).contains("v1");
  }

  @Test
  void getOrLoadSingleFlightCallsTheLoaderOnceFor50ConcurrentCallers() throws Exception {
    int callers = 50;
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    TypedCache<Order> orders = cache.as(Codec.json(Order.class));
    Order loaded = new Order("o-1", new BigDecimal("10.50"), List.of("x"), Instant.parse("2026-01-02T03:04:05Z"));
    List<Future<Order>> results = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return orders.getOrLoad("hot", Duration.ofMinutes(1), () -> {
          loads.incrementAndGet();
          sleep(300);
          return loaded;
        });
      }));
    }
    start.countDown();
    for (Future<Order> f : results) {
      assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(loaded);
    }
    assertThat(loads).hasValue(1);
  }

  @Test
  void loaderFailuresPropagateToEveryWaiterAndAreNotCached() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return cache.strings().getOrLoad("k", Duration.ofMinutes(1), () -> {
          loads.incrementAndGet();
          sleep(200);
          throw new IllegalStateException("backend down");
        });
      }));
    }
    start.countDown();
    for (Future<String> f : results) {
      assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("backend down");
    }
    assertThat(loads.get()).isBetween(1, 10);
    assertThat(cache.exists("k")).isFalse();
    assertThat(cache.strings().getOrLoad("k", Duration.ofMinutes(1), () -> "recovered")).isEqualTo("recovered");
  }

  @Test
  void loaderReturningNullIsRejectedAndNothingIsCached() {
    assertInvalid(() -> cache.strings().getOrLoad("k", Duration.ofMinutes(1), () -> null));
    assertThat(cache.exists("k")).isFalse();
  }

  // ---------------------------------------------------------------- codecs

  /** A record for JSON round trips.
   *
   * @param id the id
   * @param amount a decimal amount
   * @param tags tags
   * @param createdAt a timestamp
   */
  public record Order(String id, BigDecimal amount, List<String> tags, Instant createdAt) {}

  @Test
  void stringsRoundTripArbitraryUnicode() {
    TypedCache<String> s = cache.strings();
    qt().withExamples(examples())
        .forAll(YshGenerators.unicodeStrings(200))
        .checkAssert(v -> {
          s.put("s", v);
          assertThat(s.get("s")).contains(v);
        });
  }

  @Test
  void unicodeKeysRoundTrip() {
    TypedCache<String> s = cache.strings();
    qt().withExamples(examples())
        .forAll(YshGenerators.unicodeStrings(40).assuming(k -> !k.isEmpty()))
        .checkAssert(k -> {
          s.put(k, k);
          assertThat(s.get(k)).contains(k);
          assertThat(s.getAll(List.of(k))).containsEntry(k, k);
        });
  }

  @Test
  void bytesRoundTripArbitraryArrays() {
    TypedCache<byte[]> b = cache.bytes();
    qt().withExamples(examples())
        .forAll(YshGenerators.byteArrays(4096))
        .checkAssert(v -> {
          b.put("b", v);
          assertThat(b.get("b")).hasValueSatisfying(got -> assertThat(got).isEqualTo(v));
        });
  }

  @Test
  void bytesCodecCopiesArrays() {
    byte[] value = {1, 2, 3};
    cache.bytes().put("k", value);
    value[0] = 9;
    byte[] read = cache.bytes().get("k").orElseThrow();
    assertThat(read).containsExactly(1, 2, 3);
    read[1] = 9;
    assertThat(cache.bytes().get("k").orElseThrow()).containsExactly(1, 2, 3);
  }

  @Test
  void longsRoundTrip() {
    TypedCache<Long> l = cache.as(Codec.longs());
    qt().withExamples(examples())
        .forAll(SourceDSL.longs().all())
        .checkAssert(v -> {
          l.put("l", v);
          assertThat(l.get("l")).contains(v);
        });
  }

  @Test
  void recordsRoundTripAsJson() {
    TypedCache<Order> orders = cache.as(Codec.json(Order.class));
    Gen<Order> gen =
        YshGenerators.unicodeStrings(20)
            .zip(
                YshGenerators.amounts(),
                SourceDSL.lists().of(YshGenerators.unicodeStrings(10)).ofSizeBetween(0, 5),
                SourceDSL.longs().between(0, 4_102_444_800L),
                (id, amount, tags, seconds) -> new Order(id, amount, tags, Instant.ofEpochSecond(seconds)));
    qt().withExamples(examples())
        .forAll(gen)
        .checkAssert(o -> {
          orders.put("o", o);
          assertThat(orders.get("o")).contains(o);
        });
  }

  @Test
  void genericTypesRoundTripThroughATypeToken() {
    TypedCache<Map<String, List<Order>>> c = cache.as(Codec.json(new TypeToken<Map<String, List<Order>>>() {}));
    Map<String, List<Order>> value =
        Map.of(
            "açaí ☀️",
            List.of(new Order("1", new BigDecimal("1234.56"), List.of(), Instant.parse("2026-07-01T00:00:00Z"))),
            "empty",
            List.of());
    c.put("m", value);
    Optional<Map<String, List<Order>>> read = c.get("m");
    assertThat(read).contains(value);
    assertThat(read.orElseThrow().get("açaí ☀️").get(0)).isInstanceOf(Order.class);
  }

  @Test
  void valuesTheCodecCannotDecodeFailClearly() {
    cache.strings().put("k", "this is not json");
    assertThatThrownBy(() -> cache.as(Codec.json(Order.class)).get("k"))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
          assertThat(e.getMessage()).contains("json(Order)");
        });
    cache.bytes().put("bin", new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    assertThatThrownBy(() -> cache.strings().get("bin"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
    assertThatThrownBy(() -> cache.as(Codec.longs()).get("k"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
  }

  @Test
  void tenMebibyteValuesRoundTrip() {
    byte[] big = new byte[10 * 1024 * 1024];
    new Random(42).nextBytes(big);
    cache.bytes().put("big", big, Duration.ofMinutes(1));
    byte[] read = cache.bytes().get("big").orElseThrow();
    assertThat(read.length).isEqualTo(big.length);
    assertThat(Arrays.equals(read, big)).isTrue();
    assertThat(cache.delete("big")).isTrue();
  }

  // ---------------------------------------------------------------- validation

  @Test
  void invalidArgumentsFailBeforeAnyWrite() {
    TypedCache<String> s = cache.strings();
    assertInvalid(() -> s.put(null, "v"));
    assertInvalid(() -> s.put("", "v"));
    assertInvalid(() -> s.put("k", null));
    assertInvalid(() -> s.put("k", "v", Duration.ZERO));
    assertInvalid(() -> s.put("k", "v", Duration.ofSeconds(-1)));
    assertInvalid(() -> s.put("k", "v", Duration.ofNanos(10)));
    assertInvalid(() -> s.put("k", "v", null));
    assertInvalid(() -> s.putIfAbsent("k", "v", Duration.ZERO));
    assertInvalid(() -> s.putAll(Map.of("k", "v"), Duration.ofMillis(-5)));
    assertInvalid(() -> s.getOrLoad("k", Duration.ZERO, () -> "v"));
    assertInvalid(() -> s.get(null));
    assertInvalid(() -> cache.expire("k", Duration.ZERO));
    assertInvalid(() -> cache.increment(null));
    assertInvalid(() -> s.put("k" + "x".repeat(2000), "v"));
    assertInvalid(() -> s.put("bad\uD800surrogate", "v"));
    assertThat(cache.exists("k")).isFalse();
  }

  @Test
  void keySizeLimitCountsUtf8BytesWithTheNamespace() {
    int limit = Cache.DEFAULT_MAX_KEY_BYTES;
    int prefix = (cache.namespace().orElseThrow() + ":").getBytes(StandardCharsets.UTF_8).length;
    String fits = "x".repeat(limit - prefix);
    cache.strings().put(fits, "v");
    assertThat(cache.strings().get(fits)).contains("v");
    assertInvalid(() -> cache.strings().put(fits + "x", "v"));
    assertInvalid(() -> cache.strings().put("é".repeat((limit - prefix) / 2 + 1), "v"));
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Waits until {@code key} is gone from the test's namespace.
   *
   * @param key the key
   */
  protected void awaitAbsent(String key) {
    long deadline = System.nanoTime() + expiryWait().toNanos();
    while (cache.exists(key)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("key '" + key + "' still present after " + expiryWait());
      }
      sleep(25);
    }
    assertThat(cache.strings().get(key)).isEmpty();
  }

  /**
   * Asserts that a call fails with {@code INVALID_ARGUMENT}.
   *
   * @param call the call
   */
  protected static void assertInvalid(ThrowingRunnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  /** A call that may throw. */
  @FunctionalInterface
  protected interface ThrowingRunnable {
    /**
     * Runs.
     *
     * @throws Exception anything
     */
    void run() throws Exception;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
