package io.ysh.core.spi;

import java.util.Set;

/**
 * What every driver factory registered through {@link java.util.ServiceLoader} implements: the
 * URL schemes it opens. Each capability extends this with its own {@code open} method (for
 * example a storage driver provider opens an {@code ObjectStorage} driver from a
 * {@link io.ysh.core.url.ResourceUrl}).
 *
 * <p>Implementations must have a public no-argument constructor, must be cheap to construct
 * (no I/O: the registry instantiates every provider on the classpath) and thread-safe. They are
 * named {@code <Provider><Capability>DriverProvider} ({@code S3StorageDriverProvider},
 * {@code RedisCacheDriverProvider}, {@code VaultSecretDriverProvider},
 * {@code RabbitMqQueueDriverProvider}) and listed in
 * {@code META-INF/services/<the capability's provider interface>}. Their {@code open} methods
 * reject unknown URL parameters ({@link io.ysh.core.url.ResourceUrl#requireKnownParams}) and
 * malformed settings with {@code INVALID_ARGUMENT} before any network call.
 */
public interface DriverProvider {

  /**
   * The URL schemes this provider opens, lower case, such as {@code s3}.
   *
   * @return one or more schemes
   */
  Set<String> schemes();

  /**
   * Breaks ties when two providers on the classpath claim the same scheme: the higher priority
   * wins. Providers shipped by the SDK answer 0; an application can override one with a
   * higher value. Two providers with the same scheme and priority are a configuration error.
   *
   * @return the priority, 0 by default
   */
  default int priority() {
    return 0;
  }
}
