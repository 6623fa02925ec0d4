package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How a discount or fine value is expressed.
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum DiscountType {
  /** An amount in reais. */
  FIXED,
  /** A percentage of the payment's value. */
  PERCENTAGE,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static DiscountType from(String raw) {
    return Enums.parse(DiscountType.class, raw, UNKNOWN);
  }
}
