package io.ysh.cache.spi;

import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.ErrorMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a cache provider implements; users never see it. The portable {@link io.ysh.cache.Cache}
 * validates every argument, applies the namespace prefix, encodes values, runs single-flight
 * loads, records telemetry, applies resilience and maps errors, so a driver only moves bytes.
 *
 * <p>What the portable layer guarantees to every method:
 *
 * <ul>
 *   <li>Keys are full keys (namespace prefix already applied), non-null, non-empty, at most
 *       {@link io.ysh.cache.Cache.Builder#maxKeyBytes(int) the key limit} in UTF-8. Lists and maps
 *       of keys are non-null, non-empty and hold distinct keys.
 *   <li>Values are non-null arrays the driver may keep (the portable layer never reuses them) and
 *       must not modify.
 *   <li>{@code ttl} is either {@code null} (no expiry) or positive with at least millisecond
 *       precision; never zero or negative.
 * </ul>
 *
 * <p>What every method must do:
 *
 * <ul>
 *   <li>Throw the provider's exceptions as they are; the portable layer maps them exactly once
 *       through {@link #errorMapper()}. Never return {@code null} for a failure, never swallow
 *       one. Arrays a driver returns belong to the caller afterwards.
 *   <li>Be thread-safe. The portable layer retries only {@code get}, {@code getAll}, {@code put},
 *       {@code putAll}, {@code delete}, {@code exists}, {@code expire} and {@code clear}: those must
 *       be safe to repeat; {@code putIfAbsent} and {@code increment} are never retried.
 * </ul>
 */
public interface CacheDriver extends AutoCloseable {

  /**
   * The provider name used in telemetry and errors, such as {@code redis}. Constant.
   *
   * @return the name, non-null
   */
  String provider();

  /**
   * Reads a value.
   *
   * @param key the full key
   * @return the stored bytes, or {@code null} when the key is absent or expired
   * @throws Exception the provider's failure
   */
  byte[] get(String key) throws Exception;

  /**
   * Reads several values. Must not call {@link #get} once per key over the network: one round
   * trip per batch (per node or slot in a cluster) is expected.
   *
   * @param keys the full keys
   * @return the present keys and their bytes, never null; absent keys are missing from the map
   * @throws Exception the provider's failure
   */
  Map<String, byte[]> getAll(List<String> keys) throws Exception;

  /**
   * Stores a value, replacing any previous value and its TTL.
   *
   * @param key the full key
   * @param value the bytes
   * @param ttl the time to live, or {@code null} for none
   * @throws Exception the provider's failure
   */
  void put(String key, byte[] value, Duration ttl) throws Exception;

  /**
   * Stores a value only if the key is absent, atomically: of concurrent callers for one absent
   * key, across every client of the same store, exactly one gets {@code true}.
   *
   * @param key the full key
   * @param value the bytes
   * @param ttl the time to live, or {@code null} for none
   * @return {@code true} if this call stored the value
   * @throws Exception the provider's failure
   */
  boolean putIfAbsent(String key, byte[] value, Duration ttl) throws Exception;

  /**
   * Stores several values with one TTL. Need not be atomic as a whole (each key is), but must be
   * batched: one round trip per batch (per node or slot in a cluster), not one per key.
   *
   * @param entries full keys and their bytes
   * @param ttl the time to live, or {@code null} for none
   * @throws Exception the provider's failure; some entries may have been written
   */
  void putAll(Map<String, byte[]> entries, Duration ttl) throws Exception;

  /**
   * Removes a key. Deleting an absent key is not an error.
   *
   * @param key the full key
   * @return {@code true} if the key existed
   * @throws Exception the provider's failure
   */
  boolean delete(String key) throws Exception;

  /**
   * Whether a key is present and not expired.
   *
   * @param key the full key
   * @return whether it exists
   * @throws Exception the provider's failure
   */
  boolean exists(String key) throws Exception;

  /**
   * Sets a new time to live on an existing key, replacing its previous TTL. An absent key stays
   * absent.
   *
   * @param key the full key
   * @param ttl the new time to live, positive (never {@code null})
   * @return {@code true} if the key existed (and now expires), {@code false} if it was absent
   * @throws Exception the provider's failure
   */
  boolean expire(String key, Duration ttl) throws Exception;

  /**
   * Adds {@code delta} to the counter at {@code key} atomically, creating it at 0 (without TTL)
   * if absent. A present key keeps its TTL. Counters are stored as decimal ASCII text, so
   * {@link #get} of a counter returns its digits.
   *
   * @param key the full key
   * @param delta the amount, possibly negative or zero
   * @return the new value
   * @throws Exception the provider's failure; {@link #errorMapper()} must answer
   *     {@code PRECONDITION_FAILED} when the stored value is not a decimal integer or the result
   *     overflows a {@code long}
   */
  long increment(String key, long delta) throws Exception;

  /**
   * Removes every key that starts with {@code prefix}. Must not block the store for long
   * (Redis: SCAN and UNLINK in batches, never KEYS, never FLUSHDB); keys written while it runs
   * may or may not be removed.
   *
   * @param prefix the namespace prefix, non-empty (the portable layer never clears a whole store)
   * @return how many keys were removed
   * @throws Exception the provider's failure
   */
  long clear(String prefix) throws Exception;

  /**
   * Maps this driver's exceptions to portable ones; must fall back to
   * {@link io.ysh.core.Errors#classify(Throwable)} for anything it does not know. Called once per
   * failure by the portable layer.
   *
   * @return the mapper, non-null
   */
  ErrorMapper errorMapper();

  /**
   * The resilience policy the portable cache uses unless the application sets one. The
   * attempt timeout should match the timeout the driver's transport applies.
   *
   * @return the policy, non-null
   */
  ResiliencePolicy defaultPolicy();

  /**
   * A native object this driver holds, for what the portable API does not cover. The portable
   * {@link io.ysh.cache.Cache#unwrap} answers for the driver itself before asking.
   *
   * @param <T> the type
   * @param type the type asked for, non-null
   * @return the object, or empty when the driver holds none of that type (the default)
   */
  default <T> Optional<T> unwrap(Class<T> type) {
    return Optional.empty();
  }

  /**
   * Releases connections and threads. Called once by the portable layer when the cache that
   * opened the driver closes; must be idempotent and must not throw. Later calls may fail.
   */
  @Override
  void close();
}
