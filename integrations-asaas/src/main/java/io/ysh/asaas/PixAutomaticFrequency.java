package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How often a Pix Automático authorization is debited (Asaas's schema: {@code PixAutomaticRecurringFrequency}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum PixAutomaticFrequency {
  /** Weekly. */
  WEEKLY,
  /** Monthly. */
  MONTHLY,
  /** Every three months. */
  QUARTERLY,
  /** Every six months. */
  SEMIANNUALLY,
  /** Yearly. */
  ANNUALLY,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static PixAutomaticFrequency from(String raw) {
    return Enums.parse(PixAutomaticFrequency.class, raw, UNKNOWN);
  }
}
