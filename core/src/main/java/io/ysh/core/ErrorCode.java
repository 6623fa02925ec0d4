package io.ysh.core;

/**
 * The closed set of portable error codes every YSH capability reports.
 *
 * <p>Drivers never throw their provider's exceptions to callers: the portable layer classifies
 * each failure exactly once into one of these codes and keeps the provider's exception as the
 * {@linkplain Throwable#getCause() cause}. The set is stable; new providers map onto it rather
 * than extend it.
 */
public enum ErrorCode {
  /** The named resource (object, key, secret, queue, record) does not exist. */
  NOT_FOUND(false),
  /** A create-only operation found the resource already present. */
  ALREADY_EXISTS(false),
  /** A condition the caller set (if-match, if-none-match, expected version) did not hold. */
  PRECONDITION_FAILED(false),
  /** The caller is known but not allowed to do this. */
  PERMISSION_DENIED(false),
  /** The credentials are missing, wrong, expired or revoked. */
  UNAUTHENTICATED(false),
  /** The caller's input is invalid; retrying the same call cannot succeed. */
  INVALID_ARGUMENT(false),
  /** The driver or provider does not support this operation or option. */
  UNSUPPORTED(false),
  /** The provider throttled the call or a local limit (rate limiter, bulkhead) refused it. */
  RATE_LIMITED(true),
  /** The provider could not be reached or answered that it is temporarily unavailable. */
  UNAVAILABLE(true),
  /** The call did not finish within its deadline; it may or may not have taken effect. */
  TIMEOUT(true),
  /** The call was cancelled or the calling thread was interrupted. */
  CANCELLED(false),
  /** A bug or an invariant broken inside the SDK, the driver or the provider. */
  INTERNAL(false),
  /** A failure that could not be classified. */
  UNKNOWN(false);

  private final boolean retryableByDefault;

  ErrorCode(boolean retryableByDefault) {
    this.retryableByDefault = retryableByDefault;
  }

  /**
   * Whether a failure with this code is, by default, worth retrying. A retry policy still only
   * retries calls the caller marked idempotent; an exception can override the default.
   *
   * @return true for {@link #RATE_LIMITED}, {@link #UNAVAILABLE} and {@link #TIMEOUT}
   */
  public boolean retryableByDefault() {
    return retryableByDefault;
  }
}
