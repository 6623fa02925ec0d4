package io.ysh.storage.spi;

import io.ysh.core.spi.DriverProvider;
import io.ysh.core.url.ResourceUrl;

/**
 * Opens {@link StorageDriver}s for the URL schemes it declares. Registered in
 * {@code META-INF/services/io.ysh.storage.spi.StorageDriverProvider}; must have a public
 * no-argument constructor and do no I/O until {@link #open}.
 */
public interface StorageDriverProvider extends DriverProvider {

  /**
   * Opens a driver for a URL.
   *
   * @param url the parsed URL; the provider must reject unknown query parameters
   *     ({@link ResourceUrl#requireKnownParams}) and missing or malformed settings with
   *     {@code INVALID_ARGUMENT} before any network call
   * @return the driver, which the caller closes
   * @throws io.ysh.core.YshException when the URL is invalid or the driver cannot be created
   */
  StorageDriver open(ResourceUrl url);
}
