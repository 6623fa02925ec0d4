/**
 * The portable cache: {@link io.ysh.cache.Cache} (open by URL or builder),
 * {@link io.ysh.cache.TypedCache} views through {@link io.ysh.cache.Codec}s, and
 * {@link io.ysh.cache.TypeToken} for generic JSON values. Drivers implement
 * {@link io.ysh.cache.spi.CacheDriver}.
 */
package io.ysh.cache;
