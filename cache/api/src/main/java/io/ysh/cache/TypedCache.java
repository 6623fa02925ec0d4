package io.ysh.cache;

import io.ysh.core.Args;
import io.ysh.core.YshException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A typed view of a {@link Cache}: values go through a {@link Codec}. Obtained with
 * {@link Cache#as(Codec)}; cheap, thread-safe, and sharing the cache's connections. The
 * atomicity of each operation is described on {@link Cache}.
 *
 * @param <V> the value type
 */
public final class TypedCache<V> {

  private final Cache cache;
  private final Codec<V> codec;

  TypedCache(Cache cache, Codec<V> codec) {
    this.cache = cache;
    this.codec = codec;
  }

  /**
   * The cache this view reads and writes.
   *
   * @return the cache
   */
  public Cache cache() {
    return cache;
  }

  /**
   * The codec of this view.
   *
   * @return the codec
   */
  public Codec<V> codec() {
    return codec;
  }

  /**
   * Reads a value.
   *
   * @param key the key
   * @return the value, or empty when absent or expired
   * @throws YshException {@code INVALID_ARGUMENT} for an invalid key; {@code INTERNAL} when the
   *     stored bytes cannot be decoded by this view's codec; the store's failure
   */
  public Optional<V> get(String key) {
    return cache.get(key, codec);
  }

  /**
   * Stores a value with the cache's {@linkplain Cache#defaultTtl() default TTL} (none unless
   * configured), replacing any previous value and TTL.
   *
   * @param key the key
   * @param value the value
   * @throws YshException {@code INVALID_ARGUMENT} for a null value or an invalid key; the
   *     store's failure
   */
  public void put(String key, V value) {
    cache.put(key, value, cache.defaultTtlOrNull(), codec);
  }

  /**
   * Stores a value that expires after {@code ttl}, replacing any previous value and TTL.
   *
   * @param key the key
   * @param value the value
   * @param ttl the time to live, positive, millisecond precision
   * @throws YshException {@code INVALID_ARGUMENT} for a null value, an invalid key or TTL; the
   *     store's failure
   */
  public void put(String key, V value, Duration ttl) {
    cache.put(key, value, Cache.requireTtl(ttl), codec);
  }

  /**
   * Stores a value only if the key is absent, with the default TTL. Atomic across every client
   * of the store: of concurrent callers, exactly one gets {@code true}. Never retried (a retry
   * after a lost reply could wrongly answer {@code false}).
   *
   * @param key the key
   * @param value the value
   * @return {@code true} if this call stored it
   * @throws YshException as {@link #put(String, Object)}
   */
  public boolean putIfAbsent(String key, V value) {
    return cache.putIfAbsent(key, value, cache.defaultTtlOrNull(), codec);
  }

  /**
   * Stores a value only if the key is absent; see {@link #putIfAbsent(String, Object)}.
   *
   * @param key the key
   * @param value the value
   * @param ttl the time to live, positive
   * @return {@code true} if this call stored it
   * @throws YshException as {@link #put(String, Object, Duration)}
   */
  public boolean putIfAbsent(String key, V value, Duration ttl) {
    return cache.putIfAbsent(key, value, Cache.requireTtl(ttl), codec);
  }

  /**
   * Reads several values in one batch (one round trip; one per slot in Redis Cluster). Not a
   * snapshot: concurrent writers may be seen for some keys and not others.
   *
   * @param keys the keys; duplicates are read once
   * @return the present keys with their values, in the order of {@code keys}; absent keys are
   *     missing from the map
   * @throws YshException {@code INVALID_ARGUMENT} when any key is invalid (nothing is read);
   *     {@code INTERNAL} when a stored value cannot be decoded; the store's failure
   */
  public Map<String, V> getAll(Collection<String> keys) {
    return cache.getAll(keys, codec);
  }

  /**
   * Stores several values with the default TTL in one batch; see
   * {@link #putAll(Map, Duration)}.
   *
   * @param entries keys and values
   * @throws YshException as {@link #putAll(Map, Duration)}
   */
  public void putAll(Map<String, ? extends V> entries) {
    cache.putAll(entries, cache.defaultTtlOrNull(), codec);
  }

  /**
   * Stores several values, each expiring after {@code ttl}, in one pipelined batch. Each entry
   * is written atomically, the batch as a whole is not: on failure some entries may be written.
   *
   * @param entries keys and values
   * @param ttl the time to live, positive
   * @throws YshException {@code INVALID_ARGUMENT} when any key, value or the TTL is invalid
   *     (nothing is written); the store's failure
   */
  public void putAll(Map<String, ? extends V> entries, Duration ttl) {
    cache.putAll(entries, Cache.requireTtl(ttl), codec);
  }

  /**
   * Returns the cached value, or loads, stores (with the default TTL) and returns it; see
   * {@link #getOrLoad(String, Duration, Supplier)}.
   *
   * @param key the key
   * @param loader computes the value on a miss
   * @return the cached or loaded value
   * @throws YshException as {@link #getOrLoad(String, Duration, Supplier)}
   */
  public V getOrLoad(String key, Supplier<? extends V> loader) {
    return cache.getOrLoad(key, cache.defaultTtlOrNull(), loader, codec);
  }

  /**
   * Returns the cached value, or loads, stores and returns it, with single-flight: concurrent
   * misses on one key in this JVM run {@code loader} once, and the other callers wait for and
   * receive its value (decoded from the same bytes). Across JVMs there is no such guarantee.
   *
   * <p>If the loader throws, that exception propagates to its caller and to every caller waiting
   * on the same load, and nothing is cached: the next call loads again. If storing the loaded
   * value fails, the value is still returned (the failure is logged at WARN).
   *
   * @param key the key
   * @param ttl the time to live of the loaded value, positive
   * @param loader computes the value on a miss; must not return {@code null}
   * @return the cached or loaded value
   * @throws YshException {@code INVALID_ARGUMENT} for an invalid key or TTL or when the loader
   *     returns {@code null}; the store's failure on the initial read
   * @throws RuntimeException whatever the loader threw
   */
  public V getOrLoad(String key, Duration ttl, Supplier<? extends V> loader) {
    return cache.getOrLoad(key, Cache.requireTtl(ttl), Args.notNull(loader, "loader"), codec);
  }

  /**
   * Removes a key; see {@link Cache#delete(String)}.
   *
   * @param key the key
   * @return {@code true} if it existed
   * @throws YshException as {@link Cache#delete(String)}
   */
  public boolean delete(String key) {
    return cache.delete(key);
  }

  /**
   * Whether a key exists; see {@link Cache#exists(String)}.
   *
   * @param key the key
   * @return whether it exists
   * @throws YshException as {@link Cache#exists(String)}
   */
  public boolean exists(String key) {
    return cache.exists(key);
  }

  @Override
  public String toString() {
    return "TypedCache[" + cache + ", " + codec.name() + "]";
  }
}
