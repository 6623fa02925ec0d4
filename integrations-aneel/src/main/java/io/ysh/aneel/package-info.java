/**
 * ANEEL open-data client: CKAN metadata and datastore queries streamed page by page, bulk CSV
 * downloads streamed row by row with conditional GET and an optional local cache, typed records
 * for tariffs, tariff components, tariff flags and distributed generation, the tariff components'
 * Parquet files read through embedded DuckDB ({@link io.ysh.aneel.ParquetComponents}, optional
 * dependency), and a {@link io.ysh.aneel.TariffCalculator} for the effective R$/kWh of a
 * distributor, class and date and the Lei 14.300 Fio B charge from the distributor's own
 * component.
 *
 * <p>Entry points: {@link io.ysh.aneel.AneelClient#builder()} and
 * {@link io.ysh.aneel.TariffCalculator#builder()}.
 */
package io.ysh.aneel;
