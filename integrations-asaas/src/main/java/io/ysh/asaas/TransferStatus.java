package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A transfer's state.
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum TransferStatus {
  /** Scheduled, not sent yet; may still be cancelled. */
  PENDING,
  /** Sent to the bank. */
  BANK_PROCESSING,
  /** Completed. */
  DONE,
  /** Cancelled. */
  CANCELLED,
  /** Failed (see the failReason). */
  FAILED,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static TransferStatus from(String raw) {
    return Enums.parse(TransferStatus.class, raw, UNKNOWN);
  }
}
