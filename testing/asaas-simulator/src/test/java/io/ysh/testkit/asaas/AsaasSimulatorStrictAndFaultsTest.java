package io.ysh.testkit.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ysh.core.json.Json;
import java.io.IOException;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator is strict enough to catch the bugs of issue 14: unknown fields refused in strict
 * mode, trailing-slash endpoints kept apart, pre-authorization, declining test cards, refunds
 * PENDING before DONE, Asaas's 409 for an identical transfer, late commits, only HTTP 200 counted
 * as a delivered webhook, and event names as Asaas documents them.
 */
class AsaasSimulatorStrictAndFaultsTest {

  private static final ObjectMapper JSON = Json.mapper();
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-10T15:00:00Z"));
  private static final String TODAY = LocalDate.now(CLOCK.withZone(ZoneId.of("America/Sao_Paulo"))).toString();
  private static final String CARD = "{\"holderName\":\"M\",\"number\":\"5162306219378829\",\"expiryMonth\":\"05\",\"expiryYear\":\"2035\",\"ccv\":\"318\"}";
  private static final String HOLDER = "{\"name\":\"M\",\"email\":\"m@example.com\",\"cpfCnpj\":\"52998224725\",\"postalCode\":\"01310100\","
      + "\"addressNumber\":\"1\",\"phone\":\"1133334444\"}";
  private static AsaasSimulator sim;
  private final HttpClient http = HttpClient.newHttpClient();
  private String customer;

  @BeforeAll
  static void start() {
    sim = AsaasSimulator.builder().strict(true).clock(CLOCK).refundProcessingDelay(Duration.ofSeconds(2)).start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void customer() throws Exception {
    sim.faults().clear();
    customer = ok("POST", "/customers", "{\"name\":\"Maria\",\"cpfCnpj\":\"529.982.247-25\"}").get("id").asText();
  }

  private HttpResponse<String> call(String method, String path, String body, Duration timeout) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(timeout)
        .header("Content-Type", "application/json").header("access_token", sim.apiKey())
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
    return call(method, path, body, Duration.ofSeconds(10));
  }

