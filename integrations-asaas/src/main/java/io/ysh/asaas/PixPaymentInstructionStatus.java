package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a Pix Automático payment instruction (docs.asaas.com "Listar instruções de pagamento") (Asaas's schema: {@code PixAutomaticRecurringPaymentInstruction status}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixPaymentInstructionStatus {
  /** Created, waiting to be sent to the payer's bank. */
  AWAITING_REQUEST,
  /** The payer's bank scheduled the debit. */
  SCHEDULED,
  /** Paid. */
  DONE,
  /** Not paid (no balance, or refused by the bank). */
  REFUSED,
  /** Cancelled before it ran. */
  CANCELLED,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixPaymentInstructionStatus from(String raw) {
    return Enums.parse(PixPaymentInstructionStatus.class, raw, UNKNOWN);
  }
}
