package io.ysh.aneel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tariff-components dataset read both ways: streamed from the CSV and through DuckDB from a
 * Parquet file that DuckDB generates here from the same CSV (typed as ANEEL's dictionary says:
 * dates as DATE, values as DECIMAL(18,9)), and from a second Parquet typed the way a careless
 * export would be (numeric CNPJ, text dates, DOUBLE values). Rows: the synthetic fixture
 * {@code componentes-tarifarias_SYNTHETIC_sample.csv} (see its note).
 */
class TariffComponentsTest {

  @TempDir static Path dir;
  static Path csv;
  static Path parquet;
  static Path looseParquet;

  @BeforeAll
  static void generateParquetFromTheCsv() throws Exception {
    csv = dir.resolve("componentes-tarifarias-2026.csv");
    Files.write(csv, Fixtures.componentsCsv());
    parquet = dir.resolve("componentes-tarifarias-2026.parquet");
    looseParquet = dir.resolve("loose.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      String src = "read_csv('" + csv + "', delim=';', quote='\"', header=true, all_varchar=true)";
      st.execute(
          "COPY (SELECT DatGeracaoConjuntoDados::DATE AS DatGeracaoConjuntoDados, DscResolucaoHomologatoria, SigNomeAgente,"
              + " NumCPFCNPJ, DatInicioVigencia::DATE AS DatInicioVigencia, DatFimVigencia::DATE AS DatFimVigencia,"
              + " DscBaseTarifaria, DscSubGrupoTarifario, DscModalidadeTarifaria, DscClasseConsumidor, DscSubClasseConsumidor,"
              + " DscDetalheConsumidor, DscPostoTarifario, DscUnidade, SigAgenteAcessante, DscComponenteTarifario,"
              + " replace(VlrComponenteTarifario, ',', '.')::DECIMAL(18,9) AS VlrComponenteTarifario FROM " + src
              + ") TO '" + parquet + "' (FORMAT PARQUET)");
      st.execute(
          "COPY (SELECT * REPLACE (NumCPFCNPJ::BIGINT AS NumCPFCNPJ,"
              + " replace(VlrComponenteTarifario, ',', '.')::DOUBLE AS VlrComponenteTarifario) FROM " + src
              + ") TO '" + looseParquet + "' (FORMAT PARQUET)");
    }
  }

  static List<TariffComponent> viaCsv(ComponentFilter f) throws Exception {
    try (Stream<TariffComponent> s = AneelCsv.read(Files.newInputStream(csv), AneelDataset.TARIFF_COMPONENTS)) {
      return s.filter(f::test).toList();
    }
  }

  static List<TariffComponent> viaParquet(Path file, ComponentFilter f) {
    try (Stream<TariffComponent> s = ParquetComponents.read(file, f)) {
      return s.toList();
    }
  }

  @Test
  void csvAndParquetYieldIdenticalRecords() throws Exception {
    List<TariffComponent> all = viaCsv(ComponentFilter.all());
    assertThat(all).hasSize(34);
    assertThat(viaParquet(parquet, ComponentFilter.all())).isEqualTo(all);
    assertThat(viaParquet(looseParquet, ComponentFilter.all())).isEqualTo(all);
    TariffComponent first = all.get(0);
    assertThat(first.distributorAcronym()).isEqualTo("CEMIG-D");
    assertThat(first.distributorCnpj()).isEqualTo("06981180000116");
    assertThat(first.component()).isEqualTo("TUSD_FioA");
    assertThat(first.value()).isEqualByComparingTo("96.38");
    assertThat(first.unit()).isEqualTo(TariffUnit.MWH);
    assertThat(first.resolution()).startsWith("RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459");
  }

