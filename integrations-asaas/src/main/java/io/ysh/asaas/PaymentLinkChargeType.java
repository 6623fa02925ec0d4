package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * What paying a payment link creates (official schema: {@code PaymentLinkSaveRequestChargeType}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}.
 */
public enum PaymentLinkChargeType {
  /** One payment. */
  DETACHED,
  /** A subscription with {@code subscriptionCycle}. */
  RECURRENT,
  /** An installment plan of up to {@code maxInstallmentCount} installments. */
  INSTALLMENT,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PaymentLinkChargeType from(String raw) {
    return Enums.parse(PaymentLinkChargeType.class, raw, UNKNOWN);
  }
}
