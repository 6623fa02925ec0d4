package io.ysh.testkit.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ysh.core.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator speaks Asaas's protocol: exercised with the JDK's plain HTTP client. */
class AsaasSimulatorTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  private static final ObjectMapper JSON = Json.mapper();
  private static AsaasSimulator sim;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    sim = AsaasSimulator.builder().clock(Clock.fixed(Instant.parse("2026-03-10T15:00:00Z"), ZoneOffset.UTC)).start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private HttpResponse<String> call(String method, String path, String body, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("access_token", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private JsonNode ok(String method, String path, String body) throws Exception {
    HttpResponse<String> r = call(method, path, body, sim.apiKey());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private String customer() throws Exception {
    return ok("POST", "/customers", "{\"name\":\"Maria\",\"cpfCnpj\":\"529.982.247-25\"}").get("id").asText();
  }

  // this module has no awaitility; poll briefly instead of sleeping a fixed time
  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 5 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void bindsToLoopbackOnAFreePort() {
    assertThat(sim.baseUrl()).startsWith("http://127.0.0.1:").endsWith("/v3");
    assertThat(sim.port()).isPositive();
  }

  @Test
  void authenticatesByAccessTokenAndAnswersTheErrorEnvelope() throws Exception {
    HttpResponse<String> r = call("GET", "/customers", null, "$aact_hmlg_wrong");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(r.body()).get("errors").get(0).get("code").asText()).isEqualTo("invalid_access_token");
    assertThat(call("GET", "/customers", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void getWithABodyIsForbidden() throws Exception {
    assertThat(call("GET", "/customers", "{\"a\":1}", sim.apiKey()).statusCode()).isEqualTo(403);
  }

  @Test
  void invalidCpfAndPastDueDateAreRejectedAsAsaasDoes() throws Exception {
    HttpResponse<String> r = call("POST", "/customers", "{\"name\":\"x\",\"cpfCnpj\":\"12345678900\"}", sim.apiKey());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("invalid_cpfCnpj");
    String c = customer();
    r = call("POST", "/payments", "{\"customer\":\"" + c + "\",\"billingType\":\"PIX\",\"value\":10,\"dueDate\":\"2026-03-09\"}", sim.apiKey());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("invalid_dueDate");
  }

  @Test
  void paymentStatusMachineConfirmRefundDelete() throws Exception {
    String c = customer();
    JsonNode p = ok("POST", "/payments", "{\"customer\":\"" + c + "\",\"billingType\":\"PIX\",\"value\":50.00,\"dueDate\":\"2026-03-10\"}");
    String id = p.get("id").asText();
    assertThat(p.get("status").asText()).isEqualTo("PENDING");
    assertThat(ok("GET", "/payments/" + id + "/pixQrCode", null).get("payload").asText()).startsWith("000201");
    assertThat(ok("POST", "/sandbox/payment/" + id + "/confirm", null).get("status").asText()).isEqualTo("RECEIVED");
    assertThat(call("DELETE", "/payments/" + id, null, sim.apiKey()).statusCode()).isEqualTo(400);
    assertThat(ok("POST", "/payments/" + id + "/refund", "{\"value\":20}").get("status").asText()).isEqualTo("RECEIVED");
    assertThat(call("POST", "/payments/" + id + "/refund", "{\"value\":40}", sim.apiKey()).statusCode()).isEqualTo(400);
    assertThat(ok("POST", "/payments/" + id + "/refund", "{}").get("status").asText()).isEqualTo("REFUNDED");
    assertThat(ok("GET", "/payments/" + id + "/refunds", null).get("totalCount").asInt()).isEqualTo(2);
  }

  @Test
  void pixPayloadCarriesAValidCrc() throws Exception {
    String c = customer();
    String id = ok("POST", "/payments", "{\"customer\":\"" + c + "\",\"billingType\":\"PIX\",\"value\":1.5,\"dueDate\":\"2026-03-11\"}").get("id").asText();
    String payload = ok("GET", "/payments/" + id + "/pixQrCode", null).get("payload").asText();
    assertThat(payload.substring(payload.length() - 4)).isEqualTo(AsaasSimulator.crc16(payload.substring(0, payload.length() - 4)));
    assertThat(payload).contains("54041.50");
  }

  @Test
  void listsUseTheEnvelopeAndPaginate() throws Exception {
    String c = customer();
    for (int i = 0; i < 25; i++) {
      sim.seedPayment(c, "BOLETO", new BigDecimal("2.00"), TODAY);
    }
    JsonNode page = ok("GET", "/payments?customer=" + c + "&offset=20&limit=10", null);
    assertThat(page.get("object").asText()).isEqualTo("list");
    assertThat(page.get("totalCount").asInt()).isEqualTo(25);
    assertThat(page.get("hasMore").asBoolean()).isFalse();
    assertThat(page.get("data")).hasSize(5);
    assertThat(ok("GET", "/payments?customer=" + c + "&limt=1", null).get("data")).as("misspelled filter ignored").hasSize(10);
  }

  @Test
  void rateLimitAndQuotaOnDemand() throws Exception {
    sim.rateLimitNext(1, 12);
    HttpResponse<String> r = call("GET", "/finance/balance", null, sim.apiKey());
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("RateLimit-Reset")).contains("12");
    assertThat(r.headers().firstValue("RateLimit-Remaining")).contains("0");
    assertThat(call("GET", "/finance/balance", null, sim.apiKey()).statusCode()).isEqualTo(200);
    sim.exhaustQuota(true);
    try {
      assertThat(call("GET", "/finance/balance", null, sim.apiKey()).body()).contains("quota");
    } finally {
      sim.exhaustQuota(false);
    }
  }

  @Test
  void dropAfterCommitLeavesTheChargeButNoAnswer() throws Exception {
    String c = customer();
    int before = sim.payments().size();
    sim.faults().dropConnectionAfterCommit("POST", "/payments", 1);
    assertThatThrownBy(() -> call("POST", "/payments", "{\"customer\":\"" + c + "\",\"billingType\":\"PIX\",\"value\":9,\"dueDate\":\"2026-03-10\",\"externalReference\":\"x1\"}", sim.apiKey()))
        .isInstanceOf(IOException.class);
    assertThat(sim.payments()).hasSize(before + 1);
    sim.faults().failNext("GET", "/payments", 1, 503);
    assertThat(call("GET", "/payments", null, sim.apiKey()).statusCode()).isEqualTo(503);
    assertThat(call("GET", "/payments", null, sim.apiKey()).statusCode()).isEqualTo(200);
  }

  @Test
  void subscriptionsGeneratePayments() throws Exception {
    String c = customer();
    JsonNode s = ok("POST", "/subscriptions", "{\"customer\":\"" + c + "\",\"billingType\":\"BOLETO\",\"value\":30,\"nextDueDate\":\"2026-03-15\",\"cycle\":\"MONTHLY\"}");
    assertThat(s.get("nextDueDate").asText()).isEqualTo("2026-04-15");
    sim.generateNextPayment(s.get("id").asText());
    JsonNode payments = ok("GET", "/subscriptions/" + s.get("id").asText() + "/payments", null);
    assertThat(payments.get("totalCount").asInt()).isEqualTo(2);
  }

  @Test
  void webhooksAreDeliveredWithTheTokenAndRetried() throws Exception {
    List<String> tokens = new CopyOnWriteArrayList<>();
    List<Integer> answers = new CopyOnWriteArrayList<>(List.of(500));
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", ex -> {
      tokens.add(ex.getRequestHeaders().getFirst("asaas-access-token"));
      ex.getRequestBody().readAllBytes();
      int status = answers.isEmpty() ? 200 : answers.remove(0);
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    receiver.start();
    try {
      String token = "t".repeat(32);
      JsonNode w = ok("POST", "/webhooks", "{\"name\":\"x\",\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
          + "/hook\",\"email\":\"a@b.c\",\"authToken\":\"" + token + "\",\"events\":[\"PAYMENT_CREATED\"]}");
      assertThat(w.has("authToken")).isFalse();
      String c = customer();
      ok("POST", "/payments", "{\"customer\":\"" + c + "\",\"billingType\":\"PIX\",\"value\":3,\"dueDate\":\"2026-03-10\"}");
      waitUntil(() -> sim.webhookDeliveries().size() == 2);
      assertThat(tokens).containsOnly(token);
      assertThat(sim.webhookDeliveries()).extracting(AsaasSimulator.WebhookDelivery::status).containsExactly(500, 200);
      ok("DELETE", "/webhooks/" + w.get("id").asText(), null);
    } finally {
      receiver.stop(0);
    }
  }
}
