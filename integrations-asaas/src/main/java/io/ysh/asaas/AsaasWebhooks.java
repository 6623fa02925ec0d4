package io.ysh.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Asaas webhooks: verifies the {@code asaas-access-token} header in constant time,
 * parses the envelope into typed {@link WebhookEvent}s and drops duplicates by event id.
 *
 * <pre>{@code
 * AsaasWebhooks webhooks = AsaasWebhooks.builder()
 *     .authToken(Secret.of(System.getenv("ASAAS_WEBHOOK_TOKEN")))
 *     .eventStore(new CacheWebhookEventStore(Cache.open("redis://cache:6379/0")))
 *     .build();
 * // in any HTTP framework:
 * AsaasWebhooks.Response r = webhooks.handle(request.header("asaas-access-token"), request.body(), event -> {
 *   if (event instanceof PaymentEvent p && p.type() == PaymentEventType.PAYMENT_RECEIVED) { … }
 * });
 * respond(r.status(), r.body());
 * }</pre>
 *
 * <p>Asaas has no HMAC and no timestamp: the shared token is the only proof of origin, so serve
 * the endpoint over HTTPS only. Delivery is at least once and unordered, and Asaas pauses the
 * queue after 15 consecutive failures: answer 200 fast (hand the work to an executor) and
 * reconcile by listing payments after an outage (see the module README). Thread-safe.
 */
public final class AsaasWebhooks {

  /** The header carrying the shared token. */
  public static final String TOKEN_HEADER = "asaas-access-token";

  private static final Logger LOG = LoggerFactory.getLogger(AsaasWebhooks.class);
  private static final Set<String> META = Set.of("id", "event", "dateCreated");

  private final Secret authToken;
  private final WebhookEventStore store;
  private final Executor executor;
  private final ObjectMapper mapper = AsaasJson.mapper();

  private AsaasWebhooks(Builder b) {
    this.authToken = b.authToken;
    this.store = b.store;
    this.executor = b.executor;
  }

  /**
   * Starts a builder; the auth token is required.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks the {@code asaas-access-token} header in constant time.
   *
   * @param headerValue the header's value, or null when absent
   * @throws WebhookAuthenticationException when it is missing or does not match
   */
  public void verify(String headerValue) {
    if (headerValue == null || headerValue.isEmpty()) {
      throw new WebhookAuthenticationException(true);
    }
    if (!authToken.matches(headerValue)) {
      throw new WebhookAuthenticationException(false);
    }
  }

