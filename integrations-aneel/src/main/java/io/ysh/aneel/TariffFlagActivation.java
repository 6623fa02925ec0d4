package io.ysh.aneel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The flag ANEEL activated for one month, with its surcharge.
 *
 * @param generatedOn {@code DatGeracaoConjuntoDados}, or null when absent
 * @param month {@code DatCompetencia}, the billing month
 * @param flag {@code NomBandeiraAcionada}
 * @param surchargePerMwh {@code VlrAdicionalBandeira} in R$/MWh (ANEEL's dictionary says R$/kWh;
 *     the values are per MWh: Amarela 18,85 is R$ 0,01885/kWh)
 */
public record TariffFlagActivation(LocalDate generatedOn, YearMonth month, TariffFlag flag, BigDecimal surchargePerMwh) {

  static final List<String> COLUMNS = List.of("DatCompetencia", "NomBandeiraAcionada", "VlrAdicionalBandeira");

  /**
   * Checks the components.
   *
   * @param generatedOn see the record
   * @param month see the record
   * @param flag see the record
   * @param surchargePerMwh see the record
   */
  public TariffFlagActivation {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(surchargePerMwh, "surchargePerMwh");
  }

  /**
   * The surcharge per kWh.
   *
   * @return {@code surchargePerMwh / 1000}, exact
   */
  public BigDecimal surchargePerKwh() {
    return surchargePerMwh.movePointLeft(3);
  }

  static TariffFlagActivation fromRow(Row r) {
    String m = r.text("DatCompetencia");
    YearMonth month = IsoDates.monthOrNull(m);
    if (month == null) {
      throw r.invalid("DatCompetencia", m, "a month such as \"2026-05-01\"");
    }
    TariffFlag flag;
    try {
      flag = TariffFlag.fromText(r.text("NomBandeiraAcionada"));
    } catch (AneelException e) {
      throw r.invalid("NomBandeiraAcionada", r.text("NomBandeiraAcionada"), "a tariff flag");
    }
    return new TariffFlagActivation(r.dateOrNull("DatGeracaoConjuntoDados"), month, flag, r.decimal("VlrAdicionalBandeira"));
  }
}
