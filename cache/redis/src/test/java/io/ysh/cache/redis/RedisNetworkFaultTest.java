package io.ysh.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.ysh.cache.Cache;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.testkit.server.fault.FaultProxy;
import io.ysh.testkit.server.fault.Toxic;
import io.ysh.testkit.server.fault.Toxic.Direction;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Network faults under the Redis cache driver's bulk operations: a {@link FaultProxy} between
 * Lettuce and the shared Redis (keys under a random namespace; the server itself is never
 * touched) resets or blackholes the connection in the middle of a pipelined {@code putAll} (2,000
 * SETs on the driver's bulk connection) and of an {@code MGET} answer. What must hold: a bulk
 * operation completes (every key written, every value read back whole) or fails with a
 * retryable portable error; some keys may then be written (a pipeline is not a transaction, as
 * the driver documents), but never without an error; and once the network is back, the next call
 * completes. The state of Redis is read directly, not through the proxy.
 *
 * <p>Prints {@code RELIABILITY redis <test> attempted=<keys> committed=<keys right after the
 * call> partial=<1 if the call reported success with keys missing or wrong> faults=<strikes>}.
 */
class RedisNetworkFaultTest {

  private static final int KEYS = 2_000;
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

  private FaultProxy proxy;
  private RedisCacheDriver driver;
  private Cache cache;
  private String namespace;
  private RedisClient directClient;
  private StatefulRedisConnection<String, byte[]> direct;
  private String test;

  @BeforeEach
  void start(TestInfo info) {
    test = info.getTestMethod().orElseThrow().getName();
    int port = TestRedis.port();
    proxy = FaultProxy.tcp("redis", "127.0.0.1", port);
    driver = RedisCacheDriver.builder().standalone("127.0.0.1", proxy.port()).commandTimeout(COMMAND_TIMEOUT)
        .connectTimeout(Duration.ofSeconds(2)).reconnectMaxDelay(Duration.ofMillis(200)).build();
    namespace = "ysh-fault-" + UUID.randomUUID();
    cache = Cache.builder(driver).namespace(namespace).build();
    directClient = RedisClient.create("redis://127.0.0.1:" + port);
    direct = directClient.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
  }

  @AfterEach
  void stop() {
    try {
      List<String> keys = direct.sync().keys(namespace + ":*");
      if (!keys.isEmpty()) {
        direct.sync().del(keys.toArray(new String[0]));
      }
    } finally {
      direct.close();
      directClient.shutdown();
      cache.close();
      proxy.close();
    }
  }

  private static Map<String, byte[]> entries(long seed) {
    Random random = new Random(seed);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < KEYS; i++) {
      byte[] v = new byte[512];
      random.nextBytes(v);
      entries.put(String.format("k%05d", i), v);
    }
    return entries;
  }

  /** How many of the entries Redis holds with exactly their value, read without the proxy. */
  private int applied(Map<String, byte[]> entries) {
    String[] keys = entries.keySet().stream().map(k -> namespace + ":" + k).toArray(String[]::new);
    int n = 0;
    for (KeyValue<String, byte[]> kv : direct.sync().mget(keys)) {
      String key = kv.getKey().substring(namespace.length() + 1);
      n += kv.hasValue() && Arrays.equals(kv.getValue(), entries.get(key)) ? 1 : 0;
    }
    return n;
  }

  /**
   * A caller's retry loop: the driver refuses commands (UNAVAILABLE) while its connection is being
   * reopened after a reset, which takes a moment on a loaded machine.
   */
  private static void retryUntilDone(Runnable call) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        call.run();
        return;
      } catch (YshException e) {
        if (!e.isRetryable() || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private void report(int attempted, int committed, int partial, int faults) {
    System.out.println("RELIABILITY redis " + test + " attempted=" + attempted + " committed=" + committed
        + " partial=" + partial + " faults=" + faults);
  }

  private static void assertRetryable(Throwable t) {
    assertThat(t).isInstanceOf(YshException.class);
    YshException e = (YshException) t;
    assertThat(e.code()).as(e.getMessage()).isIn(ErrorCode.UNAVAILABLE, ErrorCode.TIMEOUT);
    assertThat(e.isRetryable()).as(e.getMessage()).isTrue();
  }

  @Test
  void aResetInTheMiddleOfAPipelinedPutAllFailsOrCompletes() {
    Map<String, byte[]> entries = entries(1);
    cache.bytes().put("warm", new byte[1]); // the main connection is up; the bulk one opens below
    var reset = proxy.add(Toxic.resetAfter(Direction.UPSTREAM, 400_000).times(1));
    Throwable t = catchThrowable(() -> cache.bytes().putAll(entries));
    int applied = applied(entries);
    report(KEYS, applied, t == null && applied != KEYS ? 1 : 0, reset.struck());
    assertThat(reset.struck()).as("the pipeline was cut").isEqualTo(1);
    if (t == null) {
      assertThat(applied).as("putAll returned, so every key is written").isEqualTo(KEYS);
    } else {
      assertRetryable(t);
      retryUntilDone(() -> cache.bytes().putAll(entries)); // the caller's retry, on a healthy network
      assertThat(applied(entries)).isEqualTo(KEYS);
    }
  }

  @Test
  void aBlackholeInTheMiddleOfAPipelinedPutAllCompletesOnAFreshConnectionOrFailsInTime() {
    Map<String, byte[]> entries = entries(2);
    cache.bytes().put("warm", new byte[1]);
    var hole = proxy.add(Toxic.blackholeAfter(Direction.UPSTREAM, 400_000).times(1));
    long start = System.nanoTime();
    Throwable t = catchThrowable(() -> cache.bytes().putAll(entries));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    int applied = applied(entries);
    report(KEYS, applied, t == null && applied != KEYS ? 1 : 0, hole.struck());
    assertThat(hole.struck()).isEqualTo(1);
    assertThat(took).as("bounded by the command timeout and the policy's retries")
        .isLessThan(COMMAND_TIMEOUT.multipliedBy(3).plusSeconds(5));
    if (t == null) {
      // the stalled pipeline timed out, the driver dropped that connection, the retry used a new one
      assertThat(applied).as("putAll returned, so every key is written").isEqualTo(KEYS);
    } else {
      assertRetryable(t);
    }
    // the network is back (the blackhole struck once): bulk writes must not hang on the dead connection
    retryUntilDone(() -> cache.bytes().putAll(entries));
    assertThat(applied(entries)).isEqualTo(KEYS);
  }

  @Test
  void aResetInTheMiddleOfAnMgetAnswerFailsOrReturnsEverything() {
    Map<String, byte[]> entries = entries(3);
    cache.bytes().putAll(entries);
    var reset = proxy.add(Toxic.resetAfter(Direction.DOWNSTREAM, 300_000).times(1));
    Map<String, byte[]> read = null;
    YshException failure = null;
    try {
      read = cache.bytes().getAll(entries.keySet());
    } catch (YshException e) {
      failure = e;
    }
    int whole = 0;
    if (read != null) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        whole += Arrays.equals(e.getValue(), read.get(e.getKey())) ? 1 : 0;
      }
    }
    report(KEYS, whole, read != null && whole != KEYS ? 1 : 0, reset.struck());
    assertThat(reset.struck()).isEqualTo(1);
    if (read != null) {
      assertThat(whole).as("getAll returned, so every value is there, whole").isEqualTo(KEYS);
    } else {
      assertRetryable(failure);
    }
  }

  @Test
  void aBlackholeInTheMiddleOfAnMgetAnswerFailsInTimeOrCompletesAndTheCacheRecovers() {
    Map<String, byte[]> entries = entries(4);
    cache.bytes().putAll(entries);
    var hole = proxy.add(Toxic.blackholeAfter(Direction.DOWNSTREAM, 300_000).times(1));
    long start = System.nanoTime();
    Map<String, byte[]> read = null;
    YshException failure = null;
    try {
      read = cache.bytes().getAll(entries.keySet());
    } catch (YshException e) {
      failure = e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    int whole = 0;
    if (read != null) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        whole += Arrays.equals(e.getValue(), read.get(e.getKey())) ? 1 : 0;
      }
    }
    report(KEYS, whole, read != null && whole != KEYS ? 1 : 0, hole.struck());
    assertThat(hole.struck()).isEqualTo(1);
    assertThat(took).isLessThan(COMMAND_TIMEOUT.multipliedBy(3).plusSeconds(5));
    if (read != null) {
      assertThat(whole).as("getAll returned, so every value is there, whole").isEqualTo(KEYS);
    } else {
      assertRetryable(failure);
    }
    // the stalled shared connection is found out (a PING times out too) and replaced: reads work again
    Map<String, byte[]> again = new LinkedHashMap<>();
    retryUntilDone(() -> again.putAll(cache.bytes().getAll(entries.keySet())));
    assertThat(again).hasSize(KEYS);
    entries.forEach((k, v) -> assertThat(again.get(k)).as(k).isEqualTo(v));
  }
}
