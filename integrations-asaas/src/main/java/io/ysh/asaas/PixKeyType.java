package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The kind of a PIX address key.
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixKeyType {
  /** A CPF. */
  CPF,
  /** A CNPJ. */
  CNPJ,
  /** An e-mail address. */
  EMAIL,
  /** A phone number. */
  PHONE,
  /** A random key. */
  EVP,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixKeyType from(String raw) {
    return Enums.parse(PixKeyType.class, raw, UNKNOWN);
  }
}
