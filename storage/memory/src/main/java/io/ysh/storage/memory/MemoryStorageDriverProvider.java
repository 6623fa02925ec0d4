package io.ysh.storage.memory;

import io.ysh.core.url.ResourceUrl;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageDriverProvider;
import java.util.Set;

/** Opens {@code mem://name}: the in-memory bucket of that name in this JVM. */
public final class MemoryStorageDriverProvider implements StorageDriverProvider {

  /** For {@link java.util.ServiceLoader}. */
  public MemoryStorageDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("mem");
  }

  @Override
  public StorageDriver open(ResourceUrl url) {
    url.requireKnownParams(Set.of());
    String name = url.host().orElse("") + url.path();
    return MemoryStorageDriver.named(name.isEmpty() ? "default" : name);
  }
}
