package io.ysh.aneel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One row of ANEEL's tariff components ({@code componentes-tarifarias}): the value of one
 * component (TUSD Fio B, TE energy, a sector charge…) of one tariff, in the long format ANEEL
 * publishes it. Text is kept as written ("Não se aplica" is a value); the value is in R$ per
 * {@link #unit()}, with trailing zeros stripped so that a row read from the CSV and the same row
 * read from the Parquet file are equal.
 *
 * <p>Columns, as in ANEEL's data dictionary {@code dm-componentes-tarifarias} (version 1.0,
 * 2023-08-25): {@code DatGeracaoConjuntoDados, DscResolucaoHomologatoria, SigAgente, NumCPFCNPJ,
 * DatInicioVigencia, DatFimVigencia, DscBaseTarifaria, DscSubGrupoTarifario,
 * DscModalidadeTarifaria, DscClasseConsumidor, DscSubClasseConsumidor, DscDetalheConsumidor,
 * DscPostoTarifario, DscUnidade, SigAgenteAcessante, DscComponenteTarifario,
 * VlrComponenteTarifario}. The published files name the acronym column {@code SigNomeAgente};
 * either spelling is read. Any other difference from that header fails with
 * {@link AneelException.Problem#MISSING_COLUMN} naming the columns that are missing and those
 * that are not in the dictionary.
 *
 * @param generatedOn {@code DatGeracaoConjuntoDados}, or null when empty
 * @param resolution {@code DscResolucaoHomologatoria}, the homologation resolution (REH); may be empty
 * @param distributorAcronym {@code SigNomeAgente} (the dictionary's {@code SigAgente}): the
 *     acronym the distributor bore for this row
 * @param distributorCnpj {@code NumCPFCNPJ}, 14 characters with leading zeros
 * @param validFrom {@code DatInicioVigencia}
 * @param validTo {@code DatFimVigencia}, inclusive
 * @param tariffBase {@code DscBaseTarifaria}: "Tarifa de Aplicação", "Base Econômica" or "CVA"
 * @param subgroup {@code DscSubGrupoTarifario} (B1, A4…; case normalised as in {@link TariffRecord})
 * @param modality {@code DscModalidadeTarifaria}
 * @param consumerClass {@code DscClasseConsumidor}
 * @param subclass {@code DscSubClasseConsumidor}
 * @param detail {@code DscDetalheConsumidor} (Não se aplica, SCEE…)
 * @param post {@code DscPostoTarifario}
 * @param unit {@code DscUnidade} ("R$/MWh" or "R$/kW")
 * @param accessor {@code SigAgenteAcessante}; may be empty
 * @param component {@code DscComponenteTarifario}, such as {@value #TUSD_FIO_B}
 * @param value {@code VlrComponenteTarifario}, R$ per unit, trailing zeros stripped
 */
public record TariffComponent(
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
    String component,
    BigDecimal value) {

  /** The TUSD "Fio B" component: the distributor's own wires, what Lei 14.300 charges on compensated energy. */
  public static final String TUSD_FIO_B = "TUSD_FioB";

  /** The TUSD "Fio A" component: transmission and other distributors' wires. */
  public static final String TUSD_FIO_A = "TUSD_FioA";

  /** The whole TUSD, as a component row. */
  public static final String TUSD = "TUSD";

  /** The whole TE, as a component row. */
  public static final String TE = "TE";

  /** The acronym column as the published files name it. */
  static final String ACRONYM = "SigNomeAgente";

  /** The acronym column as the data dictionary names it. */
  static final String ACRONYM_DICTIONARY = "SigAgente";

  /** The dictionary's columns, with the acronym column as published. */
  static final List<String> COLUMNS =
      List.of(
          "DatGeracaoConjuntoDados",
          "DscResolucaoHomologatoria",
          ACRONYM,
          "NumCPFCNPJ",
          "DatInicioVigencia",
          "DatFimVigencia",
          "DscBaseTarifaria",
          "DscSubGrupoTarifario",
          "DscModalidadeTarifaria",
          "DscClasseConsumidor",
          "DscSubClasseConsumidor",
          "DscDetalheConsumidor",
          "DscPostoTarifario",
          "DscUnidade",
          "SigAgenteAcessante",
          "DscComponenteTarifario",
          "VlrComponenteTarifario");

  /**
   * Checks the required components and strips the value's trailing zeros.
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
   * @param component see the record
   * @param value see the record
   */
  public TariffComponent {
    Objects.requireNonNull(distributorCnpj, "distributorCnpj");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validTo, "validTo");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(value, "value");
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  /**
   * Whether this is a "Tarifa de Aplicação" row (what is billed).
   *
   * @return true for the billed tariff
   */
  public boolean isApplicationTariff() {
    return Texts.key(TariffRecord.APPLICATION_TARIFF).equals(Texts.key(tariffBase));
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

  /**
   * Whether this row is the given component, ignoring case ({@code "TUSD_FioB"}).
   *
   * @param name the component name
   * @return true when it matches
   */
  public boolean is(String name) {
    return component.equalsIgnoreCase(name);
  }

  static TariffComponent fromRow(Row r) {
    String acronym = r.has(ACRONYM) ? r.text(ACRONYM) : r.text(ACRONYM_DICTIONARY);
    return new TariffComponent(
        r.dateOrNull("DatGeracaoConjuntoDados"),
        r.text("DscResolucaoHomologatoria"),
        acronym,
        Texts.cnpj(r.text("NumCPFCNPJ")),
        r.date("DatInicioVigencia"),
        r.date("DatFimVigencia"),
        r.text("DscBaseTarifaria"),
        Texts.subgroup(r.text("DscSubGrupoTarifario")),
        r.text("DscModalidadeTarifaria"),
        r.text("DscClasseConsumidor"),
        r.text("DscSubClasseConsumidor"),
        r.text("DscDetalheConsumidor"),
        r.text("DscPostoTarifario"),
        TariffUnit.fromText(r.text("DscUnidade")),
        r.text("SigAgenteAcessante"),
        r.text("DscComponenteTarifario"),
        componentValue(r));
  }

  /**
   * The published files write the value with a decimal comma ({@code "214,535600374"}) or, in
   * some years and in exports, a decimal point ({@code "214.53560037400001"}); DuckDB writes a
   * tiny DOUBLE with an exponent ({@code "1e-05"}). The dataset never
   * uses thousands separators, so a lone dot is a decimal point here (unlike the tariffs table,
   * where {@link Decimals} reads a dot as a thousands separator).
   */
  private static BigDecimal componentValue(Row r) {
    String s = r.text("VlrComponenteTarifario");
    boolean pointOrExponent = s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0;
    if (s.indexOf(',') >= 0 || !pointOrExponent) {
      BigDecimal v = Decimals.parseOrNull(s);
      if (v == null) {
        throw r.invalid("VlrComponenteTarifario", s, "a decimal such as \"214,535600374\"");
      }
      return v;
    }
    try {
      String t = s.strip();
      if (t.isEmpty() || t.chars().anyMatch(c -> !(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E')) {
        throw new NumberFormatException(t);
      }
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      throw r.invalid("VlrComponenteTarifario", s, "a decimal such as \"214,535600374\"");
    }
  }
}
