package io.ysh.testkit.aneel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.aneel.AneelClient;
import io.ysh.aneel.AneelException;
import io.ysh.aneel.ComponentFilter;
import io.ysh.aneel.ComponentYear;
import io.ysh.aneel.DirectoryDownloadCache;
import io.ysh.aneel.EnergyPrice;
import io.ysh.aneel.FioBCharge;
import io.ysh.aneel.TariffCalculator;
import io.ysh.aneel.TariffComponent;
import io.ysh.aneel.TariffQuery;
import io.ysh.aneel.TariffRecord;
import io.ysh.aneel.AneelDataset;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.testkit.aneel.AneelSimulator.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client finds the tariff-components files through {@code package_show} and reads them as
 * CSV or, through DuckDB, as Parquet, from {@link AneelSimulator} serving the synthetic sample
 * split into one file per year (2019, 2025, 2026; Parquet for 2026 only, written here by DuckDB
 * from the CSV).
 */
class AneelComponentsClientTest {

  @TempDir static Path dir;
  static AneelSimulator sim;
  static AneelClient client;

  @BeforeAll
  static void start() throws Exception {
    String[] lines = new String(Fixtures.componentsCsv(), StandardCharsets.UTF_8).split("(?<=\n)");
    Map<Integer, StringBuilder> byYear = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int year = Integer.parseInt(lines[i].split(";")[4].substring(1, 5)); // DatInicioVigencia
      byYear.computeIfAbsent(year, y -> new StringBuilder(lines[0])).append(lines[i]);
    }
    AneelSimulator.Builder b = AneelSimulator.builder();
    for (Map.Entry<Integer, StringBuilder> e : byYear.entrySet()) {
      byte[] csv = e.getValue().toString().getBytes(StandardCharsets.UTF_8);
      b.tariffComponents(e.getKey(), csv, e.getKey() == 2026 ? parquet(csv) : null);
    }
    b.resource(AneelDataset.TARIFFS.packageId(), AneelDataset.TARIFFS.resourceId(), "tarifas.csv", Fixtures.bytes(Fixtures.TARIFFS));
    sim = b.start();
    client = client(null);
  }

  static byte[] parquet(byte[] csv) throws Exception {
    Path in = Files.write(dir.resolve("in.csv"), csv);
    Path out = dir.resolve("out.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute(
          "COPY (SELECT * REPLACE (DatGeracaoConjuntoDados::DATE AS DatGeracaoConjuntoDados, DatInicioVigencia::DATE AS DatInicioVigencia,"
              + " DatFimVigencia::DATE AS DatFimVigencia, replace(VlrComponenteTarifario, ',', '.')::DECIMAL(18,9) AS VlrComponenteTarifario)"
              + " FROM read_csv('" + in + "', delim=';', quote='\"', header=true, all_varchar=true)) TO '" + out + "' (FORMAT PARQUET)");
    }
    return Files.readAllBytes(out);
  }

  static AneelClient client(DirectoryDownloadCache cache) {
    return AneelClient.builder()
        .baseUrl(sim.baseUrl())
        .logLevel(HttpLogLevel.NONE)
        .cache(cache)
        .resilience(ResiliencePolicy.builder().attemptTimeout(Duration.ofSeconds(10)).totalTimeout(Duration.ofSeconds(60))
            .retry(RetryPolicy.exponential(3, Duration.ofMillis(10), Duration.ofMillis(50))).build())
        .build();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.clearRequests();
  }

  static final ComponentFilter CEMIG_B1_FIO_B =
      ComponentFilter.builder().distributorCnpj("06981180000116").subgroups("B1").components(TariffComponent.TUSD_FIO_B).validOn(LocalDate.of(2026, 6, 15)).build();

  static List<TariffComponent> read(AneelClient c, ComponentFilter f, boolean parquet) {
    try (Stream<TariffComponent> s = c.tariffComponents(f, parquet)) {
      return s.toList();
    }
  }

  List<String> downloads() {
    return sim.requests().stream().map(RecordedRequest::path).filter(p -> p.contains("/download/")).map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
  }

  @Test
  void yearsAreDiscoveredThroughPackageShow() {
    List<ComponentYear> years = client.tariffComponentResources();
    assertThat(years).extracting(ComponentYear::year).containsExactly(2019, 2025, 2026);
    assertThat(years.get(2).parquetResource()).isPresent();
    assertThat(years.get(1).parquetResource()).isEmpty();
    assertThat(years.get(1).csvResource().orElseThrow().url()).endsWith("componentes-tarifarias-2025.csv");
    assertThat(sim.requests()).extracting(RecordedRequest::path).containsExactly("/api/3/action/package_show");
  }

  @Test
  void parquetAndCsvAnswerTheSameAndOnlyTheRangesYearsAreRead() {
    List<TariffComponent> viaParquet = read(client, CEMIG_B1_FIO_B, true);
    // 2026 from Parquet; 2025 (the year before, whose rows may still be in force) has only a CSV
    assertThat(downloads()).containsExactly("componentes-tarifarias-2025.csv", "componentes-tarifarias-2026.parquet");
    sim.clearRequests();
    List<TariffComponent> viaCsv = read(client, CEMIG_B1_FIO_B, false);
    assertThat(downloads()).containsExactly("componentes-tarifarias-2025.csv", "componentes-tarifarias-2026.csv");
    assertThat(viaParquet).isEqualTo(viaCsv).hasSize(6).allSatisfy(c -> assertThat(c.is("TUSD_FioB")).isTrue());
  }

  @Test
  void aDirectoryCacheServesParquetInPlaceAndReRunsDownloadNothing(@TempDir Path cacheDir) throws Exception {
    AneelClient cached = client(new DirectoryDownloadCache(cacheDir));
    List<TariffComponent> first = read(cached, CEMIG_B1_FIO_B, true);
    sim.clearRequests();
    List<TariffComponent> second = read(cached, CEMIG_B1_FIO_B, true);
    assertThat(second).isEqualTo(first);
    assertThat(sim.requests()).filteredOn(r -> r.path().contains("/download/")).extracting(RecordedRequest::status).containsOnly(304);
    try (Stream<Path> files = Files.list(cacheDir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void theCalculatorPricesFioBFromTheDownloadedComponents() {
    TariffCalculator calc;
    try (Stream<TariffRecord> t = client.download(AneelDataset.TARIFFS);
        Stream<TariffComponent> c = client.tariffComponents(ComponentFilter.builder().distributorCnpj("06981180000116").validOn(LocalDate.of(2026, 6, 15)).build())) {
      calc = TariffCalculator.builder().tariffs(t).components(c).build();
    }
    EnergyPrice p =
        (EnergyPrice) calc.price(TariffQuery.builder("CEMIG-D", "B1", LocalDate.of(2026, 6, 15)).consumerClass("Residencial", "Residencial").includeFlag(false).build());
    // 0.60 x 282,164318507 / 1000
    assertThat(p.single().fioB()).isInstanceOfSatisfying(FioBCharge.Priced.class, f -> assertThat(f.chargePerKwh()).isEqualByComparingTo("0.16929859"));
  }

  @Test
  void aRangeWithNoPublishedYearIsNotFound() {
    assertThatThrownBy(() -> client.tariffComponents(ComponentFilter.builder().validOn(LocalDate.of(2012, 1, 1)).build()))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.NOT_PUBLISHED));
  }
}
