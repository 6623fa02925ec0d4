package io.ysh.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ysh.cache.Cache;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ServerProcess;
import io.ysh.testkit.server.redis.RedisCli;
import io.ysh.testkit.server.redis.RedisNodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connection behaviour against real {@code redis-server} processes this test starts: passwords
 * and ACL users, databases, an unreachable Redis, a Redis that goes down and comes back, and
 * malformed URLs.
 */
class RedisConnectionTest {

  private static final String PASSWORD = "s3cret-" + UUID.randomUUID();
  private static Path dir;
  private static ServerProcess secured;
  private static int securedPort;

  @BeforeAll
  static void startSecuredRedis() {
    dir = RedisNodes.tempDir("auth");
    securedPort = FreePorts.next();
    secured = RedisNodes.start("redis-auth-" + securedPort, securedPort, dir, List.of("--requirepass", PASSWORD));
    RedisCli.run(securedPort, "--no-auth-warning", "-a", PASSWORD, "acl", "setuser", "app", "on", ">app-pass-123", "~app:*", "+@all");
  }

  @AfterAll
  static void stop() {
    if (secured != null) {
      secured.close();
    }
    RedisNodes.deleteQuietly(dir);
  }

  @Test
  void wrongPasswordIsUnauthenticatedAndTheMessageHasNoPassword() {
    String wrong = "wrong-" + UUID.randomUUID();
    assertThatThrownBy(() -> Cache.open("redis://:" + wrong + "@127.0.0.1:" + securedPort + "?namespace=x"))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
          assertThat(e.isRetryable()).isFalse();
          for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(wrong).doesNotContain(PASSWORD);
            assertThat(t.toString()).doesNotContain(wrong);
          }
        });
  }

  @Test
  void missingPasswordIsUnauthenticated() {
    try (Cache c = Cache.open("redis://127.0.0.1:" + securedPort + "?namespace=x")) {
      assertThatThrownBy(() -> c.strings().get("k"))
          .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    } catch (YshException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
  }

  @Test
  void passwordFromTheUrlAndFromTheBuilderWork() {
    try (Cache c = Cache.open("redis://:" + PASSWORD + "@127.0.0.1:" + securedPort + "/2?namespace=t")) {
      c.strings().put("k", "from-url");
      assertThat(c.strings().get("k")).contains("from-url");
      assertThat(c.toString()).doesNotContain(PASSWORD);
    }
    assertThat(RedisCli.run(securedPort, "--no-auth-warning", "-a", PASSWORD, "-n", "2", "get", "t:k").strip()).isEqualTo("from-url");
    RedisCacheDriver driver =
        RedisCacheDriver.builder()
            .standalone("127.0.0.1", securedPort)
            .password(Secret.of(PASSWORD))
            .database(3)
            .clientName("ysh-builder")
            .commandTimeout(Duration.ofSeconds(1))
            .build();
    try (Cache c = Cache.builder(driver).namespace("t").build()) {
      c.strings().put("k", "from-builder");
      assertThat(RedisCli.run(securedPort, "--no-auth-warning", "-a", PASSWORD, "-n", "3", "get", "t:k").strip()).isEqualTo("from-builder");
      assertThat(RedisCli.run(securedPort, "--no-auth-warning", "-a", PASSWORD, "client", "list")).contains("name=ysh-builder");
      assertThat(driver.toString()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void aclUserIsLimitedToItsKeys() {
    // Generous timeouts: on a loaded machine the 2 s default let the AUTH answer arrive after the
    // connect gave up, and a driver that cannot connect yet opens anyway (it connects on first use),
    // so the wrong password surfaced as no error at all.
    String patient = "timeout=15s&connectTimeout=15s";
    try (Cache app = Cache.open("redis://app:app-pass-123@127.0.0.1:" + securedPort + "?namespace=app&" + patient)) {
      app.strings().put("k", "v");
      assertThat(app.strings().get("k")).contains("v");
      assertThat(app.clear()).isEqualTo(1);
    }
    try (Cache other = Cache.open("redis://app:app-pass-123@127.0.0.1:" + securedPort + "?namespace=other&" + patient)) {
      assertThatThrownBy(() -> other.strings().put("k", "v"))
          .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED));
    }
    assertThatThrownBy(() -> Cache.open("redis://app:nope-nope@127.0.0.1:" + securedPort + "?" + patient))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
          assertThat(e.getMessage()).doesNotContain("nope-nope");
        });
  }

  @Test
  void unreachableRedisIsUnavailableQuickly() {
    int nobody = FreePorts.next();
    try (Cache c = Cache.open("redis://127.0.0.1:" + nobody + "?timeout=1s&connectTimeout=1s&namespace=x")) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> c.strings().get("k"))
          .isInstanceOfSatisfying(YshException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(e.isRetryable()).isTrue();
          });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void redisGoingDownIsUnavailableQuicklyAndTheClientReconnectsWhenItIsBack() {
    int port = FreePorts.next();
    Path d = RedisNodes.tempDir("bounce");
    ServerProcess first = RedisNodes.start("redis-bounce-" + port, port, d, List.of());
    ServerProcess second = null;
    try (Cache c = Cache.open("redis://127.0.0.1:" + port + "?timeout=1s&namespace=bounce")) {
      c.strings().put("k", "before");
      first.close();
      await().atMost(Duration.ofSeconds(5)).until(() -> !first.isAlive());
      long start = System.nanoTime();
      assertThatThrownBy(() -> c.strings().get("k"))
          .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isIn(ErrorCode.UNAVAILABLE, ErrorCode.TIMEOUT));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
      second = RedisNodes.start("redis-bounce-" + port, port, d, List.of());
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .untilAsserted(() -> {
            c.strings().put("k", "after");
            assertThat(c.strings().get("k")).contains("after");
          });
    } finally {
      first.close();
      if (second != null) {
        second.close();
      }
      RedisNodes.deleteQuietly(d);
    }
  }

  @Test
  void getAllOfManyKeysIsOneMgetCommand() {
    try (Cache c = Cache.open("redis://:" + PASSWORD + "@127.0.0.1:" + securedPort + "/5?namespace=bulk")) {
      java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
      for (int i = 0; i < 200; i++) {
        entries.put("k" + i, "v" + i);
      }
      long mgetBefore = calls("mget");
      long getBefore = calls("get");
      c.strings().putAll(entries);
      assertThat(c.strings().getAll(entries.keySet())).hasSize(200);
      assertThat(calls("mget") - mgetBefore).isEqualTo(1);
      assertThat(calls("get") - getBefore).isZero();
      c.clear();
    }
  }

  private static long calls(String command) {
    String stats = RedisCli.run(securedPort, "--no-auth-warning", "-a", PASSWORD, "info", "commandstats");
    for (String line : stats.split("\n")) {
      if (line.startsWith("cmdstat_" + command + ":")) {
        return Long.parseLong(line.replaceAll("^cmdstat_" + command + ":calls=(\\d+),.*$", "$1").strip());
      }
    }
    return 0;
  }

  @Test
  void malformedUrlsAreInvalidArguments() {
    for (String url :
        List.of(
            "redis://",
            "redis://127.0.0.1:6379/abc",
            "redis://127.0.0.1:6379/0/1",
            "redis://127.0.0.1:6379?timeot=1s",
            "redis://127.0.0.1:6379?timeout=soon",
            "redis://h1:1,h2:2",
            "redis://user@127.0.0.1:6379",
            "redis-sentinel://127.0.0.1:26379",
            "redis-cluster://127.0.0.1:7000/3",
            "redis-cluster://127.0.0.1:7000?nearCache=100",
            "redis://127.0.0.1:6379?namespace=a:b",
            "redis://127.0.0.1:6379?defaultTtl=0s")) {
      assertThatThrownBy(() -> Cache.open(url).close())
          .as(url)
          .isInstanceOfSatisfying(
              YshException.class,
              e -> assertThat(e.code()).as(url).isIn(ErrorCode.INVALID_ARGUMENT, ErrorCode.UNSUPPORTED));
    }
  }

  @Test
  void missingDriverNamesTheArtifact() {
    assertThatThrownBy(() -> Cache.open("nosuch://x"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void defaultTtlFromTheUrlApplies() {
    try (Cache c = Cache.open("redis://127.0.0.1:" + TestRedis.port() + "?namespace=dttl-" + UUID.randomUUID() + "&defaultTtl=300ms")) {
      c.strings().put("k", "v");
      await().atMost(Duration.ofSeconds(5)).until(() -> !c.exists("k"));
      c.clear();
    }
  }
}
