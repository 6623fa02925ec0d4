package io.ysh.aneel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One distributed-generation installation (micro/mini geração distribuída), with the columns
 * that matter for a solar market; the file has 33. Null components are what the file leaves
 * empty: ANEEL's file has rows with no acronym, no UF or municipality, and 1900 placeholder dates
 * (read as null).
 *
 * @param generatedOn {@code DatGeracaoConjuntoDados}, or null
 * @param distributorCnpj {@code NumCNPJDistribuidora}, 14 characters with leading zeros
 * @param distributorAcronym {@code SigAgente}, or null
 * @param uf {@code SigUF}, or null
 * @param municipality {@code NomMunicipio}, or null
 * @param ibgeCode {@code CodMunicipioIbge}, or null
 * @param consumerClass {@code DscClasseConsumo} (Residencial, Comercial, Rural…), or null
 * @param subgroup {@code DscSubGrupoTarifario} (B1, A4…; "A3A" read as "A3a"), or null
 * @param consumerType {@code SigTipoConsumidor} (PF, PJ), or null
 * @param unitCode {@code CodEmpreendimento} (GD.AC.000.000.590), or null
 * @param lastUpdate {@code DthAtualizaCadastralEmpreend}, or null (also for 1900 placeholders)
 * @param modality {@code DscModalidadeHabilitado} (Geracao na propria UC, Auto consumo remoto…), or null
 * @param creditReceivingUnits {@code QtdUCRecebeCredito}, or null
 * @param generationType {@code SigTipoGeracao} (UFV = solar photovoltaic, EOL, UTE, CGH), or null
 * @param source {@code DscFonteGeracao} (Radiação solar…), or null
 * @param size {@code DscPorte} (Microgeracao, Minigeracao), or null
 * @param latitude {@code NumCoordNEmpreendimento}, degrees, or null
 * @param longitude {@code NumCoordEEmpreendimento}, degrees, or null
 * @param installedKw {@code MdaPotenciaInstaladaKW}, kW
 */
public record DistributedGenerationUnit(
    LocalDate generatedOn,
    String distributorCnpj,
    String distributorAcronym,
    String uf,
    String municipality,
    String ibgeCode,
    String consumerClass,
    String subgroup,
    String consumerType,
    String unitCode,
    LocalDate lastUpdate,
    String modality,
    Integer creditReceivingUnits,
    String generationType,
    String source,
    String size,
    BigDecimal latitude,
    BigDecimal longitude,
    BigDecimal installedKw) {

  static final List<String> COLUMNS =
      List.of(
          "NumCNPJDistribuidora",
          "SigUF",
          "NomMunicipio",
          "CodMunicipioIbge",
          "DscClasseConsumo",
          "DscSubGrupoTarifario",
          "CodEmpreendimento",
          "DthAtualizaCadastralEmpreend",
          "DscModalidadeHabilitado",
          "SigTipoGeracao",
          "DscFonteGeracao",
          "NumCoordNEmpreendimento",
          "NumCoordEEmpreendimento",
          "MdaPotenciaInstaladaKW");

  /**
   * Checks the components that must be present.
   *
   * @param generatedOn see the record
   * @param distributorCnpj see the record
   * @param distributorAcronym see the record
   * @param uf see the record
   * @param municipality see the record
   * @param ibgeCode see the record
   * @param consumerClass see the record
   * @param subgroup see the record
   * @param consumerType see the record
   * @param unitCode see the record
   * @param lastUpdate see the record
   * @param modality see the record
   * @param creditReceivingUnits see the record
   * @param generationType see the record
   * @param source see the record
   * @param size see the record
   * @param latitude see the record
   * @param longitude see the record
   * @param installedKw see the record
   */
  public DistributedGenerationUnit {
    Objects.requireNonNull(distributorCnpj, "distributorCnpj");
    Objects.requireNonNull(installedKw, "installedKw");
  }

  /**
   * Whether the unit is solar photovoltaic ({@code SigTipoGeracao} UFV).
   *
   * @return true for UFV
   */
  public boolean isSolar() {
    return "UFV".equalsIgnoreCase(generationType);
  }

  static DistributedGenerationUnit fromRow(Row r) {
    LocalDate updated = r.dateOrNull("DthAtualizaCadastralEmpreend");
    if (updated != null && updated.getYear() <= 1900) {
      updated = null;
    }
    String credits = r.textOrNull("QtdUCRecebeCredito");
    Integer creditUnits = null;
    if (credits != null) {
      BigDecimal c = Decimals.parseOrNull(credits);
      if (c == null) {
        throw r.invalid("QtdUCRecebeCredito", credits, "a whole number");
      }
      creditUnits = c.intValue();
    }
    String subgroup = r.textOrNull("DscSubGrupoTarifario");
    return new DistributedGenerationUnit(
        r.dateOrNull("DatGeracaoConjuntoDados"),
        Texts.cnpj(r.text("NumCNPJDistribuidora")),
        r.textOrNull("SigAgente"),
        r.textOrNull("SigUF"),
        r.textOrNull("NomMunicipio"),
        r.textOrNull("CodMunicipioIbge"),
        r.textOrNull("DscClasseConsumo"),
        subgroup == null ? null : Texts.subgroup(subgroup),
        r.textOrNull("SigTipoConsumidor"),
        r.textOrNull("CodEmpreendimento"),
        updated,
        r.textOrNull("DscModalidadeHabilitado"),
        creditUnits,
        r.textOrNull("SigTipoGeracao"),
        r.textOrNull("DscFonteGeracao"),
        r.textOrNull("DscPorte"),
        r.decimalOrNull("NumCoordNEmpreendimento"),
        r.decimalOrNull("NumCoordEEmpreendimento"),
        r.decimal("MdaPotenciaInstaladaKW"));
  }
}