  private JsonNode ok(String method, String path, String body) throws Exception {
    HttpResponse<String> r = call(method, path, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private String cardPayment(String extra) {
    return "{\"customer\":\"" + customer + "\",\"billingType\":\"CREDIT_CARD\",\"value\":10,\"dueDate\":\"" + TODAY + "\",\"remoteIp\":\"203.0.113.7\","
        + "\"creditCard\":" + CARD + ",\"creditCardHolderInfo\":" + HOLDER + extra + "}";
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void strictModeRefusesAnUnknownFieldNamingItAtAnyDepth() throws Exception {
    int before = sim.payments().size();
    HttpResponse<String> r = call("POST", "/payments/", cardPayment(",\"authorizedOnly\":true"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("unknown_field").contains("'authorizedOnly'").contains("POST /payments/");
    r = call("POST", "/payments/", cardPayment("").replace("\"ccv\"", "\"cvv\""));
    assertThat(r.body()).contains("'creditCard.cvv'");
    r = call("POST", "/payments", "{\"customer\":\"" + customer + "\",\"billingType\":\"PIX\",\"value\":1,\"dueDate\":\"" + TODAY
        + "\",\"split\":[{\"walletId\":\"w\",\"fixedValue\":1},{\"walet\":\"w\"}]}");
    assertThat(r.body()).contains("'split[1].walet'");
    assertThat(sim.payments()).hasSize(before);
  }

  @Test
  void aLenientSimulatorIgnoresUnknownFieldsAsAsaasDoesWhichCapturesAMisspeltPreAuthorization() throws Exception {
    try (AsaasSimulator lenient = AsaasSimulator.builder().clock(CLOCK).start()) {
      String c = JSON.readTree(send(lenient, "POST", "/customers", "{\"name\":\"M\",\"cpfCnpj\":\"52998224725\"}").body()).get("id").asText();
      HttpResponse<String> r = send(lenient, "POST", "/payments/", cardPayment(",\"authorizedOnly\":true").replace(customer, c));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(r.body()).get("status").asText()).as("captured at once").isEqualTo("CONFIRMED");
    }
  }

  private HttpResponse<String> send(AsaasSimulator s, String method, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).header("access_token", s.apiKey())
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void trailingSlashEndpointsAreKeptApart() throws Exception {
    assertThat(call("POST", "/payments", cardPayment("")).body()).as("card fields on the slash-less endpoint").contains("'remoteIp'");
    assertThat(ok("POST", "/payments/", cardPayment("")).get("status").asText()).isEqualTo("CONFIRMED");
    JsonNode internal = ok("POST", "/transfers/", "{\"value\":1,\"walletId\":\"wal_123\"}");
    assertThat(internal.get("type").asText()).isEqualTo("ASAAS_ACCOUNT");
    assertThat(call("POST", "/transfers", "{\"value\":1,\"walletId\":\"wal_123\"}").body()).contains("'walletId'");
    String sub = "{\"customer\":\"" + customer + "\",\"billingType\":\"CREDIT_CARD\",\"value\":5,\"nextDueDate\":\"" + TODAY
        + "\",\"cycle\":\"MONTHLY\",\"remoteIp\":\"203.0.113.7\",\"creditCard\":" + CARD + ",\"creditCardHolderInfo\":" + HOLDER + "}";
    assertThat(call("POST", "/subscriptions", sub).body()).contains("unknown_field");
    assertThat(ok("POST", "/subscriptions/", sub).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(sim.requests()).contains("POST /payments/", "POST /transfers/", "POST /subscriptions/");
  }

  @Test
  void aPreAuthorizedCardStaysAuthorizedUntilCaptured() throws Exception {
    JsonNode p = ok("POST", "/payments/", cardPayment(",\"authorizeOnly\":true"));
    String id = p.get("id").asText();
    assertThat(p.get("status").asText()).isEqualTo("AUTHORIZED");
    assertThat(sim.awaitIdle(Duration.ofSeconds(5))).isTrue();
    assertThat(ok("GET", "/payments/" + id, null).get("status").asText()).isEqualTo("AUTHORIZED");
    assertThat(ok("POST", "/payments/" + id + "/captureAuthorizedPayment", null).get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(call("POST", "/payments/" + id + "/captureAuthorizedPayment", null).statusCode()).isEqualTo(400);
  }

  @Test
  void theSandboxsDecliningCardsCreateNothingAndTokensPay() throws Exception {
    int before = sim.payments().size();
    for (String number : List.of("5184019740373151", "4916561358240741")) {
      HttpResponse<String> r = call("POST", "/payments/", cardPayment("").replace("5162306219378829", number));
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("invalid_creditCard");
    }
    assertThat(sim.payments()).hasSize(before);
    JsonNode token = ok("POST", "/creditCard/tokenizeCreditCard", "{\"customer\":\"" + customer + "\",\"remoteIp\":\"203.0.113.7\",\"creditCard\":"
        + CARD + ",\"creditCardHolderInfo\":" + HOLDER + "}");
    assertThat(token.get("creditCardNumber").asText()).isEqualTo("8829");
    JsonNode paid = ok("POST", "/payments/", "{\"customer\":\"" + customer + "\",\"billingType\":\"CREDIT_CARD\",\"value\":3,\"dueDate\":\"" + TODAY
        + "\",\"remoteIp\":\"203.0.113.7\",\"creditCardToken\":\"" + token.get("creditCardToken").asText() + "\"}");
    assertThat(paid.get("status").asText()).isEqualTo("CONFIRMED");
  }

  @Test
  void refundsArePendingBeforeTheyAreDone() throws Exception {
    String id = ok("POST", "/payments", "{\"customer\":\"" + customer + "\",\"billingType\":\"PIX\",\"value\":50,\"dueDate\":\"" + TODAY + "\"}")
        .get("id").asText();
    ok("POST", "/sandbox/payment/" + id + "/confirm", null);
    JsonNode after = ok("POST", "/payments/" + id + "/refund", "{\"value\":20,\"description\":\"parcial\"}");
    assertThat(after.get("refunds").get(0).get("status").asText()).isEqualTo("PENDING");
    assertThat(ok("GET", "/payments/" + id + "/refunds", null).get("data").get(0).get("status").asText()).isEqualTo("PENDING");
    assertThat(sim.awaitIdle(Duration.ofSeconds(10))).isTrue();
    JsonNode done = ok("GET", "/payments/" + id + "/refunds", null).get("data").get(0);
    assertThat(done.get("status").asText()).isEqualTo("DONE");
    assertThat(done.get("endToEndIdentifier").asText()).startsWith("E");
  }

  @Test
  void anIdenticalTransferWithinFifteenMinutesIs409() throws Exception {
    String body = "{\"value\":7.77,\"pixAddressKey\":\"dup@example.com\",\"pixAddressKeyType\":\"EMAIL\"}";
    ok("POST", "/transfers", body);
    HttpResponse<String> again = call("POST", "/transfers", body.replace("}", ",\"externalReference\":\"other\"}"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(ok("POST", "/transfers", body.replace("7.77", "7.78")).get("status").asText()).as("another value is another transfer").isEqualTo("PENDING");
    CLOCK.advance(Duration.ofMinutes(15));
    assertThat(call("POST", "/transfers", body).statusCode()).as("15 minutes later").isEqualTo(200);
  }

  @Test
  void aLateCommitWhileHangingLandsAfterTheClientGaveUp() throws Exception {
    String ref = "late-hang";
    // the commit comes long after the client's timeout, so a loaded machine cannot reorder them
    sim.faults().commitLateWhileHanging("POST", "/payments", 1, Duration.ofSeconds(3));
    assertThatThrownBy(() -> call("POST", "/payments", "{\"customer\":\"" + customer + "\",\"billingType\":\"PIX\",\"value\":1,\"dueDate\":\"" + TODAY
        + "\",\"externalReference\":\"" + ref + "\"}", Duration.ofMillis(200))).isInstanceOf(IOException.class);
    assertThat(countWith(ref)).as("not yet").isZero();
    assertThat(sim.awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(countWith(ref)).isEqualTo(1);
  }

  @Test
  void aLateCommitAfterADropLandsAfterTheConnectionClosed() throws Exception {
    String ref = "late-drop";
    sim.faults().commitLateAfterDrop("POST", "/payments", 1, Duration.ofSeconds(3));
    assertThatThrownBy(() -> call("POST", "/payments", "{\"customer\":\"" + customer + "\",\"billingType\":\"PIX\",\"value\":1,\"dueDate\":\"" + TODAY
        + "\",\"externalReference\":\"" + ref + "\"}")).isInstanceOf(IOException.class);
    assertThat(countWith(ref)).isZero();
    assertThat(sim.awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(countWith(ref)).isEqualTo(1);
  }

  @Test
  void aServerErrorAfterTheCommitLeavesTheCharge() throws Exception {
    sim.faults().failAfterCommit("POST", "/payments", 1, 502);
    HttpResponse<String> r = call("POST", "/payments", "{\"customer\":\"" + customer + "\",\"billingType\":\"PIX\",\"value\":1,\"dueDate\":\"" + TODAY
        + "\",\"externalReference\":\"after-502\"}");
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(countWith("after-502")).isEqualTo(1);
  }

  @Test
  void cardChargesTakeTheCardProcessingDelay() throws Exception {
    Duration delay = Duration.ofMillis(1500);
    sim.faults().cardProcessingDelay(delay);
    long start = System.nanoTime();
    ok("POST", "/payments/", cardPayment(""));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay);
    start = System.nanoTime();
    ok("POST", "/payments", "{\"customer\":\"" + customer + "\",\"billingType\":\"PIX\",\"value\":1,\"dueDate\":\"" + TODAY + "\"}");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not a card charge").isLessThan(delay);
  }

  private long countWith(String ref) {
    return sim.payments().stream().filter(p -> ref.equals(p.path("externalReference").asText(null))).count();
  }

  @Test
  void onlyHttp200CountsAsDeliveredAndEventNamesAreAsDocumented() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    List<Integer> answers = new CopyOnWriteArrayList<>(List.of(204, 204));
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", ex -> {
      events.add(JSON.readTree(ex.getRequestBody().readAllBytes()).get("event").asText());
      ex.sendResponseHeaders(answers.isEmpty() ? 200 : answers.remove(0), -1);
      ex.close();
    });
    receiver.start();
    String hook = null;
    try {
      assertThat(call("POST", "/webhooks", "{\"url\":\"http://127.0.0.1:1/x\",\"events\":[\"PAYMENT_RECEIVED_IN_CASH\"]}").statusCode())
          .as("an event Asaas does not document").isEqualTo(400);
      hook = ok("POST", "/webhooks", "{\"name\":\"x\",\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\",\"email\":\"a@b.c\"}")
          .get("id").asText();
      sim.pauseWebhooksAfter(100);
      String pay = ok("POST", "/payments", "{\"customer\":\"" + customer + "\",\"billingType\":\"BOLETO\",\"value\":5,\"dueDate\":\"" + TODAY + "\"}")
          .get("id").asText();
      waitUntil(() -> sim.webhookDeliveries().stream().anyMatch(d -> d.status() == 200));
      assertThat(sim.webhookDeliveries()).as("a 204 is a failed attempt, retried until a 200")
          .extracting(AsaasSimulator.WebhookDelivery::status, AsaasSimulator.WebhookDelivery::attempt)
          .startsWith(org.assertj.core.groups.Tuple.tuple(204, 1), org.assertj.core.groups.Tuple.tuple(204, 2),
              org.assertj.core.groups.Tuple.tuple(200, 3));

      ok("POST", "/payments/" + pay + "/receiveInCash", "{\"paymentDate\":\"" + TODAY + "\",\"value\":5}");
      ok("POST", "/payments/" + pay + "/undoReceivedInCash", null);
      String sub = ok("POST", "/subscriptions", "{\"customer\":\"" + customer + "\",\"billingType\":\"PIX\",\"value\":9,\"nextDueDate\":\"" + TODAY
          + "\",\"cycle\":\"WEEKLY\"}").get("id").asText();
      ok("PUT", "/subscriptions/" + sub, "{\"status\":\"INACTIVE\"}");
      ok("DELETE", "/subscriptions/" + sub, null);
      String t1 = ok("POST", "/transfers", "{\"value\":1.11,\"pixAddressKey\":\"ev@example.com\",\"pixAddressKeyType\":\"EMAIL\"}").get("id").asText();
      sim.setTransferStatus(t1, "BANK_PROCESSING");
      sim.setTransferStatus(t1, "DONE");
      String t2 = ok("POST", "/transfers", "{\"value\":1.12,\"pixAddressKey\":\"ev@example.com\",\"pixAddressKeyType\":\"EMAIL\"}").get("id").asText();
      ok("DELETE", "/transfers/" + t2 + "/cancel", null);
      waitUntil(() -> events.contains("TRANSFER_CANCELLED"));
      assertThat(events).contains("PAYMENT_CREATED", "PAYMENT_RECEIVED", "PAYMENT_RECEIVED_IN_CASH_UNDONE", "SUBSCRIPTION_CREATED",
          "SUBSCRIPTION_UPDATED", "SUBSCRIPTION_INACTIVATED", "SUBSCRIPTION_DELETED", "TRANSFER_CREATED", "TRANSFER_IN_BANK_PROCESSING",
          "TRANSFER_DONE", "TRANSFER_CANCELLED");
      assertThat(events).as("every name sent is one Asaas documents").allMatch(RequestSchemas.EVENTS::contains);
      assertThatThrownBy(() -> sim.setTransferStatus(t1, "BANK_PROCESSED")).isInstanceOf(IllegalArgumentException.class);
    } finally {
      if (hook != null) {
        ok("DELETE", "/webhooks/" + hook, null);
      }
      sim.pauseWebhooksAfter(15);
      receiver.stop(0);
    }
  }

  /** A clock the test moves forward. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      MutableClock self = this;
      return new Clock() {
        @Override
        public ZoneId getZone() {
          return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
          return self.withZone(z);
        }

        @Override
        public Instant instant() {
          return self.instant();
        }
      };
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
