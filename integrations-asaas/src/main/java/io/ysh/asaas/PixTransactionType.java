package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The direction of a Pix transaction (official schema: {@code PixTransactionGetResponsePixTransactionType}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixTransactionType {
  /** Money out (a QR code paid or a Pix sent). */
  DEBIT,
  /** Money in. */
  CREDIT,
  /** A refund of a credit (money out). */
  CREDIT_REFUND,
  /** A refund of a debit (money in). */
  DEBIT_REFUND,
  /** A cancelled refund of a debit. */
  DEBIT_REFUND_CANCELLATION,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixTransactionType from(String raw) {
    return Enums.parse(PixTransactionType.class, raw, UNKNOWN);
  }
}
