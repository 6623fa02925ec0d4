package io.ysh.examples.spring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A solar quote, as stored in object storage ({@code quotes/<id>.json}) and returned by the API.
 *
 * @param id the quote's id, such as {@code q-4f0c...}
 * @param status where it stands in quote-to-cash
 * @param customerName the customer's name
 * @param cpfCnpj the customer's CPF or CNPJ, digits only
 * @param email the customer's e-mail, or null
 * @param tariff the ANEEL tariff the quote was priced with
 * @param monthlyKwh the customer's consumption, kWh per month
 * @param monthlyBill what that consumption costs today, R$ per month before taxes
 * @param systemKwp the photovoltaic system sized to cover it, kWp
 * @param systemPrice the system's price, R$
 * @param asaasCustomerId the Asaas customer once charged, or null
 * @param paymentId the Asaas payment once charged, or null
 * @param invoiceUrl the payment's invoice page once charged, or null
 * @param createdAt when the quote was made
 */
public record Quote(
    String id,
    QuoteStatus status,
    String customerName,
    String cpfCnpj,
    String email,
    Tariff tariff,
    BigDecimal monthlyKwh,
    BigDecimal monthlyBill,
    BigDecimal systemKwp,
    BigDecimal systemPrice,
    String asaasCustomerId,
    String paymentId,
    String invoiceUrl,
    Instant createdAt) {

  /** Where a quote stands. */
  public enum QuoteStatus {
    /** Priced and stored. */
    QUOTED,
    /** An Asaas PIX charge was created for it. */
    CHARGED,
    /** Asaas reports the charge received or confirmed; an order event was published. */
    PAID
  }

  /**
   * This quote, charged.
   *
   * @param customerId the Asaas customer
   * @param payment the Asaas payment
   * @param invoice the invoice page
   * @return the copy
   */
  Quote charged(String customerId, String payment, String invoice) {
    return new Quote(id, QuoteStatus.CHARGED, customerName, cpfCnpj, email, tariff, monthlyKwh, monthlyBill, systemKwp,
        systemPrice, customerId, payment, invoice, createdAt);
  }

  /**
   * This quote, paid.
   *
   * @return the copy
   */
  Quote paid() {
    return new Quote(id, QuoteStatus.PAID, customerName, cpfCnpj, email, tariff, monthlyKwh, monthlyBill, systemKwp,
        systemPrice, asaasCustomerId, paymentId, invoiceUrl, createdAt);
  }
}
