package io.ysh.asaas;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.util.List;
import java.util.Optional;

/**
 * A create may or may not have taken effect, and the client could not find out within its
 * settle window (code {@code UNKNOWN}, not retryable). It is thrown only after an ambiguous
 * failure (a timeout, a connection reset after the request was written, a 5xx, a 2xx whose body
 * could not be read) followed by look-ups that did not find the object, or when the thread was
 * interrupted while looking.
 *
 * <p><b>Do not create it again with a new reference.</b> Asaas may still commit the first
 * request (card authorizations can take a minute). Keep {@link #externalReference()} and
 * {@link #pendingRequest(Class)} and resolve later with the resource's {@code reconcile}
 * method, for example from a scheduled job:
 *
 * <pre>{@code
 * try {
 *   payment = asaas.payments().create(request);
 * } catch (AsaasOutcomeUnknownException e) {
 *   pending.save(orderId, e.pendingRequest(PaymentRequest.class).orElseThrow());   // reference included, card data removed
 * }
 * // later:
 * Optional<Payment> p = asaas.payments().reconcile(pending.load(orderId));        // empty: it was not created
 * }</pre>
 *
 * <p>{@link #getCause()} is the ambiguous failure; the last look-up failure, if any, is
 * suppressed. The pending request never holds card data, card tokens or the payer's IP.
 */
public final class AsaasOutcomeUnknownException extends AsaasException {

  /** The request as sent, with card data removed; not serialized. */
  private final transient Object pendingRequest;
  /** Objects found under the same reference with different fields. */
  private final List<String> conflictingIds;

  AsaasOutcomeUnknownException(
      YshException.Builder builder, int httpStatus, String request, String externalReference, Object pendingRequest,
      List<String> conflictingIds) {
    super(builder, httpStatus, request, null, List.of(), externalReference);
    this.pendingRequest = pendingRequest;
    this.conflictingIds = List.copyOf(conflictingIds);
  }

  static AsaasOutcomeUnknownException of(
      String op, String request, String reference, Object pendingRequest, String why, Throwable cause, List<String> conflicting) {
    StringBuilder detail = new StringBuilder(request).append(": outcome unknown, ").append(why);
    if (reference != null) {
      detail.append("; externalReference ").append(reference);
    }
    detail.append("; do not create it again: resolve it with reconcile(...)");
    if (!conflicting.isEmpty()) {
      detail.append(" (objects with different fields use the same reference: ").append(conflicting).append(')');
    }
    YshException.Builder b = YshException.builder(ErrorCode.UNKNOWN)
        .operation("asaas." + op)
        .provider(AsaasTransport.PROVIDER)
        .retryable(false)
        .detail(detail.toString());
    if (cause != null) {
      b.cause(cause);
    }
    int status = cause instanceof AsaasException a ? a.httpStatus() : 0;
    return new AsaasOutcomeUnknownException(b, status, request, reference, pendingRequest, conflicting);
  }

  /**
   * Always true: the request may have been processed.
   *
   * @return true
   */
  @Override
  public boolean outcomeUnknown() {
    return true;
  }

  /**
   * The request that was sent, for {@code reconcile}: a {@link PaymentRequest},
   * {@link SubscriptionRequest}, {@link TransferRequest} or {@link CustomerRequest} with its
   * {@code externalReference} set, or a {@link PendingRefund}; card data, card tokens and the
   * payer's IP are removed.
   *
   * @param <T> the expected type
   * @param type the expected type
   * @return the request, if it is of that type (empty after deserialization)
   */
  public <T> Optional<T> pendingRequest(Class<T> type) {
    return type.isInstance(pendingRequest) ? Optional.of(type.cast(pendingRequest)) : Optional.empty();
  }

  /**
   * Objects found under the same {@code externalReference} whose fields differ from the request
   * (never returned as a match).
   *
   * @return their ids, usually empty
   */
  public List<String> conflictingIds() {
    return conflictingIds;
  }
}
