package io.ysh.aneel;

import java.time.YearMonth;
import java.util.Optional;

/**
 * The tariff is known but the month's flag is not published yet (ANEEL often lacks the current
 * month). Nothing is guessed: the price without a flag is here, and so is the latest published
 * flag, for the caller to apply explicitly with {@link EnergyPrice#withFlag}.
 *
 * @param query the query
 * @param month the month whose flag is missing
 * @param priceWithoutFlag the tariff alone
 * @param latestPublished the latest flag published before that month, or null
 */
public record FlagNotPublished(TariffQuery query, YearMonth month, EnergyPrice priceWithoutFlag, TariffFlagActivation latestPublished)
    implements EnergyPriceResult {

  /**
   * The latest flag published before the month.
   *
   * @return the activation, if any
   */
  public Optional<TariffFlagActivation> previous() {
    return Optional.ofNullable(latestPublished);
  }
}
