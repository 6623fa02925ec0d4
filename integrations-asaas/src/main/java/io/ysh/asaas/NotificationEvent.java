package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * What a customer's notification is about (official schema:
 * {@code NotificationGetResponseNotificationEvent}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}.
 */
public enum NotificationEvent {
  /** A payment was created. */
  PAYMENT_CREATED,
  /** A payment's value or due date changed. */
  PAYMENT_UPDATED,
  /** A payment was received. */
  PAYMENT_RECEIVED,
  /** A payment is overdue ({@code scheduleOffset} days after the due date). */
  PAYMENT_OVERDUE,
  /** A payment is due ({@code scheduleOffset} days before the due date). */
  PAYMENT_DUEDATE_WARNING,
  /** The boleto's digitable line, on the due date, when the customer has not opened it. */
  SEND_LINHA_DIGITAVEL,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static NotificationEvent from(String raw) {
    return Enums.parse(NotificationEvent.class, raw, UNKNOWN);
  }
}
