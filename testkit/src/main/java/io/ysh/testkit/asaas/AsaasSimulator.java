package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ysh.core.br.Cnpj;
import io.ysh.core.br.Cpf;
import io.ysh.core.br.Money;
import io.ysh.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stateful, in-process simulator of the Asaas API v3 on the JDK's built-in HTTP server, bound
 * to a free port on 127.0.0.1. In the spirit of stripe-mock, but with state: a payment created
 * through the API can be listed, paid (sandbox confirm), refunded and deleted, and every change
 * is delivered to the configured webhooks.
 *
 * <p>What it simulates, following Asaas's documentation:
 *
 * <ul>
 *   <li>auth by the {@code access_token} header (401 otherwise), a mandatory User-Agent, 403 for
 *       a GET with a body;
 *   <li>customers (create with CPF/CNPJ validation, get, list with filters, update, delete,
 *       restore); payments (BOLETO, PIX, CREDIT_CARD, UNDEFINED; installments; status machine;
 *       PIX QR code with a BR Code payload; boleto typeable line; refunds full and partial;
 *       receive in cash; delete and restore); subscriptions generating payments; installments;
 *       transfers with a balance; financial transactions; webhook configuration; sandbox
 *       confirm and overdue;
 *   <li>list envelopes with {@code limit}/{@code offset}, newest first, unknown filters
 *       silently ignored (as Asaas does); the {@code {"errors":[{code, description}]}} body;
 *   <li>{@code RateLimit-*} headers, 429 on demand ({@link #rateLimitNext}), quota exhaustion
 *       ({@link #exhaustQuota}) and 429 beyond 50 concurrent GETs;
 *   <li>webhook delivery with the {@code asaas-access-token} header, retries, the queue paused
 *       after 15 consecutive failures, duplicates on demand;
 *   <li>fault injection through {@link #faults()}: latency, 5xx, connection dropped before or
 *       after the request took effect.
 * </ul>
 *
 * <p>Not simulated: fees beyond a flat one, anticipations, splits' effects, invoices (NFS-e),
 * accounts and sub-accounts, chargebacks, the real card network. Thread-safe; one lock guards
 * the state.
 */
public final class AsaasSimulator implements AutoCloseable {

  /** The API key the simulator accepts unless another is configured. */
  public static final String DEFAULT_API_KEY = "$aact_hmlg_000MzkwODA2MWY2OGM3MWRlMDU2NWM3MzJlNzZmNGZhZGY6OjAwMDAwMDAwMDAwMDAwMDAwMDA6OiRhYWNoXzAwMDA=";

  private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Set<String> GET_METHODS = Set.of("GET", "HEAD");
  private static final int MAX_CONCURRENT_GETS = 50;
  private static final String PNG_1PX =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

  static {
    // The JDK server leaves Nagle's algorithm on unless told otherwise, and each small answer
    // then waits ~40 ms for the client's delayed ACK. Only effective if no JDK HttpServer was
    // created in this JVM before; set -Dsun.net.httpserver.nodelay=true yourself to be sure.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final ObjectMapper mapper = Json.mapper();
  private final Object lock = new Object();
  private final HttpServer server;
  private final ExecutorService httpExecutor;
  private final ExecutorService webhookExecutor;
  private final HttpClient webhookClient;
  private final String apiKey;
  private final Clock clock;
  private final SimulatorFaults faults = new SimulatorFaults();
  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger inFlightGets = new AtomicInteger();
  private final List<String> requestLog = new CopyOnWriteArrayList<>();
  private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();

  // State, guarded by lock. LinkedHashMaps keep creation order; lists are served newest first.
  private final Map<String, ObjectNode> customers = new LinkedHashMap<>();
  private final Map<String, ObjectNode> payments = new LinkedHashMap<>();
  private final Map<String, ObjectNode> installments = new LinkedHashMap<>();
  private final Map<String, ObjectNode> subscriptions = new LinkedHashMap<>();
  private final Map<String, ObjectNode> transfers = new LinkedHashMap<>();
  private final Map<String, ObjectNode> webhooks = new LinkedHashMap<>();
  private final Map<String, String> webhookTokens = new HashMap<>();
  private final Map<String, Integer> webhookFailures = new HashMap<>();
  private final Map<String, List<ObjectNode>> pausedEvents = new HashMap<>();
  private final List<ObjectNode> financialTransactions = new ArrayList<>();
  private final Map<String, List<ObjectNode>> refunds = new HashMap<>();
  private BigDecimal balance;
  private int rateLimitedRemaining;
  private int rateLimitReset;
  private boolean quotaExhausted;
  private boolean duplicateWebhooks;
  private int webhookMaxAttempts;
  private Duration webhookRetryDelay;
  private int pauseAfterFailures = 15;
  private long sequence;

  private AsaasSimulator(Builder b) throws IOException {
    this.apiKey = b.apiKey;
    this.clock = b.clock;
    this.balance = b.balance;
    this.webhookMaxAttempts = b.webhookMaxAttempts;
    this.webhookRetryDelay = b.webhookRetryDelay;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 128);
    this.httpExecutor = Executors.newCachedThreadPool(daemon("asaas-simulator"));
    this.webhookExecutor = Executors.newSingleThreadExecutor(daemon("asaas-simulator-webhooks"));
    this.webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    server.setExecutor(httpExecutor);
    server.createContext("/", this::serve);
    server.start();
  }

  /**
   * Starts a simulator with the defaults ({@link #DEFAULT_API_KEY}, system clock, balance
   * R$ 10.000,00).
   *
   * @return the running simulator
   */
  public static AsaasSimulator start() {
    return builder().start();
  }

  /**
   * Runs a simulator by hand until the process is stopped: {@code java -cp … 
   * io.ysh.testkit.asaas.AsaasSimulator [port]}. Prints the base URL and the API key to use.
   *
   * @param args an optional port (default: a free one)
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    AsaasSimulator sim = builder().port(args.length > 0 ? Integer.parseInt(args[0]) : 0).start();
    System.out.println("Asaas simulator at " + sim.baseUrl());
    System.out.println("access_token: " + sim.apiKey());
    Thread.currentThread().join();
  }

  /**
   * Starts configuring a simulator.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URL to give a client, including {@code /v3}.
   *
   * @return for example {@code http://127.0.0.1:53117/v3}
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v3";
  }

  /**
   * The port the simulator listens on (127.0.0.1).
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The API key the simulator accepts.
   *
   * @return the key
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * Fault injection rules.
   *
   * @return the faults, shared with the running server
   */
  public SimulatorFaults faults() {
    return faults;
  }

  /**
   * Answers the next {@code count} requests with 429 and {@code RateLimit-Reset}.
   *
   * @param count how many requests
   * @param resetSeconds the value of {@code RateLimit-Reset}
   */
  public void rateLimitNext(int count, int resetSeconds) {
    synchronized (lock) {
      rateLimitedRemaining = count;
      rateLimitReset = resetSeconds;
    }
  }

  /**
   * Answers every request with the 12-hour quota's 429 until called again with false.
   *
   * @param exhausted whether the quota is used up
   */
  public void exhaustQuota(boolean exhausted) {
    synchronized (lock) {
      quotaExhausted = exhausted;
    }
  }

  /**
   * Delivers every webhook event twice (at-least-once delivery, on demand).
   *
   * @param duplicates whether to duplicate
   */
  public void duplicateWebhooks(boolean duplicates) {
    synchronized (lock) {
      duplicateWebhooks = duplicates;
    }
  }

  /**
   * Sets after how many consecutive failures a webhook's queue is paused (Asaas: 15).
   *
   * @param failures the threshold, at least 1
   */
  public void pauseWebhooksAfter(int failures) {
    synchronized (lock) {
      pauseAfterFailures = Math.max(1, failures);
    }
  }

  /**
   * Sets the account balance.
   *
   * @param amount the balance in reais
   */
  public void setBalance(BigDecimal amount) {
    synchronized (lock) {
      balance = amount.setScale(2, RoundingMode.UNNECESSARY);
    }
  }

  /**
   * The requests received, as {@code "METHOD /path"} (without {@code /v3} and without the query).
   *
   * @return a snapshot
   */
  public List<String> requests() {
    return List.copyOf(requestLog);
  }

  /**
   * How many received requests match a method and a path prefix.
   *
   * @param method the method
   * @param pathPrefix the path prefix relative to {@code /v3}
   * @return the count
   */
  public long requestCount(String method, String pathPrefix) {
    String p = method + " " + pathPrefix;
    return requestLog.stream().filter(r -> r.startsWith(p)).count();
  }

  /**
   * The webhook delivery attempts so far.
   *
   * @return a snapshot
   */
  public List<WebhookDelivery> webhookDeliveries() {
    return List.copyOf(deliveries);
  }

  /**
   * Every payment (including deleted ones), oldest first, as JSON copies.
   *
   * @return the payments
   */
  public List<JsonNode> payments() {
    synchronized (lock) {
      return payments.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }
  }

  /**
   * Every customer, oldest first, as JSON copies.
   *
   * @return the customers
   */
  public List<JsonNode> customers() {
    synchronized (lock) {
      return customers.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }
  }

  /**
   * Every transfer, oldest first, as JSON copies.
   *
   * @return the transfers
   */
  public List<JsonNode> transfers() {
    synchronized (lock) {
      return transfers.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }
  }

  /**
   * Every subscription, oldest first, as JSON copies.
   *
   * @return the subscriptions
   */
  public List<JsonNode> subscriptions() {
    synchronized (lock) {
      return subscriptions.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }
  }

  /**
   * Generates a subscription's next payment (what Asaas does days before each due date) and
   * advances its {@code nextDueDate} by one cycle.
   *
   * @param subscriptionId the subscription
   * @return the new payment, as JSON
   * @throws IllegalArgumentException when the subscription does not exist or is not active
   */
  public JsonNode generateNextPayment(String subscriptionId) {
    synchronized (lock) {
      ObjectNode sub = subscriptions.get(subscriptionId);
      if (sub == null || sub.path("deleted").asBoolean() || !"ACTIVE".equals(sub.path("status").asText())) {
        throw new IllegalArgumentException("no active subscription " + subscriptionId);
      }
      return subscriptionPayment(sub).deepCopy();
    }
  }

  /**
   * Sets a transfer's status (PENDING, BANK_PROCESSING, DONE, CANCELLED, FAILED).
   *
   * @param transferId the transfer
   * @param status the new status
   */
  public void setTransferStatus(String transferId, String status) {
    synchronized (lock) {
      ObjectNode t = Objects.requireNonNull(transfers.get(transferId), "no transfer " + transferId);
      t.put("status", status);
      if ("DONE".equals(status)) {
        t.put("effectiveDate", today().toString());
      }
      event("TRANSFER_" + status, "transfer", t);
    }
  }

  /**
   * Creates a payment directly in the state (no HTTP, no fault), for seeding large lists.
   *
   * @param customerId an existing customer
   * @param billingType the billing type
   * @param value the value
   * @param dueDate the due date
   * @return the payment, as JSON
   */
  public JsonNode seedPayment(String customerId, String billingType, BigDecimal value, LocalDate dueDate) {
    synchronized (lock) {
      ObjectNode req = mapper.createObjectNode();
      req.put("customer", customerId);
      req.put("billingType", billingType);
      req.put("value", value);
      req.put("dueDate", dueDate.toString());
      return newPayment(req, null, null, 0).deepCopy();
    }
  }

  /**
   * Creates a customer directly in the state.
   *
   * @param name the name
   * @param cpfCnpj a valid CPF or CNPJ
   * @return the customer, as JSON
   */
  public JsonNode seedCustomer(String name, String cpfCnpj) {
    synchronized (lock) {
      ObjectNode req = mapper.createObjectNode();
      req.put("name", name);
      req.put("cpfCnpj", cpfCnpj);
      return newCustomer(req).deepCopy();
    }
  }

  /** Clears all state, faults, rate limits and logs; the balance returns to R$ 10.000,00. */
  public void reset() {
    synchronized (lock) {
      customers.clear();
      payments.clear();
      installments.clear();
      subscriptions.clear();
      transfers.clear();
      webhooks.clear();
      webhookTokens.clear();
      webhookFailures.clear();
      pausedEvents.clear();
      financialTransactions.clear();
      refunds.clear();
      balance = new BigDecimal("10000.00");
      rateLimitedRemaining = 0;
      quotaExhausted = false;
      duplicateWebhooks = false;
      pauseAfterFailures = 15;
    }
    faults.clear();
    requestLog.clear();
    deliveries.clear();
  }

  /** Stops the server and the webhook sender. */
  @Override
  public void close() {
    server.stop(0);
    httpExecutor.shutdownNow();
    webhookExecutor.shutdownNow();
  }

  @Override
  public String toString() {
    return "AsaasSimulator[" + baseUrl() + "]";
  }

  // ------------------------------------------------------------------ HTTP

  private static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    ApiError(int status, String code, String description) {
      super(description, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  private static ApiError bad(String code, String description) {
    return new ApiError(400, code, description);
  }

  private void serve(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
    String fullPath = ex.getRequestURI().getRawPath();
    String path = fullPath.startsWith("/v3") ? fullPath.substring(3) : fullPath;
    requestLog.add(method + " " + path);
    boolean isGet = GET_METHODS.contains(method);
    if (isGet) {
      inFlightGets.incrementAndGet();
    }
    try {
      sleep(faults.latency());
      byte[] body = ex.getRequestBody().readAllBytes();
      if (!fullPath.startsWith("/v3/")) {
        send(ex, 404, errorBody("not_found", "unknown path"));
        return;
      }
      String key = ex.getRequestHeaders().getFirst("access_token");
      if (key == null || !key.equals(apiKey)) {
        send(ex, 401, errorBody("invalid_access_token", "A chave de API informada não pertence a este ambiente"));
        return;
      }
      String ua = ex.getRequestHeaders().getFirst("User-Agent");
      if (ua == null || ua.isBlank()) {
        send(ex, 400, errorBody("invalid_user_agent", "O header User-Agent é obrigatório"));
        return;
      }
      if (isGet && body.length > 0) {
        send(ex, 403, errorBody("forbidden", "Requisições GET não podem ter corpo"));
        return;
      }
      synchronized (lock) {
        if (quotaExhausted) {
          ex.getResponseHeaders().set("RateLimit-Reset", "43200");
          send(ex, 429, errorBody("quota_exceeded", "Cota de requisições da API excedida (25000 em 12 horas)"));
          return;
        }
        if (rateLimitedRemaining > 0) {
          rateLimitedRemaining--;
          rateHeaders(ex, 0, rateLimitReset);
          send(ex, 429, errorBody("rate_limit_exceeded", "Limite de requisições excedido"));
          return;
        }
      }
      if (isGet && inFlightGets.get() > MAX_CONCURRENT_GETS) {
        send(ex, 429, errorBody("too_many_concurrent_requests", "Limite de 50 requisições GET concorrentes excedido"));
        return;
      }
      SimulatorFaults.Rule fault = faults.take(method, path);
      if (fault != null && fault.kind == SimulatorFaults.Kind.STATUS) {
        send(ex, fault.status, errorBody("internal_error", "Erro interno simulado"));
        return;
      }
      if (fault != null && fault.kind == SimulatorFaults.Kind.DROP_BEFORE) {
        ex.close();
        return;
      }
      Map<String, String> query = query(ex.getRequestURI().getRawQuery());
      int status = 200;
      byte[] answer;
      try {
        JsonNode json = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        JsonNode result;
        synchronized (lock) {
          result = route(method, path, query, json);
        }
        answer = mapper.writeValueAsBytes(result);
      } catch (ApiError e) {
        status = e.status;
        answer = errorBody(e.code, e.getMessage());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        status = 400;
        answer = errorBody("invalid_json", "Corpo da requisição não é um JSON válido");
      }
      if (fault != null && fault.kind == SimulatorFaults.Kind.DROP_AFTER) {
        ex.close(); // committed, but the client never hears about it
        return;
      }
      if (fault != null && fault.kind == SimulatorFaults.Kind.DELAY_AFTER) {
        sleep(fault.delay);
      }
      rateHeaders(ex, 99, 60);
      send(ex, status, answer);
    } catch (IOException | RuntimeException e) {
      try {
        send(ex, 500, errorBody("internal_error", "simulator failure: " + e));
      } catch (IOException | RuntimeException ignored) {
        ex.close();
      }
    } finally {
      if (isGet) {
        inFlightGets.decrementAndGet();
      }
    }
  }

  private static void rateHeaders(HttpExchange ex, int remaining, int reset) {
    ex.getResponseHeaders().set("RateLimit-Limit", "100");
    ex.getResponseHeaders().set("RateLimit-Remaining", Integer.toString(remaining));
    ex.getResponseHeaders().set("RateLimit-Reset", Integer.toString(reset));
  }

  private void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private byte[] errorBody(String code, String description) {
    ObjectNode root = mapper.createObjectNode();
    ObjectNode item = root.putArray("errors").addObject();
    item.put("code", code);
    item.put("description", description);
    try {
      return mapper.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      q.put(k, v);
    }
    return q;
  }

  private static void sleep(Duration d) {
    if (d == null || d.isZero()) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(d.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ routing

  private JsonNode route(String method, String path, Map<String, String> q, JsonNode body) {
    String[] s = path.replaceAll("/+$", "").split("/");
    // s[0] is "" (leading slash)
    String res = s.length > 1 ? s[1] : "";
    String id = s.length > 2 ? s[2] : null;
    String sub = s.length > 3 ? s[3] : null;
    switch (res) {
      case "customers":
        return customersRoute(method, id, sub, q, body);
      case "payments":
        return paymentsRoute(method, id, sub, q, body);
      case "subscriptions":
        return subscriptionsRoute(method, id, sub, q, body);
      case "installments":
        return installmentsRoute(method, id, sub, q);
      case "transfers":
        return transfersRoute(method, id, sub, q, body);
      case "finance":
        if ("GET".equals(method) && "balance".equals(id)) {
          ObjectNode b = mapper.createObjectNode();
          b.put("balance", balance);
          return b;
        }
        break;
      case "financialTransactions":
        if ("GET".equals(method) && id == null) {
          return list(reversed(financialTransactions), q, t -> within(t, "date", q.get("startDate"), q.get("finishDate")));
        }
        break;
      case "webhooks":
        return webhooksRoute(method, id, sub, q, body);
      case "sandbox":
        if ("POST".equals(method) && "payment".equals(id) && s.length == 5) {
          return sandbox(s[3], s[4]);
        }
        break;
      default:
        break;
    }
    throw new ApiError(404, "not_found", "Recurso não encontrado");
  }

  private ObjectNode find(Map<String, ObjectNode> map, String id, String what) {
    ObjectNode n = map.get(id);
    if (n == null) {
      throw new ApiError(404, "not_found", what + " não encontrado");
    }
    return n;
  }

  // ------------------------------------------------------------------ customers

  private JsonNode customersRoute(String method, String id, String sub, Map<String, String> q, JsonNode body) {
    if (id == null) {
      if ("POST".equals(method)) {
        return newCustomer(body);
      }
      if ("GET".equals(method)) {
        boolean includeDeleted = "true".equals(q.get("includeDeleted"));
        return list(reversed(customers.values()), q, c ->
            (includeDeleted || !c.path("deleted").asBoolean())
                && eq(c, "email", q.get("email"))
                && eq(c, "cpfCnpj", q.get("cpfCnpj"))
                && eq(c, "externalReference", q.get("externalReference"))
                && eq(c, "groupName", q.get("groupName"))
                && (q.get("name") == null || c.path("name").asText().toLowerCase(java.util.Locale.ROOT)
                    .contains(q.get("name").toLowerCase(java.util.Locale.ROOT))));
      }
    } else {
      ObjectNode c = find(customers, id, "Cliente");
      if (sub == null && "GET".equals(method)) {
        return c;
      }
      if (sub == null && "PUT".equals(method)) {
        if (c.path("deleted").asBoolean()) {
          throw bad("invalid_action", "Cliente removido não pode ser alterado");
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        if (copy.hasNonNull("cpfCnpj")) {
          copy.put("cpfCnpj", cpfCnpj(copy.get("cpfCnpj").asText()));
          copy.put("personType", copy.get("cpfCnpj").asText().length() == 11 ? "FISICA" : "JURIDICA");
        }
        copy.remove("id");
        c.setAll(copy);
        return c;
      }
      if (sub == null && "DELETE".equals(method)) {
        c.put("deleted", true);
        return deleted(id);
      }
      if ("restore".equals(sub) && "POST".equals(method)) {
        if (!c.path("deleted").asBoolean()) {
          throw bad("invalid_action", "Cliente não está removido");
        }
        c.put("deleted", false);
        return c;
      }
    }
    throw new ApiError(404, "not_found", "Recurso não encontrado");
  }

  private ObjectNode newCustomer(JsonNode body) {
    String name = text(body, "name");
    if (name == null || name.isBlank()) {
      throw bad("invalid_name", "O campo name deve ser informado");
    }
    boolean foreign = body.path("foreignCustomer").asBoolean(false);
    String doc = text(body, "cpfCnpj");
    if (!foreign) {
      if (doc == null) {
        throw bad("invalid_cpfCnpj", "O campo cpfCnpj deve ser informado");
      }
      doc = cpfCnpj(doc);
    }
    ObjectNode c = ((ObjectNode) body).deepCopy();
    String id = "cus_" + randomId(12);
    c.put("object", "customer");
    c.put("id", id);
    c.put("dateCreated", today().toString());
    if (doc != null) {
      c.put("cpfCnpj", doc);
      c.put("personType", doc.length() == 11 ? "FISICA" : "JURIDICA");
    }
    c.put("deleted", false);
    c.put("cityName", "São Paulo");
    c.put("state", "SP");
    c.put("country", "Brasil");
    customers.put(id, c);
    return c;
  }

  private static String cpfCnpj(String doc) {
    if (Cpf.isValid(doc)) {
      return Cpf.parse(doc).value();
    }
    if (Cnpj.isValid(doc)) {
      return Cnpj.parse(doc).value();
    }
    throw bad("invalid_cpfCnpj", "O CPF/CNPJ informado é inválido");
  }

  // ------------------------------------------------------------------ payments

  private JsonNode paymentsRoute(String method, String id, String sub, Map<String, String> q, JsonNode body) {
    if (id == null) {
      if ("POST".equals(method)) {
        return createPayments(body);
      }
      if ("GET".equals(method)) {
        return list(reversed(payments.values()), q, paymentFilter(q));
      }
    } else {
      ObjectNode p = find(payments, id, "Cobrança");
      String st = p.path("status").asText();
      if (sub == null) {
        switch (method) {
          case "GET":
            return p;
          case "PUT":
            requireEditable(p);
            updatePayment(p, body);
            event("PAYMENT_UPDATED", "payment", p);
            return p;
          case "DELETE":
            requireEditable(p);
            p.put("deleted", true);
            event("PAYMENT_DELETED", "payment", p);
            return deleted(id);
          default:
            break;
        }
      } else {
        switch (method + " " + sub) {
          case "POST restore":
            if (!p.path("deleted").asBoolean()) {
              throw bad("invalid_action", "Cobrança não está removida");
            }
            p.put("deleted", false);
            event("PAYMENT_RESTORED", "payment", p);
            return p;
          case "GET status":
            return mapper.createObjectNode().put("status", st);
          case "GET pixQrCode":
            return pixQrCode(p);
          case "GET identificationField":
            return identificationField(p);
          case "POST refund":
            return refund(p, body);
          case "GET refunds":
            return list(refunds.getOrDefault(id, List.of()), q, r -> true);
          case "POST receiveInCash":
            if (!st.equals("PENDING") && !st.equals("OVERDUE")) {
              throw bad("invalid_action", "Só é possível receber em dinheiro cobranças pendentes ou vencidas");
            }
            p.put("status", "RECEIVED_IN_CASH");
            p.put("paymentDate", body.hasNonNull("paymentDate") ? body.get("paymentDate").asText() : today().toString());
            if (body.hasNonNull("value")) {
              p.put("value", body.get("value").decimalValue());
            }
            event("PAYMENT_RECEIVED_IN_CASH", "payment", p);
            return p;
          default:
            break;
        }
      }
    }
    throw new ApiError(404, "not_found", "Recurso não encontrado");
  }

  private static Predicate<ObjectNode> paymentFilter(Map<String, String> q) {
    boolean includeDeleted = "true".equals(q.get("includeDeleted"));
    return p -> (includeDeleted || !p.path("deleted").asBoolean())
        && eq(p, "customer", q.get("customer"))
        && eq(p, "billingType", q.get("billingType"))
        && eq(p, "status", q.get("status"))
        && eq(p, "subscription", q.get("subscription"))
        && eq(p, "installment", q.get("installment"))
        && eq(p, "externalReference", q.get("externalReference"))
        && eq(p, "paymentDate", q.get("paymentDate"))
        && within(p, "dateCreated", q.get("dateCreated[ge]"), q.get("dateCreated[le]"))
        && within(p, "dueDate", q.get("dueDate[ge]"), q.get("dueDate[le]"))
        && within(p, "paymentDate", q.get("paymentDate[ge]"), q.get("paymentDate[le]"));
  }

  private void requireEditable(ObjectNode p) {
    String st = p.path("status").asText();
    if (p.path("deleted").asBoolean() || !(st.equals("PENDING") || st.equals("OVERDUE"))) {
      throw bad("invalid_action", "Só é possível alterar ou remover cobranças pendentes ou vencidas");
    }
  }

  private void updatePayment(ObjectNode p, JsonNode body) {
    if (body.hasNonNull("value")) {
      BigDecimal v = positive(body.get("value"), "value");
      p.put("value", v);
      p.put("netValue", net(v));
    }
    if (body.hasNonNull("dueDate")) {
      LocalDate due = date(body.get("dueDate").asText(), "dueDate");
      if (due.isBefore(today())) {
        throw bad("invalid_dueDate", "A data de vencimento não pode ser anterior à data atual");
      }
      p.put("dueDate", due.toString());
    }
    if (body.hasNonNull("billingType")) {
      p.put("billingType", billingType(body.get("billingType").asText()));
    }
    for (String f : List.of("description", "externalReference", "discount", "interest", "fine", "postalService")) {
      if (body.has(f)) {
        p.set(f, body.get(f));
      }
    }
  }

  private JsonNode createPayments(JsonNode body) {
    String customer = text(body, "customer");
    if (customer == null || !customers.containsKey(customer) || customers.get(customer).path("deleted").asBoolean()) {
      throw bad("invalid_customer", "Cliente inválido ou não informado");
    }
    String bt = billingType(text(body, "billingType"));
    if (!body.hasNonNull("dueDate")) {
      throw bad("invalid_dueDate", "A data de vencimento deve ser informada");
    }
    LocalDate due = date(body.get("dueDate").asText(), "dueDate");
    if (due.isBefore(today())) {
      throw bad("invalid_dueDate", "A data de vencimento não pode ser anterior à data atual");
    }
    if ("CREDIT_CARD".equals(bt) && (body.has("creditCard") || body.has("creditCardToken"))) {
      if (text(body, "remoteIp") == null) {
        throw bad("invalid_remoteIp", "O IP do pagador deve ser informado");
      }
      if (body.has("creditCard") && !body.has("creditCardHolderInfo")) {
        throw bad("invalid_creditCardHolderInfo", "Os dados do titular do cartão devem ser informados");
      }
    }
    int count = body.path("installmentCount").asInt(0);
    if (count > 1) {
      if (body.hasNonNull("installmentValue") && body.hasNonNull("totalValue")) {
        throw bad("invalid_installment", "Informe installmentValue ou totalValue, não ambos");
      }
      List<BigDecimal> values;
      if (body.hasNonNull("totalValue")) {
        BigDecimal total = positive(body.get("totalValue"), "totalValue");
        values = Money.of(total).allocate(count).stream().map(Money::amount).toList();
      } else {
        BigDecimal each = positive(body.hasNonNull("installmentValue") ? body.get("installmentValue") : body.get("value"), "installmentValue");
        values = Collections.nCopies(count, each);
      }
      String insId = UUID.randomUUID().toString();
      ObjectNode ins = mapper.createObjectNode();
      ins.put("object", "installment");
      ins.put("id", insId);
      ins.put("customer", customer);
      ins.put("value", values.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
      ins.put("netValue", net(values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
      ins.put("paymentValue", values.get(0));
      ins.put("installmentCount", count);
      ins.put("billingType", bt);
      ins.put("description", text(body, "description"));
      ins.put("expirationDay", due.getDayOfMonth());
      ins.put("dateCreated", today().toString());
      ins.put("deleted", false);
      installments.put(insId, ins);
      ObjectNode first = null;
      for (int i = 0; i < count; i++) {
        ObjectNode req = ((ObjectNode) body).deepCopy();
        req.put("value", values.get(i));
        req.put("dueDate", due.plusMonths(i).toString());
        req.put("billingType", bt);
        ObjectNode p = newPayment(req, null, insId, i + 1);
        if (first == null) {
          first = p;
        }
      }
      return first;
    }
    positive(body.get("value"), "value");
    ObjectNode req = ((ObjectNode) body).deepCopy();
    req.put("billingType", bt);
    return newPayment(req, null, null, 0);
  }

  private ObjectNode newPayment(ObjectNode req, String subscription, String installment, int number) {
    String id = "pay_" + randomId(16);
    BigDecimal value = positive(req.get("value"), "value");
    String bt = billingType(text(req, "billingType"));
    ObjectNode p = mapper.createObjectNode();
    p.put("object", "payment");
    p.put("id", id);
    p.put("dateCreated", today().toString());
    p.put("customer", text(req, "customer"));
    p.put("subscription", subscription);
    p.put("installment", installment);
    p.putNull("paymentLink");
    p.put("value", value);
    p.put("netValue", net(value));
    p.putNull("originalValue");
    p.putNull("interestValue");
    p.put("description", text(req, "description"));
    p.put("billingType", bt);
    p.put("status", "PENDING");
    p.put("dueDate", text(req, "dueDate"));
    p.put("originalDueDate", text(req, "dueDate"));
    p.putNull("paymentDate");
    p.putNull("clientPaymentDate");
    if (number > 0) {
      p.put("installmentNumber", number);
    } else {
      p.putNull("installmentNumber");
    }
    p.put("invoiceUrl", "https://sandbox.asaas.com/i/" + id.substring(4));
    p.put("invoiceNumber", String.format("%08d", ++sequence));
    p.put("externalReference", text(req, "externalReference"));
    p.put("deleted", false);
    p.put("anticipated", false);
    p.put("anticipable", false);
    p.put("postalService", req.path("postalService").asBoolean(false));
    if (bt.equals("BOLETO") || bt.equals("UNDEFINED")) {
      p.put("bankSlipUrl", "https://sandbox.asaas.com/b/pdf/" + id.substring(4));
      p.put("nossoNumero", Long.toString(10_000_000L + sequence));
    } else {
      p.putNull("bankSlipUrl");
      p.putNull("nossoNumero");
    }
    for (String f : List.of("discount", "interest", "fine", "split")) {
      if (req.has(f)) {
        p.set(f, req.get(f));
      }
    }
    payments.put(id, p);
    event("PAYMENT_CREATED", "payment", p);
    if (bt.equals("CREDIT_CARD") && (req.has("creditCard") || req.has("creditCardToken"))) {
      String number4 = req.path("creditCard").path("number").asText("0000");
      if (number4.length() >= 4) {
        number4 = number4.substring(number4.length() - 4);
      }
      ObjectNode card = p.putObject("creditCard");
      card.put("creditCardNumber", number4);
      card.put("creditCardBrand", "MASTERCARD");
      card.put("creditCardToken", req.hasNonNull("creditCardToken") ? text(req, "creditCardToken") : UUID.randomUUID().toString());
      if (req.path("authorizedOnly").asBoolean(false)) {
        p.put("status", "AUTHORIZED");
        event("PAYMENT_AUTHORIZED", "payment", p);
      } else {
        p.put("status", "CONFIRMED");
        p.put("confirmedDate", today().toString());
        p.put("paymentDate", today().toString());
        event("PAYMENT_CONFIRMED", "payment", p);
      }
    }
    return p;
  }

  private static BigDecimal net(BigDecimal value) {
    BigDecimal fee = new BigDecimal("0.99");
    BigDecimal n = value.subtract(fee);
    return (n.signum() < 0 ? BigDecimal.ZERO : n).setScale(2, RoundingMode.HALF_EVEN);
  }

  private ObjectNode pixQrCode(ObjectNode p) {
    if (p.path("deleted").asBoolean()) {
      throw bad("invalid_action", "Cobrança removida");
    }
    String txid = p.get("id").asText().substring(4).replaceAll("[^A-Za-z0-9]", "");
    String amount = new BigDecimal(p.get("value").asText()).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    String gui = tlv("00", "br.gov.bcb.pix") + tlv("25", "pix-h.asaas.com/qr/cobv/" + txid);
    String payload = tlv("00", "01") + tlv("01", "12") + tlv("26", gui) + tlv("52", "0000") + tlv("53", "986")
        + tlv("54", amount) + tlv("58", "BR") + tlv("59", "YSH SIMULATOR") + tlv("60", "SAO PAULO")
        + tlv("62", tlv("05", "***")) + "6304";
    payload = payload + crc16(payload);
    ObjectNode qr = mapper.createObjectNode();
    qr.put("encodedImage", PNG_1PX);
    qr.put("payload", payload);
    qr.put("expirationDate", TS.format(LocalDate.parse(p.get("dueDate").asText()).atTime(23, 59, 59)));
    return qr;
  }

  private static String tlv(String id, String value) {
    return id + String.format("%02d", value.length()) + value;
  }

  static String crc16(String s) {
    int crc = 0xFFFF;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      crc ^= (b & 0xFF) << 8;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
        crc &= 0xFFFF;
      }
    }
    return String.format("%04X", crc);
  }

  private ObjectNode identificationField(ObjectNode p) {
    String bt = p.path("billingType").asText();
    if (!bt.equals("BOLETO") && !bt.equals("UNDEFINED")) {
      throw bad("invalid_billingType", "A cobrança não é um boleto");
    }
    String digits = digitsFrom(p.get("id").asText() + p.get("value").asText(), 44);
    ObjectNode f = mapper.createObjectNode();
    f.put("identificationField", digitsFrom(digits, 47));
    f.put("nossoNumero", p.path("nossoNumero").asText());
    f.put("barCode", digits);
    return f;
  }

  private static String digitsFrom(String seed, int n) {
    StringBuilder sb = new StringBuilder();
    long h = seed.hashCode() & 0xffffffffL;
    while (sb.length() < n) {
      h = h * 6364136223846793005L + 1442695040888963407L;
      sb.append(Long.toUnsignedString(h >>> 33, 10));
    }
    return sb.substring(0, n);
  }

  private JsonNode refund(ObjectNode p, JsonNode body) {
    String st = p.path("status").asText();
    if (!st.equals("RECEIVED") && !st.equals("CONFIRMED")) {
      throw bad("invalid_action", "Só é possível estornar cobranças recebidas ou confirmadas");
    }
    String id = p.get("id").asText();
    List<ObjectNode> done = refunds.computeIfAbsent(id, k -> new ArrayList<>());
    BigDecimal value = new BigDecimal(p.get("value").asText());
    BigDecimal refunded = done.stream().map(r -> new BigDecimal(r.get("value").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal remaining = value.subtract(refunded);
    BigDecimal amount = body.hasNonNull("value") ? positive(body.get("value"), "value") : remaining;
    if (amount.compareTo(remaining) > 0) {
      throw bad("invalid_value", "O valor do estorno é maior que o valor disponível para estorno");
    }
    ObjectNode r = mapper.createObjectNode();
    r.put("dateCreated", TS.format(now()));
    r.put("status", "DONE");
    r.put("value", amount.setScale(2, RoundingMode.UNNECESSARY));
    r.put("description", text(body, "description"));
    r.put("endToEndIdentifier", "E" + digitsFrom(id + done.size(), 31));
    r.putNull("transactionReceiptUrl");
    done.add(r);
    balance = balance.subtract(amount);
    transaction(amount.negate(), "PAYMENT_REFUND", "Estorno da cobrança " + id, id, null);
    if (amount.compareTo(remaining) == 0) {
      p.put("status", "REFUNDED");
      event("PAYMENT_REFUNDED", "payment", p);
    } else {
      event("PAYMENT_PARTIALLY_REFUNDED", "payment", p);
    }
    ArrayNode list = p.putArray("refunds");
    done.forEach(list::add);
    return p;
  }

  private JsonNode sandbox(String id, String action) {
    ObjectNode p = find(payments, id, "Cobrança");
    String st = p.path("status").asText();
    if (p.path("deleted").asBoolean() || !(st.equals("PENDING") || st.equals("OVERDUE"))) {
      throw bad("invalid_action", "Só é possível alterar cobranças pendentes ou vencidas");
    }
    if ("confirm".equals(action)) {
      boolean card = "CREDIT_CARD".equals(p.path("billingType").asText());
      p.put("status", card ? "CONFIRMED" : "RECEIVED");
      p.put("paymentDate", today().toString());
      p.put("clientPaymentDate", today().toString());
      p.put("confirmedDate", today().toString());
      if ("UNDEFINED".equals(p.path("billingType").asText())) {
        p.put("billingType", "PIX");
      }
      BigDecimal net = new BigDecimal(p.get("netValue").asText());
      balance = balance.add(net);
      transaction(net, "PAYMENT_RECEIVED", "Cobrança recebida " + id, id, null);
      event(card ? "PAYMENT_CONFIRMED" : "PAYMENT_RECEIVED", "payment", p);
      return p;
    }
    if ("overdue".equals(action)) {
      p.put("status", "OVERDUE");
      event("PAYMENT_OVERDUE", "payment", p);
      return p;
    }
    throw new ApiError(404, "not_found", "Recurso não encontrado");
  }

  private void transaction(BigDecimal value, String type, String description, String paymentId, String transferId) {
    ObjectNode t = mapper.createObjectNode();
    t.put("object", "financialTransaction");
    t.put("id", "ft_" + randomId(12));
    t.put("value", value.setScale(2, RoundingMode.UNNECESSARY));
    t.put("balance", balance);
    t.put("type", type);
    t.put("date", today().toString());
    t.put("description", description);
    t.put("paymentId", paymentId);
    t.put("transferId", transferId);
    financialTransactions.add(t);
  }

  // ------------------------------------------------------------------ subscriptions

  private JsonNode subscriptionsRoute(String method, String id, String sub, Map<String, String> q, JsonNode body) {
    if (id == null) {
      if ("POST".equals(method)) {
        return newSubscription(body);
      }
      if ("GET".equals(method)) {
        boolean includeDeleted = "true".equals(q.get("includeDeleted"));
        return list(reversed(subscriptions.values()), q, s -> (includeDeleted || !s.path("deleted").asBoolean())
            && eq(s, "customer", q.get("customer"))
            && eq(s, "status", q.get("status"))
            && eq(s, "billingType", q.get("billingType"))
            && eq(s, "externalReference", q.get("externalReference")));
      }
    } else {
      ObjectNode s = find(subscriptions, id, "Assinatura");
      if (sub == null && "GET".equals(method)) {
        return s;
      }
      if (sub == null && "PUT".equals(method)) {
        if (s.path("deleted").asBoolean()) {
          throw bad("invalid_action", "Assinatura removida");
        }
        if (body.hasNonNull("value")) {
          s.put("value", positive(body.get("value"), "value"));
        }
        if (body.hasNonNull("status")) {
          String st = body.get("status").asText();
          if (!st.equals("ACTIVE") && !st.equals("INACTIVE")) {
            throw bad("invalid_status", "Situação inválida");
          }
          s.put("status", st);
        }
        for (String f : List.of("nextDueDate", "cycle", "description", "endDate", "maxPayments", "externalReference", "billingType", "discount", "interest", "fine")) {
          if (body.hasNonNull(f)) {
            s.set(f, body.get(f));
          }
        }
        return s;
      }
      if (sub == null && "DELETE".equals(method)) {
        s.put("deleted", true);
        s.put("status", "INACTIVE");
        for (ObjectNode p : payments.values()) {
          if (id.equals(p.path("subscription").asText(null)) && "PENDING".equals(p.path("status").asText())) {
            p.put("deleted", true);
            event("PAYMENT_DELETED", "payment", p);
          }
        }
        return deleted(id);
      }
      if ("payments".equals(sub) && "GET".equals(method)) {
        return list(reversed(payments.values()), q, p -> id.equals(p.path("subscription").asText(null)) && !p.path("deleted").asBoolean());
      }
    }
    throw new ApiError(404, "not_found", "Recurso não encontrado");
  }

  private JsonNode newSubscription(JsonNode body) {
    String customer = text(body, "customer");
    if (customer == null || !customers.containsKey(customer)) {
      throw bad("invalid_customer", "Cliente inválido ou não informado");
    }
    String bt = billingType(text(body, "billingType"));
    BigDecimal value = positive(body.get("value"), "value");
    if (!body.hasNonNull("nextDueDate")) {
      throw bad("invalid_nextDueDate", "O vencimento da primeira cobrança deve ser informado");
    }
    LocalDate next = date(body.get("nextDueDate").asText(), "nextDueDate");
    if (next.isBefore(today())) {
      throw bad("invalid_nextDueDate", "O vencimento não pode ser anterior à data atual");
    }
    String cycle = text(body, "cycle");
    if (cycle == null || !Set.of("WEEKLY", "BIWEEKLY", "MONTHLY", "BIMONTHLY", "QUARTERLY", "SEMIANNUALLY", "YEARLY").contains(cycle)) {
      throw bad("invalid_cycle", "Periodicidade inválida");
    }
    String id = "sub_" + randomId(12);
    ObjectNode s = ((ObjectNode) body).deepCopy();
    s.remove(List.of("creditCard", "creditCardHolderInfo", "remoteIp"));
    s.put("object", "subscription");
    s.put("id", id);
    s.put("dateCreated", today().toString());
    s.put("billingType", bt);
    s.put("value", value);
    s.put("status", "ACTIVE");
    s.put("deleted", false);
    subscriptions.put(id, s);
    subscriptionPayment(s);
    return s;
  }

  private ObjectNode subscriptionPayment(ObjectNode s) {
    LocalDate due = LocalDate.parse(s.get("nextDueDate").asText());
    ObjectNode req = mapper.createObjectNode();
    req.put("customer", s.get("customer").asText());
    req.put("billingType", s.get("billingType").asText());
    req.put("value", new BigDecimal(s.get("value").asText()));
    req.put("dueDate", due.toString());
    req.put("description", text(s, "description"));
    req.put("externalReference", text(s, "externalReference"));
    ObjectNode p = newPayment(req, s.get("id").asText(), null, 0);
    LocalDate next = switch (s.get("cycle").asText()) {
      case "WEEKLY" -> due.plusWeeks(1);
      case "BIWEEKLY" -> due.plusWeeks(2);
      case "BIMONTHLY" -> due.plusMonths(2);
      case "QUARTERLY" -> due.plusMonths(3);
      case "SEMIANNUALLY" -> due.plusMonths(6);
      case "YEARLY" -> due.plusYears(1);
      default -> due.plusMonths(1);
    };
    s.put("nextDueDate", next.toString());
    return p;
  }

  // ------------------------------------------------------------------ installments

  private JsonNode installmentsRoute(String method, String id, String sub, Map<String, String> q) {
    if (id == null && "GET".equals(method)) {
      return list(reversed(installments.values()), q, i -> !i.path("deleted").asBoolean());
    }
    if (id != null) {
      ObjectNode ins = find(installments, id, "Parcelamento");
      if (sub == null && "GET".equals(method)) {
        return ins;
      }
      if ("payments".equals(sub) && "GET".equals(method)) {
        List<ObjectNode> ps = new ArrayList<>(payments.values().stream().filter(p -> id.equals(p.path("installment").asText(null))).toList());
        return list(ps, q, p -> true);
      }
      if (sub == null && "DELETE".equals(method)) {
        ins.put("deleted", true);
        for (ObjectNode p : payments.values()) {
          String st = p.path("status").asText();
          if (id.equals(p.path("installment").asText(null)) && (st.equals("PENDING") || st.equals("OVERDUE"))) {
            p.put("deleted", true);
            event("PAYMENT_DELETED", "payment", p);
          }
        }
        return deleted(id);
      }
      if ("refund".equals(sub) && "POST".equals(method)) {
        for (ObjectNode p : new ArrayList<>(payments.values())) {
          String st = p.path("status").asText();
          if (id.equals(p.path("installment").asText(null)) && (st.equals("RECEIVED") || st.equals("CONFIRMED"))) {
            refund(p, mapper.createObjectNode());
          }
        }
        return ins;
      }
    }
    throw new ApiError(404, "not_found", "Recurso não encontrado");
  }

  // ------------------------------------------------------------------ transfers

  private JsonNode transfersRoute(String method, String id, String sub, Map<String, String> q, JsonNode body) {
    if (id == null) {
      if ("POST".equals(method)) {
        return newTransfer(body);
      }
      if ("GET".equals(method)) {
        return list(reversed(transfers.values()), q, t -> within(t, "dateCreated", q.get("dateCreated[ge]"), q.get("dateCreated[le]"))
            && eq(t, "type", q.get("type")));
      }
    } else {
      ObjectNode t = find(transfers, id, "Transferência");
      if (sub == null && "GET".equals(method)) {
        return t;
      }
      if ("cancel".equals(sub) && "DELETE".equals(method)) {
        if (!"PENDING".equals(t.path("status").asText())) {
          throw bad("invalid_action", "Só é possível cancelar transferências pendentes");
        }
        t.put("status", "CANCELLED");
        BigDecimal v = new BigDecimal(t.get("value").asText());
        balance = balance.add(v);
        transaction(v, "TRANSFER_CANCELLED", "Transferência cancelada", null, id);
        return t;
      }
    }
    throw new ApiError(404, "not_found", "Recurso não encontrado");
  }

  private JsonNode newTransfer(JsonNode body) {
    BigDecimal value = positive(body.get("value"), "value");
    boolean pix = body.hasNonNull("pixAddressKey");
    if (!pix && !body.has("bankAccount")) {
      throw bad("invalid_action", "Informe a chave PIX ou a conta bancária");
    }
    if (pix && !body.hasNonNull("pixAddressKeyType")) {
      throw bad("invalid_pixAddressKeyType", "Informe o tipo da chave PIX");
    }
    if (value.compareTo(balance) > 0) {
      throw bad("insufficient_balance", "Saldo insuficiente");
    }
    String id = UUID.randomUUID().toString();
    ObjectNode t = mapper.createObjectNode();
    t.put("object", "transfer");
    t.put("id", id);
    t.put("dateCreated", today().toString());
    t.put("status", "PENDING");
    t.put("type", "BANK_ACCOUNT");
    t.put("value", value);
    t.put("netValue", value);
    t.put("transferFee", BigDecimal.ZERO.setScale(2));
    t.put("operationType", pix ? "PIX" : text(body, "operationType") == null ? "TED" : text(body, "operationType"));
    t.put("description", text(body, "description"));
    t.put("externalReference", text(body, "externalReference"));
    t.put("scheduleDate", text(body, "scheduleDate"));
    t.put("authorized", true);
    if (body.has("bankAccount")) {
      t.set("bankAccount", body.get("bankAccount"));
    }
    balance = balance.subtract(value);
    transfers.put(id, t);
    transaction(value.negate(), "TRANSFER", "Transferência " + id, null, id);
    event("TRANSFER_CREATED", "transfer", t);
    return t;
  }

  // ------------------------------------------------------------------ webhooks

  private JsonNode webhooksRoute(String method, String id, String sub, Map<String, String> q, JsonNode body) {
    if (id == null) {
      if ("POST".equals(method)) {
        String url = text(body, "url");
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
          throw bad("invalid_url", "URL inválida");
        }
        String token = text(body, "authToken");
        if (token != null && (token.length() < 32 || token.length() > 255)) {
          throw bad("invalid_authToken", "O token deve ter entre 32 e 255 caracteres");
        }
        String wid = UUID.randomUUID().toString();
        ObjectNode w = ((ObjectNode) body).deepCopy();
        w.remove("authToken");
        w.put("object", "webhook");
        w.put("id", wid);
        w.put("enabled", body.path("enabled").asBoolean(true));
        w.put("interrupted", body.path("interrupted").asBoolean(false));
        w.put("apiVersion", body.path("apiVersion").asInt(3));
        w.put("hasAuthToken", token != null);
        if (!w.hasNonNull("sendType")) {
          w.put("sendType", "SEQUENTIALLY");
        }
        webhooks.put(wid, w);
        if (token != null) {
          webhookTokens.put(wid, token);
        }
        return w;
      }
      if ("GET".equals(method)) {
        return list(new ArrayList<>(webhooks.values()), q, w -> true);
      }
    } else {
      ObjectNode w = find(webhooks, id, "Webhook");
      if (sub == null && "GET".equals(method)) {
        return w;
      }
      if (sub == null && "PUT".equals(method)) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        if (copy.hasNonNull("authToken")) {
          webhookTokens.put(id, copy.get("authToken").asText());
          w.put("hasAuthToken", true);
        }
        copy.remove(List.of("authToken", "id"));
        w.setAll(copy);
        return w;
      }
      if (sub == null && "DELETE".equals(method)) {
        webhooks.remove(id);
        return deleted(id);
      }
      if ("removeBackoff".equals(sub) && "POST".equals(method)) {
        w.put("interrupted", false);
        webhookFailures.put(id, 0);
        List<ObjectNode> pending = pausedEvents.remove(id);
        if (pending != null) {
          pending.forEach(e -> enqueue(id, e));
        }
        return w;
      }
    }
    throw new ApiError(404, "not_found", "Recurso não encontrado");
  }

  /**
   * One attempt to deliver a webhook event.
   *
   * @param webhookId the webhook configuration
   * @param eventId the event id
   * @param event the event name
   * @param attempt 1 for the first attempt
   * @param status the receiver's HTTP status, or -1 when it could not be reached
   */
  public record WebhookDelivery(String webhookId, String eventId, String event, int attempt, int status) {}

  private void event(String name, String family, ObjectNode object) {
    if (webhooks.isEmpty()) {
      return;
    }
    ObjectNode e = mapper.createObjectNode();
    e.put("id", "evt_" + randomId(24) + "&" + (++sequence));
    e.put("event", name);
    e.put("dateCreated", TS.format(now()));
    e.set(family, object.deepCopy());
    for (Map.Entry<String, ObjectNode> w : webhooks.entrySet()) {
      ObjectNode cfg = w.getValue();
      if (!cfg.path("enabled").asBoolean(true)) {
        continue;
      }
      JsonNode events = cfg.get("events");
      if (events != null && events.isArray() && events.size() > 0) {
        boolean subscribed = false;
        for (JsonNode ev : events) {
          subscribed |= name.equals(ev.asText());
        }
        if (!subscribed) {
          continue;
        }
      }
      if (cfg.path("interrupted").asBoolean(false)) {
        pausedEvents.computeIfAbsent(w.getKey(), k -> new ArrayList<>()).add(e);
        continue;
      }
      enqueue(w.getKey(), e);
      if (duplicateWebhooks) {
        enqueue(w.getKey(), e);
      }
    }
  }

  private void enqueue(String webhookId, ObjectNode event) {
    webhookExecutor.execute(() -> deliver(webhookId, event));
  }

  private void deliver(String webhookId, ObjectNode event) {
    String url;
    String token;
    int maxAttempts;
    Duration delay;
    synchronized (lock) {
      ObjectNode cfg = webhooks.get(webhookId);
      if (cfg == null) {
        return;
      }
      if (cfg.path("interrupted").asBoolean(false)) {
        pausedEvents.computeIfAbsent(webhookId, k -> new ArrayList<>()).add(event);
        return;
      }
      url = cfg.get("url").asText();
      token = webhookTokens.get(webhookId);
      maxAttempts = webhookMaxAttempts;
      delay = webhookRetryDelay;
    }
    String eventId = event.get("id").asText();
    String name = event.get("event").asText();
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      int status;
      try {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Asaas-Simulator/1.0")
            .POST(HttpRequest.BodyPublishers.ofString(event.toString()));
        if (token != null) {
          rb.header("asaas-access-token", token);
        }
        status = webhookClient.send(rb.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        status = -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      deliveries.add(new WebhookDelivery(webhookId, eventId, name, attempt, status));
      synchronized (lock) {
        if (status >= 200 && status < 300) {
          webhookFailures.put(webhookId, 0);
          return;
        }
        int failures = webhookFailures.merge(webhookId, 1, Integer::sum);
        ObjectNode cfg = webhooks.get(webhookId);
        if (cfg != null && failures >= pauseAfterFailures) {
          cfg.put("interrupted", true);
          pausedEvents.computeIfAbsent(webhookId, k -> new ArrayList<>()).add(event);
          return;
        }
      }
      sleep(delay);
    }
  }

  // ------------------------------------------------------------------ helpers

  private ObjectNode list(List<ObjectNode> items, Map<String, String> q, Predicate<ObjectNode> filter) {
    int offset = Math.max(0, intParam(q, "offset", 0));
    int limit = Math.min(100, Math.max(1, intParam(q, "limit", 10)));
    List<ObjectNode> matching = items.stream().filter(filter).toList();
    ObjectNode page = mapper.createObjectNode();
    page.put("object", "list");
    page.put("hasMore", offset + limit < matching.size());
    page.put("totalCount", matching.size());
    page.put("limit", limit);
    page.put("offset", offset);
    ArrayNode data = page.putArray("data");
    for (int i = offset; i < Math.min(matching.size(), offset + limit); i++) {
      data.add(matching.get(i));
    }
    return page;
  }

  private static List<ObjectNode> reversed(java.util.Collection<ObjectNode> values) {
    List<ObjectNode> l = new ArrayList<>(values);
    Collections.reverse(l);
    return l;
  }

  private static int intParam(Map<String, String> q, String name, int dflt) {
    try {
      return q.containsKey(name) ? Integer.parseInt(q.get(name)) : dflt;
    } catch (NumberFormatException e) {
      throw bad("invalid_" + name, name + " inválido");
    }
  }

  private static boolean eq(ObjectNode n, String field, String expected) {
    return expected == null || expected.equals(n.path(field).asText(null));
  }

  private static boolean within(ObjectNode n, String field, String from, String to) {
    if (from == null && to == null) {
      return true;
    }
    String v = n.path(field).asText(null);
    if (v == null) {
      return false;
    }
    String day = v.length() >= 10 ? v.substring(0, 10) : v;
    return (from == null || day.compareTo(from) >= 0) && (to == null || day.compareTo(to) <= 0);
  }

  private ObjectNode deleted(String id) {
    ObjectNode d = mapper.createObjectNode();
    d.put("deleted", true);
    d.put("id", id);
    return d;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String billingType(String bt) {
    if (bt == null || !Set.of("UNDEFINED", "BOLETO", "CREDIT_CARD", "PIX").contains(bt)) {
      throw bad("invalid_billingType", "Forma de pagamento inválida");
    }
    return bt;
  }

  private static BigDecimal positive(JsonNode v, String field) {
    if (v == null || v.isNull()) {
      throw bad("invalid_" + field, "O campo " + field + " deve ser informado");
    }
    BigDecimal d;
    try {
      d = new BigDecimal(v.asText());
    } catch (NumberFormatException e) {
      throw bad("invalid_" + field, "O campo " + field + " é inválido");
    }
    if (d.signum() <= 0) {
      throw bad("invalid_" + field, "O campo " + field + " deve ser maior que 0");
    }
    if (d.stripTrailingZeros().scale() > 2) {
      throw bad("invalid_" + field, "O campo " + field + " deve ter no máximo 2 casas decimais");
    }
    return d.setScale(2, RoundingMode.UNNECESSARY);
  }

  private static LocalDate date(String text, String field) {
    try {
      return LocalDate.parse(text);
    } catch (RuntimeException e) {
      throw bad("invalid_" + field, "Data inválida em " + field);
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZONE)).withNano(0);
  }

  private String randomId(int n) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures an {@link AsaasSimulator}. */
  public static final class Builder {
    private String apiKey = DEFAULT_API_KEY;
    private Clock clock = Clock.systemUTC();
    private BigDecimal balance = new BigDecimal("10000.00");
    private int webhookMaxAttempts = 3;
    private Duration webhookRetryDelay = Duration.ofMillis(50);
    private int port;

    private Builder() {}

    /**
     * Binds to a fixed port instead of a free one (for running the simulator by hand).
     *
     * @param port the port on 127.0.0.1, 0 for a free one
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the API key the simulator accepts in {@code access_token}.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /**
     * Sets the clock that decides "today" (America/Sao_Paulo) for due-date checks.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the initial balance.
     *
     * @param balance the balance in reais
     * @return this builder
     */
    public Builder balance(BigDecimal balance) {
      this.balance = balance.setScale(2, RoundingMode.UNNECESSARY);
      return this;
    }

    /**
     * Sets how often one event is attempted before it is given up (the failure still counts
     * toward pausing the queue) and the delay between attempts.
     *
     * @param maxAttempts attempts per event, at least 1
     * @param retryDelay the delay between attempts
     * @return this builder
     */
    public Builder webhookRetries(int maxAttempts, Duration retryDelay) {
      this.webhookMaxAttempts = Math.max(1, maxAttempts);
      this.webhookRetryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
      return this;
    }

    /**
     * Starts the simulator on a free port of 127.0.0.1.
     *
     * @return the running simulator
     * @throws IllegalStateException when the server cannot bind
     */
    public AsaasSimulator start() {
      try {
        return new AsaasSimulator(this);
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the Asaas simulator", e);
      }
    }
  }
}
