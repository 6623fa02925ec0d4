package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.math.BigDecimal;

/**
 * A share of a payment, installment plan or subscription sent to another Asaas wallet, as a
 * request sends it. Give a fixed value, a percentage of the net value, or both (Asaas adds them);
 * {@code totalFixedValue} is for installment plans only: an amount of the plan's total, spread
 * over its installments.
 *
 * <p>Source: the official schema's {@code PaymentSplitRequestDto} and
 * {@code SubscriptionSplitRequestDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models), and docs.asaas.com "Split de pagamento". Checked before sending by the
 * request builders: wallets present and distinct, percentages in (0, 100] and together at most
 * 100, fixed values positive and together at most the charge's value (the net value, which Asaas
 * computes, can only be lower).
 *
 * @param walletId the receiving wallet (required)
 * @param fixedValue a fixed amount per payment, or null
 * @param percentualValue a percentage of the net value, or null
 * @param totalFixedValue installment plans only: an amount of the plan's total, or null
 * @param externalReference your reference for this split, or null
 * @param description a description, or null
 */
public record Split(
    String walletId,
    Money fixedValue,
    BigDecimal percentualValue,
    Money totalFixedValue,
    String externalReference,
    String description) {

  /**
   * A percentage of the net value.
   *
   * @param walletId the receiving wallet
   * @param percent the percentage, greater than 0 and at most 100
   * @return the split
   */
  public static Split percentual(String walletId, BigDecimal percent) {
    return new Split(walletId, null, percent, null, null, null);
  }

  /**
   * A fixed amount per payment.
   *
   * @param walletId the receiving wallet
   * @param value the amount, greater than zero
   * @return the split
   */
  public static Split fixed(String walletId, Money value) {
    return new Split(walletId, value, null, null, null, null);
  }

  /**
   * An amount of an installment plan's total (installment plans only).
   *
   * @param walletId the receiving wallet
   * @param value the amount, greater than zero
   * @return the split
   */
  public static Split totalFixed(String walletId, Money value) {
    return new Split(walletId, null, null, value, null, null);
  }

  /**
   * This split with a reference of yours.
   *
   * @param reference the reference
   * @return a copy
   */
  public Split withExternalReference(String reference) {
    return new Split(walletId, fixedValue, percentualValue, totalFixedValue, reference, description);
  }

  /**
   * This split with a description.
   *
   * @param text the description
   * @return a copy
   */
  public Split withDescription(String text) {
    return new Split(walletId, fixedValue, percentualValue, totalFixedValue, externalReference, text);
  }
}
