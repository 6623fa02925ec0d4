package io.ysh.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ysh.cache.Cache;
import io.ysh.testkit.server.redis.RedisCli;
import io.ysh.testkit.server.redis.RedisSentinelHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis Sentinel on real processes (1 master, 1 replica, 3 sentinels): the driver finds the
 * master through the sentinels, and keeps working after the master is killed and the replica
 * promoted.
 */
class RedisSentinelTest {

  private static RedisSentinelHarness sentinel;

  @BeforeAll
  static void start() {
    sentinel = RedisSentinelHarness.start();
  }

  @AfterAll
  static void stop() {
    if (sentinel != null) {
      sentinel.close();
    }
  }

  @Test
  void theClientKeepsWorkingAfterAFailover() {
    try (Cache cache = Cache.open(sentinel.url() + "/0?namespace=s&timeout=1s&reconnectMaxDelay=500ms");
        Cache near = Cache.open(sentinel.url() + "?namespace=s&timeout=1s&reconnectMaxDelay=500ms&nearCache=100")) {
      cache.strings().put("before", "v1");
      assertThat(near.strings().get("before")).contains("v1");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> RedisCli.run(sentinel.replicaPort(), "get", "s:before").strip().equals("v1"));

      sentinel.killMaster();
      sentinel.awaitFailover(Duration.ofSeconds(45));

      await()
          .atMost(Duration.ofSeconds(45))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .untilAsserted(() -> {
            cache.strings().put("after", "v2");
            assertThat(cache.strings().get("after")).contains("v2");
          });
      assertThat(cache.strings().get("before")).contains("v1");
      assertThat(RedisCli.run(sentinel.replicaPort(), "get", "s:after").strip()).isEqualTo("v2");

      cache.strings().put("before", "changed-after-failover");
      await()
          .atMost(Duration.ofSeconds(45))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .untilAsserted(() -> assertThat(near.strings().get("before")).contains("changed-after-failover"));
    }
  }
}
