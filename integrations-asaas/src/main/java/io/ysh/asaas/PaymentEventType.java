package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The payment events Asaas sends. A {@code PAYMENT_…} event this SDK does not know is
 * {@link #UNKNOWN}; {@link PaymentEvent#rawEvent()} keeps its name.
 */
public enum PaymentEventType {
  /** {@code PAYMENT_CREATED}. */
  PAYMENT_CREATED,
  /** {@code PAYMENT_AWAITING_RISK_ANALYSIS}. */
  PAYMENT_AWAITING_RISK_ANALYSIS,
  /** {@code PAYMENT_APPROVED_BY_RISK_ANALYSIS}. */
  PAYMENT_APPROVED_BY_RISK_ANALYSIS,
  /** {@code PAYMENT_REPROVED_BY_RISK_ANALYSIS}. */
  PAYMENT_REPROVED_BY_RISK_ANALYSIS,
  /** {@code PAYMENT_AUTHORIZED}. */
  PAYMENT_AUTHORIZED,
  /** {@code PAYMENT_UPDATED}. */
  PAYMENT_UPDATED,
  /** {@code PAYMENT_CONFIRMED}. */
  PAYMENT_CONFIRMED,
  /** {@code PAYMENT_RECEIVED}. */
  PAYMENT_RECEIVED,
  /** {@code PAYMENT_CREDIT_CARD_CAPTURE_REFUSED}. */
  PAYMENT_CREDIT_CARD_CAPTURE_REFUSED,
  /** {@code PAYMENT_ANTICIPATED}. */
  PAYMENT_ANTICIPATED,
  /** {@code PAYMENT_OVERDUE}. */
  PAYMENT_OVERDUE,
  /** {@code PAYMENT_DELETED}. */
  PAYMENT_DELETED,
  /** {@code PAYMENT_RESTORED}. */
  PAYMENT_RESTORED,
  /** {@code PAYMENT_REFUNDED}. */
  PAYMENT_REFUNDED,
  /** {@code PAYMENT_PARTIALLY_REFUNDED}. */
  PAYMENT_PARTIALLY_REFUNDED,
  /** {@code PAYMENT_REFUND_IN_PROGRESS}. */
  PAYMENT_REFUND_IN_PROGRESS,
  /** {@code PAYMENT_REFUND_DENIED}. */
  PAYMENT_REFUND_DENIED,
  /** {@code PAYMENT_RECEIVED_IN_CASH_UNDONE}. */
  PAYMENT_RECEIVED_IN_CASH_UNDONE,
  /** {@code PAYMENT_CHARGEBACK_REQUESTED}. */
  PAYMENT_CHARGEBACK_REQUESTED,
  /** {@code PAYMENT_CHARGEBACK_DISPUTE}. */
  PAYMENT_CHARGEBACK_DISPUTE,
  /** {@code PAYMENT_AWAITING_CHARGEBACK_REVERSAL}. */
  PAYMENT_AWAITING_CHARGEBACK_REVERSAL,
  /** {@code PAYMENT_DUNNING_RECEIVED}. */
  PAYMENT_DUNNING_RECEIVED,
  /** {@code PAYMENT_DUNNING_REQUESTED}. */
  PAYMENT_DUNNING_REQUESTED,
  /** {@code PAYMENT_BANK_SLIP_VIEWED}. */
  PAYMENT_BANK_SLIP_VIEWED,
  /** {@code PAYMENT_CHECKOUT_VIEWED}. */
  PAYMENT_CHECKOUT_VIEWED,
  /** {@code PAYMENT_SPLIT_CANCELLED}. */
  PAYMENT_SPLIT_CANCELLED,
  /** {@code PAYMENT_SPLIT_DIVERGENCE_BLOCK}. */
  PAYMENT_SPLIT_DIVERGENCE_BLOCK,
  /** {@code PAYMENT_SPLIT_DIVERGENCE_BLOCK_FINISHED}. */
  PAYMENT_SPLIT_DIVERGENCE_BLOCK_FINISHED,
  /** A payment event this SDK version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses an event name leniently.
   *
   * @param raw the event name
   * @return the constant, {@link #UNKNOWN} for an unknown name, or null for null
   */
  public static PaymentEventType from(String raw) {
    return Enums.parse(PaymentEventType.class, raw, UNKNOWN);
  }
}