  /**
   * Parses an envelope without verifying it (use {@link #verifyAndParse} for requests).
   *
   * @param body the request body
   * @return the event
   * @throws YshException {@code INVALID_ARGUMENT} when the body is not an Asaas event envelope
   */
  public WebhookEvent parse(String body) {
    if (body == null || body.isBlank()) {
      throw YshException.invalidArgument("webhook body is empty");
    }
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT).detail("webhook body is not JSON").cause(e).build();
    }
    if (root == null || !root.isObject() || !root.hasNonNull("event")) {
      throw YshException.invalidArgument("webhook body has no 'event' field");
    }
    String event = root.get("event").asText();
    String id = root.hasNonNull("id") ? root.get("id").asText() : null;
    if (id == null || id.isBlank()) {
      throw YshException.invalidArgument("webhook body has no 'id' field");
    }
    LocalDateTime created = null;
    if (root.hasNonNull("dateCreated")) {
      try {
        created = AsaasJson.parseDateTime(root.get("dateCreated").asText());
      } catch (IllegalArgumentException e) {
        created = null;
      }
    }
    if (event.startsWith("PAYMENT_") && root.path("payment").isObject()) {
      Payment payment;
      try {
        payment = mapper.treeToValue(root.get("payment"), Payment.class);
      } catch (IOException e) {
        throw YshException.builder(ErrorCode.INVALID_ARGUMENT).detail("webhook payment is unreadable: " + e.getMessage()).cause(e).build();
      }
      return new PaymentEvent(id, PaymentEventType.from(event), event, created, payment, root);
    }
    String family = null;
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!META.contains(f) && root.get(f).isObject()) {
        family = f;
        break;
      }
    }
    return new OtherEvent(id, event, created, family, root);
  }

  /**
   * Verifies the header, then parses the body.
   *
   * @param headerValue the {@code asaas-access-token} header, or null
   * @param body the request body
   * @return the event
   * @throws WebhookAuthenticationException for a missing or wrong token (the body is not read)
   */
  public WebhookEvent verifyAndParse(String headerValue, String body) {
    verify(headerValue);
    return parse(body);
  }

  /**
   * Records an event as seen.
   *
   * @param event the event
   * @return true the first time, false for a duplicate delivery
   */
  public boolean markIfNew(WebhookEvent event) {
    return store.markIfNew(event.id());
  }

  /**
   * Handles one delivery, for any HTTP framework: verify, parse, dedupe, then hand the event to
   * the processor on the configured executor and answer at once.
   *
   * <ul>
   *   <li>401 for a missing or wrong token, 400 for a body that is not an event;
   *   <li>200 for a duplicate (not processed again);
   *   <li>200 once the event is handed over. When the processor throws, the id is forgotten so a
   *       redelivery is processed; with {@link Builder#processInline()} the failure answers 500 so
   *       Asaas redelivers.
   * </ul>
   *
   * @param headerValue the {@code asaas-access-token} header, or null
   * @param body the body
   * @param processor what to do with each new event
   * @return the status and body to answer
   */
  public Response handle(String headerValue, String body, Consumer<WebhookEvent> processor) {
    Objects.requireNonNull(processor, "processor");
    WebhookEvent event;
    try {
      event = verifyAndParse(headerValue, body);
    } catch (WebhookAuthenticationException e) {
      return new Response(401, "{\"error\":\"unauthorized\"}");
    } catch (YshException e) {
      return new Response(400, "{\"error\":\"invalid event\"}");
    }
    if (!store.markIfNew(event.id())) {
      return new Response(200, "{\"received\":true,\"duplicate\":true}");
    }
    if (executor == null) {
      try {
        processor.accept(event);
      } catch (RuntimeException e) {
        store.forget(event.id());
        LOG.warn("processing Asaas event {} ({}) failed; answering 500 so Asaas redelivers", event.id(), event.rawEvent(), e);
        return new Response(500, "{\"error\":\"processing failed\"}");
      }
    } else {
      WebhookEvent accepted = event;
      executor.execute(() -> {
        try {
          processor.accept(accepted);
        } catch (RuntimeException e) {
          store.forget(accepted.id());
          LOG.warn("processing Asaas event {} ({}) failed; reconcile by listing payments", accepted.id(), accepted.rawEvent(), e);
        }
      });
    }
    return new Response(200, "{\"received\":true}");
  }

  /**
   * A handler for the JDK's built-in HTTP server ({@code com.sun.net.httpserver}): reads the
   * body (at most 1 MiB), calls {@link #handle} and answers.
   *
   * @param processor what to do with each new event
   * @return the handler
   */
  public HttpHandler httpHandler(Consumer<WebhookEvent> processor) {
    return exchange -> {
      try (exchange) {
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
          respond(exchange, new Response(405, "{\"error\":\"POST only\"}"));
          return;
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
          byte[] bytes = in.readNBytes(1 << 20);
          body = new String(bytes, StandardCharsets.UTF_8);
        }
        respond(exchange, handle(exchange.getRequestHeaders().getFirst(TOKEN_HEADER), body, processor));
      }
    };
  }

  private static void respond(HttpExchange exchange, Response r) throws IOException {
    byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(r.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Builds a test delivery: the envelope Asaas would post for a payment event, for tests of code
   * that consumes webhooks.
   *
   * @param type the event
   * @param payment the payment JSON object
   * @return the body Asaas would post
   */
  public static String testPayload(PaymentEventType type, JsonNode payment) {
    ObjectNode root = AsaasJson.mapper().createObjectNode();
    root.put("id", "evt_" + UUID.randomUUID().toString().replace("-", "") + "&" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100000));
    root.put("event", type.name());
    root.put("dateCreated", AsaasJson.TIMESTAMP.format(LocalDateTime.now(AsaasJson.ZONE)));
    root.set("payment", payment);
    return root.toString();
  }

  @Override
  public String toString() {
    return "AsaasWebhooks[" + store + "]";
  }

  /**
   * What to answer Asaas.
   *
   * @param status the HTTP status
   * @param body a small JSON body
   */
  public record Response(int status, String body) {}

  /** Configures {@link AsaasWebhooks}. Not thread-safe. */
  public static final class Builder {
    private Secret authToken;
    private WebhookEventStore store = WebhookEventStore.inMemory();
    private Executor executor;
    private boolean inline;

    private Builder() {}

    /**
     * Sets the token configured on the webhook (32 to 255 characters).
     *
     * @param authToken the token
     * @return this builder
     */
    public Builder authToken(Secret authToken) {
      this.authToken = Objects.requireNonNull(authToken, "authToken");
      return this;
    }

    /**
     * Sets where seen event ids are kept (default: in memory).
     *
     * @param store the store
     * @return this builder
     */
    public Builder eventStore(WebhookEventStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Runs processors on this executor (default: a small daemon pool), so
     * {@link AsaasWebhooks#handle} answers before processing ends.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      this.inline = false;
      return this;
    }

    /**
     * Runs processors on the request thread: slower answers, but a failure answers 500 and
     * Asaas redelivers.
     *
     * @return this builder
     */
    public Builder processInline() {
      this.inline = true;
      this.executor = null;
      return this;
    }

    /**
     * Builds the receiver.
     *
     * @return the receiver
     * @throws YshException {@code INVALID_ARGUMENT} when the token is missing or shorter than 32
     *     characters
     */
    public AsaasWebhooks build() {
      if (authToken == null || authToken.reveal().length() < 32) {
        throw YshException.invalidArgument("authToken is required and must have at least 32 characters (Asaas's minimum)");
      }
      if (!inline && executor == null) {
        executor = DefaultExecutor.INSTANCE;
      }
      return new AsaasWebhooks(this);
    }
  }

  private static final class DefaultExecutor {
    static final ExecutorService INSTANCE = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "asaas-webhooks");
      t.setDaemon(true);
      return t;
    });
  }
}
