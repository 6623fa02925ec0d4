package io.ysh.examples.solar;

import io.ysh.aneel.ConnectionType;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a solar quote is computed from.
 *
 * @param monthlyConsumptionKwh the customer's average monthly consumption, kWh (&gt; 0)
 * @param peakSunHours the site's irradiation as peak sun hours per day (HSP, &gt; 0)
 * @param connection the grid connection, which sets the minimum billed energy (30/50/100 kWh)
 * @param tariffPerKwh the energy price billed per kWh, R$/kWh (&gt; 0)
 * @param fioBPerKwh the distributor's TUSD Fio B component, R$/kWh (0 ≤ Fio B ≤ tariff)
 * @param fioBShare the share of Fio B paid on compensated energy under Lei 14.300 (0..1)
 * @param systemPrice the installed system's price (&gt; 0)
 */
public record QuoteInput(
    BigDecimal monthlyConsumptionKwh,
    BigDecimal peakSunHours,
    ConnectionType connection,
    BigDecimal tariffPerKwh,
    BigDecimal fioBPerKwh,
    BigDecimal fioBShare,
    Money systemPrice) {

  /**
   * Validates the input: bad values fail with {@code INVALID_ARGUMENT} naming the field.
   *
   * @param monthlyConsumptionKwh see the record
   * @param peakSunHours see the record
   * @param connection see the record
   * @param tariffPerKwh see the record
   * @param fioBPerKwh see the record
   * @param fioBShare see the record
   * @param systemPrice see the record
   */
  public QuoteInput {
    positive("monthlyConsumptionKwh", monthlyConsumptionKwh);
    positive("peakSunHours", peakSunHours);
    Objects.requireNonNull(connection, "connection");
    positive("tariffPerKwh", tariffPerKwh);
    Objects.requireNonNull(fioBPerKwh, "fioBPerKwh");
    Objects.requireNonNull(fioBShare, "fioBShare");
    Objects.requireNonNull(systemPrice, "systemPrice");
    if (fioBPerKwh.signum() < 0 || fioBPerKwh.compareTo(tariffPerKwh) > 0) {
      // Fio B is one component of the tariff: more than the whole tariff is a unit mix-up (R$/MWh?)
      throw YshException.invalidArgument("fioBPerKwh must be between 0 and tariffPerKwh (R$/kWh), was " + fioBPerKwh);
    }
    if (fioBShare.signum() < 0 || fioBShare.compareTo(BigDecimal.ONE) > 0) {
      throw YshException.invalidArgument("fioBShare must be a fraction between 0 and 1, was " + fioBShare);
    }
    if (!systemPrice.isPositive()) {
      throw YshException.invalidArgument("systemPrice must be positive, was " + systemPrice);
    }
  }

  private static void positive(String field, BigDecimal value) {
    Objects.requireNonNull(value, field);
    if (value.signum() <= 0) {
      throw YshException.invalidArgument(field + " must be positive, was " + value);
    }
  }
}
