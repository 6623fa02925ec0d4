package io.ysh.aneel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One row of ANEEL's distributor tariffs, all 17 columns. "Não se aplica" is kept as the text it
 * is (a value, not an absence); TUSD and TE are in R$ per {@link #unit()}.
 *
 * @param generatedOn {@code DatGeracaoConjuntoDados}, the date the file was generated
 * @param resolution {@code DscREH}, the resolution (REH, DESPACHO…); may be empty
 * @param distributorAcronym {@code SigAgente}, the acronym at the time of the row (acronyms
 *     change: the CNPJ is the identity)
 * @param distributorCnpj {@code NumCNPJDistribuidora}, 14 characters with leading zeros
 * @param validFrom {@code DatInicioVigencia}
 * @param validTo {@code DatFimVigencia}, inclusive
 * @param tariffBase {@code DscBaseTarifaria}: "Tarifa de Aplicação" (billed) or "Base Econômica"
 * @param subgroup {@code DscSubGrupo} (B1, B3, A4, A3a…; case normalised as "A3a")
 * @param modality {@code DscModalidadeTarifaria} (Convencional, Branca, Azul, Verde…)
 * @param consumerClass {@code DscClasse} (Residencial, Rural, Não se aplica…)
 * @param subclass {@code DscSubClasse}
 * @param detail {@code DscDetalhe} (Não se aplica, SCEE, APE…)
 * @param post {@code NomPostoTarifario} (Não se aplica, Ponta, Intermediário, Fora ponta)
 * @param unit {@code DscUnidadeTerciaria}
 * @param accessor {@code SigAgenteAcessante}; may be empty
 * @param tusd {@code VlrTUSD}, R$ per unit
 * @param te {@code VlrTE}, R$ per unit (zero on kW rows)
 */
public record TariffRecord(
    LocalDate generatedOn,
    String resolution,
    String distributorAcronym,
    String distributorCnpj,
    LocalDate validFrom,
    LocalDate validTo,
    String tariffBase,
    String subgroup,
    String modality,
    String consumerClass,
    String subclass,
    String detail,
    String post,
    TariffUnit unit,
    String accessor,
    BigDecimal tusd,
    BigDecimal te) {

  /** "Tarifa de Aplicação": the tariff that is billed. */
  public static final String APPLICATION_TARIFF = "Tarifa de Aplicação";

  /** The value ANEEL writes where a dimension does not apply. */
  public static final String NOT_APPLICABLE = "Não se aplica";

  static final List<String> COLUMNS =
      List.of(
          "DatGeracaoConjuntoDados",
          "DscREH",
          "SigAgente",
          "NumCNPJDistribuidora",
          "DatInicioVigencia",
          "DatFimVigencia",
          "DscBaseTarifaria",
          "DscSubGrupo",
          "DscModalidadeTarifaria",
          "DscClasse",
          "DscSubClasse",
          "DscDetalhe",
          "NomPostoTarifario",
          "DscUnidadeTerciaria",
          "SigAgenteAcessante",
          "VlrTUSD",
          "VlrTE");

  /**
   * Checks the components that must be present.
   *
   * @param generatedOn see the record
   * @param resolution see the record
   * @param distributorAcronym see the record
   * @param distributorCnpj see the record
   * @param validFrom see the record
   * @param validTo see the record
   * @param tariffBase see the record
   * @param subgroup see the record
   * @param modality see the record
   * @param consumerClass see the record
   * @param subclass see the record
   * @param detail see the record
   * @param post see the record
   * @param unit see the record
   * @param accessor see the record
   * @param tusd see the record
   * @param te see the record
   */
  public TariffRecord {
    Objects.requireNonNull(distributorCnpj, "distributorCnpj");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validTo, "validTo");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(tusd, "tusd");
    Objects.requireNonNull(te, "te");
  }

  /**
   * Whether this is a "Tarifa de Aplicação" row (what is billed), as opposed to "Base Econômica".
   *
   * @return true for the billed tariff
   */
  public boolean isApplicationTariff() {
    return Texts.key(APPLICATION_TARIFF).equals(Texts.key(tariffBase));
  }

  /**
   * Whether ANEEL homologated values for this row: {@code ,00} in both TUSD and TE means not.
   *
   * @return false when both values are zero
   */
  public boolean isHomologated() {
    return tusd.signum() != 0 || te.signum() != 0;
  }

  /**
   * Whether the row is in force on a date (both ends inclusive).
   *
   * @param date the date
   * @return true when {@code validFrom <= date <= validTo}
   */
  public boolean covers(LocalDate date) {
    return !date.isBefore(validFrom) && !date.isAfter(validTo);
  }

  static TariffRecord fromRow(Row r) {
    return new TariffRecord(
        r.dateOrNull("DatGeracaoConjuntoDados"),
        r.text("DscREH"),
        r.text("SigAgente"),
        Texts.cnpj(r.text("NumCNPJDistribuidora")),
        r.date("DatInicioVigencia"),
        r.date("DatFimVigencia"),
        r.text("DscBaseTarifaria"),
        Texts.subgroup(r.text("DscSubGrupo")),
        r.text("DscModalidadeTarifaria"),
        r.text("DscClasse"),
        r.text("DscSubClasse"),
        r.text("DscDetalhe"),
        r.text("NomPostoTarifario"),
        TariffUnit.fromText(r.text("DscUnidadeTerciaria")),
        r.text("SigAgenteAcessante"),
        r.decimal("VlrTUSD"),
        r.decimal("VlrTE"));
  }
}
