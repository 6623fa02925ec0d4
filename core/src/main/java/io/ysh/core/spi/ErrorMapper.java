package io.ysh.core.spi;

import io.ysh.core.Errors;
import io.ysh.core.YshException;

/**
 * Turns a provider's exception into a portable one. Each driver supplies one that knows its
 * provider's errors (an S3 {@code NoSuchKey} is {@code NOT_FOUND}, a Redis {@code WRONGPASS} is
 * {@code UNAUTHENTICATED}) and delegates everything else to {@link Errors#classify(Throwable)}.
 * Called exactly once per failure, by the portable layer.
 */
@FunctionalInterface
public interface ErrorMapper {

  /**
   * Classifies a failure.
   *
   * @param failure what the provider call threw; never a {@link YshException} (those pass through)
   * @return the portable exception, normally with {@code failure} as its cause
   */
  YshException map(Throwable failure);

  /**
   * The mapper that knows only transport errors: {@link Errors#classify(Throwable)}.
   *
   * @return the default mapper
   */
  static ErrorMapper defaults() {
    return Errors::classify;
  }
}
