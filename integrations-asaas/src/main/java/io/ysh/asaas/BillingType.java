package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How a payment is paid. Requests use UNDEFINED, BOLETO, CREDIT_CARD or PIX; responses may also say DEBIT_CARD, TRANSFER or DEPOSIT.
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum BillingType {
  /** The payer chooses (boleto, PIX or card) on the invoice page. */
  UNDEFINED,
  /** Boleto bancário. */
  BOLETO,
  /** Credit card. */
  CREDIT_CARD,
  /** PIX instant payment. */
  PIX,
  /** Debit card (responses only). */
  DEBIT_CARD,
  /** Bank transfer (responses only). */
  TRANSFER,
  /** Deposit (responses only). */
  DEPOSIT,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static BillingType from(String raw) {
    return Enums.parse(BillingType.class, raw, UNKNOWN);
  }
}
