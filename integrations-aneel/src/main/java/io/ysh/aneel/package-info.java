/**
 * ANEEL open-data client: CKAN metadata and datastore queries streamed page by page, bulk CSV
 * downloads streamed row by row with conditional GET and an optional local cache, typed records
 * for tariffs, tariff flags and distributed generation, and a {@link io.ysh.aneel.TariffCalculator}
 * for the effective R$/kWh of a distributor, class and date.
 *
 * <p>Entry points: {@link io.ysh.aneel.AneelClient#builder()} and
 * {@link io.ysh.aneel.TariffCalculator#builder()}.
 */
package io.ysh.aneel;
