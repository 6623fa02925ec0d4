package io.ysh.secrets.spi;

import io.ysh.core.spi.DriverProvider;
import io.ysh.core.url.ResourceUrl;

/**
 * Opens {@link SecretDriver}s for URL schemes; registered in
 * {@code META-INF/services/io.ysh.secrets.spi.SecretDriverProvider}.
 */
public interface SecretDriverProvider extends DriverProvider {

  /**
   * Opens a driver. The portable cache parameters ({@code cacheTtl}, {@code cacheRefreshAhead},
   * {@code cacheStaleIfError}) are removed from the URL before it is passed here, so a driver
   * can reject every parameter it does not know with {@link ResourceUrl#requireKnownParams}.
   *
   * @param url the URL, whose scheme is one of {@link #schemes()}
   * @return the driver, ready to use
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} for a malformed URL or unknown
   *     parameter; the message never contains a credential
   */
  SecretDriver open(ResourceUrl url);
}
