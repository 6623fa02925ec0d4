package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A subscription's state.
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum SubscriptionStatus {
  /** Generating payments. */
  ACTIVE,
  /** Paused or removed. */
  INACTIVE,
  /** Past its end date or maximum number of payments. */
  EXPIRED,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static SubscriptionStatus from(String raw) {
    return Enums.parse(SubscriptionStatus.class, raw, UNKNOWN);
  }
}
