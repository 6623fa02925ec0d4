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
 * What a secrets provider implements. The portable {@link io.ysh.secrets.SecretStore} does the
 * shared work once: it validates names, checks capabilities, caches, watches, retries reads,
 * lists and deletes (never puts), records telemetry and maps errors, so a driver only talks to
 * its provider.
 *
 * <p>What the portable layer guarantees to every method:
 *
 * <ul>
 *   <li>{@code name} is non-null and has passed {@link io.ysh.secrets.SecretNames#validate} and
 *       then this driver's {@link #validateName}.
 *   <li>A method that needs a {@link SecretCapability} is only called when {@link #capabilities()}
 *       declares it; the defaults of the optional methods throw {@code UNSUPPORTED}.
 * </ul>
 *
 * <p>What every method must do:
 *
 * <ul>
 *   <li>Throw the provider's exceptions as they are: {@link #errorMapper()} classifies them exactly
 *       once. A missing secret (or version) must come out as {@code NOT_FOUND}.
 *   <li>Never put a secret value, token or credential into an exception message or a log line.
 *   <li>Be thread-safe.
 * </ul>
 */
public interface SecretDriver extends AutoCloseable {

  /**
   * The provider name used in errors and telemetry, such as {@code vault}. Constant.
   *
   * @return the provider name, non-null
   */
  String provider();

  /**
   * What this driver supports. Constant for the driver's life; the conformance suite checks
   * every declared capability works and every other one fails with {@code UNSUPPORTED}.
   *
   * @return the capabilities, non-null
   */
  Set<SecretCapability> capabilities();

  /**
   * Applies the provider's own naming rule on top of the portable one, before any call. The
   * default accepts every portable name.
   *
   * @param name a name that passed {@link io.ysh.secrets.SecretNames#validate}
   * @throws YshException {@code INVALID_ARGUMENT} naming the provider's rule
   */
  default void validateName(String name) {}

  /**
   * Reads a secret.
   *
   * @param name the secret name
   * @param version the version to read, or {@code null} for the latest; non-null only when the
   *     driver declares {@link SecretCapability#VERSIONS}
   * @return the value, non-null; its {@link SecretValue#name()} is {@code name}
   * @throws Exception the provider's failure; a missing secret or version must map to
   *     {@code NOT_FOUND}
   */
  SecretValue get(String name, String version) throws Exception;

  /**
   * Lists one page of names starting with {@code prefix}, in the provider's order. Only called
   * when the driver declares {@link SecretCapability#LIST}.
   *
   * @param prefix the prefix, non-null, possibly empty
   * @param pageToken {@code null} for the first page, else the previous page's
   *     {@link NamePage#nextPageToken()}
   * @return the page, non-null
   * @throws Exception the provider's failure
   */
  default NamePage list(String prefix, String pageToken) throws Exception {
    throw YshException.of(ErrorCode.UNSUPPORTED, provider() + " does not list secrets");
  }

  /**
   * Stores a value as the new latest version, creating the secret if needed. Only called when
   * the driver declares {@link SecretCapability#PUT}; binary values (not valid UTF-8) only when it
   * declares {@link SecretCapability#BINARY_VALUES}. Never retried by the portable layer.
   *
   * @param name the secret name
   * @param value the value, non-null
   * @return the new version id, or {@code null} when the provider has no versions
   * @throws Exception the provider's failure
   */
  default String put(String name, Secret value) throws Exception {
    throw YshException.of(ErrorCode.UNSUPPORTED, provider() + " does not support put");
  }

  /**
   * Deletes a secret and all its versions. Only called when the driver declares
   * {@link SecretCapability#DELETE}.
   *
   * @param name the secret name
   * @throws Exception the provider's failure; a missing secret may map to {@code NOT_FOUND}, which
   *     the portable layer treats as success
   */
  default void delete(String name) throws Exception {
    throw YshException.of(ErrorCode.UNSUPPORTED, provider() + " does not support delete");
  }

  /**
   * Classifies this provider's exceptions, falling back to
   * {@link io.ysh.core.Errors#classify(Throwable)}; the default knows only transport errors.
   *
   * @return the mapper, non-null
   */
  default ErrorMapper errorMapper() {
    return ErrorMapper.defaults();
  }

  /**
   * A native object this driver holds (its client), for what the portable API does not cover.
   * The portable {@link io.ysh.secrets.SecretStore#unwrap} answers for the driver itself before
   * asking.
   *
   * @param <T> the requested type
   * @param type such as {@code SecretsManagerClient.class}, non-null
   * @return the object, or empty when the driver holds none of that type (the default)
   */
  default <T> Optional<T> unwrap(Class<T> type) {
    return Optional.empty();
  }

  /** Releases the provider client. Called once by the store that owns the driver; idempotent, never throws. */
  @Override
  void close();
}
