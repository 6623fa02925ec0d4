package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The kind of a decoded QR code (official schema: {@code PixQrCodeDecodeResponsePixQrCodeType}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixQrCodeType {
  /** A static QR code. */
  STATIC,
  /** A dynamic QR code. */
  DYNAMIC,
  /** A dynamic QR code on an Asaas key. */
  DYNAMIC_WITH_ASAAS_ADDRESS_KEY,
  /** A composite QR code (Pix Automático journey 3). */
  COMPOSITE,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixQrCodeType from(String raw) {
    return Enums.parse(PixQrCodeType.class, raw, UNKNOWN);
  }
}
