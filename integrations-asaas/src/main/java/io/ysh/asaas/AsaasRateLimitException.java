package io.ysh.asaas;

import io.ysh.core.YshException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * Asaas answered 429 for a per-endpoint rate limit or the 50-concurrent-GET limit. Code
 * {@code RATE_LIMITED}, retryable; {@link #retryAfter()} is the {@code RateLimit-Reset} header
 * (seconds until the limit resets), which the client's retries wait for (plus jitter) before
 * trying a GET again. Never retried at once.
 */
public final class AsaasRateLimitException extends AsaasException {

  /** RateLimit-Limit, or -1. */
  private final int limit;

  AsaasRateLimitException(
      YshException.Builder builder, int httpStatus, String request, String rawBody, List<AsaasError> errors, int limit) {
    super(builder, httpStatus, request, rawBody, errors, null);
    this.limit = limit;
  }

  /**
   * The {@code RateLimit-Limit} header.
   *
   * @return the endpoint's limit, if Asaas sent it
   */
  public OptionalInt limit() {
    return limit < 0 ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /**
   * The wait before the limit resets: {@link #retryAfter()} or zero.
   *
   * @return the reset delay
   */
  public Duration resetAfter() {
    return retryAfter().orElse(Duration.ZERO);
  }
}
