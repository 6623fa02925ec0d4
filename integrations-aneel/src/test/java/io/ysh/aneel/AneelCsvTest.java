package io.ysh.aneel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reading the real extracts in every format ANEEL has published, and failing loudly on bad files. */
class AneelCsvTest {

  @Test
  void tariffsUtf8FullyQuotedCrlf() {
    List<TariffRecord> rows = Fixtures.read(Fixtures.TARIFFS, AneelDataset.TARIFFS);
    assertThat(rows).hasSize(82);
    TariffRecord first = rows.get(0);
    assertThat(first.distributorAcronym()).isEqualTo("CERES");
    assertThat(first.distributorCnpj()).isEqualTo("31465487000101");
    assertThat(first.tusd()).isEqualByComparingTo("0").hasScaleOf(2);
    assertThat(first.isHomologated()).isFalse();
    assertThat(first.consumerClass()).isEqualTo("Rural");
    assertThat(first.subclass()).isEqualTo("Cooperativa de eletrificação rural");
    TariffRecord rge = rows.get(1);
    assertThat(rge.distributorCnpj()).isEqualTo("02016440000162"); // leading zero kept
    assertThat(rge.tusd()).isEqualByComparingTo("250.50");
    assertThat(rge.te()).isEqualByComparingTo("296.82");
    assertThat(rge.validFrom()).isEqualTo(LocalDate.of(2018, 4, 19));
    assertThat(rge.unit()).isEqualTo(TariffUnit.MWH);
    assertThat(rge.isApplicationTariff()).isTrue();
    assertThat(rows).filteredOn(r -> r.unit() == TariffUnit.KW).singleElement().satisfies(kw -> {
      assertThat(kw.subgroup()).isEqualTo("A2");
      assertThat(kw.te()).isEqualByComparingTo("0");
    });
    assertThat(rows).anySatisfy(r -> assertThat(r.subclass()).isEqualTo("Residencial Tarifa Social – faixa 01"));
  }

  @Test
  void tariffEdgeCasesLf() {
    List<TariffRecord> rows = Fixtures.read(Fixtures.TARIFFS_EDGE, AneelDataset.TARIFFS);
    assertThat(rows).hasSize(11);
    assertThat(rows).anySatisfy(r -> assertThat(r.resolution()).isEmpty());
    assertThat(rows).anySatisfy(r -> assertThat(r.resolution()).startsWith("DESPACHO"));
    assertThat(rows).anySatisfy(r -> assertThat(r.accessor()).isEmpty());
    assertThat(rows).anySatisfy(r -> assertThat(r.accessor()).isEqualTo("UHE COARACY NUNES"));
    assertThat(rows).anySatisfy(r -> assertThat(r.modality()).isEqualTo("Convencional pré-pagamento"));
    assertThat(rows).anySatisfy(r -> assertThat(r.distributorAcronym()).isEqualTo("Âmbar Amazonas"));
  }

  @Test
  void flagsInLatin1UnquotedLfAndCrlfReadTheSameAsUtf8Quoted() {
    List<TariffFlagActivation> utf8 = Fixtures.read(Fixtures.FLAGS_UTF8_QUOTED, AneelDataset.FLAG_ACTIVATIONS);
    List<TariffFlagActivation> latin1Lf = Fixtures.read(Fixtures.FLAGS_LATIN1_LF, AneelDataset.FLAG_ACTIVATIONS);
    List<TariffFlagActivation> latin1Crlf = Fixtures.read(Fixtures.FLAGS_LATIN1_CRLF, AneelDataset.FLAG_ACTIVATIONS);
    assertThat(utf8).hasSize(141);
    assertThat(latin1Lf).hasSize(136);
    assertThat(latin1Crlf).hasSize(133);
    // same series where they overlap (generation date aside)
    for (int i = 0; i < latin1Lf.size(); i++) {
      assertThat(latin1Lf.get(i).month()).isEqualTo(utf8.get(i).month());
      assertThat(latin1Lf.get(i).flag()).isEqualTo(utf8.get(i).flag());
      assertThat(latin1Lf.get(i).surchargePerMwh()).isEqualByComparingTo(utf8.get(i).surchargePerMwh());
    }
    TariffFlagActivation sept2021 = latin1Lf.stream().filter(a -> a.month().equals(YearMonth.of(2021, 9))).findFirst().orElseThrow();
    assertThat(sept2021.flag()).isEqualTo(TariffFlag.ESCASSEZ_HIDRICA);
    assertThat(sept2021.surchargePerMwh()).isEqualByComparingTo("142.00");
    assertThat(sept2021.surchargePerKwh()).isEqualByComparingTo("0.142");
    assertThat(latin1Crlf.get(latin1Crlf.size() - 1).month()).isEqualTo(YearMonth.of(2026, 1));
  }

