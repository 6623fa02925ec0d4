package io.ysh.aneel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The surcharge a resolution set for a flag, from a start date.
 *
 * @param generatedOn {@code DatGeracaoConjuntoDados}, or null when absent
 * @param resolution {@code DscResolucao}
 * @param validFrom {@code DatVigencia}
 * @param flag {@code NomBandeiraAcionada}
 * @param surchargePerMwh {@code VlrAdicionalBandeiraRSMWh}, R$/MWh
 */
public record TariffFlagSurcharge(LocalDate generatedOn, String resolution, LocalDate validFrom, TariffFlag flag, BigDecimal surchargePerMwh) {

  static final List<String> COLUMNS = List.of("DscResolucao", "DatVigencia", "NomBandeiraAcionada", "VlrAdicionalBandeiraRSMWh");

  /**
   * Checks the components.
   *
   * @param generatedOn see the record
   * @param resolution see the record
   * @param validFrom see the record
   * @param flag see the record
   * @param surchargePerMwh see the record
   */
  public TariffFlagSurcharge {
    Objects.requireNonNull(validFrom, "validFrom");
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

  static TariffFlagSurcharge fromRow(Row r) {
    TariffFlag flag;
    try {
      flag = TariffFlag.fromText(r.text("NomBandeiraAcionada"));
    } catch (AneelException e) {
      throw r.invalid("NomBandeiraAcionada", r.text("NomBandeiraAcionada"), "a tariff flag");
    }
    return new TariffFlagSurcharge(
        r.dateOrNull("DatGeracaoConjuntoDados"), r.text("DscResolucao"), r.date("DatVigencia"), flag, r.decimal("VlrAdicionalBandeiraRSMWh"));
  }
}
