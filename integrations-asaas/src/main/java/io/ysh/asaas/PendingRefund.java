package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A refund whose outcome is unknown, as {@link AsaasOutcomeUnknownException#pendingRequest(Class)}
 * carries it: what {@link Payments#reconcileRefund(PendingRefund)} needs to tell whether it
 * happened. Asaas refund records have no id of their own, so the decision is made from the
 * records: one that was not there before, with this value and description, dated after the
 * request was sent.
 *
 * @param paymentId the payment refunded
 * @param request the refund as sent
 * @param expectedValue the amount the refund record will show (the remaining value for a full refund)
 * @param refundsBefore the payment's refund records just before the request
 * @param sentAt when the request was sent, in Brazil local time
 */
public record PendingRefund(String paymentId, RefundRequest request, Money expectedValue, List<Refund> refundsBefore, LocalDateTime sentAt) {

  /**
   * Validates and copies.
   *
   * @param paymentId see the record component
   * @param request see the record component
   * @param expectedValue see the record component
   * @param refundsBefore see the record component
   * @param sentAt see the record component
   */
  public PendingRefund {
    Validation.id("paymentId", paymentId);
    Validation.required("request", request);
    Validation.required("expectedValue", expectedValue);
    Validation.required("sentAt", sentAt);
    refundsBefore = refundsBefore == null ? List.of() : List.copyOf(refundsBefore);
  }
}
