package io.ysh.cache.redis;

import io.ysh.cache.Cache;
import io.ysh.testkit.cache.CacheConformance;

/** The conformance suite on a 3-master Redis Cluster started by the testkit harness. */
class RedisClusterConformanceTest extends CacheConformance {

  @Override
  protected Cache openCache() {
    return Cache.open(TestCluster.get().url() + "?timeout=5s");
  }
}
