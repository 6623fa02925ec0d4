package io.ysh.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.ClientListArgs;
import io.lettuce.core.KillArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.ysh.cache.Cache;
import io.ysh.cache.TypedCache;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Near-cache coherence with two independent clients on the real Redis: client A has the near
 * cache, client B writes through its own connection; A's local copies must be invalidated by
 * Redis's CLIENT TRACKING pushes, expire with the key's TTL, and be flushed when A's connection
 * drops.
 */
class NearCacheTest {

  private String ns;
  private Cache a;
  private Cache b;
  private RedisCacheDriver aDriver;

  @BeforeEach
  void open() {
    ns = "near-" + UUID.randomUUID().toString().substring(0, 8);
    a = Cache.open("redis://127.0.0.1:" + TestRedis.port() + "?nearCache=1000&clientName=ysh-near-a&namespace=" + ns);
    b = Cache.open("redis://127.0.0.1:" + TestRedis.port() + "?clientName=ysh-near-b&namespace=" + ns);
    aDriver = a.unwrap(RedisCacheDriver.class);
  }

  @AfterEach
  void close() {
    b.clear();
    a.close();
    b.close();
  }

  @SuppressWarnings("unchecked")
  private com.github.benmanes.caffeine.cache.Cache<String, ?> local() {
    return a.unwrap(com.github.benmanes.caffeine.cache.Cache.class);
  }

  private String full(String key) {
    return ns + ":" + key;
  }

  @Test
  void readsAreServedLocallyAfterTheFirstMiss() {
    // A private server, so INFO commandstats counts only this test's GETs.
    int port = io.ysh.testkit.server.FreePorts.next();
    java.nio.file.Path dir = io.ysh.testkit.server.redis.RedisNodes.tempDir("near-local");
    try (io.ysh.testkit.server.ServerProcess redis =
            io.ysh.testkit.server.redis.RedisNodes.start("redis-near-" + port, port, dir, List.of());
        Cache near = Cache.open("redis://127.0.0.1:" + port + "?nearCache=100&namespace=n")) {
      assertThat(redis.isAlive()).isTrue();
      near.strings().put("k", "v1");
      assertThat(near.strings().get("k")).contains("v1");
      long after1 = getCalls(port);
      for (int i = 0; i < 10; i++) {
        assertThat(near.strings().get("k")).contains("v1");
      }
      assertThat(getCalls(port)).isEqualTo(after1).isEqualTo(1);
    } finally {
      io.ysh.testkit.server.redis.RedisNodes.deleteQuietly(dir);
    }
  }

  private static long getCalls(int port) {
    String stats = io.ysh.testkit.server.redis.RedisCli.run(port, "info", "commandstats");
    for (String line : stats.split("\n")) {
      if (line.startsWith("cmdstat_get:")) {
        return Long.parseLong(line.replaceAll("^cmdstat_get:calls=(\\d+),.*$", "$1").strip());
      }
    }
    return 0;
  }

