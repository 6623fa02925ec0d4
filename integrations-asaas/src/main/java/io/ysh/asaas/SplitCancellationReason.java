package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Why a split was cancelled (official schema: {@code PaymentSplitGetResponsePaymentSplitCancellationReason};
 * Asaas names it {@code cancellationReason}, there is no {@code refusalReason} on splits).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}.
 */
public enum SplitCancellationReason {
  /** The payment was deleted. */
  PAYMENT_DELETED,
  /** The payment became overdue. */
  PAYMENT_OVERDUE,
  /** The payment was received outside Asaas. */
  PAYMENT_RECEIVED_IN_CASH,
  /** The payment was refunded. */
  PAYMENT_REFUNDED,
  /** The payment's value no longer covers the splits. */
  VALUE_DIVERGENCE_BLOCK,
  /** The receiving wallet cannot receive. */
  WALLET_UNABLE_TO_RECEIVE,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static SplitCancellationReason from(String raw) {
    return Enums.parse(SplitCancellationReason.class, raw, UNKNOWN);
  }
}
