package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The rail a transfer uses.
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum TransferOperationType {
  /** PIX. */
  PIX,
  /** TED bank transfer. */
  TED,
  /** Between Asaas accounts. */
  INTERNAL,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static TransferOperationType from(String raw) {
    return Enums.parse(TransferOperationType.class, raw, UNKNOWN);
  }
}
