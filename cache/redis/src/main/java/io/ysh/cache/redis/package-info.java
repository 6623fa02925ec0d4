/**
 * The Redis cache driver on Lettuce ({@code redis://}, {@code rediss://},
 * {@code redis-sentinel://}, {@code redis-cluster://}), with an optional near cache kept coherent
 * by Redis server-assisted client-side caching.
 */
package io.ysh.cache.redis;
