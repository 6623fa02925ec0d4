package io.ysh.spring.autoconfigure;

import io.ysh.cache.Cache;
import io.ysh.cache.TypedCache;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.springframework.cache.support.AbstractValueAdaptingCache;

/**
 * A Spring {@link org.springframework.cache.Cache} over a namespace of the portable {@link Cache}:
 * the Spring cache {@code quotes} stores its entries under {@code <namespace>:quotes:<key>}, so
 * {@link #clear()} removes only its own keys. Keys are {@code String.valueOf(key)}; values go
 * through {@link SerializableCodec} (Java serialization: values must be {@link java.io.Serializable},
 * and the store must be trusted, as with Spring Data Redis's default serializer). {@code null}
 * values are cached as Spring's {@code NullValue}.
 *
 * <p>{@link #get(Object, Callable)} is single-flight within this JVM (the portable cache's
 * {@code getOrLoad}); across JVMs two instances may both load. {@link #put} and {@link #evict} are
 * immediate. Thread-safe.
 */
public final class YshSpringCache extends AbstractValueAdaptingCache {

  private final String name;
  private final Cache cache;
  private final TypedCache<Object> values;
  private final Duration ttl;

  /**
   * Creates the cache.
   *
   * @param name the Spring cache name (also the namespace under the portable cache's)
   * @param cache the portable cache, already scoped to {@code name}'s namespace
   * @param ttl the entries' time to live, or {@code null} for the portable cache's default
   */
  public YshSpringCache(String name, Cache cache, Duration ttl) {
    super(true);
    this.name = Objects.requireNonNull(name, "name");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.values = cache.as(SerializableCodec.INSTANCE);
    this.ttl = ttl;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Object getNativeCache() {
    return cache;
  }

  /**
   * The time to live of this cache's entries.
   *
   * @return the TTL, or {@code null} for the portable cache's default
   */
  public Duration ttl() {
    return ttl;
  }

  @Override
  protected Object lookup(Object key) {
    return values.get(key(key)).orElse(null);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Callable<T> valueLoader) {
    Object stored;
    try {
      java.util.function.Supplier<Object> loader = () -> {
        try {
          return toStoreValue(valueLoader.call());
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new ValueRetrievalException(key, valueLoader, e);
        }
      };
      stored = ttl == null ? values.getOrLoad(key(key), loader) : values.getOrLoad(key(key), ttl, loader);
    } catch (ValueRetrievalException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ValueRetrievalException(key, valueLoader, e);
    }
    return (T) fromStoreValue(stored);
  }

  @Override
  public void put(Object key, Object value) {
    if (ttl == null) {
      values.put(key(key), toStoreValue(value));
    } else {
      values.put(key(key), toStoreValue(value), ttl);
    }
  }

  @Override
  public ValueWrapper putIfAbsent(Object key, Object value) {
    Object stored = toStoreValue(value);
    boolean added = ttl == null ? values.putIfAbsent(key(key), stored) : values.putIfAbsent(key(key), stored, ttl);
    return added ? null : get(key);
  }

  @Override
  public void evict(Object key) {
    values.delete(key(key));
  }

  @Override
  public boolean evictIfPresent(Object key) {
    return values.delete(key(key));
  }

  @Override
  public void clear() {
    cache.clear();
  }

  private static String key(Object key) {
    return String.valueOf(key);
  }

  @Override
  public String toString() {
    return "YshSpringCache[" + name + " over " + cache + (ttl == null ? "" : ", ttl=" + ttl) + "]";
  }
}
