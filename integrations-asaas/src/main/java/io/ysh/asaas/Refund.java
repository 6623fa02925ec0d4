package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDateTime;

/**
 * One refund of a payment.
 *
 * @param dateCreated when it was requested
 * @param status PENDING, AWAITING_CRITICAL_ACTION_AUTHORIZATION, AWAITING_CUSTOMER_EXTERNAL_AUTHORIZATION, DONE, CANCELLED…, as Asaas sent it
 * @param value the amount refunded
 * @param description the reason given
 * @param endToEndIdentifier the PIX end-to-end id of the refund, or null (set once it is done)
 * @param effectiveDate when a PIX refund took effect, or null
 * @param transactionReceiptUrl the receipt, or null
 */
public record Refund(
    LocalDateTime dateCreated,
    String status,
    Money value,
    String description,
    String endToEndIdentifier,
    LocalDateTime effectiveDate,
    String transactionReceiptUrl) {
}
