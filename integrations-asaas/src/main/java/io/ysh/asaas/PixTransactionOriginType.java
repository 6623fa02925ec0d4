package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How a Pix transaction was initiated (official schema: {@code PixTransactionGetResponsePixTransactionOriginType}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixTransactionOriginType {
  /** Typed bank details. */
  MANUAL,
  /** A Pix key. */
  ADDRESS_KEY,
  /** A static QR code. */
  STATIC_QRCODE,
  /** A dynamic QR code (a charge). */
  DYNAMIC_QRCODE,
  /** A payment initiation service. */
  PAYMENT_INITIATION_SERVICE,
  /** Pix Automático. */
  AUTOMATIC_RECURRING,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixTransactionOriginType from(String raw) {
    return Enums.parse(PixTransactionOriginType.class, raw, UNKNOWN);
  }
}
