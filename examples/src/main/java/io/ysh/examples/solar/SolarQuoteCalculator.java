package io.ysh.examples.solar;

import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Sizes a grid-tied PV system for a monthly consumption and prices the bill before and after,
 * under the Brazilian net-metering rules (SCEE, REN 1.000/2021 and Lei 14.300/2022). Pure: no I/O,
 * so it is tested against hand-computed values.
 *
 * <ul>
 *   <li>{@code kWp = consumption / (HSP × 30 days × performance ratio)}, rounded up to 0.01 kWp;
 *   <li>{@code generation = kWp × HSP × 30 × performance ratio};
 *   <li>before: {@code tariff × max(consumption, minimum)} (custo de disponibilidade: 30, 50 or
 *       100 kWh by connection type);
 *   <li>after: the generation offsets consumption, but the billed energy never goes below the
 *       minimum, so {@code compensated = consumption - max(consumption - generation, minimum)}
 *       (never negative; surplus becomes credits, which this monthly view ignores);
 *   <li>Fio B: {@code compensated × share × Fio B} (Lei 14.300: 60% in 2026);
 *   <li>savings {@code = before - after}; simple payback {@code = price / savings}.
 * </ul>
 *
 * <p>Money is rounded half up to the centavo per bill line; kWh to 0.01.
 */
public final class SolarQuoteCalculator {

  /** Days in the monthly figures. */
  public static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);

  /** A typical performance ratio for residential systems (losses in inverter, wiring, heat, dirt). */
  public static final BigDecimal DEFAULT_PERFORMANCE_RATIO = new BigDecimal("0.80");

  private final BigDecimal performanceRatio;

  /** A calculator with the {@linkplain #DEFAULT_PERFORMANCE_RATIO default performance ratio}. */
  public SolarQuoteCalculator() {
    this(DEFAULT_PERFORMANCE_RATIO);
  }

  /**
   * A calculator with another performance ratio.
   *
   * @param performanceRatio a fraction in (0, 1]
   */
  public SolarQuoteCalculator(BigDecimal performanceRatio) {
    if (performanceRatio == null || performanceRatio.signum() <= 0 || performanceRatio.compareTo(BigDecimal.ONE) > 0) {
      throw YshException.invalidArgument("performanceRatio must be in (0, 1], was " + performanceRatio);
    }
    this.performanceRatio = performanceRatio;
  }

  /**
   * Computes a quote.
   *
   * @param in the input
   * @return the quote
   */
  public SolarQuote quote(QuoteInput in) {
    BigDecimal kwhPerKwp = in.peakSunHours().multiply(DAYS_PER_MONTH).multiply(performanceRatio);
    BigDecimal kwp = in.monthlyConsumptionKwh().divide(kwhPerKwp, 2, RoundingMode.UP);
    BigDecimal generation = kwp.multiply(kwhPerKwp).setScale(2, RoundingMode.HALF_UP);

    BigDecimal consumption = in.monthlyConsumptionKwh();
    BigDecimal billedBefore = in.connection().billableKwh(consumption);
    BigDecimal billedAfter = in.connection().billableKwh(consumption.subtract(generation).max(BigDecimal.ZERO));
    BigDecimal compensated = consumption.subtract(billedAfter).max(BigDecimal.ZERO);

    Money before = money(billedBefore.multiply(in.tariffPerKwh()));
    Money energyAfter = money(billedAfter.multiply(in.tariffPerKwh()));
    Money fioB = money(compensated.multiply(in.fioBShare()).multiply(in.fioBPerKwh()));
    Money after = energyAfter.plus(fioB);
    // Rounding per line can, for a tiny compensation, make after exceed before by a centavo.
    Money savings = before.compareTo(after) > 0 ? before.minus(after) : Money.ZERO;
    Optional<BigDecimal> payback =
        savings.isPositive()
            ? Optional.of(in.systemPrice().amount().divide(savings.amount(), 1, RoundingMode.HALF_UP))
            : Optional.empty();
    return new SolarQuote(in, kwp, generation, compensated.setScale(2, RoundingMode.HALF_UP), before, energyAfter, fioB, after, savings, payback);
  }

  private static Money money(BigDecimal amount) {
    return Money.of(amount, RoundingMode.HALF_UP);
  }

  @Override
  public String toString() {
    return "SolarQuoteCalculator[performanceRatio=" + performanceRatio + "]";
  }
}
