package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The anticipation events Asaas sends (docs.asaas.com "Eventos para antecipações" / "Receivable
 * anticipation events" lists these seven names). A {@code RECEIVABLE_ANTICIPATION_…} event this
 * SDK does not know is {@link #UNKNOWN}; {@link AnticipationEvent#rawEvent()} keeps its name.
 */
public enum AnticipationEventType {
  /** {@code RECEIVABLE_ANTICIPATION_CANCELLED}: an anticipation was cancelled. */
  RECEIVABLE_ANTICIPATION_CANCELLED,
  /** {@code RECEIVABLE_ANTICIPATION_SCHEDULED}: an anticipation was scheduled. */
  RECEIVABLE_ANTICIPATION_SCHEDULED,
  /** {@code RECEIVABLE_ANTICIPATION_PENDING}: an anticipation is under review. */
  RECEIVABLE_ANTICIPATION_PENDING,
  /** {@code RECEIVABLE_ANTICIPATION_CREDITED}: an anticipation was credited to the balance. */
  RECEIVABLE_ANTICIPATION_CREDITED,
  /** {@code RECEIVABLE_ANTICIPATION_DEBITED}: an anticipation was debited back (the payment was received). */
  RECEIVABLE_ANTICIPATION_DEBITED,
  /** {@code RECEIVABLE_ANTICIPATION_DENIED}: an anticipation request was denied. */
  RECEIVABLE_ANTICIPATION_DENIED,
  /** {@code RECEIVABLE_ANTICIPATION_OVERDUE}: an anticipation is overdue. */
  RECEIVABLE_ANTICIPATION_OVERDUE,
  /** An anticipation event this SDK version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses an event name leniently.
   *
   * @param raw the event name
   * @return the constant, {@link #UNKNOWN} for an unknown name, or null for null
   */
  public static AnticipationEventType from(String raw) {
    return Enums.parse(AnticipationEventType.class, raw, UNKNOWN);
  }
}
