package io.ysh.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.ysh.asaas.AsaasClient;
import io.ysh.asaas.WebhookConfigRequest;
import io.ysh.core.Secret;
import io.ysh.core.json.Json;
import io.ysh.testkit.asaas.AsaasSimulator;
import io.ysh.testkit.server.fault.Toxic;
import io.ysh.testkit.server.fault.Toxic.Direction;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the sample, wired by its own {@code application.yml}, against real servers (S3Proxy, the
 * machine's Redis behind a fault proxy, the machine's RabbitMQ in a vhost of its own, a secrets
 * directory, the Asaas and ANEEL simulators), and drives it over HTTP on a real port; the Asaas
 * simulator posts its webhook events to that port. Only the placeholders of {@code application.yml}
 * are set here ({@link DynamicPropertySource}, and {@code SECRETS_DIR} by {@link ServersExtension}); what the
 * application does with them is checked behind its back: the quote in the S3 bucket, the cached
 * tariff under the run's namespace in Redis, the payment in the Asaas simulator.
 */
@ExtendWith({ServersExtension.class, OutputCaptureExtension.class}) // before Spring's: see ServersExtension
// /actuator/env exposed with every value shown (the worst case) to check the imported secrets stay masked;
// application.yml itself exposes health only
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"logging.level.io.ysh=DEBUG", "management.endpoints.web.exposure.include=health,env",
        "management.endpoint.env.show-values=always"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SampleApplicationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static TestServers servers;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Value("${local.server.port}")
  private int port;

  @Autowired
  private TariffService tariffs;

  @Autowired
  private OrderListener orders;

  @Autowired
  private AsaasClient asaas;

  @Autowired
  private PaymentListener payments;

  private static boolean webhookRegistered;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry r) {
    servers = ServersExtension.servers();
    r.add("S3_ENDPOINT", () -> servers.s3Proxy.uri().toString());
    r.add("S3_BUCKET", () -> servers.bucket);
    r.add("S3_ACCESS_KEY", () -> servers.s3.accessKey());
    r.add("REDIS_PORT", () -> servers.redis.port());
    r.add("CACHE_NAMESPACE", () -> servers.namespace);
    r.add("RABBITMQ_VHOST", () -> servers.vhost);
    r.add("ORDERS_QUEUE", () -> servers.ordersQueue);
    r.add("ASAAS_BASE_URL", () -> servers.asaas.baseUrl());
    r.add("ANEEL_BASE_URL", () -> servers.aneel.baseUrl());
  }

  /**
   * The deployment step: the application's webhook URL and token registered on Asaas (here the
   * simulator, through the application's own client), for the payment events it handles. The
   * simulator delivers every event twice, as Asaas may (at least once).
   */
  @BeforeEach
  void registerTheWebhook() {
    if (webhookRegistered) {
      return;
    }
    asaas.webhooks().create(WebhookConfigRequest.of("ysh-spring-boot-sample", "http://127.0.0.1:" + port + "/asaas/webhook",
        "ops@example.com", Secret.of(servers.webhookToken), List.of("PAYMENT_RECEIVED", "PAYMENT_CONFIRMED")));
    servers.asaas.duplicateWebhooks(true);
    webhookRegistered = true;
  }

  // ------------------------------------------------------------------ quote to cash

  @Test
  void quoteToCashThroughHttp() throws Exception {
    Response created = post("/quotes", """
        {"customerName": "Maria da Silva", "cpfCnpj": "529.982.247-25", "email": "maria@example.com",
         "distributor": "CEMIG-D", "date": "2026-09-15", "monthlyKwh": 350}""");
    assertThat(created.status).as(created.text).isEqualTo(201);
    JsonNode quote = created.json();
    String id = quote.get("id").asText();
    assertThat(created.headers.firstValue("Location")).hasValue("/quotes/" + id);
    assertThat(quote.get("status").asText()).isEqualTo("QUOTED");
    assertThat(quote.at("/tariff/distributor").asText()).isEqualTo("CEMIG-D");
    assertThat(quote.at("/tariff/flag").asText()).isEqualTo("Amarela");
    BigDecimal pricePerKwh = quote.at("/tariff/pricePerKwh").decimalValue();
    // (TUSD 593,08 + TE 310,21 + Amarela 18,85) / 1000: CEMIG-D's B1 residential row in force
    // from 2026-05-28 (Tarifa de Aplicação) and September 2026's flag, in the simulator's CSV files
    assertThat(pricePerKwh).isEqualByComparingTo("0.92214");
    assertThat(quote.get("monthlyBill").decimalValue()).isEqualByComparingTo("322.75");
    assertThat(quote.get("systemKwp").decimalValue()).isEqualByComparingTo("3.25");
    assertThat(quote.get("systemPrice").decimalValue()).isEqualByComparingTo("13650.00");

    // the document is in the S3Proxy bucket, read without the application
    JsonNode stored = storedQuote(id);
    assertThat(stored.get("status").asText()).isEqualTo("QUOTED");
    assertThat(stored.get("systemPrice").decimalValue()).isEqualByComparingTo("13650.00");

    Response charged = post("/quotes/" + id + "/charge", "");
    assertThat(charged.status).as(charged.text).isEqualTo(200);
    String paymentId = charged.json().get("paymentId").asText();
    assertThat(charged.json().get("status").asText()).isEqualTo("CHARGED");
    JsonNode payment = servers.asaas.payments().stream().filter(p -> p.get("id").asText().equals(paymentId)).findFirst().orElseThrow();
    assertThat(payment.get("externalReference").asText()).isEqualTo(id);
    assertThat(payment.get("billingType").asText()).isEqualTo("PIX");
    assertThat(payment.get("value").decimalValue()).isEqualByComparingTo("13650.00");
    assertThat(servers.asaas.customers()).anySatisfy(c -> assertThat(c.get("cpfCnpj").asText()).isEqualTo("52998224725"));
    assertThat(post("/quotes/" + id + "/charge", "").json().get("paymentId").asText())
        .as("charging twice charges once").isEqualTo(paymentId);
    assertThat(servers.asaas.payments().stream().filter(p -> p.get("externalReference").asText("").equals(id))).hasSize(1);

    assertThat(get("/quotes/" + id).json().get("status").asText()).as("not paid yet").isEqualTo("CHARGED");
    assertThat(get("/orders/" + id).status).isEqualTo(404);

    int ordersBefore = orders.handled();
    // the customer pays the PIX charge: Asaas posts PAYMENT_RECEIVED to /asaas/webhook, twice
    asaas.sandbox().confirmPayment(paymentId);

    Response paid = await("/quotes/" + id, r -> r.text.contains("\"PAID\""));
    assertThat(paid.json().get("status").asText()).as(paid.text).isEqualTo("PAID");
    assertThat(storedQuote(id).get("status").asText()).isEqualTo("PAID");
    Response order = await("/orders/" + id, r -> r.status == 200);
    // both deliveries of the one event were answered 200; the listener saw the event once
    assertThat(payments.events(paymentId)).hasSize(1);
    String eventId = payments.events(paymentId).get(0);
    List<AsaasSimulator.WebhookDelivery> deliveries = awaitDeliveries(eventId, 2);
    assertThat(deliveries).extracting(AsaasSimulator.WebhookDelivery::event).containsOnly("PAYMENT_RECEIVED");
    assertThat(deliveries).extracting(AsaasSimulator.WebhookDelivery::status).containsExactly(200, 200);
    assertThat(payments.events(paymentId)).as("the duplicate is not handed off").containsExactly(eventId);
    assertThat(order.json().get("paymentId").asText()).isEqualTo(paymentId);
    assertThat(order.json().get("value").decimalValue()).isEqualByComparingTo("13650.00");
    assertThat(orders.handled()).as("one order event").isEqualTo(ordersBefore + 1);
    try (var s3 = servers.s3Client()) {
      assertThat(s3.getObjectAsBytes(b -> b.bucket(servers.bucket).key(Documents.orderKey(id))).asUtf8String())
          .contains(paymentId);
    }
  }

  @Test
  void aWebhookWhosePaidQuoteCouldNotBeSavedIsRedeliveredAndPublishesAgain() throws Exception {
    String id = post("/quotes", """
        {"customerName": "João Souza", "cpfCnpj": "111.444.777-35", "distributor": "CEMIG-D",
         "date": "2026-09-15", "monthlyKwh": 200}""").json().get("id").asText();
    String paymentId = post("/quotes/" + id + "/charge", "").json().get("paymentId").asText();
    int handled = orders.handled();

    // S3 refuses every write of a quote document: the event is out, the quote is not saved as paid,
    // the listener throws and the endpoint answers Asaas 500
    var refuse = servers.s3Proxy.add(Toxic.respond(503, java.util.Map.of("Content-Type", "application/xml"),
        "<Error><Code>ServiceUnavailable</Code><Message>refused by the test</Message></Error>")
        .onRequests("^PUT /" + servers.bucket + "/quotes/"));
    String eventId;
    try {
      asaas.sandbox().confirmPayment(paymentId);
      eventId = awaitEvent(paymentId);
      awaitDelivery(eventId, d -> d.status() == 500);
      assertThat(storedQuote(id).get("status").asText()).isEqualTo("CHARGED");
    } finally {
      refuse.remove();
    }
    assertThat(refuse.struck()).isPositive();

    // Asaas retries: the event id was forgotten, so the retry is handled, publishes again and saves
    assertThat(await("/quotes/" + id, r -> r.text.contains("\"PAID\"")).json().get("status").asText()).isEqualTo("PAID");
    awaitDelivery(eventId, d -> d.status() == 200);
    long failed = deliveries(eventId).stream().filter(d -> d.status() == 500).count();
    assertThat(failed).isPositive();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (orders.handled() < handled + failed + 1 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(orders.handled()).as("at least once: published by each failed delivery and by the one that saved")
        .isEqualTo(handled + failed + 1);
    assertThat(get("/orders/" + id).json().get("paymentId").asText()).isEqualTo(paymentId);
    assertThat(payments.events(paymentId)).as("handed off once per failed delivery, once more for the one that saved")
        .hasSize((int) failed + 1).containsOnly(eventId);
  }

  @Test
  void aDeliveryWithoutTheTokenIs401AndChangesNothing() throws Exception {
    String id = post("/quotes", """
        {"customerName": "Ana Lima", "cpfCnpj": "111.444.777-35", "distributor": "CEMIG-D",
         "date": "2026-09-15", "monthlyKwh": 150}""").json().get("id").asText();
    String paymentId = post("/quotes/" + id + "/charge", "").json().get("paymentId").asText();
    int handled = orders.handled();
    // a forged PAYMENT_RECEIVED for this very payment, as Asaas would send it
    String forged = """
        {"id": "evt_forged_%s", "event": "PAYMENT_RECEIVED", "dateCreated": "2026-09-15 10:00:00",
         "payment": {"object": "payment", "id": "%s", "status": "RECEIVED", "billingType": "PIX",
                     "value": 1.00, "externalReference": "%s"}}""".formatted(paymentId, paymentId, id);

    Response wrong = send(HttpRequest.newBuilder(uri("/asaas/webhook")).header("Content-Type", "application/json")
        .header("asaas-access-token", "x".repeat(servers.webhookToken.length())).POST(HttpRequest.BodyPublishers.ofString(forged)));
    Response missing = send(HttpRequest.newBuilder(uri("/asaas/webhook")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(forged)));
    assertThat(wrong.status).as(wrong.text).isEqualTo(401);
    assertThat(missing.status).as(missing.text).isEqualTo(401);
    assertThat(wrong.text + missing.text).doesNotContain(servers.webhookToken);

    assertThat(payments.events(paymentId)).as("nothing handed off").isEmpty();
    assertThat(get("/quotes/" + id).json().get("status").asText()).isEqualTo("CHARGED");
    assertThat(storedQuote(id).get("status").asText()).isEqualTo("CHARGED");
    assertThat(get("/orders/" + id).status).isEqualTo(404);
    assertThat(orders.handled()).isEqualTo(handled);

    // the same body with the token is accepted: the 401s were the token's doing
    Response genuine = send(HttpRequest.newBuilder(uri("/asaas/webhook")).header("Content-Type", "application/json")
        .header("asaas-access-token", servers.webhookToken).POST(HttpRequest.BodyPublishers.ofString(forged)));
    assertThat(genuine.status).as(genuine.text).isEqualTo(200);
    assertThat(payments.events(paymentId)).containsExactly("evt_forged_" + paymentId);
  }

  @Test
  void badRequestsNameTheFieldAndUnknownDistributorsAre404() throws Exception {
    Response noKwh = post("/quotes", """
        {"customerName": "Maria", "cpfCnpj": "52998224725", "distributor": "CEMIG-D", "date": "2026-09-15"}""");
    assertThat(noKwh.status).isEqualTo(400);
    assertThat(noKwh.json().get("code").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(noKwh.json().get("message").asText()).contains("monthlyKwh");

    Response noName = post("/quotes", """
        {"cpfCnpj": "52998224725", "distributor": "CEMIG-D", "monthlyKwh": 200}""");
    assertThat(noName.status).isEqualTo(400);
    assertThat(noName.json().get("message").asText()).contains("customerName");

    Response unknown = get("/tariffs/NO-SUCH-DISTRIBUTOR/2026-09-15");
    assertThat(unknown.status).isEqualTo(404);
    assertThat(get("/quotes/q-does-not-exist").status).isEqualTo(404);
  }

  // ------------------------------------------------------------------ @Cacheable on Redis

  @Test
  void cacheableTariffsLiveInRedisUnderTheApplicationsNamespace() throws Exception {
    String date = "2026-08-20";
    String key = servers.namespace + ":tariffs:CEMIG-D:" + date;
    try (RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
        StatefulRedisConnection<String, String> redis = client.connect()) {
      assertThat(redis.sync().exists(key)).isZero();
      int before = tariffs.computed();
      Response first = get("/tariffs/CEMIG-D/" + date);
      assertThat(first.status).as(first.text).isEqualTo(200);
      assertThat(tariffs.computed()).isEqualTo(before + 1);
      assertThat(redis.sync().exists(key)).as("the entry is in Redis, under the run's namespace").isEqualTo(1);
      long ttl = redis.sync().pttl(key);
      assertThat(ttl).as("ysh.cache.spring.caches.tariffs.ttl: 6h")
          .isGreaterThan(Duration.ofHours(6).minusMinutes(1).toMillis()).isLessThanOrEqualTo(Duration.ofHours(6).toMillis());

      Response second = get("/tariffs/CEMIG-D/" + date);
      assertThat(second.json()).isEqualTo(first.json());
      assertThat(tariffs.computed()).as("a hit").isEqualTo(before + 1);

      redis.sync().del(key); // gone from Redis: the next call computes again (no local copy answers)
      assertThat(get("/tariffs/CEMIG-D/" + date).json()).isEqualTo(first.json());
      assertThat(tariffs.computed()).isEqualTo(before + 2);
      assertThat(redis.sync().exists(key)).isEqualTo(1);
    }
  }

  // ------------------------------------------------------------------ health

  @Test
  void healthIsUpAndTurnsDownWhileRedisIsCut() throws Exception {
    Response up = get("/actuator/health");
    assertThat(up.status).as(up.text).isEqualTo(200);
    assertThat(up.json().get("status").asText()).isEqualTo("UP");
    for (String component : List.of("yshStorage", "yshCache", "yshSecrets")) {
      assertThat(up.json().at("/components/" + component + "/status").asText()).as(component).isEqualTo("UP");
    }
    assertThat(up.json().at("/components/yshCache/details/provider").asText()).isEqualTo("redis");

    var cut = servers.redis.add(Toxic.resetAfter(Direction.UPSTREAM, 0));
    try {
      servers.redis.resetConnections();
      Response down = await("/actuator/health", r -> r.status == 503);
      assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
      assertThat(down.json().at("/components/yshCache/status").asText()).isEqualTo("DOWN");
      assertThat(down.json().at("/components/yshCache/details/error").asText()).as(down.text).isNotEmpty();
      assertThat(down.json().at("/components/yshStorage/status").asText()).isEqualTo("UP");
      assertThat(down.text).doesNotContain(servers.s3.secretKey()).doesNotContain(servers.asaas.apiKey())
          .doesNotContain(servers.webhookToken).doesNotContain("guest:guest");
    } finally {
      cut.remove();
    }
    Response back = await("/actuator/health", r -> r.status == 200);
    assertThat(back.json().at("/components/yshCache/status").asText()).isEqualTo("UP");
  }

  // ------------------------------------------------------------------ secrets

  @Test
  void theImportedSecretsAreMaskedInActuatorEnv() throws Exception {
    Response env = get("/actuator/env");
    assertThat(env.status).as(env.text).isEqualTo(200);
    JsonNode secrets = null;
    for (JsonNode source : env.json().get("propertySources")) {
      if (source.get("name").asText().startsWith("ysh-secrets:")) {
        secrets = source.get("properties");
      }
    }
    assertThat(secrets).as("the ysh-secrets: property source in " + env.text).isNotNull();
    for (String property : List.of("ysh.asaas.api-key", "ysh.asaas.webhook.auth-token", "sample.s3.secret-key")) {
      assertThat(secrets.at("/" + property.replace("/", "~1") + "/value").asText()).as(property).isEqualTo("******");
    }
    // values are shown (show-values=always): the masking is the starter's, not Boot's default;
    // and no secret leaks through a URL that embeds it (SampleApplication.credentialsMasked)
    assertThat(env.json().findValues("sample.price-per-kwp")).isNotEmpty()
        .allSatisfy(v -> assertThat(v.get("value").decimalValue()).isEqualByComparingTo("4200.00"));
    assertThat(env.text).doesNotContain(servers.asaas.apiKey()).doesNotContain(servers.webhookToken)
        .doesNotContain(servers.s3.secretKey()).doesNotContain("guest:guest");
    for (String property : List.of("ysh.asaas.api-key", "ysh.asaas.webhook.auth-token", "sample.s3.secret-key")) {
      Response one = get("/actuator/env/" + property);
      assertThat(one.status).as(one.text).isEqualTo(200);
      assertThat(one.json().at("/property/value").asText()).as(one.text).isEqualTo("******");
    }
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: after every other test has logged what it logs
  void noSecretReachesTheLogs(CapturedOutput output) throws Exception {
    assertThat(servers.asaas.requests()).as("the API key from the secrets directory was used").isNotEmpty();
    assertThat(servers.asaas.webhookDeliveries()).as("the webhook token was used").isNotEmpty();
    assertThat(output.getAll()).as("start-up and every test, with the SDK at DEBUG")
        .contains("io.ysh")
        .doesNotContain(servers.asaas.apiKey())
        .doesNotContain(servers.webhookToken)
        .doesNotContain(servers.s3.secretKey())
        .doesNotContain("guest:guest");
  }

  // ------------------------------------------------------------------ HTTP

  private record Response(int status, String text, java.net.http.HttpHeaders headers) {
    JsonNode json() throws IOException {
      return Json.mapper().readTree(text);
    }
  }

  private Response get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private Response post(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(r.statusCode(), r.body(), r.headers());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private Response await(String path, Predicate<Response> done) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Response last = get(path);
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("GET " + path + " did not get there within " + WAIT + "; last answer " + last.status + " " + last.text);
      }
      Thread.sleep(100);
      last = get(path);
    }
    return last;
  }

  private List<AsaasSimulator.WebhookDelivery> deliveries(String eventId) {
    return servers.asaas.webhookDeliveries().stream().filter(d -> d.eventId().equals(eventId)).toList();
  }

  private List<AsaasSimulator.WebhookDelivery> awaitDeliveries(String eventId, int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (deliveries(eventId).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(200); // and no more than that
    return deliveries(eventId);
  }

  private void awaitDelivery(String eventId, Predicate<AsaasSimulator.WebhookDelivery> match) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (deliveries(eventId).stream().noneMatch(match)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no such delivery of " + eventId + " within " + WAIT + ": " + deliveries(eventId));
      }
      Thread.sleep(20);
    }
  }

  private String awaitEvent(String paymentId) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (payments.events(paymentId).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no webhook event for " + paymentId + " within " + WAIT);
      }
      Thread.sleep(20);
    }
    return payments.events(paymentId).get(0);
  }

  private JsonNode storedQuote(String id) throws IOException {
    try (var s3 = servers.s3Client()) {
      return Json.mapper().readTree(s3.getObjectAsBytes(b -> b.bucket(servers.bucket).key(Documents.quoteKey(id))).asByteArray());
    }
  }
}