  @Test
  void filtersGiveTheSameRowsOnBothPaths() throws Exception {
    List<ComponentFilter> filters =
        List.of(
            ComponentFilter.builder().distributorCnpj("06.981.180/0001-16").subgroups("B1").components("TUSD_FioB").validOn(LocalDate.of(2026, 6, 15)).build(),
            ComponentFilter.builder().distributorCnpj("06981180000116").validBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1)).build(),
            ComponentFilter.builder().distributorAcronym("RGE SUL").build(),
            ComponentFilter.builder().subgroups("a4").components("tusd_fiob").build(),
            ComponentFilter.builder().distributorCnpj("04368898000106").validOn(LocalDate.of(2026, 6, 23)).build(),
            ComponentFilter.builder().validBetween(null, LocalDate.of(2019, 6, 18)).build());
    int[] expected = {6, 18, 1, 2, 0, 1};
    for (int i = 0; i < filters.size(); i++) {
      ComponentFilter f = filters.get(i);
      List<TariffComponent> csvRows = viaCsv(f);
      assertThat(csvRows).as("csv %s", f).hasSize(expected[i]);
      assertThat(viaParquet(parquet, f)).as("parquet %s", f).isEqualTo(csvRows);
      assertThat(viaParquet(looseParquet, f)).as("loose parquet %s", f).isEqualTo(csvRows);
    }
  }

  @Test
  void aHeaderThatDiffersFromTheDictionaryFailsNamingTheDifference() {
    String good = new String(Fixtures.componentsCsv(), StandardCharsets.UTF_8);
    String renamed = good.replaceFirst("\"VlrComponenteTarifario\"", "\"VlrComponente\"");
    assertThatThrownBy(() -> read(renamed))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.MISSING_COLUMN))
        .hasMessageContaining("missing [VlrComponenteTarifario]")
        .hasMessageContaining("not in the dictionary [VlrComponente]");
    String extra = good.replaceFirst("\"VlrComponenteTarifario\"\r\n", "\"VlrComponenteTarifario\";\"Extra\"\r\n");
    assertThatThrownBy(() -> read(extra)).hasMessageContaining("not in the dictionary [Extra]");
    // the dictionary's own spelling of the acronym column is read too, any case
    String dictionary = good.replaceFirst("\"SigNomeAgente\"", "\"SIGAGENTE\"");
    assertThat(read(dictionary)).hasSize(34).first().extracting(TariffComponent::distributorAcronym).isEqualTo("CEMIG-D");
    String neither = good.replaceFirst("\"SigNomeAgente\"", "\"NomAgente\"");
    assertThatThrownBy(() -> read(neither)).hasMessageContaining("missing [SigNomeAgente (or SigAgente)]");
  }

  @Test
  void aParquetHeaderThatDiffersFailsTheSameWay() throws Exception {
    Path bad = dir.resolve("bad.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("COPY (SELECT * EXCLUDE (NumCPFCNPJ) FROM read_parquet('" + parquet + "')) TO '" + bad + "' (FORMAT PARQUET)");
    }
    assertThatThrownBy(() -> viaParquet(bad, ComponentFilter.all()))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.MISSING_COLUMN))
        .hasMessageContaining("missing [NumCPFCNPJ]");
    assertThatThrownBy(() -> viaParquet(csv, ComponentFilter.all()))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("Parquet");
    assertThatThrownBy(() -> viaParquet(dir.resolve("none.parquet"), ComponentFilter.all()))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void valuesWithADecimalPointAndBadValues() {
    String good = new String(Fixtures.componentsCsv(), StandardCharsets.UTF_8);
    String point = good.replace("\"282,164318507\"", "\"282.16431850700001\"");
    List<TariffComponent> rows = read(point);
    assertThat(rows).filteredOn(c -> c.value().toPlainString().startsWith("282.164318507"))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.value()).isEqualByComparingTo("282.16431850700001"));
    String bad = good.replaceFirst("\"96,380000000\"", "\"96;38\"");
    assertThatThrownBy(() -> read(bad))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.INVALID_VALUE))
        .hasMessageContaining("VlrComponenteTarifario");
  }

  @Test
  void withoutDuckDbTheParquetPathNamesTheArtifact() throws Exception {
    // the module's classes and everything else on the test class path, except DuckDB's jar
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.contains("duckdb")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> pc = isolated.loadClass(ParquetComponents.class.getName());
      assertThat(pc.getMethod("available").invoke(null)).isEqualTo(false);
      Class<?> filter = isolated.loadClass(ComponentFilter.class.getName());
      Object all = filter.getMethod("all").invoke(null);
      assertThatThrownBy(() -> {
            try {
              pc.getMethod("read", Path.class, filter).invoke(null, parquet, all);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          })
          .hasMessageContaining("org.duckdb:duckdb_jdbc")
          .satisfies(e -> assertThat(e.getClass().getMethod("code").invoke(e)).hasToString("UNSUPPORTED"));
    }
    assertThat(ParquetComponents.available()).isTrue();
  }

  private static List<TariffComponent> read(String csvText) {
    try (Stream<TariffComponent> s =
        AneelCsv.read(new ByteArrayInputStream(csvText.getBytes(StandardCharsets.UTF_8)), AneelDataset.TARIFF_COMPONENTS)) {
      return s.toList();
    }
  }
}
