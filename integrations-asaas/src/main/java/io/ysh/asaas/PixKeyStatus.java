package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of one of the account's Pix address keys (official schema: {@code PixAddressKeyGetResponsePixAddressKeyStatus}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixKeyStatus {
  /** Being registered in the DICT. */
  AWAITING_ACTIVATION,
  /** Receives payments. */
  ACTIVE,
  /** Being removed. */
  AWAITING_DELETION,
  /** Removed with the account. */
  AWAITING_ACCOUNT_DELETION,
  /** Removed. */
  DELETED,
  /** Registration failed. */
  ERROR,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixKeyStatus from(String raw) {
    return Enums.parse(PixKeyStatus.class, raw, UNKNOWN);
  }
}
