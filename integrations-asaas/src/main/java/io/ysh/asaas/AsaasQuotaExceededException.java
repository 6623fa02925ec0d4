package io.ysh.asaas;

import io.ysh.core.YshException;
import java.util.List;

/**
 * Asaas answered 429 because the account's quota (25,000 requests per 12 hours) is used up. Code {@code RATE_LIMITED} but not retryable: stop non-essential calls until the quota window restarts; {@link #retryAfter()} gives the reset time when Asaas sent one.
 */
public final class AsaasQuotaExceededException extends AsaasException {

  AsaasQuotaExceededException(YshException.Builder builder, int httpStatus, String request, String rawBody, List<AsaasError> errors, String externalReference) {
    super(builder, httpStatus, request, rawBody, errors, externalReference);
  }
}
