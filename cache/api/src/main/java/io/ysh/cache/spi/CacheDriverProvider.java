package io.ysh.cache.spi;

import io.ysh.core.spi.DriverProvider;
import io.ysh.core.url.ResourceUrl;
import java.util.Set;

/**
 * Opens cache drivers for URL schemes; registered in
 * {@code META-INF/services/io.ysh.cache.spi.CacheDriverProvider}. See {@link DriverProvider}
 * for the general rules (public no-argument constructor, no I/O in the constructor).
 */
public interface CacheDriverProvider extends DriverProvider {

  /**
   * The query parameters the portable {@link io.ysh.cache.Cache} reads itself, which a driver
   * must accept when it rejects unknown parameters: {@code namespace}, {@code defaultTtl},
   * {@code maxKeyBytes}.
   */
  Set<String> PORTABLE_PARAMS = Set.of("namespace", "defaultTtl", "maxKeyBytes");

  /**
   * Opens a driver.
   *
   * @param url the parsed URL; its scheme is one of {@link #schemes()}
   * @return the driver
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} for a malformed or unknown option,
   *     {@code UNAUTHENTICATED} for rejected credentials, {@code UNAVAILABLE} when the store
   *     cannot be reached and the driver does not connect lazily
   */
  CacheDriver open(ResourceUrl url);
}
