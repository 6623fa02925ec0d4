package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Whether a refused Pix Automático debit may be retried (Asaas's schema: {@code PixAutomaticRecurringAuthorizationRetryPolicy}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixAutomaticRetryPolicy {
  /** No retries. */
  NOT_ALLOWED,
  /** Up to three retries within seven days of the due date. */
  ALLOW_THREE_IN_SEVEN_DAYS,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixAutomaticRetryPolicy from(String raw) {
    return Enums.parse(PixAutomaticRetryPolicy.class, raw, UNKNOWN);
  }
}
