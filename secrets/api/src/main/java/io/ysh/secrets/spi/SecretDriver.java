package io.ysh.secrets.spi;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretValue;
import java.util.Optional;
import java.util.Set;

/**
 * What a secrets provider implements. The portable {@link io.ysh.secrets.SecretStore} has
 * already validated names against {@link io.ysh.secrets.SecretNames} and checked the
 * capability before calling a method; it adds telemetry, retries (for reads and deletes only),
 * caching and error mapping, so a driver only talks to its provider.
 *
 * <p>Drivers may throw their provider's exceptions: {@link #errorMapper()} classifies them
 * exactly once. A driver must never put a secret value, token or credential into an exception
 * message or a log line. Implementations are thread-safe.
 */
public interface SecretDriver extends AutoCloseable {

  /**
   * The provider name used in errors and telemetry, such as {@code vault}.
   *
   * @return the provider name
   */
  String provider();

  /**
   * What this driver supports. Stable for the driver's life.
   *
   * @return the capabilities
   */
  Set<SecretCapability> capabilities();

  /**
   * Applies the provider's own naming rule on top of the portable one.
   *
   * @param name a name that passed {@link io.ysh.secrets.SecretNames#validate}
   * @throws YshException {@code INVALID_ARGUMENT} naming the provider's rule
   */
  default void validateName(String name) {}

  /**
   * Reads a secret.
   *
   * @param name the secret name
   * @param version the version to read, or null for the latest; only passed when the driver
   *     declares {@link SecretCapability#VERSIONS}
   * @return the value; its {@link SecretValue#name()} must be {@code name}
   * @throws Exception a missing secret or version must map to {@code NOT_FOUND}
   */
  SecretValue get(String name, String version) throws Exception;

  /**
   * Lists one page of names starting with {@code prefix}, in the provider's order. Only called
   * when the driver declares {@link SecretCapability#LIST}.
   *
   * @param prefix the prefix, possibly empty
   * @param pageToken null for the first page, else the previous page's
   *     {@link NamePage#nextPageToken()}
   * @return the page
   * @throws Exception on failure
   */
  NamePage list(String prefix, String pageToken) throws Exception;

  /**
   * Stores a value as the new latest version, creating the secret if needed. Only called when
   * the driver declares {@link SecretCapability#PUT}; binary values (not valid UTF-8) are only
   * passed when it declares {@link SecretCapability#BINARY_VALUES}.
   *
   * @param name the secret name
   * @param value the value
   * @return the new version id, or null when the provider has no versions
   * @throws Exception on failure
   */
  default String put(String name, Secret value) throws Exception {
    throw YshException.of(ErrorCode.UNSUPPORTED, provider() + " does not support put");
  }

  /**
   * Deletes a secret and all its versions. Only called when the driver declares
   * {@link SecretCapability#DELETE}.
   *
   * @param name the secret name
   * @throws Exception a missing secret may map to {@code NOT_FOUND}: the portable layer treats
   *     it as success
   */
  default void delete(String name) throws Exception {
    throw YshException.of(ErrorCode.UNSUPPORTED, provider() + " does not support delete");
  }

  /**
   * Classifies this provider's exceptions; the default knows only transport errors.
   *
   * @return the mapper
   */
  default ErrorMapper errorMapper() {
    return ErrorMapper.defaults();
  }

  /**
   * The native client or object of the given type, for what the portable API does not cover.
   *
   * @param <T> the requested type
   * @param type such as {@code SecretsManagerClient.class}
   * @return the object, if this driver has one of that type
   */
  default <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
  }

  /** Releases the provider client. Idempotent; never throws. */
  @Override
  void close();
}
