package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The life cycle of a charge. There is no CANCELED: deleting a payment cancels it (see {@code deleted}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PaymentStatus {
  /** Waiting for payment. */
  PENDING,
  /** Paid and credited (boleto, PIX). */
  RECEIVED,
  /** Paid, credit pending (card). */
  CONFIRMED,
  /** Past due and unpaid. */
  OVERDUE,
  /** Refunded. */
  REFUNDED,
  /** Marked as received outside Asaas. */
  RECEIVED_IN_CASH,
  /** Refund requested. */
  REFUND_REQUESTED,
  /** Refund being processed. */
  REFUND_IN_PROGRESS,
  /** Chargeback received. */
  CHARGEBACK_REQUESTED,
  /** Chargeback under dispute. */
  CHARGEBACK_DISPUTE,
  /** Dispute won, waiting for the reversal. */
  AWAITING_CHARGEBACK_REVERSAL,
  /** Sent to dunning (negativação). */
  DUNNING_REQUESTED,
  /** Recovered through dunning. */
  DUNNING_RECEIVED,
  /** Card payment held for risk analysis. */
  AWAITING_RISK_ANALYSIS,
  /** Card pre-authorization, not captured yet. */
  AUTHORIZED,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PaymentStatus from(String raw) {
    return Enums.parse(PaymentStatus.class, raw, UNKNOWN);
  }
}
