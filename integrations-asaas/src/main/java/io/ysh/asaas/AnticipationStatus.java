package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The status of an anticipation (official schema: {@code AnticipationGetResponseAnticipationStatus}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}.
 */
public enum AnticipationStatus {
  /** Requested, under analysis. */
  PENDING,
  /** Refused; {@link Anticipation#denialObservation()} says why. */
  DENIED,
  /** Credited to the balance. */
  CREDITED,
  /** Paid back: the anticipated payment was received and the anticipated value debited. */
  DEBITED,
  /** Cancelled. */
  CANCELLED,
  /** The anticipated payment is overdue. */
  OVERDUE,
  /** Scheduled to be credited. */
  SCHEDULED,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static AnticipationStatus from(String raw) {
    return Enums.parse(AnticipationStatus.class, raw, UNKNOWN);
  }
}
