package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The life cycle of a payment's split (official schema: {@code PaymentSplitGetResponsePaymentSplitStatus}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum SplitStatus {
  /** The payment is not paid yet. */
  PENDING,
  /** The payment is paid; the share is credited when the payment's money is (cards). */
  AWAITING_CREDIT,
  /** Cancelled; see the cancellation reason. */
  CANCELLED,
  /** Credited to the receiving wallet. */
  DONE,
  /** Refunded with the payment. */
  REFUNDED,
  /** Held because the payment's value no longer covers the splits. */
  BLOCKED_BY_VALUE_DIVERGENCE,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static SplitStatus from(String raw) {
    return Enums.parse(SplitStatus.class, raw, UNKNOWN);
  }
}
