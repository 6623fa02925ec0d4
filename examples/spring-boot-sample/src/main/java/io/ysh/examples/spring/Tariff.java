package io.ysh.examples.spring;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The B1 residential energy price of a distributor on a day, as cached in the {@code tariffs}
 * Spring cache (so {@link Serializable}: the starter's cache manager stores values with Java
 * serialization).
 *
 * @param distributor the distributor's acronym, such as {@code CEMIG-D}
 * @param distributorCnpj its CNPJ
 * @param date the day priced
 * @param flag the tariff flag applied that month, or {@code none}
 * @param pricePerKwh TUSD + TE + flag, R$/kWh before taxes
 */
public record Tariff(String distributor, String distributorCnpj, LocalDate date, String flag, BigDecimal pricePerKwh)
    implements Serializable {}
