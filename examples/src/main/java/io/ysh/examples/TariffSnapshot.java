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
    BigDecimal totalPerKwh) {}
