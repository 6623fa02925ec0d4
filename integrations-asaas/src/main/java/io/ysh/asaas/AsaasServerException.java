package io.ysh.asaas;

import io.ysh.core.YshException;
import java.util.List;

/**
 * Asaas answered 5xx. Retryable for reads. A create never surfaces it directly: a 5xx does not
 * say whether the create took effect, so the client looks the object up instead of posting again
 * and returns it, or throws {@link AsaasOutcomeUnknownException} with this as the cause. Keeps
 * the redacted raw body for diagnosis.
 */
public final class AsaasServerException extends AsaasException {

  AsaasServerException(
      YshException.Builder builder, int httpStatus, String request, String rawBody, List<AsaasError> errors, String externalReference) {
    super(builder, httpStatus, request, rawBody, errors, externalReference);
  }

  /**
   * Always true: a 5xx does not say whether the request took effect.
   *
   * @return true
   */
  @Override
  public boolean outcomeUnknown() {
    return true;
  }

  @Override
  AsaasException withExternalReference(String reference) {
    YshException.Builder b = toBuilder().detail(detail() + " (externalReference " + reference + ")");
    AsaasServerException e = new AsaasServerException(b, httpStatus(), request(), rawBody().orElse(null), errors(), reference);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
