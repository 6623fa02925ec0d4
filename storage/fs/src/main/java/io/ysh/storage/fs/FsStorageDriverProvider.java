package io.ysh.storage.fs;

import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageDriverProvider;
import java.nio.file.Path;
import java.util.Set;

/**
 * Opens {@code file:///absolute/root} (or {@code file://./relative/root}); parameter
 * {@code create=false} refuses a missing root instead of creating it.
 */
public final class FsStorageDriverProvider implements StorageDriverProvider {

  /** For {@link java.util.ServiceLoader}. */
  public FsStorageDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("file");
  }

  @Override
  public StorageDriver open(ResourceUrl url) {
    url.requireKnownParams(Set.of("create"));
    String host = url.host().orElse("");
    String path = url.path();
    if (host.isEmpty() && path.isEmpty()) {
      throw YshException.invalidArgument("file:// URL needs a root directory, such as file:///srv/objects");
    }
    Path root = host.isEmpty() ? Path.of("/" + path) : Path.of(host, path.isEmpty() ? new String[0] : new String[] {path});
    return FsStorageDriver.builder().root(root).createRoot(url.boolParam("create").orElse(true)).build();
  }
}
