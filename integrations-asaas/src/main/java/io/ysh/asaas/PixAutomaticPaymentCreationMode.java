package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Who creates the recurring charges of a Pix Automático authorization (Asaas's schema: {@code PixAutomaticRecurringPaymentCreationMode}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixAutomaticPaymentCreationMode {
  /** You create each charge with the authorization's id (Asaas's default). */
  MANUAL,
  /** Asaas creates a subscription that generates them. */
  SUBSCRIPTION,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixAutomaticPaymentCreationMode from(String raw) {
    return Enums.parse(PixAutomaticPaymentCreationMode.class, raw, UNKNOWN);
  }
}
