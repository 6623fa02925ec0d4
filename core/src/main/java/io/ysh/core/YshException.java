package io.ysh.core;

import io.ysh.core.http.Redactor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one unchecked exception every YSH portable API throws.
 *
 * <p>It carries a portable {@link ErrorCode}, whether the failure is worth retrying, and what
 * failed: the operation (for example {@code storage.get}), the provider ({@code s3}) and the
 * resource (a key, a queue, a secret name). The provider's own exception stays as the
 * {@linkplain #getCause() cause} for diagnosis.
 *
 * <p>The message never contains a credential: the detail and the resource pass through the
 * default {@link Redactor} when the exception is built, so a token, a password in a URL or a
 * CPF that slipped into a provider's message is masked. Callers should still avoid putting
 * secret values into messages in the first place.
 *
 * <p>The cause chain is covered too, since a logged exception prints every cause's message: when
 * a cause's message (or its cause's, and so on) holds something the {@link Redactor} masks, that
 * link of the chain is replaced by a {@link RedactedCause} that keeps the original class name,
 * the masked message and the original stack trace. Causes whose messages hold nothing to mask
 * (the usual case) stay exactly as the provider threw them, so {@code getCause() instanceof}
 * checks keep working for them.
 *
 * <p>Subclasses (the typed errors of the Asaas client, for example) add fields but keep the
 * code-and-retryable contract, so generic code can always switch on {@link #code()}.
 */
public class YshException extends RuntimeException {

  /** The portable error code. */
  private final ErrorCode code;
  /** Whether a retry may succeed. */
  private final boolean retryable;
  /** The redacted detail message. */
  private final String detail;
  /** The portable operation, or null. */
  private final String operation;
  /** The provider or driver, or null. */
  private final String provider;
  /** The redacted resource, or null. */
  private final String resource;
  /** The wait the provider asked for, or null. */
  private final Duration retryAfter;

  /**
   * Creates an exception from a builder; for subclasses.
   *
   * @param builder the filled-in builder
   */
  protected YshException(Builder builder) {
    super(null, RedactedCause.redactChain(builder.cause));
    this.code = builder.code;
    this.retryable = builder.retryable != null ? builder.retryable : builder.code.retryableByDefault();
    this.detail = Redactor.defaults().redactText(builder.detail == null ? "" : builder.detail);
    this.operation = builder.operation;
    this.provider = builder.provider;
    this.resource = builder.resource == null ? null : Redactor.defaults().redactText(builder.resource);
    this.retryAfter = builder.retryAfter;
  }

  /**
   * Starts building an exception with the given code.
   *
   * @param code the portable error code
   * @return a builder
   */
  public static Builder builder(ErrorCode code) {
    return new Builder(code);
  }

  /**
   * Shorthand for an exception with a code and a message only.
   *
   * @param code the portable error code
   * @param detail what went wrong, in words that name the problem
   * @return the exception (not thrown)
   */
  public static YshException of(ErrorCode code, String detail) {
    return builder(code).detail(detail).build();
  }

  /**
   * Shorthand for {@link ErrorCode#INVALID_ARGUMENT}, the error for bad input detected locally.
   *
   * @param detail which argument is wrong and why
   * @return the exception (not thrown)
   */
  public static YshException invalidArgument(String detail) {
    return of(ErrorCode.INVALID_ARGUMENT, detail);
  }

  /**
   * The portable error code.
   *
   * @return the code, never null
   */
  public ErrorCode code() {
    return code;
  }

  /**
   * Whether retrying the same call may succeed. Defaults to
   * {@link ErrorCode#retryableByDefault()} unless the thrower knew better.
   *
   * @return true when a retry may succeed
   */
  public boolean isRetryable() {
    return retryable;
  }

  /**
   * The message without the operation, provider and resource decoration.
   *
   * @return the redacted detail, possibly empty
   */
  public String detail() {
    return detail;
  }

  /**
   * The portable operation that failed, such as {@code storage.put}.
   *
   * @return the operation, if known
   */
  public Optional<String> operation() {
    return Optional.ofNullable(operation);
  }

  /**
   * The provider or driver that failed, such as {@code s3} or {@code asaas}.
   *
   * @return the provider, if known
   */
  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  /**
   * The resource the operation acted on (an object key, a queue, a secret name), redacted.
   *
   * @return the resource, if known
   */
  public Optional<String> resource() {
    return Optional.ofNullable(resource);
  }

  /**
   * How long the provider asked callers to wait before retrying (a rate-limit reset, a
   * {@code Retry-After} header). Retry policies wait at least this long.
   *
   * @return the wait the provider asked for, if it gave one
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Formats as {@code CODE operation [provider] 'resource': detail}, omitting absent parts.
   *
   * @return the message
   */
  @Override
  public String getMessage() {
    StringBuilder sb = new StringBuilder(code.name());
    if (operation != null) {
      sb.append(' ').append(operation);
    }
    if (provider != null) {
      sb.append(" [").append(provider).append(']');
    }
    if (resource != null) {
      sb.append(" '").append(resource).append('\'');
    }
    if (!detail.isEmpty()) {
      sb.append(": ").append(detail);
    }
    return sb.toString();
  }

  /**
   * Returns a builder that starts from this exception's fields, for adding context (operation,
   * provider, resource) while a failure travels up through the portable layer.
   *
   * @return a builder with this exception's values and this exception's cause
   */
  public Builder toBuilder() {
    Builder b = new Builder(code).detail(detail).retryable(retryable).cause(getCause());
    b.operation = operation;
    b.provider = provider;
    b.resource = resource;
    b.retryAfter = retryAfter;
    return b;
  }

  /** Builds {@link YshException}s. Not thread-safe. */
  public static final class Builder {
    private final ErrorCode code;
    private Boolean retryable;
    private String detail;
    private String operation;
    private String provider;
    private String resource;
    private Throwable cause;
    private Duration retryAfter;

    private Builder(ErrorCode code) {
      this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * Sets the human-readable detail.
     *
     * @param detail what went wrong
     * @return this builder
     */
    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    /**
     * Overrides the code's default retryability.
     *
     * @param retryable whether a retry may succeed
     * @return this builder
     */
    public Builder retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    /**
     * Sets the operation, such as {@code storage.get}.
     *
     * @param operation the portable operation name
     * @return this builder
     */
    public Builder operation(String operation) {
      this.operation = operation;
      return this;
    }

    /**
     * Sets the provider, such as {@code s3}.
     *
     * @param provider the provider or driver name
     * @return this builder
     */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /**
     * Sets the resource (key, queue, secret name). It is redacted when built.
     *
     * @param resource the resource acted on
     * @return this builder
     */
    public Builder resource(String resource) {
      this.resource = resource;
      return this;
    }

    /**
     * Sets the provider's exception.
     *
     * @param cause the underlying exception
     * @return this builder
     */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /**
     * Records how long the provider asked callers to wait before retrying.
     *
     * @param retryAfter the wait, not negative
     * @return this builder
     */
    public Builder retryAfter(Duration retryAfter) {
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative");
      }
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Builds the exception.
     *
     * @return a new exception (not thrown)
     */
    public YshException build() {
      return new YshException(this);
    }
  }
}
