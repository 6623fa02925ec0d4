package io.ysh.cache.redis;

import io.ysh.testkit.server.SharedServers;
import io.ysh.testkit.server.redis.RedisClusterHarness;

/** The 3-master Redis Cluster the cluster tests share, started once per JVM. */
final class TestCluster {

  private TestCluster() {}

  static RedisClusterHarness get() {
    return SharedServers.getOrStart("ysh-cache-redis-cluster", () -> RedisClusterHarness.start(3));
  }
}
