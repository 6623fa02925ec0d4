package io.ysh.spring.autoconfigure;

import io.ysh.cache.Cache;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cache.CacheManager;

/**
 * A Spring {@link CacheManager} over the portable {@link Cache}, so {@code @Cacheable},
 * {@code @CachePut} and {@code @CacheEvict} work on Redis or memory alike. Each Spring cache is a
 * {@link YshSpringCache} in its own namespace of the portable cache, with a time to live of its own
 * ({@code ysh.cache.spring.caches.<name>.ttl}) or the default ({@code ysh.cache.spring.default-ttl}).
 * Caches not configured are created on first use unless the manager is static.
 */
public final class YshCacheManager implements CacheManager {

  private final Cache cache;
  private final Map<String, Duration> ttls;
  private final Duration defaultTtl;
  private final boolean dynamic;
  private final Map<String, YshSpringCache> caches = new ConcurrentHashMap<>();

  /**
   * Creates the manager.
   *
   * @param cache the portable cache
   * @param ttls the configured caches and their TTLs (a {@code null} TTL means the default)
   * @param defaultTtl the TTL of caches without their own, or {@code null} for the portable cache's default
   * @param dynamic whether caches not in {@code ttls} are created on first use
   */
  public YshCacheManager(Cache cache, Map<String, Duration> ttls, Duration defaultTtl, boolean dynamic) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.ttls = Map.copyOf(Objects.requireNonNull(ttls, "ttls").entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> java.util.Optional.ofNullable(e.getValue()).orElse(Duration.ZERO))));
    this.defaultTtl = defaultTtl;
    this.dynamic = dynamic;
    this.ttls.keySet().forEach(this::getCache);
  }

  @Override
  public org.springframework.cache.Cache getCache(String name) {
    YshSpringCache c = caches.get(name);
    if (c != null) {
      return c;
    }
    if (!dynamic && !ttls.containsKey(name)) {
      return null;
    }
    return caches.computeIfAbsent(name, n -> {
      Duration ttl = ttls.get(n);
      return new YshSpringCache(n, cache.namespace(n), ttl == null || ttl.isZero() ? defaultTtl : ttl);
    });
  }

  @Override
  public Collection<String> getCacheNames() {
    Set<String> names = new LinkedHashSet<>(ttls.keySet());
    names.addAll(caches.keySet());
    return Collections.unmodifiableSet(names);
  }

  @Override
  public String toString() {
    return "YshCacheManager[" + cache + ", caches=" + getCacheNames() + "]";
  }
}
