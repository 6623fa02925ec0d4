package io.ysh.testkit.aneel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ysh.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator speaks CKAN as the portal does; checked with the JDK's own HTTP client. */
class AneelSimulatorTest {

  static final String TARIFFS = "fcf2906c-7c32-4b9b-a637-054e7a5234f4";
  static final String FLAGS = "0591b8f6-fe54-437b-b72b-1aa2efd46e42";
  static AneelSimulator sim;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws IOException {
    sim =
        AneelSimulator.builder()
            .resource("tarifas-distribuidoras-energia-eletrica", TARIFFS, "tarifas.csv", bytes("alupdatalake_aneel_tarifas_fixture.csv"))
            .resource("bandeiras-tarifarias", FLAGS, "bandeira-tarifaria-acionamento.csv", bytes("bandeira-tarifaria-acionamento_Gylerme0_PROJETO_ML.csv"))
            .start();
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

  static byte[] bytes(String name) throws IOException {
    try (InputStream in = AneelSimulatorTest.class.getResourceAsStream("/aneel/" + name)) {
      return in.readAllBytes();
    }
  }

  static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static JsonNode json(String pathAndQuery) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    return Json.mapper().readTree(r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void limitIsCappedSilentlyEchoedAndNextLinkNeverStops() throws Exception {
    JsonNode n = json("/api/3/action/datastore_search?resource_id=" + TARIFFS + "&limit=50000");
    assertThat(n.path("success").asBoolean()).isTrue();
    assertThat(n.at("/result/limit").asInt()).isEqualTo(AneelSimulator.DEFAULT_MAX_LIMIT);
    assertThat(n.at("/result/total").asInt()).isEqualTo(11);
    assertThat(n.at("/result/records").size()).isEqualTo(11);
    JsonNode past = json("/api/3/action/datastore_search?resource_id=" + TARIFFS + "&offset=500");
    assertThat(past.at("/result/records").size()).isZero();
    assertThat(past.at("/result/_links/next").asText()).startsWith("/api/3/action/datastore_search").contains("offset=600");
    JsonNode dflt = json("/api/3/action/datastore_search?resource_id=" + TARIFFS);
    assertThat(dflt.at("/result/limit").asInt()).isEqualTo(100);
  }

  @Test
  void recordsAreTextWithDecimalCommaAndHaveIds() throws Exception {
    JsonNode rec = json("/api/3/action/datastore_search?resource_id=" + TARIFFS + "&limit=1").at("/result/records/0");
    assertThat(rec.get("_id").asInt()).isEqualTo(1);
    assertThat(rec.get("VlrTUSD").isTextual()).isTrue();
    assertThat(rec.get("VlrTUSD").asText()).isEqualTo("1,85");
    assertThat(rec.get("VlrTE").asText()).isEqualTo(",00");
  }

  @Test
  void filtersQSortAndFields() throws Exception {
    JsonNode r =
        json("/api/3/action/datastore_search?resource_id=" + TARIFFS + "&filters=" + enc("{\"SigAgente\":[\"EAC\",\"CEA\"]}") + "&sort=" + enc("DatInicioVigencia desc")
            + "&fields=" + enc("SigAgente,DatInicioVigencia"));
    assertThat(r.at("/result/total").asInt()).isEqualTo(4);
    assertThat(r.at("/result/records/0/DatInicioVigencia").asText()).isEqualTo("2026-08-26");
    assertThat(r.at("/result/records/0").size()).isEqualTo(2);
    JsonNode q = json("/api/3/action/datastore_search?resource_id=" + TARIFFS + "&q=" + enc("coaracy"));
    assertThat(q.at("/result/total").asInt()).isEqualTo(1);
    assertThat(q.at("/result/records/0/rank").isNumber()).isTrue();
    JsonNode bad = json("/api/3/action/datastore_search?resource_id=" + TARIFFS + "&filters=" + enc("{\"Nope\":\"x\"}"));
    assertThat(bad.path("success").asBoolean()).isFalse();
  }

  @Test
  void latin1FileIsServedAsTextInTheDatastore() throws Exception {
    JsonNode r = json("/api/3/action/datastore_search?resource_id=" + FLAGS + "&filters=" + enc("{\"DatCompetencia\":\"2021-09-01\"}"));
    assertThat(r.at("/result/records/0/NomBandeiraAcionada").asText()).isEqualTo("Escassez Hídrica");
  }

  @Test
  void metadataAndUnknownIds() throws Exception {
    JsonNode p = json("/api/3/action/package_show?id=bandeiras-tarifarias");
    assertThat(p.at("/result/resources/0/id").asText()).isEqualTo(FLAGS);
    assertThat(p.at("/result/resources/0/url").asText()).isEqualTo(sim.downloadUrl(FLAGS));
    assertThat(p.at("/result/resources/0/last_modified").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
    HttpResponse<String> missing = get("/api/3/action/resource_show?id=nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(Json.mapper().readTree(missing.body()).at("/error/__type").asText()).isEqualTo("Not Found Error");
    assertThat(get("/api/3/action/datastore_search_sql?sql=" + enc("SELECT 1")).statusCode()).isEqualTo(400);
  }

  @Test
  void downloadsHonourConditionalGets() throws Exception {
    HttpResponse<String> first = get(sim.downloadUrl(FLAGS).substring(sim.baseUrl().length()));
    assertThat(first.statusCode()).isEqualTo(200);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String lm = first.headers().firstValue("Last-Modified").orElseThrow();
    String path = sim.downloadUrl(FLAGS).substring(sim.baseUrl().length());
    assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get(path, "If-Modified-Since", lm).statusCode()).isEqualTo(304);
    sim.replaceFile(FLAGS, bytes("bandeira-tarifaria-acionamento_Gylerme0_PROJETO_ML.csv"));
    HttpResponse<String> changed = get(path, "If-Modified-Since", lm);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(sim.requests()).extracting(AneelSimulator.RecordedRequest::status).containsExactly(200, 304, 304, 200);
  }

  @Test
  void faultsApplyToTheNextMatchingRequestsOnly() throws Exception {
    sim.fail(AneelSimulator.Target.API, 1, 503);
    assertThat(get("/api/3/action/package_show?id=bandeiras-tarifarias").statusCode()).isEqualTo(503);
    assertThat(get("/api/3/action/package_show?id=bandeiras-tarifarias").statusCode()).isEqualTo(200);

    sim.drop(AneelSimulator.Target.DOWNLOAD, 1);
    String path = sim.downloadUrl(FLAGS).substring(sim.baseUrl().length());
    // a raw socket: the JDK client would silently retry a dropped GET once
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", URI.create(sim.baseUrl()).getPort())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.setSoTimeout(5000);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(get(path).statusCode()).isEqualTo(200);

    sim.truncate(AneelSimulator.Target.DOWNLOAD, 1, 100);
    assertThatThrownBy(() -> get(path)).isInstanceOf(IOException.class);

    sim.delay(AneelSimulator.Target.ANY, 1, Duration.ofMillis(300));
    long t0 = System.nanoTime();
    assertThat(get("/api/3/action/package_show?id=bandeiras-tarifarias").statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(sim.requests()).extracting(AneelSimulator.RecordedRequest::status).contains(-1);
    List<AneelSimulator.RecordedRequest> all = sim.requests();
    assertThat(all).hasSize(6);
  }

  @Test
  void datastoreRowsAreReadWithTheClientsCsvReader() throws Exception {
    try (AneelSimulator own =
        AneelSimulator.builder().resource("p", "r", "r.csv", "\"a\";\"b\"\r\n\"x;1\";\"y\"\"z\"\n".getBytes(StandardCharsets.UTF_8)).start()) {
      HttpResponse<String> r =
          http.send(HttpRequest.newBuilder(URI.create(own.baseUrl() + "/api/3/action/datastore_search?resource_id=r")).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode rec = Json.mapper().readTree(r.body()).path("result").path("records").get(0);
      assertThat(rec.path("a").asText()).isEqualTo("x;1");
      assertThat(rec.path("b").asText()).isEqualTo("y\"z");
    }
  }

  @Test
  void tariffComponentsArePublishedPerYearAsCsvAndParquet() throws Exception {
    byte[] parquet = {'P', 'A', 'R', '1', 0, 0, 0, 0, 'P', 'A', 'R', '1'};
    try (AneelSimulator own =
        AneelSimulator.builder()
            .tariffComponents(2025, Fixtures.componentsCsv(), null)
            .tariffComponents(2026, Fixtures.componentsCsv(), parquet)
            .start()) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(own.baseUrl() + "/api/3/action/package_show?id=" + AneelSimulator.TARIFF_COMPONENTS_PACKAGE)).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode resources = Json.mapper().readTree(r.body()).path("result").path("resources");
      assertThat(resources).hasSize(3);
      List<String> names = new java.util.ArrayList<>();
      resources.forEach(n -> names.add(n.path("name").asText() + ":" + n.path("format").asText() + ":" + n.path("datastore_active").asBoolean()));
      assertThat(names).containsExactlyInAnyOrder(
          "componentes-tarifarias-2025:CSV:true", "componentes-tarifarias-2026:CSV:true", "componentes-tarifarias-2026:PARQUET:false");
      for (JsonNode n : resources) {
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(n.path("url").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.body()).isEqualTo(n.path("format").asText().equals("PARQUET") ? parquet : Fixtures.componentsCsv());
        HttpResponse<String> ds =
            http.send(
                HttpRequest.newBuilder(URI.create(own.baseUrl() + "/api/3/action/datastore_search?resource_id=" + n.path("id").asText())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ds.statusCode()).isEqualTo(n.path("datastore_active").asBoolean() ? 200 : 404);
      }
    }
  }
}
