package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a Pix Automático authorization (docs.asaas.com "Listar autorizações") (Asaas's schema: {@code PixReceiverAutomaticRecurringAuthorizationStatus}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixAutomaticAuthorizationStatus {
  /** Created; the immediate QR code has not been paid yet. */
  CREATED,
  /** The first payment was made and the payer authorized the recurring debits. */
  ACTIVE,
  /** The QR code expired unpaid or the payer did not complete the authorization. */
  REFUSED,
  /** Cancelled. */
  CANCELLED,
  /** Past its {@code finishDate}. */
  EXPIRED,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixAutomaticAuthorizationStatus from(String raw) {
    return Enums.parse(PixAutomaticAuthorizationStatus.class, raw, UNKNOWN);
  }
}
