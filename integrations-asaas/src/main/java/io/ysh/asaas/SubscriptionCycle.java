package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How often a subscription generates a payment.
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum SubscriptionCycle {
  /** Every week. */
  WEEKLY,
  /** Every two weeks. */
  BIWEEKLY,
  /** Every month. */
  MONTHLY,
  /** Every two months. */
  BIMONTHLY,
  /** Every three months. */
  QUARTERLY,
  /** Every six months. */
  SEMIANNUALLY,
  /** Every year. */
  YEARLY,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static SubscriptionCycle from(String raw) {
    return Enums.parse(SubscriptionCycle.class, raw, UNKNOWN);
  }
}