  @Test
  void aWriteByAnotherClientInvalidatesTheLocalCopyWithinMilliseconds() {
    TypedCache<String> as = a.strings();
    b.strings().put("k", "v1");
    assertThat(as.get("k")).contains("v1");
    assertThat(local().getIfPresent(full("k"))).isNotNull();
    long before = aDriver.nearCacheStats().orElseThrow().invalidations();
    long start = System.nanoTime();
    b.strings().put("k", "v2");
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1)).until(() -> local().getIfPresent(full("k")) == null);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    // typically 1-2 ms; the bound is loose because CI machines are shared and noisy
    assertThat(took).isLessThan(Duration.ofSeconds(2));
    assertThat(aDriver.nearCacheStats().orElseThrow().invalidations()).isGreaterThan(before);
    assertThat(as.get("k")).contains("v2");
  }

  @Test
  void deletesAndCountersByAnotherClientAreSeen() {
    b.strings().put("k", "v1");
    assertThat(a.strings().get("k")).contains("v1");
    b.delete("k");
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1)).until(() -> a.strings().get("k").isEmpty());
    b.increment("n");
    assertThat(a.strings().get("n")).contains("1");
    b.increment("n");
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1)).until(() -> a.strings().get("n").equals(java.util.Optional.of("2")));
  }

  @Test
  void readsRacingWithWritesNeverLeaveAStaleValueBehind() throws Exception {
    TypedCache<String> reader = a.strings();
    TypedCache<String> writer = b.strings();
    writer.put("race", "0");
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> readers = new java.util.ArrayList<>();
      for (int t = 0; t < 3; t++) {
        readers.add(pool.submit(() -> {
          while (!done.get()) {
            reader.get("race");
          }
          return null;
        }));
      }
      for (int i = 1; i <= 150; i++) {
        writer.put("race", Integer.toString(i));
      }
      done.set(true);
      for (java.util.concurrent.Future<?> f : readers) {
        f.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    // Whatever interleaving happened, the local tier must converge on the last write and stay there.
    await().atMost(Duration.ofSeconds(5)).until(() -> reader.get("race").equals(java.util.Optional.of("150")));
    for (int i = 0; i < 20; i++) {
      assertThat(reader.get("race")).contains("150");
    }
  }

  @Test
  void ownWritesAreVisibleImmediately() {
    a.strings().put("k", "v1");
    assertThat(a.strings().get("k")).contains("v1");
    a.strings().put("k", "v2");
    assertThat(a.strings().get("k")).contains("v2");
    a.delete("k");
    assertThat(a.strings().get("k")).isEmpty();
  }

  @Test
  void localCopiesExpireWithTheKey() {
    b.strings().put("k", "v", Duration.ofMillis(1500));
    assertThat(a.strings().get("k")).contains("v");
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> a.strings().get("k").isEmpty());
  }

  @Test
  void theLocalTierIsFlushedWhenTheConnectionDropsSoNoStaleValueSurvivesTheGap() {
    b.strings().put("k", "old");
    assertThat(a.strings().get("k")).contains("old");
    assertThat(local().getIfPresent(full("k"))).isNotNull();
    long flushes = aDriver.nearCacheStats().orElseThrow().flushes();
    @SuppressWarnings("unchecked")
    StatefulRedisConnection<String, byte[]> bConn = b.unwrap(StatefulRedisConnection.class);
    String list = bConn.sync().clientList(ClientListArgs.Builder.ids(clientIdOf(a)));
    assertThat(list).contains("name=ysh-near-a");
    // Kill A's connection, then write while A is away: the invalidation for this write is lost.
    bConn.sync().clientKill(KillArgs.Builder.id(clientIdOf(a)));
    b.strings().put("k", "new");
    await().atMost(Duration.ofSeconds(5)).until(() -> aDriver.nearCacheStats().orElseThrow().flushes() > flushes);
    assertThat(local().getIfPresent(full("k"))).isNull();
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(a.strings().get("k")).contains("new"));
    // And tracking is back: a later write by B invalidates A again.
    assertThat(a.strings().get("k")).contains("new");
    b.strings().put("k", "newer");
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1)).until(() -> a.strings().get("k").equals(java.util.Optional.of("newer")));
  }

  private static long clientIdOf(Cache c) {
    @SuppressWarnings("unchecked")
    StatefulRedisConnection<String, byte[]> conn = c.unwrap(StatefulRedisConnection.class);
    return conn.sync().clientId();
  }

  @Test
  void nearCacheIsRefusedOnACluster() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cache.open("redis-cluster://127.0.0.1:1?nearCache=10"))
        .isInstanceOfSatisfying(io.ysh.core.YshException.class, e -> assertThat(e.code()).isEqualTo(io.ysh.core.ErrorCode.UNSUPPORTED));
  }

  @Test
  void listOfKeysIsUnaffected() {
    b.strings().putAll(java.util.Map.of("x", "1", "y", "2"));
    assertThat(a.strings().getAll(List.of("x", "y", "z"))).containsOnlyKeys("x", "y");
  }
}
