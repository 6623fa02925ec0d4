package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Whether a Pix with cash is a withdrawal or change (Pix Saque / Pix Troco) (official schema: {@code PixTransactionGetResponsePixTransactionCashValueFinality}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixCashValueFinality {
  /** Pix Saque. */
  WITHDRAWAL,
  /** Pix Troco. */
  CHANGE,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixCashValueFinality from(String raw) {
    return Enums.parse(PixCashValueFinality.class, raw, UNKNOWN);
  }
}
