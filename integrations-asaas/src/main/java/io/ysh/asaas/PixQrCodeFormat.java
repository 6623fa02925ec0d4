package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * What a static QR code's create answers (official schema: {@code Format of PixQrCodeSaveRequestDto}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixQrCodeFormat {
  /** The image and the copy-and-paste payload. */
  ALL,
  /** The image only. */
  IMAGE,
  /** The copy-and-paste payload only. */
  PAYLOAD,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixQrCodeFormat from(String raw) {
    return Enums.parse(PixQrCodeFormat.class, raw, UNKNOWN);
  }
}
