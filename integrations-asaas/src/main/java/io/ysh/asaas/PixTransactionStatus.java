package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a Pix transaction (official schema: {@code PixTransactionGetResponsePixTransactionStatus}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixTransactionStatus {
  /** Waiting for the balance check. */
  AWAITING_BALANCE_VALIDATION,
  /** Waiting for the instant-payment account's balance. */
  AWAITING_INSTANT_PAYMENT_ACCOUNT_BALANCE,
  /** Waiting for a critical-action (token) authorization. */
  AWAITING_CRITICAL_ACTION_AUTHORIZATION,
  /** Waiting for the outgoing risk analysis. */
  AWAITING_CHECKOUT_RISK_ANALYSIS_REQUEST,
  /** Waiting for the incoming risk analysis. */
  AWAITING_CASH_IN_RISK_ANALYSIS_REQUEST,
  /** Scheduled for {@code scheduledDate}; cancellable. */
  SCHEDULED,
  /** Waiting to be sent. */
  AWAITING_REQUEST,
  /** Sent to the Central Bank. */
  REQUESTED,
  /** Settled. */
  DONE,
  /** Refused ({@code refusalReason}). */
  REFUSED,
  /** Cancelled. */
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
  public static PixTransactionStatus from(String raw) {
    return Enums.parse(PixTransactionStatus.class, raw, UNKNOWN);
  }
}
