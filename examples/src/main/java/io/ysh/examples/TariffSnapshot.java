package io.ysh.examples;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The B1 residential energy price of one distributor on one day, as cached: small, JSON-friendly,
 * and enough to quote from.
 *
 * @param distributorAcronym the distributor's acronym, such as {@code CEMIG-D}
 * @param distributorCnpj its CNPJ (14 digits)
 * @param date the day priced
 * @param resolution the homologation resolution (REH) of the tariff row used
 * @param tusdPerMwh TUSD, R$/MWh
 * @param tePerMwh TE, R$/MWh
 * @param flag the tariff flag in force that month, such as {@code Amarela}
 * @param flagPerMwh the flag surcharge, R$/MWh
 * @param totalPerKwh {@code (TUSD + TE + flag) / 1000}, R$/kWh before taxes
 * @param fioBPerMwh the distributor's TUSD Fio B from ANEEL's tariff components, R$/MWh, or null
 *     when the components do not have it
 * @param fioBSource where {@code fioBPerMwh} comes from (the resolution and period of the
 *     component row), or why there is none
 */
public record TariffSnapshot(
    String distributorAcronym,
    String distributorCnpj,
    LocalDate date,
    String resolution,
    BigDecimal tusdPerMwh,
    BigDecimal tePerMwh,
    String flag,
    BigDecimal flagPerMwh,
    BigDecimal totalPerKwh,
    BigDecimal fioBPerMwh,
    String fioBSource) {}
