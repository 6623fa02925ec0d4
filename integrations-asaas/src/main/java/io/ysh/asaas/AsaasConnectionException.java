package io.ysh.asaas;

import io.ysh.core.YshException;
import java.util.List;

/**
 * No HTTP answer arrived: the connection was refused, reset or dropped, or the call timed out.
 * Code {@code UNAVAILABLE} or {@code TIMEOUT}, retryable for reads. {@link #outcomeUnknown()}
 * says whether the request may have reached Asaas. A create surfaces it only when it is false
 * (the connection was refused, the host unknown, the TLS handshake failed: nothing of the
 * request was written), after the client's own attempts to post again; when it is true the
 * client looks the object up instead and returns it, or throws
 * {@link AsaasOutcomeUnknownException} with this as the cause.
 */
public final class AsaasConnectionException extends AsaasException {

  /** Whether the request may have reached the server. */
  private final boolean maybeSent;

  AsaasConnectionException(YshException.Builder builder, String request, boolean maybeSent, String externalReference) {
    super(builder, 0, request, null, List.of(), externalReference);
    this.maybeSent = maybeSent;
  }

  /**
   * Whether the request may have reached Asaas and taken effect.
   *
   * @return false only when the connection was never established
   */
  @Override
  public boolean outcomeUnknown() {
    return maybeSent;
  }

  @Override
  AsaasException withExternalReference(String reference) {
    YshException.Builder b = toBuilder().detail(detail() + " (externalReference " + reference + ")");
    AsaasConnectionException e = new AsaasConnectionException(b, request(), maybeSent, reference);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
