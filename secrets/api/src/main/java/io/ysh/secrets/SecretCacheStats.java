package io.ysh.secrets;

/**
 * Counters of a {@link SecretStore}'s cache since it was built. All zero when caching is off.
 *
 * @param hits reads answered from the cache while fresh
 * @param misses reads that had to load from the backend (absent or expired entry)
 * @param loads successful loads from the backend, including background refreshes
 * @param loadFailures loads that failed (whether or not a stale value was served)
 * @param staleServed reads answered with an expired value because the backend failed
 * @param refreshes background refreshes started (refresh-ahead and watch polling)
 */
public record SecretCacheStats(long hits, long misses, long loads, long loadFailures, long staleServed, long refreshes) {}
