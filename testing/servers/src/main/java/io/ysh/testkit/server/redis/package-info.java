/**
 * Redis test servers started from the Debian {@code redis-server} binary on free 127.0.0.1 ports:
 * single nodes ({@link io.ysh.testkit.server.redis.RedisNodes}), a Sentinel topology
 * ({@link io.ysh.testkit.server.redis.RedisSentinelHarness}) and a Cluster
 * ({@link io.ysh.testkit.server.redis.RedisClusterHarness}), administered through
 * {@link io.ysh.testkit.server.redis.RedisCli}.
 */
package io.ysh.testkit.server.redis;
