package io.ysh.cache.memory;

import io.ysh.cache.spi.CacheDriver;
import io.ysh.cache.spi.CacheDriverProvider;
import io.ysh.core.url.ResourceUrl;
import java.util.HashSet;
import java.util.Set;

/**
 * Opens {@code mem://} caches: {@code mem://} (unbounded) or {@code mem://?maxSize=10000}
 * (bounded, evicting). Every URL opens a new, private store.
 */
public final class MemoryCacheDriverProvider implements CacheDriverProvider {

  /** Creates the provider (ServiceLoader). */
  public MemoryCacheDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("mem");
  }

  @Override
  public CacheDriver open(ResourceUrl url) {
    Set<String> known = new HashSet<>(PORTABLE_PARAMS);
    known.add("maxSize");
    url.requireKnownParams(known);
    return url.param("maxSize").isPresent()
        ? MemoryCacheDriver.bounded(url.intParam("maxSize").orElseThrow())
        : MemoryCacheDriver.unbounded();
  }
}
