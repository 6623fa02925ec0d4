package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.ysh.cache.Cache;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import io.ysh.core.json.Json;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AsaasWebhooksTest {

  private static final String TOKEN = "whsec-ysh-0123456789abcdef0123456789abcdef";
  private static final String EVENT = """
      {"id":"evt_05b708f961d739ea7eba7e4db318f621&368604920","event":"PAYMENT_RECEIVED","dateCreated":"2026-01-05 10:11:12",
       "payment":{"object":"payment","id":"pay_080225913252","customer":"cus_G7Dvo4iphUNk","value":100.00,"netValue":99.01,
                  "billingType":"PIX","status":"RECEIVED","dueDate":"2026-01-05","paymentDate":"2026-01-05","deleted":false}}""";

  private final AsaasWebhooks webhooks = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).build();

  @Test
  void missingAndWrongTokensAreRejectedWithATypedError() {
    assertThatThrownBy(() -> webhooks.verify(null)).isInstanceOfSatisfying(WebhookAuthenticationException.class, e -> assertThat(e.missing()).isTrue());
    assertThatThrownBy(() -> webhooks.verify(TOKEN + "x")).isInstanceOfSatisfying(WebhookAuthenticationException.class, e -> {
      assertThat(e.missing()).isFalse();
      assertThat(e.getMessage()).doesNotContain(TOKEN);
    });
    webhooks.verify(TOKEN);
  }

  @Test
  void paymentEventsAreFullyTyped() {
    WebhookEvent e = webhooks.verifyAndParse(TOKEN, EVENT);
    assertThat(e).isInstanceOfSatisfying(PaymentEvent.class, p -> {
      assertThat(p.id()).isEqualTo("evt_05b708f961d739ea7eba7e4db318f621&368604920");
      assertThat(p.type()).isEqualTo(PaymentEventType.PAYMENT_RECEIVED);
      assertThat(p.payment().status()).isEqualTo(PaymentStatus.RECEIVED);
      assertThat(p.payment().value()).isEqualTo(Money.of("100.00"));
      assertThat(p.dateCreated()).hasHour(10);
    });
  }

  @Test
  void unknownEventsAreSurfacedWithTheirRawJson() {
    WebhookEvent e = webhooks.parse("{\"id\":\"evt_1&2\",\"event\":\"TRANSFER_DONE\",\"dateCreated\":\"2026-01-05 10:11:12\",\"transfer\":{\"id\":\"t1\",\"value\":5}}");
    assertThat(e).isInstanceOfSatisfying(OtherEvent.class, o -> {
      assertThat(o.family()).isEqualTo("transfer");
      assertThat(o.object().get("id").asText()).isEqualTo("t1");
    });
    WebhookEvent np = webhooks.parse(EVENT.replace("PAYMENT_RECEIVED", "PAYMENT_SOMETHING_NEW"));
    assertThat(((PaymentEvent) np).type()).isEqualTo(PaymentEventType.UNKNOWN);
    assertThat(np.rawEvent()).isEqualTo("PAYMENT_SOMETHING_NEW");
    assertThatThrownBy(() -> webhooks.parse("not json")).isInstanceOf(YshException.class);
  }

  @Test
  void handlerAnswers401ThenProcessesOnceAndDropsDuplicates() {
    List<WebhookEvent> got = new CopyOnWriteArrayList<>();
    assertThat(webhooks.handle(null, EVENT, got::add).status()).isEqualTo(401);
    assertThat(webhooks.handle("nope", EVENT, got::add).status()).isEqualTo(401);
    assertThat(webhooks.handle(TOKEN, "{}", got::add).status()).isEqualTo(400);
    assertThat(webhooks.handle(TOKEN, EVENT, got::add).status()).isEqualTo(200);
    AsaasWebhooks.Response dup = webhooks.handle(TOKEN, EVENT, got::add);
    assertThat(dup.status()).isEqualTo(200);
    assertThat(dup.body()).contains("duplicate");
    assertThat(got).hasSize(1);
  }

  @Test
  void aCrashingHandlerIsNotAcknowledgedAndTheRedeliveryIsProcessed() {
    assertThat(webhooks.handle(TOKEN, EVENT, e -> {
      throw new IllegalStateException("db down");
    }).status()).isEqualTo(500);
    List<WebhookEvent> got = new CopyOnWriteArrayList<>();
    assertThat(webhooks.handle(TOKEN, EVENT, got::add).status()).isEqualTo(200);
    assertThat(got).hasSize(1);
  }

  @Test
  void theDefaultIsSynchronousTheAnswerComesOnlyAfterTheHandlerReturned() {
    List<String> order = new CopyOnWriteArrayList<>();
    AsaasWebhooks.Response r = webhooks.handle(TOKEN, EVENT, e -> order.add("processed"));
    order.add("answered " + r.status());
    assertThat(order).containsExactly("processed", "answered 200");
  }

  @Test
  void anAuthenticatedEventThatCannotBeMappedIsAcknowledgedAndHandedOverRaw() {
    String unmappable = EVENT.replace("\"value\":100.00", "\"value\":{\"amount\":\"cem\"}");
    List<WebhookEvent> got = new CopyOnWriteArrayList<>();
    assertThat(webhooks.handle(TOKEN, unmappable, got::add).status()).isEqualTo(200);
    assertThat(got).singleElement().isInstanceOfSatisfying(OtherEvent.class, o -> {
      assertThat(o.rawEvent()).isEqualTo("PAYMENT_RECEIVED");
      assertThat(o.family()).isEqualTo("payment");
      assertThat(o.unmappedReason()).isPresent();
      assertThat(o.object().get("id").asText()).isEqualTo("pay_080225913252");
    });
    // an unknown family and a bare unknown event are acknowledged too
    assertThat(webhooks.handle(TOKEN, "{\"id\":\"evt_9&1\",\"event\":\"SOMETHING_NEW\"}", got::add).status()).isEqualTo(200);
    assertThat(got).hasSize(2);
  }

  @Test
  void onlyUnauthenticatedOrMalformedDeliveriesAreRefused() {
    List<WebhookEvent> got = new CopyOnWriteArrayList<>();
    assertThat(webhooks.handle(TOKEN, "not json", got::add).status()).isEqualTo(400);
    assertThat(webhooks.handle(TOKEN, "[1,2]", got::add).status()).isEqualTo(400);
    assertThat(webhooks.handle(TOKEN, "{\"event\":\"PAYMENT_CREATED\"}", got::add).status()).as("no id to dedupe by").isEqualTo(400);
    assertThat(webhooks.handle("x".repeat(40), EVENT, got::add).status()).isEqualTo(401);
    assertThat(got).isEmpty();
  }

  @Test
  void theTokenIsCheckedBeforeTheBodyIsRead() {
    InputStream untouchable = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("the body was read before the token was checked");
      }
    };
    assertThat(webhooks.handle(null, untouchable, -1, e -> {}).status()).isEqualTo(401);
    assertThat(webhooks.handle("wrong", untouchable, -1, e -> {}).status()).isEqualTo(401);
  }

  @Test
  void anOversizedBodyIs413BeforeParsing() throws Exception {
    AsaasWebhooks small = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).maxBodyBytes(2048).build();
    List<WebhookEvent> got = new CopyOnWriteArrayList<>();
    String big = "{" + "x".repeat(4096);   // not even JSON: a 400 would mean it was parsed
    assertThat(small.handle(TOKEN, big, got::add).status()).isEqualTo(413);
    InputStream untouchable = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("a body declared too large was read");
      }
    };
    assertThat(small.handle(TOKEN, untouchable, 1_000_000, got::add).status()).as("declared length").isEqualTo(413);
    assertThat(small.handle(TOKEN, new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)), -1, got::add).status())
        .as("undeclared length, read up to the limit only").isEqualTo(413);
    // through the JDK server: never truncated into a "valid" prefix
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/asaas", small.httpHandler(got::add));
    server.start();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/asaas"))
          .header(AsaasWebhooks.TOKEN_HEADER, TOKEN)
          .POST(HttpRequest.BodyPublishers.ofString(EVENT + " ".repeat(4096))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(413);
    } finally {
      server.stop(0);
    }
    assertThat(got).isEmpty();
  }

  @Test
  void asyncModePutsTheEventOnTheTopicBeforeAnswering200() {
    String queue = "mem://asaas-events-" + UUID.randomUUID();
    try (Topic topic = Topic.open(queue); Subscription sub = Subscription.open(queue)) {
      AsaasWebhooks async = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).deliverTo(topic).build();
      AsaasWebhooks.Response r = async.handle(TOKEN, EVENT);
      assertThat(r.status()).isEqualTo(200);
      // already there when 200 was answered: no waiting
      List<ReceivedMessage> messages = sub.receive(10, Duration.ZERO);
      assertThat(messages).singleElement().satisfies(m -> {
        assertThat(m.attributes()).containsEntry(AsaasWebhooks.EVENT_ATTRIBUTE, "PAYMENT_RECEIVED")
            .containsEntry(AsaasWebhooks.EVENT_ID_ATTRIBUTE, "evt_05b708f961d739ea7eba7e4db318f621&368604920");
        assertThat(async.parse(m.bodyAsString())).isInstanceOf(PaymentEvent.class);
        m.ack();
      });
      assertThat(async.handle(TOKEN, EVENT).body()).as("duplicate not published again").contains("duplicate");
      assertThat(sub.receive(10, Duration.ZERO)).isEmpty();
      assertThatThrownBy(() -> async.handle(TOKEN, EVENT, e -> {})).isInstanceOf(YshException.class);
    }
  }

  @Test
  void asyncModeDoesNotAcknowledgeAnEventTheTopicRefused() {
    String queue = "mem://asaas-events-" + UUID.randomUUID();
    Topic closed = Topic.open(queue);
    AsaasWebhooks async = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).deliverTo(closed).build();
    closed.close();
    assertThat(async.handle(TOKEN, EVENT).status()).isEqualTo(503);
    try (Topic topic = Topic.open(queue); Subscription sub = Subscription.open(queue)) {
      AsaasWebhooks again = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).deliverTo(topic).build();
      assertThat(again.handle(TOKEN, EVENT).status()).isEqualTo(200);
      assertThat(sub.receive(10, Duration.ZERO)).hasSize(1);
    }
  }

  @Test
  void cacheBackedStoreDedupesAcrossReceivers() {
    try (Cache cache = Cache.open("mem://?namespace=webhooks-" + UUID.randomUUID())) {
      WebhookEventStore store = new CacheWebhookEventStore(cache);
      AsaasWebhooks a = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).eventStore(store).build();
      AsaasWebhooks b = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).eventStore(store).build();
      List<WebhookEvent> got = new CopyOnWriteArrayList<>();
      a.handle(TOKEN, EVENT, got::add);
      b.handle(TOKEN, EVENT, got::add);
      assertThat(got).hasSize(1);
    }
  }

  @Test
  void inMemoryStoreIsBounded() {
    WebhookEventStore store = WebhookEventStore.inMemory(2, Duration.ofMinutes(1));
    assertThat(store.markIfNew("a")).isTrue();
    assertThat(store.markIfNew("b")).isTrue();
    assertThat(store.markIfNew("a")).isFalse();
    assertThat(store.markIfNew("c")).isTrue();
    assertThat(store.markIfNew("a")).isTrue(); // evicted
  }

  /** The simulator delivers real webhooks (with duplicates on demand) to the JDK-server helper. */
  @Test
  void simulatorDeliveriesReachTheHandlerAuthenticatedAndDeduplicated() throws Exception {
    List<PaymentEvent> got = new CopyOnWriteArrayList<>();
    AsaasWebhooks receiver = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).build();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/asaas", receiver.httpHandler(e -> got.add((PaymentEvent) e)));
    server.start();
    AsaasClient asaas = Sim.client();
    WebhookConfig cfg = asaas.webhooks().create(WebhookConfigRequest.of("test", "http://127.0.0.1:" + server.getAddress().getPort() + "/asaas",
        "ops@example.com", Secret.of(TOKEN), List.of("PAYMENT_CREATED", "PAYMENT_RECEIVED")));
    try {
      Sim.SIM.duplicateWebhooks(true);
      String customer = asaas.customers().create(CustomerRequest.builder().name("W").cpfCnpj("52998224725").build()).id();
      Payment p = asaas.payments().create(PaymentRequest.builder().customer(customer).billingType(BillingType.PIX)
          .value(Money.of("7.00")).dueDate(LocalDate.now(ZoneId.of("America/Sao_Paulo"))).build());
      asaas.sandbox().confirmPayment(p.id());
      await().atMost(Duration.ofSeconds(10)).until(() -> Sim.SIM.webhookDeliveries().stream()
          .filter(d -> d.webhookId().equals(cfg.id()) && d.status() == 200).count() >= 4);
      assertThat(got).extracting(PaymentEvent::type).containsExactly(PaymentEventType.PAYMENT_CREATED, PaymentEventType.PAYMENT_RECEIVED);
      assertThat(got.get(1).payment().id()).isEqualTo(p.id());
    } finally {
      Sim.SIM.duplicateWebhooks(false);
      asaas.webhooks().delete(cfg.id());
      server.stop(0);
    }
  }

  @Test
  void simulatorPausesTheQueueAfterRepeatedFailuresAndRemoveBackoffResumesIt() throws Exception {
    List<WebhookEvent> got = new CopyOnWriteArrayList<>();
    AsaasWebhooks receiver = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).build();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/asaas", receiver.httpHandler(got::add));
    server.start();
    AsaasClient asaas = Sim.client();
    // wrong token configured on the Asaas side: every delivery answers 401
    WebhookConfig cfg = asaas.webhooks().create(WebhookConfigRequest.of("test", "http://127.0.0.1:" + server.getAddress().getPort() + "/asaas",
        "ops@example.com", Secret.of("w".repeat(40)), List.of("PAYMENT_CREATED")));
    try {
      Sim.SIM.pauseWebhooksAfter(3);
      String customer = asaas.customers().create(CustomerRequest.builder().name("W").cpfCnpj("52998224725").build()).id();
      asaas.payments().create(PaymentRequest.builder().customer(customer).billingType(BillingType.PIX)
          .value(Money.of("7.00")).dueDate(LocalDate.now(ZoneId.of("America/Sao_Paulo"))).build());
      await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(asaas.webhooks().get(cfg.id()).interrupted()));
      assertThat(got).isEmpty();
      asaas.webhooks().update(cfg.id(), new WebhookConfigRequest(null, null, null, null, null, null, Secret.of(TOKEN), null, null));
      asaas.webhooks().removeBackoff(cfg.id());
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
    } finally {
      Sim.SIM.pauseWebhooksAfter(15);
      asaas.webhooks().delete(cfg.id());
      server.stop(0);
    }
  }

  @Test
  void testPayloadRoundTrips() {
    String body = AsaasWebhooks.testPayload(PaymentEventType.PAYMENT_OVERDUE,
        Json.mapper().createObjectNode().put("id", "pay_1").put("status", "OVERDUE").put("value", 1));
    PaymentEvent e = (PaymentEvent) webhooks.parse(body);
    assertThat(e.type()).isEqualTo(PaymentEventType.PAYMENT_OVERDUE);
    assertThat(e.id()).contains("&");
  }
}
