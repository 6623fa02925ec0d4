package io.ysh.testkit.aneel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.aneel.AneelClient;
import io.ysh.aneel.AneelCsv;
import io.ysh.aneel.AneelDataset;
import io.ysh.aneel.AneelException;
import io.ysh.aneel.CkanPackage;
import io.ysh.aneel.CkanResource;
import io.ysh.aneel.DatastoreQuery;
import io.ysh.aneel.DirectoryDownloadCache;
import io.ysh.aneel.Download;
import io.ysh.aneel.DownloadCache;
import io.ysh.aneel.Row;
import io.ysh.aneel.TariffFlag;
import io.ysh.aneel.TariffFlagActivation;
import io.ysh.aneel.TariffFlagSurcharge;
import io.ysh.aneel.TariffRecord;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.testkit.aneel.AneelSimulator.RecordedRequest;
import io.ysh.testkit.aneel.AneelSimulator.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against {@link AneelSimulator}, the CKAN look-alike, serving the real extracts. (It
 * lives beside the simulator because the simulator depends on the client: a test-scope
 * dependency back would be a cycle.) The simulator caps {@code limit} at 30 here (the portal's cap is 32,000) so that the
 * 82-row tariff sample spans three pages.
 */
class AneelClientTest {

  static final String TARIFF_PKG = "tarifas-distribuidoras-energia-eletrica";
  static final String TARIFFS = AneelDataset.TARIFFS.resourceId();
  static final String FLAGS = AneelDataset.FLAG_ACTIVATIONS.resourceId();

  static AneelSimulator sim;
  static AneelClient client;

  @BeforeAll
  static void start() throws Exception {
    sim =
        AneelSimulator.builder()
            .maxLimit(30)
            .resource(TARIFF_PKG, TARIFFS, "tarifas-distribuidoras-energia-eletrica.csv", Fixtures.bytes(Fixtures.TARIFFS))
            .resource("bandeiras-tarifarias", FLAGS, "bandeira-tarifaria-acionamento.csv", Fixtures.bytes(Fixtures.FLAGS_LATIN1_LF))
            .resource("bandeiras-tarifarias", AneelDataset.FLAG_SURCHARGES.resourceId(), "bandeira-tarifaria-adicional.csv", Fixtures.bytes(Fixtures.SURCHARGES))
            .resource("cache", "cache-a", "a.csv", Fixtures.bytes(Fixtures.FLAGS_LATIN1_CRLF))
            .resource("cache", "cache-b", "b.csv", Fixtures.bytes(Fixtures.FLAGS_LATIN1_CRLF))
            .resource("cache", "cache-c", "c.csv", Fixtures.bytes(Fixtures.FLAGS_LATIN1_CRLF))
            .resource("cache", "cache-d", "d.csv", Fixtures.bytes(Fixtures.FLAGS_LATIN1_CRLF))
            .resource("cache", "cache-e", "e.csv", Fixtures.bytes(Fixtures.FLAGS_LATIN1_CRLF))
            .start();
    client = client(null);
  }

  static AneelClient client(DownloadCache cache) {
    // generous attempt timeout: CI machines are shared and slow; only the slow-answer test wants a short one
    return client(cache, Duration.ofSeconds(5));
  }

  static AneelClient client(DownloadCache cache, Duration attemptTimeout) {
    return AneelClient.builder()
        .baseUrl(sim.baseUrl())
        .logLevel(HttpLogLevel.NONE)
        .cache(cache)
        .resilience(
            ResiliencePolicy.builder()
                .attemptTimeout(attemptTimeout)
                .totalTimeout(Duration.ofSeconds(20))
                .retry(RetryPolicy.exponential(4, Duration.ofMillis(10), Duration.ofMillis(50)))
                .build())
        .build();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.clearFaults();
    sim.clearRequests();
  }

  List<RecordedRequest> requests(String pathPart) {
    return sim.requests().stream().filter(r -> r.path().contains(pathPart)).toList();
  }

  @Test
  void packageShowListsResourcesWithTheirMetadata() {
    CkanPackage p = client.packageShow(TARIFF_PKG);
    assertThat(p.name()).isEqualTo(TARIFF_PKG);
    CkanResource r = p.resource(TARIFFS).orElseThrow();
    assertThat(r.format()).isEqualTo("CSV");
    assertThat(r.url()).startsWith(sim.baseUrl()).endsWith(".csv");
    assertThat(r.lastModified()).isEqualTo(Instant.parse("2026-10-01T06:00:00Z"));
    assertThat(r.size()).isEqualTo(Fixtures.bytes(Fixtures.TARIFFS).length);
    assertThat(r.datastoreActive()).isTrue();
    assertThat(client.resourceShow(TARIFFS).url()).isEqualTo(r.url());
  }

  @Test
  void unknownIdsAreNotFoundAndNotRetried() {
    assertThatThrownBy(() -> client.resourceShow("no-such-resource"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThatThrownBy(() -> client.packageShow("no-such-package"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThat(sim.requests()).hasSize(2);
  }

  @Test
  void datastorePagesFollowTheAnsweredLimitAndStopOnTotal() {
    List<TariffRecord> viaApi;
    try (Stream<TariffRecord> s = client.datastoreSearch(DatastoreQuery.builder(TARIFFS).pageSize(50).build(), AneelDataset.TARIFFS)) {
      viaApi = s.toList();
    }
    assertThat(viaApi).isEqualTo(Fixtures.read(Fixtures.TARIFFS, AneelDataset.TARIFFS));
    // asked for 50, the server answered limit=30: offsets 0, 30, 60; total 82 -> no request at 90
    // even though every answer carries _links.next
    assertThat(requests("datastore_search")).extracting(RecordedRequest::query).hasSize(3).satisfiesExactly(
        q -> assertThat(q).contains("offset=0"), q -> assertThat(q).contains("offset=30"), q -> assertThat(q).contains("offset=60"));
  }

  @Test
  void pagesAreFetchedLazily() {
    try (Stream<Row> s = client.datastoreSearch(DatastoreQuery.builder(TARIFFS).build())) {
      assertThat(s.limit(5).count()).isEqualTo(5);
    }
    assertThat(requests("datastore_search")).hasSize(1);
    try (Stream<Row> s = client.datastoreSearch(DatastoreQuery.builder(TARIFFS).pageSize(20).offset(10).maxRecords(25).build())) {
      assertThat(s.map(Row::lineNumber).toList()).hasSize(25).startsWith(11L).endsWith(35L);
    }
  }

  @Test
  void filtersSortAndFields() {
    DatastoreQuery q =
        DatastoreQuery.builder(TARIFFS)
            .filter("SigAgente", "CEMIG-D")
            .filter("DscSubGrupo", "B1", "B3")
            .filter("DscBaseTarifaria", "Tarifa de Aplicação")
            .sort("DatInicioVigencia desc, DscSubClasse")
            .build();
    List<TariffRecord> rows;
    try (Stream<TariffRecord> s = client.datastoreSearch(q, AneelDataset.TARIFFS)) {
      rows = s.toList();
    }
    assertThat(rows).isNotEmpty().allSatisfy(r -> {
      assertThat(r.distributorAcronym()).isEqualTo("CEMIG-D");
      assertThat(r.subgroup()).isIn("B1", "B3");
      assertThat(r.isApplicationTariff()).isTrue();
    });
    assertThat(rows.get(0).validFrom()).isEqualTo(java.time.LocalDate.of(2026, 5, 28));
    assertThat(rows).extracting(TariffRecord::validFrom).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    try (Stream<Row> s = client.datastoreSearch(DatastoreQuery.builder(TARIFFS).fields("_id", "SigAgente", "VlrTUSD").filter("SigAgente", "RGE").build())) {
      List<Row> r = s.toList();
      assertThat(r).hasSize(3);
      assertThat(r.get(0).has("VlrTE")).isFalse();
      // text with decimal comma, as the portal sends it
      assertThat(r.get(0).text("VlrTUSD")).isEqualTo("290,26");
      assertThat(r.get(0).decimal("vlrtusd")).isEqualByComparingTo("290.26");
    }
  }

  @Test
  void fullTextQueryAddsRank() {
    try (Stream<Row> s = client.datastoreSearch(DatastoreQuery.builder(TARIFFS).q("Ceraçá").build())) {
      List<Row> rows = s.toList();
      assertThat(rows).hasSize(12).allSatisfy(r -> {
        assertThat(r.text("SigAgente")).isEqualTo("Ceraçá");
        assertThat(r.has("rank")).isTrue();
      });
    }
  }

  @Test
  void datastoreRowsMissingAColumnFailNamingIt() {
    assertThatThrownBy(() -> client.datastoreSearch(DatastoreQuery.builder(FLAGS).build(), AneelDataset.TARIFFS).findFirst())
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.MISSING_COLUMN))
        .hasMessageContaining("VlrTUSD");
  }

  @Test
  void sqlFeatureIsDetectedNotRequired() {
    assertThat(client(null).datastoreSqlAvailable()).isFalse();
    sim.datastoreSqlEnabled(true);
    try {
      AneelClient c = client(null);
      assertThat(c.datastoreSqlAvailable()).isTrue();
      assertThat(c.datastoreSqlAvailable()).isTrue();
      assertThat(requests("datastore_search_sql")).hasSize(2); // once per client
    } finally {
      sim.datastoreSqlEnabled(false);
    }
  }

  @Test
  void bulkDownloadStreamsTypedRecordsFromLatin1() {
    List<TariffFlagActivation> flags;
    try (Stream<TariffFlagActivation> s = client.download(AneelDataset.FLAG_ACTIVATIONS)) {
      flags = s.toList();
    }
    assertThat(flags).hasSize(136).anySatisfy(f -> assertThat(f.flag()).isEqualTo(TariffFlag.ESCASSEZ_HIDRICA));
    // resolved through resource_show, then the file
    assertThat(sim.requests()).extracting(RecordedRequest::path).containsExactly("/api/3/action/resource_show", "/dataset/bandeiras-tarifarias/resource/" + FLAGS + "/download/bandeira-tarifaria-acionamento.csv");
    try (Stream<TariffFlagSurcharge> s = client.download(AneelDataset.FLAG_SURCHARGES)) {
      assertThat(s.count()).isEqualTo(27);
    }
  }

  @Test
  void conditionalGetDownloadsNothingWhenUnchanged(@TempDir Path dir) {
    AneelClient c = client(new DirectoryDownloadCache(dir));
    String url = sim.downloadUrl("cache-a");
    try (Download d = c.download(url)) {
      assertThat(d.notModified()).isFalse();
      assertThat(d.fromCache()).isTrue();
      assertThat(d.etag()).isPresent();
      assertThat(d.records(AneelDataset.FLAG_ACTIVATIONS).count()).isEqualTo(133);
    }
    try (Download d = c.download(url)) {
      assertThat(d.notModified()).isTrue();
      assertThat(d.records(AneelDataset.FLAG_ACTIVATIONS).count()).isEqualTo(133);
    }
    List<RecordedRequest> gets = requests("cache-a");
    assertThat(gets).hasSize(2);
    assertThat(gets.get(0).ifNoneMatch()).isNull();
    assertThat(gets.get(1).ifNoneMatch()).isNotNull();
    assertThat(gets.get(1).status()).isEqualTo(304);

    sim.replaceFile("cache-a", Fixtures.bytes(Fixtures.FLAGS_LATIN1_LF));
    try (Download d = c.download(url)) {
      assertThat(d.notModified()).isFalse();
      assertThat(d.records(AneelDataset.FLAG_ACTIVATIONS).count()).isEqualTo(136);
    }
  }

  @Test
  void truncatedDownloadNeverReplacesTheCachedCopy(@TempDir Path dir) throws Exception {
    DirectoryDownloadCache cache = new DirectoryDownloadCache(dir);
    AneelClient c = client(cache);
    String url = sim.downloadUrl("cache-b");
    try (Download d = c.download(url)) {
      assertThat(d.records(AneelDataset.FLAG_ACTIVATIONS).count()).isEqualTo(133);
    }
    DownloadCache.Entry good = cache.lookup(url).orElseThrow();
    sim.replaceFile("cache-b", Fixtures.bytes(Fixtures.FLAGS_LATIN1_LF));
    sim.truncate(Target.DOWNLOAD, 10, 1000);
    assertThatThrownBy(() -> c.download(url))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.TRUNCATED_DOWNLOAD));
    assertThat(requests("cache-b")).hasSize(1 + 4); // the first download, then 4 attempts
    assertThat(cache.lookup(url)).contains(good);
    try (var in = cache.open(good); Stream<TariffFlagActivation> s = AneelCsv.read(in, AneelDataset.FLAG_ACTIVATIONS)) {
      assertThat(s.count()).isEqualTo(133);
    }
    sim.clearFaults();
    try (Download d = c.download(url)) {
      assertThat(d.records(AneelDataset.FLAG_ACTIVATIONS).count()).isEqualTo(136);
    }
  }

  @Test
  void corruptDownloadNeverReplacesTheCachedCopy(@TempDir Path dir) throws Exception {
    DirectoryDownloadCache cache = new DirectoryDownloadCache(dir);
    AneelClient c = client(cache);
    String url = sim.downloadUrl("cache-c");
    c.download(url).close();
    DownloadCache.Entry good = cache.lookup(url).orElseThrow();
    sim.replaceFile("cache-c", "DatCompetencia;NomBandeiraAcionada;VlrAdicionalBandeira\n2026-01-01;Verde\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> c.download(url))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.CORRUPT_CSV));
    assertThat(requests("cache-c")).hasSize(2); // corrupt content is not retried
    assertThat(cache.lookup(url)).contains(good);
  }

  @Test
  void aDownloadThatBreaksOffIsRetriedWhenCached(@TempDir Path dir) {
    AneelClient c = client(new DirectoryDownloadCache(dir));
    sim.truncate(Target.DOWNLOAD, 1, 200);
    try (Download d = c.download(sim.downloadUrl("cache-d"))) {
      assertThat(d.records(AneelDataset.FLAG_ACTIVATIONS).count()).isEqualTo(133);
    }
    assertThat(requests("cache-d")).hasSize(2);
  }

  @Test
  void aStreamedDownloadThatBreaksOffFailsWhileStreaming() {
    sim.truncate(Target.DOWNLOAD, 1, 2000);
    // the reader reads ahead, so the break may surface when the header is read or while streaming
    assertThatThrownBy(() -> {
          try (Stream<TariffRecord> s = client.download(AneelDataset.TARIFFS)) {
            s.forEach(r -> {});
          }
        })
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.TRUNCATED_DOWNLOAD));
  }

  @Test
  void dropsAnd5xxAndSlowAnswersAreRetried() {
    sim.drop(Target.API, 2);
    assertThat(client.packageShow(TARIFF_PKG).resources()).isNotEmpty();
    assertThat(sim.requests()).hasSize(3);

    sim.clearRequests();
    sim.fail(Target.API, 2, 503);
    assertThat(client.resourceShow(TARIFFS).id()).isEqualTo(TARIFFS);
    assertThat(sim.requests()).extracting(RecordedRequest::status).containsExactly(503, 503, 200);

    // A slow answer is abandoned at the attempt timeout and retried. The bounds are derived from
    // this machine's measured latency, so a loaded CI box does not turn a retry into a timeout.
    long worst = 0;
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      client.resourceShow(TARIFFS);
      worst = Math.max(worst, System.nanoTime() - t);
    }
    Duration attempt = Duration.ofMillis(Math.max(500, 20 * worst / 1_000_000));
    Duration slow = attempt.multipliedBy(6);
    sim.clearRequests();
    sim.delay(Target.API, 1, slow);
    AneelClient impatient = client(null, attempt);
    long t0 = System.nanoTime();
    assertThat(impatient.resourceShow(TARIFFS).id()).isEqualTo(TARIFFS);
    // answered by the retry, not by waiting for the slow answer (recorded only when it is sent)
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(slow);
  }

  @Test
  void retriesStopAfterThePolicysAttempts() {
    sim.fail(Target.API, 10, 502);
    assertThatThrownBy(() -> client.packageShow(TARIFF_PKG))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
          assertThat(e.getMessage()).contains("502");
        });
    assertThat(sim.requests()).hasSize(4);
  }

  @Test
  void badArgumentsFailFast() {
    assertThatThrownBy(() -> client.resourceShow(" ")).isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> AneelClient.builder().baseUrl("not a url").build())
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  void trustStoreOptionsBuild() throws Exception {
    java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
    ks.load(null, null);
    assertThat(AneelClient.builder().trustStore(ks).build()).isNotNull();
    assertThat(AneelClient.builder().additionalTrustedCertificates(List.of()).build().baseUrl()).startsWith(AneelClient.DEFAULT_BASE_URL);
  }
}
