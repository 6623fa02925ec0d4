package io.ysh.aneel;

/**
 * What {@link TariffCalculator#price(TariffQuery)} answers: a price, or an explicit statement
 * that it cannot give one without guessing. Switch on the three cases.
 */
public sealed interface EnergyPriceResult permits EnergyPrice, NoTariffInForce, FlagNotPublished {

  /**
   * The query answered.
   *
   * @return the query
   */
  TariffQuery query();
}
