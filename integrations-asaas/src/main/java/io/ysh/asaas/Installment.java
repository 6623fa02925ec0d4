package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * An installment plan (parcelamento): the parent of its payments.
 *
 * @param id the id
 * @param dateCreated when it was created
 * @param customer the customer's id
 * @param value the total value
 * @param netValue the total net of fees
 * @param paymentValue the value of each installment
 * @param installmentCount the number of installments
 * @param rawBillingType the billing type as Asaas sent it
 * @param paymentDate when it was paid, or null
 * @param description the description
 * @param expirationDay the day of the month the installments fall due
 * @param transactionReceiptUrl the receipt, or null
 * @param deleted whether it is deleted
 */
public record Installment(
    String id,
    LocalDate dateCreated,
    String customer,
    Money value,
    Money netValue,
    Money paymentValue,
    Integer installmentCount,
    @JsonProperty("billingType") String rawBillingType,
    LocalDate paymentDate,
    String description,
    Integer expirationDay,
    String transactionReceiptUrl,
    boolean deleted) {

  /**
   * The billing type.
   *
   * @return the value, {@link BillingType#UNKNOWN} when this SDK does not know it (see {@link #rawBillingType()}), or null
   */
  public BillingType billingType() {
    return BillingType.from(rawBillingType);
  }
}
