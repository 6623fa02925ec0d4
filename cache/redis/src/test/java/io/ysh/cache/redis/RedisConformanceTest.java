package io.ysh.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.ysh.cache.conformance.CacheConformance;
import io.ysh.cache.spi.CacheDriver;
import io.ysh.testkit.server.redis.RedisCli;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The conformance suite on standalone Redis (the machine's shared instance), plus escape hatches. */
class RedisConformanceTest extends CacheConformance {

  @Override
  protected CacheDriver newDriver() {
    return RedisCacheDriver.builder().standalone("127.0.0.1", TestRedis.port()).database(0)
        .clientName("ysh-cache-conformance").commandTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void unwrapGivesTheLettuceClientAndConnection() {
    assertThat(cache.unwrap(RedisClient.class)).isNotNull();
    @SuppressWarnings("unchecked")
    StatefulRedisConnection<String, byte[]> c = cache.unwrap(StatefulRedisConnection.class);
    assertThat(c.sync().ping()).isEqualTo("PONG");
  }

  @Test
  void keysAreStoredUnderTheNamespacePrefixInRedis() {
    cache.strings().put("visible", "yes");
    String full = cache.namespace().orElseThrow() + ":visible";
    assertThat(RedisCli.run(TestRedis.port(), "get", full).strip()).isEqualTo("yes");
  }

  @Test
  void clientNameIsSet() {
    cache.strings().get("warm-up");
    assertThat(RedisCli.run(TestRedis.port(), "client", "list")).contains("name=ysh-cache-conformance");
  }

  @Test
  void ttlIsStoredInRedis() {
    cache.strings().put("ttl", "v", Duration.ofSeconds(100));
    String full = cache.namespace().orElseThrow() + ":ttl";
    long pttl = Long.parseLong(RedisCli.run(TestRedis.port(), "pttl", full).strip());
    assertThat(pttl).isBetween(90_000L, 100_000L);
  }
}
