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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Asaas webhooks without ever losing an event: verifies the {@code asaas-access-token}
 * header in constant time before reading the body, bounds the body, parses the envelope into a
 * {@link WebhookEvent}, drops duplicates by event id, and acknowledges (HTTP 200) only once the
 * event is safe.
 *
 * <pre>{@code
 * AsaasWebhooks webhooks = AsaasWebhooks.builder()
 *     .authToken(Secret.of(System.getenv("ASAAS_WEBHOOK_TOKEN")))
 *     .eventStore(new CacheWebhookEventStore(Cache.open("redis://cache:6379/0")))   // several instances
 *     .build();
 * // in any HTTP framework:
 * AsaasWebhooks.Response r = webhooks.handle(request.header("asaas-access-token"), request.body(), event -> {
 *   if (event instanceof PaymentEvent p && p.type() == PaymentEventType.PAYMENT_RECEIVED) { orders.markPaid(p.payment()); }
 * });
 * respond(r.status(), r.body());
 * }</pre>
 *
 * <p><b>What each delivery is answered.</b>
 *
 * <ul>
 *   <li>401 for a missing or wrong token (the body is not read);
 *   <li>413 for a body over {@link Builder#maxBodyBytes(int) the limit} (not parsed, never
 *       truncated);
 *   <li>400 for a body that is not a JSON object with {@code id} and {@code event};
 *   <li>200 for every other authenticated event, including events this SDK cannot map (they
 *       reach the processor as an {@link OtherEvent} with the raw JSON) and duplicates (not
 *       processed again): Asaas pauses a webhook's queue after 15 failures, so nothing that can
 *       be acknowledged is refused;
 *   <li>500 when the processor throws, or 503 when the topic refuses the event: the event is not
 *       acknowledged, its id is forgotten, and Asaas delivers it again.
 * </ul>
 *
 * <p><b>Synchronous by default.</b> The processor runs on the request thread and 200 is answered
 * only after it returns, so an acknowledged event has been processed. Keep it short (record the
 * change, do the work elsewhere). <b>Asynchronous mode</b> ({@link Builder#deliverTo}) publishes
 * the verified event to a durable portable {@code io.ysh.queue.Topic} and answers 200 only after
 * the publish returned; consumers parse the message body with {@link #parse(String)}. Delivery is
 * then at least once end to end: consumers must be idempotent.
 *
 * <p><b>De-duplication.</b> The default {@link WebhookEventStore#inMemory()} store is per
 * instance: behind a load balancer a redelivery can reach another instance and be processed
 * again. Deploy several instances with {@link CacheWebhookEventStore} (Redis through the portable
 * Cache), which every instance shares.
 *
 * <p>Asaas has no HMAC and no timestamp: the shared token is the only proof of origin, so serve
 * the endpoint over HTTPS only. Delivery is at least once and unordered; reconcile by listing
 * payments after an outage (see the module README). Thread-safe.
 */
public final class AsaasWebhooks {

  /** The header carrying the shared token. */
  public static final String TOKEN_HEADER = "asaas-access-token";

  /** The message attribute carrying the event name, in asynchronous mode. */
  public static final String EVENT_ATTRIBUTE = "asaas-event";

  /** The message attribute carrying the event id, in asynchronous mode. */
  public static final String EVENT_ID_ATTRIBUTE = "asaas-event-id";

  /** The default body limit: 512 KiB (Asaas's events are a few KiB). */
  public static final int DEFAULT_MAX_BODY_BYTES = 512 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(AsaasWebhooks.class);
  private static final Set<String> META = Set.of("id", "event", "dateCreated");
  private static final Response UNAUTHORIZED = new Response(401, "{\"error\":\"unauthorized\"}");
  private static final Response TOO_LARGE = new Response(413, "{\"error\":\"body too large\"}");
  private static final Response INVALID = new Response(400, "{\"error\":\"invalid event\"}");

  private final Secret authToken;
  private final WebhookEventStore store;
  private final EventSink sink;
  private final int maxBodyBytes;
  private final ObjectMapper mapper = AsaasJson.mapper();

  private AsaasWebhooks(Builder b) {
    this.authToken = b.authToken;
    this.store = b.store;
    this.sink = b.sink;
    this.maxBodyBytes = b.maxBodyBytes;
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
   * Parses an envelope without verifying it (use {@link #handle} for requests). A payment event
   * whose payment cannot be mapped to {@link Payment}, an invoice event whose invoice cannot be
   * mapped to {@link Invoice}, an anticipation event whose anticipation cannot be mapped to
   * {@link Anticipation}, an account status event whose status cannot be mapped to
   * {@link AccountStatus}, and any other family, come back as an {@link OtherEvent} with the
   * raw JSON; Pix Automático events are a {@link PixAutomaticEvent}.
   *
   * @param body the request body (or a queued message's body, in asynchronous mode)
   * @return the event
   * @throws YshException {@code INVALID_ARGUMENT} when the body is not a JSON object with
   *     {@code id} and {@code event}
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
    if (root == null || !root.isObject() || !root.hasNonNull("event") || !root.get("event").isTextual()) {
      throw YshException.invalidArgument("webhook body has no 'event' field");
    }
    String event = root.get("event").asText();
    String id = root.hasNonNull("id") && root.get("id").isValueNode() ? root.get("id").asText() : null;
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
    LocalDateTime at = created;
    if (event.startsWith("PAYMENT_") && root.path("payment").isObject()) {
      return typed(root, id, event, at, "payment", Payment.class,
          payment -> new PaymentEvent(id, PaymentEventType.from(event), event, at, payment, root));
    }
    if (event.startsWith("INVOICE_") && root.path("invoice").isObject()) {
      return typed(root, id, event, at, "invoice", Invoice.class,
          invoice -> new InvoiceEvent(id, InvoiceEventType.from(event), event, at, invoice, root));
    }
    if (event.startsWith("RECEIVABLE_ANTICIPATION_") && root.path("anticipation").isObject()) {
      return typed(root, id, event, at, "anticipation", Anticipation.class,
          anticipation -> new AnticipationEvent(id, AnticipationEventType.from(event), event, at, anticipation, root));
    }
    if (event.startsWith("ACCOUNT_STATUS_") && root.path("accountStatus").isObject()) {
      return typed(root, id, event, at, "accountStatus", AccountStatus.class,
          status -> new AccountStatusEvent(id, AccountStatusEventType.from(event), event, at, status, root));
    }
    String family = null;
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!META.contains(f) && root.get(f).isObject()) {
        family = f;
        break;
      }
    }
    if (event.startsWith("PIX_AUTOMATIC_RECURRING_")) {
      return new PixAutomaticEvent(id, PixAutomaticEventType.from(event), event, created, family, root);
    }
    return new OtherEvent(id, event, created, family, root, null);
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
   * Handles one delivery synchronously, for any HTTP framework: verify, bound, parse, dedupe,
   * process, and only then acknowledge (see the class documentation for every status).
   *
   * @param headerValue the {@code asaas-access-token} header, or null
   * @param body the body
   * @param processor what to do with each new event; when it throws, the delivery is not
   *     acknowledged and Asaas delivers it again
   * @return the status and body to answer
   * @throws YshException {@code UNSUPPORTED} when this receiver publishes to a topic (use
   *     {@link #handle(String, String)})
   */
  public Response handle(String headerValue, String body, Consumer<WebhookEvent> processor) {
    Objects.requireNonNull(processor, "processor");
    requireMode(false);
    return process(headerValue, () -> body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), -1, processor);
  }

  /**
   * Handles one delivery synchronously, reading the body from a stream only after the token was
   * verified, and never more than the limit.
   *
   * @param headerValue the {@code asaas-access-token} header, or null
   * @param body the request body stream (not closed here)
   * @param contentLength the declared length, or -1 when unknown
   * @param processor what to do with each new event
   * @return the status and body to answer
   */
  public Response handle(String headerValue, InputStream body, long contentLength, Consumer<WebhookEvent> processor) {
    Objects.requireNonNull(processor, "processor");
    requireMode(false);
    return process(headerValue, () -> readBounded(body), contentLength, processor);
  }

  /**
   * Handles one delivery asynchronously: verify, bound, parse, dedupe, publish the event to the
   * configured topic, and acknowledge once the publish returned.
   *
   * @param headerValue the {@code asaas-access-token} header, or null
   * @param body the body
   * @return the status and body to answer
   * @throws YshException {@code UNSUPPORTED} when no topic was configured
   */
  public Response handle(String headerValue, String body) {
    requireMode(true);
    return process(headerValue, () -> body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), -1, null);
  }

  /**
   * A handler for the JDK's built-in HTTP server ({@code com.sun.net.httpserver}), synchronous:
   * 405 for anything but POST, then as {@link #handle(String, InputStream, long, Consumer)}.
   *
   * @param processor what to do with each new event
   * @return the handler
   */
  public HttpHandler httpHandler(Consumer<WebhookEvent> processor) {
    Objects.requireNonNull(processor, "processor");
    requireMode(false);
    return exchange -> serve(exchange, processor);
  }

  /**
   * A handler for the JDK's built-in HTTP server that publishes each verified event to the
   * configured topic before answering 200.
   *
   * @return the handler
   * @throws YshException {@code UNSUPPORTED} when no topic was configured
   */
  public HttpHandler httpHandler() {
    requireMode(true);
    return exchange -> serve(exchange, null);
  }

  private void serve(HttpExchange exchange, Consumer<WebhookEvent> processor) throws IOException {
    try (exchange) {
      if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
        respond(exchange, new Response(405, "{\"error\":\"POST only\"}"));
        return;
      }
      long declared = -1;
      String length = exchange.getRequestHeaders().getFirst("Content-Length");
      if (length != null) {
        try {
          declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
          declared = -1;
        }
      }
      InputStream in = exchange.getRequestBody();
      respond(exchange, process(exchange.getRequestHeaders().getFirst(TOKEN_HEADER), () -> readBounded(in), declared, processor));
    }
  }

  /** The body, read lazily so that nothing is read before the token is verified. */
  @FunctionalInterface
  private interface BodySource {
    byte[] read() throws TooLarge;
  }

  private static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  private byte[] readBounded(InputStream in) throws TooLarge {
    try {
      byte[] bytes = in.readNBytes(maxBodyBytes + 1);
      if (bytes.length > maxBodyBytes) {
        throw new TooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response process(String headerValue, BodySource source, long declaredLength, Consumer<WebhookEvent> processor) {
    try {
      verify(headerValue);
    } catch (WebhookAuthenticationException e) {
      return UNAUTHORIZED;
    }
    if (declaredLength > maxBodyBytes) {
      return TOO_LARGE;
    }
    byte[] bytes;
    try {
      bytes = source.read();
    } catch (TooLarge e) {
      return TOO_LARGE;
    } catch (UncheckedIOException e) {
      return new Response(400, "{\"error\":\"unreadable body\"}");
    }
    if (bytes.length > maxBodyBytes) {
      return TOO_LARGE;
    }
    WebhookEvent event;
    byte[] body = bytes;
    try {
      event = parse(new String(body, StandardCharsets.UTF_8));
    } catch (YshException e) {
      return INVALID;
    }
    if (!store.markIfNew(event.id())) {
      return new Response(200, "{\"received\":true,\"duplicate\":true}");
    }
    try {
      if (processor != null) {
        processor.accept(event);
      } else {
        sink.publish(event, body);
      }
    } catch (RuntimeException | Error e) {
      forget(event);
      if (processor != null) {
        LOG.warn("processing Asaas event {} ({}) failed; not acknowledged, Asaas will deliver it again", event.id(), event.rawEvent(), e);
        if (e instanceof Error err) {
          throw err;
        }
        return new Response(500, "{\"error\":\"processing failed\"}");
      }
      LOG.warn("publishing Asaas event {} ({}) to {} failed; not acknowledged, Asaas will deliver it again", event.id(), event.rawEvent(), sink, e);
      if (e instanceof Error err) {
        throw err;
      }
      return new Response(503, "{\"error\":\"event not stored\"}");
    }
    return new Response(200, "{\"received\":true}");
  }

  private void forget(WebhookEvent event) {
    try {
      store.forget(event.id());
    } catch (RuntimeException e) {
      LOG.warn("cannot forget Asaas event {} in {}: a redelivery may be dropped as a duplicate", event.id(), store, e);
    }
  }

  private void requireMode(boolean async) {
    if (async && sink == null) {
      throw YshException.builder(ErrorCode.UNSUPPORTED).provider(AsaasTransport.PROVIDER)
          .detail("this receiver processes events synchronously; pass a processor, or build it with deliverTo(topic)").build();
    }
    if (!async && sink != null) {
      throw YshException.builder(ErrorCode.UNSUPPORTED).provider(AsaasTransport.PROVIDER)
          .detail("this receiver publishes events to " + sink + "; use handle(token, body) or httpHandler() and consume the topic").build();
    }
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
    return "AsaasWebhooks[" + store + (sink == null ? ", synchronous" : ", " + sink) + "]";
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
    private EventSink sink;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

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
     * Sets where seen event ids are kept (default: in memory, per instance; use
     * {@link CacheWebhookEventStore} when several instances receive the webhook).
     *
     * @param store the store
     * @return this builder
     */
    public Builder eventStore(WebhookEventStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Switches to asynchronous mode: each verified, new event is published to this durable
     * portable topic (body as posted, attributes {@link #EVENT_ATTRIBUTE} and
     * {@link #EVENT_ID_ATTRIBUTE}) before 200 is answered. Needs {@code io.ysh:ysh-queue-api} and
     * a queue driver on the classpath.
     *
     * @param topic the topic, for example {@code Topic.open("sqs://…/asaas-events")}
     * @return this builder
     */
    public Builder deliverTo(io.ysh.queue.Topic topic) {
      Objects.requireNonNull(topic, "topic");
      this.sink = new TopicEventSink(topic);
      return this;
    }

    /**
     * Sets the largest body accepted (default {@link #DEFAULT_MAX_BODY_BYTES}); larger ones are
     * answered 413 without being parsed.
     *
     * @param bytes the limit, at least 1 KiB
     * @return this builder
     */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1024) {
        throw YshException.invalidArgument("maxBodyBytes must be at least 1024");
      }
      this.maxBodyBytes = bytes;
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
      return new AsaasWebhooks(this);
    }
  }

  /**
   * Maps the event's {@code field} object to {@code type} and wraps it; an object that does not map
   * makes an {@link OtherEvent} of that family carrying the reason, never a failure.
   */
  private <T> WebhookEvent typed(JsonNode root, String id, String event, LocalDateTime created, String field,
      Class<T> type, java.util.function.Function<T, WebhookEvent> wrap) {
    try {
      return wrap.apply(mapper.treeToValue(root.get(field), type));
    } catch (IOException | RuntimeException e) {
      String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.toString();
      return new OtherEvent(id, event, created, field, root, field + " not mappable to " + type.getSimpleName() + ": " + why);
    }
  }
}
