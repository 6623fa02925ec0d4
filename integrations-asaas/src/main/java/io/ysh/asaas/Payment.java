package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment (charge, cobrança) as Asaas returns it.
 *
 * @param id the id, {@code pay_…}
 * @param dateCreated when it was created
 * @param customer the customer's id
 * @param subscription the subscription that generated it, or null
 * @param installment the installment plan it belongs to, or null
 * @param rawBillingType the billing type as Asaas sent it
 * @param value the value
 * @param netValue the value net of Asaas's fees
 * @param originalValue the value before interest and fines, or null
 * @param interestValue interest and fines charged, or null
 * @param description the description
 * @param rawStatus the status as Asaas sent it
 * @param dueDate the due date
 * @param originalDueDate the first due date
 * @param paymentDate when it was paid, or null
 * @param clientPaymentDate when the payer paid, or null
 * @param confirmedDate when the payment was confirmed, or null
 * @param creditDate when the money was credited, or null
 * @param estimatedCreditDate when the money is expected, or null
 * @param installmentNumber the installment's number, or null
 * @param invoiceUrl the payer's invoice page
 * @param invoiceNumber the invoice number
 * @param bankSlipUrl the boleto PDF, or null
 * @param transactionReceiptUrl the receipt, or null
 * @param nossoNumero the boleto's bank number, or null
 * @param externalReference your reference
 * @param deleted whether it is deleted (cancelled)
 * @param anticipated whether it was anticipated
 * @param postalService whether it is sent by mail
 * @param creditCard the card used, or null
 * @param discount the discount, or null
 * @param fine the fine, or null
 * @param interest the interest, or null
 * @param refunds the refunds, when Asaas includes them
 * @param paymentLink the payment link it was paid through, or null
 * @param split the splits to other wallets with their status, or null (official schema: {@code PaymentGetResponseDto.split})
 */
public record Payment(
    String id,
    LocalDate dateCreated,
    String customer,
    String subscription,
    String installment,
    @JsonProperty("billingType") String rawBillingType,
    Money value,
    Money netValue,
    Money originalValue,
    Money interestValue,
    String description,
    @JsonProperty("status") String rawStatus,
    LocalDate dueDate,
    LocalDate originalDueDate,
    LocalDate paymentDate,
    LocalDate clientPaymentDate,
    LocalDate confirmedDate,
    LocalDate creditDate,
    LocalDate estimatedCreditDate,
    Integer installmentNumber,
    String invoiceUrl,
    String invoiceNumber,
    String bankSlipUrl,
    String transactionReceiptUrl,
    String nossoNumero,
    String externalReference,
    boolean deleted,
    Boolean anticipated,
    Boolean postalService,
    CreditCardSummary creditCard,
    Discount discount,
    Fine fine,
    Interest interest,
    List<Refund> refunds,
    String paymentLink,
    List<PaymentSplit> split) {

  /**
   * The status.
   *
   * @return the value, {@link PaymentStatus#UNKNOWN} when this SDK does not know it (see {@link #rawStatus()}), or null
   */
  public PaymentStatus status() {
    return PaymentStatus.from(rawStatus);
  }

  /**
   * The billing type.
   *
   * @return the value, {@link BillingType#UNKNOWN} when this SDK does not know it (see {@link #rawBillingType()}), or null
   */
  public BillingType billingType() {
    return BillingType.from(rawBillingType);
  }
}
