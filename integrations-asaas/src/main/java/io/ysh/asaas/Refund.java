package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One refund of a payment.
 *
 * <p>Source: the official schema's {@code PaymentRefundGetResponseDto} and
 * {@code PaymentRefundedSplitResponseDto} (asaasdev/asaas-api-sdk-java, documentation/models).
 *
 * @param dateCreated when it was requested
 * @param status PENDING, AWAITING_CRITICAL_ACTION_AUTHORIZATION, AWAITING_CUSTOMER_EXTERNAL_AUTHORIZATION, DONE, CANCELLED…, as Asaas sent it
 * @param value the amount refunded
 * @param description the reason given
 * @param endToEndIdentifier the PIX end-to-end id of the refund, or null (set once it is done)
 * @param effectiveDate when a PIX refund took effect, or null
 * @param transactionReceiptUrl the receipt, or null
 * @param refundedSplits what was taken back from split recipients, never null
 */
public record Refund(
    LocalDateTime dateCreated,
    String status,
    Money value,
    String description,
    String endToEndIdentifier,
    LocalDateTime effectiveDate,
    String transactionReceiptUrl,
    List<RefundedSplit> refundedSplits) {

  /**
   * Normalizes a missing list to an empty one.
   *
   * @param dateCreated see the record component
   * @param status see the record component
   * @param value see the record component
   * @param description see the record component
   * @param endToEndIdentifier see the record component
   * @param effectiveDate see the record component
   * @param transactionReceiptUrl see the record component
   * @param refundedSplits see the record component
   */
  public Refund {
    refundedSplits = refundedSplits == null ? List.of() : List.copyOf(refundedSplits);
  }

  /**
   * What a refund took back from one split.
   *
   * @param id the split's id
   * @param value the amount taken back
   * @param done whether it was taken back
   */
  public record RefundedSplit(String id, Money value, Boolean done) {}
}
