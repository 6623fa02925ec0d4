package io.ysh.cache.redis;

import io.ysh.cache.conformance.CacheConformance;
import io.ysh.cache.spi.CacheDriver;
import io.ysh.core.url.HostAndPort;
import java.time.Duration;

/** The conformance suite on a 3-master Redis Cluster started by the test-server harness. */
class RedisClusterConformanceTest extends CacheConformance {

  @Override
  protected CacheDriver newDriver() {
    return RedisCacheDriver.builder()
        .cluster(TestCluster.get().ports().stream().map(p -> new HostAndPort("127.0.0.1", p)).toList())
        .commandTimeout(Duration.ofSeconds(5)).build();
  }
}