  @Test
  void surcharges() {
    List<TariffFlagSurcharge> rows = Fixtures.read(Fixtures.SURCHARGES, AneelDataset.FLAG_SURCHARGES);
    assertThat(rows).hasSize(27);
    TariffFlagSurcharge last = rows.get(rows.size() - 1);
    assertThat(last.flag()).isEqualTo(TariffFlag.VERMELHA_P2);
    assertThat(last.validFrom()).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(last.surchargePerMwh()).isEqualByComparingTo("78.77");
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.flag()).isEqualTo(TariffFlag.ESCASSEZ_HIDRICA);
      assertThat(r.resolution()).isEqualTo("RES CREG nº 3/2021");
    });
  }

  @Test
  void distributedGeneration() {
    List<DistributedGenerationUnit> rows = Fixtures.read(Fixtures.GD, AneelDataset.DISTRIBUTED_GENERATION);
    assertThat(rows).hasSize(10);
    DistributedGenerationUnit u = rows.get(0);
    assertThat(u.distributorCnpj()).isEqualTo("04065033000170");
    assertThat(u.distributorAcronym()).isEqualTo("EAC");
    assertThat(u.uf()).isEqualTo("AC");
    assertThat(u.municipality()).isEqualTo("Rio Branco");
    assertThat(u.ibgeCode()).isEqualTo("1200401");
    assertThat(u.consumerClass()).isEqualTo("Comercial");
    assertThat(u.subgroup()).isEqualTo("B3");
    assertThat(u.modality()).isEqualTo("Geracao na propria UC");
    assertThat(u.generationType()).isEqualTo("UFV");
    assertThat(u.isSolar()).isTrue();
    assertThat(u.source()).isEqualTo("Radiação solar");
    assertThat(u.installedKw()).isEqualByComparingTo("32.50");
    assertThat(u.latitude()).isEqualByComparingTo("-10.00");
    assertThat(u.longitude()).isEqualByComparingTo("-67.84");
    assertThat(u.lastUpdate()).isEqualTo(LocalDate.of(2016, 8, 31));
    assertThat(u.creditReceivingUnits()).isEqualTo(1);
    assertThat(rows.get(9).municipality()).isEqualTo("Alvorada");
    assertThat(rows.get(8).installedKw()).isEqualByComparingTo("4.27");
  }

  @Test
  void gdQuirksNullAgentNullUfPlaceholderDateAndSubgroupCase() {
    String header = "SigAgente;NumCNPJDistribuidora;SigUF;NomMunicipio;CodMunicipioIbge;DscClasseConsumo;DscSubGrupoTarifario;CodEmpreendimento;"
        + "DthAtualizaCadastralEmpreend;DscModalidadeHabilitado;QtdUCRecebeCredito;SigTipoGeracao;DscFonteGeracao;DscPorte;"
        + "NumCoordNEmpreendimento;NumCoordEEmpreendimento;MdaPotenciaInstaladaKW;NomSubEstacao\n";
    String row = ";1234567000190;;;;Rural;A3A;GD.RS.1;1900-01-01;Auto consumo remoto;2;UFV;Radiação solar;Minigeracao;;;75,00;\n";
    List<DistributedGenerationUnit> u = read(header + row, StandardCharsets.ISO_8859_1, AneelDataset.DISTRIBUTED_GENERATION);
    assertThat(u).singleElement().satisfies(x -> {
      assertThat(x.distributorAcronym()).isNull();
      assertThat(x.distributorCnpj()).isEqualTo("01234567000190");
      assertThat(x.uf()).isNull();
      assertThat(x.municipality()).isNull();
      assertThat(x.lastUpdate()).isNull();
      assertThat(x.subgroup()).isEqualTo("A3a");
      assertThat(x.creditReceivingUnits()).isEqualTo(2);
      assertThat(x.latitude()).isNull();
      assertThat(x.source()).isEqualTo("Radiação solar");
    });
  }

  @Test
  void headerMatchingIgnoresCaseAndBom() {
    String csv = "\uFEFFdatcompetencia;NOMBANDEIRAACIONADA;vlradicionalbandeira\r\n2026-05-01;Vermelha Patamar 1;44,63\r\n";
    List<TariffFlagActivation> a = read(csv, StandardCharsets.UTF_8, AneelDataset.FLAG_ACTIVATIONS);
    assertThat(a).singleElement().satisfies(x -> {
      assertThat(x.flag()).isEqualTo(TariffFlag.VERMELHA_P1);
      assertThat(x.month()).isEqualTo(YearMonth.of(2026, 5));
      assertThat(x.generatedOn()).isNull();
    });
  }

  @Test
  void missingColumnsAreAllNamedBeforeTheFirstRow() {
    String csv = "DatGeracaoConjuntoDados;DscREH;SigAgente;NumCNPJDistribuidora;DatInicioVigencia;DatFimVigencia;DscBaseTarifaria;"
        + "DscSubGrupo;DscModalidadeTarifaria;DscClasse;DscSubClasse;DscDetalhe;NomPostoTarifario;DscUnidadeTerciaria;SigAgenteAcessante\n";
    assertThatThrownBy(() -> read(csv, StandardCharsets.UTF_8, AneelDataset.TARIFFS))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.MISSING_COLUMN))
        .hasMessageContaining("[VlrTUSD, VlrTE]");
  }

  @Test
  void nonNumericTusdNamesColumnLineAndValue() {
    String text = new String(Fixtures.bytes(Fixtures.TARIFFS), StandardCharsets.UTF_8).replaceFirst("\"250,50\"", "\"n/d\"");
    assertThatThrownBy(() -> read(text, StandardCharsets.UTF_8, AneelDataset.TARIFFS))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.INVALID_VALUE))
        .hasMessageContaining("VlrTUSD")
        .hasMessageContaining("row 3")
        .hasMessageContaining("n/d");
  }

  @Test
  void truncatedFileMidRowIsCorrupt() {
    byte[] all = Fixtures.bytes(Fixtures.TARIFFS);
    byte[] cut = Arrays.copyOf(all, all.length / 2);
    assertThatThrownBy(() -> {
          try (Stream<TariffRecord> s = AneelCsv.read(new ByteArrayInputStream(cut), AneelDataset.TARIFFS)) {
            s.forEach(r -> {});
          }
        })
        .isInstanceOfSatisfying(
            AneelException.class,
            e -> assertThat(e.problem()).isIn(AneelException.Problem.CORRUPT_CSV, AneelException.Problem.INVALID_VALUE));
  }

  @Test
  void inputThatBreaksOffIsATruncatedDownload() {
    byte[] all = Fixtures.bytes(Fixtures.TARIFFS);
    InputStream breaking =
        new InputStream() {
          int pos;

          @Override
          public int read() throws IOException {
            if (pos >= all.length / 3) {
              throw new java.io.EOFException("connection reset mid-body");
            }
            return all[pos++] & 0xFF;
          }
        };
    assertThatThrownBy(() -> {
          try (Stream<TariffRecord> s = AneelCsv.read(breaking, AneelDataset.TARIFFS)) {
            s.forEach(r -> {});
          }
        })
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.TRUNCATED_DOWNLOAD));
  }

  @Test
  void mixedEncodingsAreCorrupt() {
    byte[] utf8 = "NomBandeiraAcionada;DatCompetencia;VlrAdicionalBandeira\nEscassez Hídrica;2021-09-01;142,00\n".getBytes(StandardCharsets.UTF_8);
    byte[] latin = "Escassez Hídrica;2021-10-01;142,00\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] mixed = new byte[utf8.length + latin.length];
    System.arraycopy(utf8, 0, mixed, 0, utf8.length);
    System.arraycopy(latin, 0, mixed, utf8.length, latin.length);
    assertThatThrownBy(() -> {
          try (Stream<TariffFlagActivation> s = AneelCsv.read(new ByteArrayInputStream(mixed), AneelDataset.FLAG_ACTIVATIONS)) {
            s.forEach(r -> {});
          }
        })
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.CORRUPT_CSV))
        .hasMessageContaining("mixed encodings");
  }

  @Test
  void emptyFile() {
    assertThatThrownBy(() -> AneelCsv.read(new ByteArrayInputStream(new byte[0]), AneelDataset.TARIFFS))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.MISSING_COLUMN));
  }

  @Test
  void quotedFieldsMayHoldSeparatorsQuotesAndNewlines() {
    String csv = "\"A\";\"B\"\r\n\"x;y\";\"he said \"\"oi\"\"\r\nsecond line\"\r\nplain;\"q\"\n";
    try (Stream<Row> rows = AneelCsv.rows(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
      List<List<String>> got = rows.map(r -> List.of(r.text("a"), r.text("b"))).toList();
      assertThat(got).containsExactly(List.of("x;y", "he said \"oi\"\r\nsecond line"), List.of("plain", "q"));
    }
  }

  @Test
  void windows1252EnDashInLatin1File() {
    byte[] bytes = "A;B\nTarifa Social \u2013 faixa 01;S\u00e3o\n".getBytes(Charset.forName("windows-1252"));
    try (Stream<Row> rows = AneelCsv.rows(new ByteArrayInputStream(bytes))) {
      assertThat(rows.map(r -> r.text("A") + "|" + r.text("B")).toList()).containsExactly("Tarifa Social – faixa 01|São");
    }
  }

  static <T> List<T> read(String text, Charset cs, AneelDataset<T> ds) {
    try (Stream<T> s = AneelCsv.read(new ByteArrayInputStream(text.getBytes(cs)), ds)) {
      return s.toList();
    }
  }
}
