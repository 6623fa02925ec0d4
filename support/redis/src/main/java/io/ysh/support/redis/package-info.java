/**
 * Internal: how Redis and Lettuce failures map to portable codes, shared by the Redis cache and
 * the Redis Streams queue drivers. For YSH drivers only: no compatibility promise to applications.
 */
package io.ysh.support.redis;
