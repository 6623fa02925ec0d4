package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The Pix Automático webhook events (docs.asaas.com "Eventos para Pix Automático").
 *
 * <p>Tolerant of values this SDK version does not know: a {@code PIX_AUTOMATIC_RECURRING_…} name
 * not listed here reads as {@link #UNKNOWN}, and the event keeps the raw name.
 */
public enum PixAutomaticEventType {
  /** The account's eligibility changed (subaccount operations). */
  PIX_AUTOMATIC_RECURRING_ELIGIBILITY_UPDATED,
  /** An authorization was created. */
  PIX_AUTOMATIC_RECURRING_AUTHORIZATION_CREATED,
  /** An authorization became active (its first payment was settled). */
  PIX_AUTOMATIC_RECURRING_AUTHORIZATION_ACTIVATED,
  /** An authorization was cancelled. */
  PIX_AUTOMATIC_RECURRING_AUTHORIZATION_CANCELLED,
  /** An authorization expired for lack of payment. */
  PIX_AUTOMATIC_RECURRING_AUTHORIZATION_EXPIRED,
  /** The payer's bank refused an authorization. */
  PIX_AUTOMATIC_RECURRING_AUTHORIZATION_REFUSED,
  /** A payment instruction was created. */
  PIX_AUTOMATIC_RECURRING_PAYMENT_INSTRUCTION_CREATED,
  /** A payment instruction was scheduled at the payer's bank. */
  PIX_AUTOMATIC_RECURRING_PAYMENT_INSTRUCTION_SCHEDULED,
  /** A payment instruction was refused. */
  PIX_AUTOMATIC_RECURRING_PAYMENT_INSTRUCTION_REFUSED,
  /** A payment instruction was cancelled. */
  PIX_AUTOMATIC_RECURRING_PAYMENT_INSTRUCTION_CANCELLED,
  /** A value this SDK version does not know; see {@link PixAutomaticEvent#rawEvent()}. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixAutomaticEventType from(String raw) {
    return Enums.parse(PixAutomaticEventType.class, raw, UNKNOWN);
  }
}
