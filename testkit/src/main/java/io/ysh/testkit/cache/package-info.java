/**
 * Cache test support: {@link io.ysh.testkit.cache.CacheConformance}, the suite every cache driver
 * runs, and harnesses that start Redis Sentinel and Redis Cluster topologies from the Debian
 * {@code redis-server} binary on free ports.
 */
package io.ysh.testkit.cache;
