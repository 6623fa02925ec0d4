package io.ysh.aneel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The taxes a caller supplies for a gross-up: ICMS (by state and class), PIS and COFINS
 * (monthly, per distributor). ANEEL's tariffs exclude them. Rates are fractions: 18% is
 * {@code 0.18}.
 *
 * @param icms the ICMS rate, in [0, 1)
 * @param pis the PIS/PASEP rate, in [0, 1)
 * @param cofins the COFINS rate, in [0, 1), with {@code pis + cofins < 1}
 */
public record Taxes(BigDecimal icms, BigDecimal pis, BigDecimal cofins) {

  /** Scale of grossed-up prices in R$/kWh. */
  public static final int SCALE = 8;

  /**
   * Validates the rates.
   *
   * @param icms see the record
   * @param pis see the record
   * @param cofins see the record
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} for a rate outside [0, 1)
   */
  public Taxes {
    check(icms, "icms");
    check(pis, "pis");
    check(cofins, "cofins");
    if (pis.add(cofins).compareTo(BigDecimal.ONE) >= 0) {
      throw io.ysh.core.YshException.invalidArgument("pis + cofins must be below 1");
    }
  }

  /**
   * Rates given in percent, as bills print them.
   *
   * @param icmsPercent such as {@code "18"}
   * @param pisPercent such as {@code "1.65"}
   * @param cofinsPercent such as {@code "7.6"}
   * @return the taxes
   */
  public static Taxes percent(String icmsPercent, String pisPercent, String cofinsPercent) {
    return new Taxes(
        new BigDecimal(icmsPercent).movePointLeft(2), new BigDecimal(pisPercent).movePointLeft(2), new BigDecimal(cofinsPercent).movePointLeft(2));
  }

  /**
   * Grosses a price up "por dentro": {@code T / ((1 − PIS − COFINS) × (1 − ICMS))}, the way
   * Brazilian bills include the taxes in their own base.
   *
   * @param price the price before taxes
   * @return the price with taxes, {@link #SCALE} decimals, rounded half up
   */
  public BigDecimal grossUp(BigDecimal price) {
    BigDecimal divisor = BigDecimal.ONE.subtract(pis).subtract(cofins).multiply(BigDecimal.ONE.subtract(icms));
    return price.divide(divisor, MathContext.DECIMAL128).setScale(SCALE, RoundingMode.HALF_UP);
  }

  private static void check(BigDecimal rate, String name) {
    Objects.requireNonNull(rate, name);
    if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
      throw io.ysh.core.YshException.invalidArgument(name + " must be a fraction in [0, 1), such as 0.18 for 18%");
    }
  }
}
