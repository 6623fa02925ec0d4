package io.ysh.examples.solar;

import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A priced solar quote: the system size, what it generates, and the monthly bill before and after.
 *
 * @param input what the quote was computed from
 * @param systemKwp the PV system's peak power, kWp (rounded up to 0.01 so it covers the consumption)
 * @param monthlyGenerationKwh the energy the system generates in a month, kWh
 * @param compensatedKwh the energy the generation offsets on the bill (never bringing the billed
 *     energy below the connection's minimum), kWh
 * @param billBefore the monthly energy bill without the system
 * @param energyAfter the energy still billed with the system (at least the minimum)
 * @param fioBCharge the Lei 14.300 Fio B charge on the compensated energy
 * @param billAfter {@code energyAfter + fioBCharge}
 * @param monthlySavings {@code billBefore - billAfter}, never negative
 * @param paybackMonths {@code systemPrice / monthlySavings} to 0.1 month, empty without savings
 */
public record SolarQuote(
    QuoteInput input,
    BigDecimal systemKwp,
    BigDecimal monthlyGenerationKwh,
    BigDecimal compensatedKwh,
    Money billBefore,
    Money energyAfter,
    Money fioBCharge,
    Money billAfter,
    Money monthlySavings,
    Optional<BigDecimal> paybackMonths) {

  /**
   * The simple payback in years.
   *
   * @return {@code paybackMonths / 12} to 0.1 year, empty without savings
   */
  public Optional<BigDecimal> paybackYears() {
    return paybackMonths.map(m -> m.divide(BigDecimal.valueOf(12), 1, java.math.RoundingMode.HALF_UP));
  }
}
