package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * One line of the account statement.
 *
 * @param id the transaction id
 * @param value the amount, negative for debits
 * @param balance the balance after this transaction
 * @param type the kind, such as PAYMENT_RECEIVED or TRANSFER, as Asaas sent it
 * @param date the date
 * @param description the description
 * @param paymentId the related payment, or null
 * @param transferId the related transfer, or null
 */
public record FinancialTransaction(
    String id,
    Money value,
    Money balance,
    String type,
    LocalDate date,
    String description,
    String paymentId,
    String transferId) {
}
