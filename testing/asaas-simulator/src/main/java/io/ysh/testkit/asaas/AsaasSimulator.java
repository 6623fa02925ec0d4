package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ysh.testkit.http.SimulatorServer;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A stateful, in-process simulator of the Asaas API v3 on the JDK's built-in HTTP server, bound
 * to a free port on 127.0.0.1. In the spirit of stripe-mock, but with state: a payment created
 * through the API can be listed, paid (sandbox confirm), refunded and deleted, and every change
 * is delivered to the configured webhooks. It depends on {@code ysh-core} only (no test
 * framework), so it runs from a {@code main}, JUnit, TestNG or a Spring test alike.
 *
 * <pre>{@code
 * try (AsaasSimulator sim = AsaasSimulator.builder().strict(true).start()) {
 *   AsaasClient asaas = AsaasClient.builder().apiKey(Secret.of(sim.apiKey())).baseUrl(sim.baseUrl()).build();
 *   sim.faults().commitLateWhileHanging("POST", "/payments", 1, Duration.ofMillis(2500));
 *   ...
 * }
 * }</pre>
 *
 * <p>What it simulates, following Asaas's documentation:
 *
 * <ul>
 *   <li>auth by the {@code access_token} header (401 otherwise), a mandatory User-Agent, 403 for
 *       a GET with a body;
 *   <li>customers; payments (BOLETO, PIX, CREDIT_CARD, UNDEFINED; installments; the status
 *       machine; PIX QR code with a BR Code payload; boleto typeable line; refunds full and
 *       partial, PENDING before DONE; receive in cash and its undoing; delete and restore);
 *       card charges on {@code POST /payments/} with card data or a token, pre-authorization
 *       ({@code authorizeOnly}) that stays AUTHORIZED until
 *       {@code POST /payments/{id}/captureAuthorizedPayment}, the sandbox's declining test cards
 *       and {@code POST /creditCard/tokenizeCreditCard}; subscriptions (card ones on
 *       {@code POST /subscriptions/}) generating payments; installments; transfers with a
 *       balance and Asaas's 409 for an identical transfer within 15 minutes; financial
 *       transactions; webhook configuration; sandbox confirm and overdue;
 *   <li>trailing slashes kept distinct where Asaas distinguishes them ({@code POST /payments/},
 *       {@code POST /subscriptions/}, {@code POST /transfers/});
 *   <li>list envelopes with {@code limit}/{@code offset}, newest first, unknown filters
 *       silently ignored (as Asaas does); the {@code {"errors":[{code, description}]}} body;
 *   <li>{@code RateLimit-*} headers, 429 on demand ({@link #rateLimitNext}), quota exhaustion
 *       ({@link #exhaustQuota}) and 429 beyond 50 concurrent GETs;
 *   <li>webhook delivery with the {@code asaas-access-token} header, event names as Asaas
 *       documents them, retries, only HTTP 200 counted as delivered, the queue paused after 15
 *       consecutive failures, duplicates on demand;
 *   <li>fault injection through {@link #faults()}: latency, 5xx before or after the commit,
 *       connections dropped before or after it, late commits while the connection hangs or
 *       after it was dropped, and a processing time for card charges.
 * </ul>
 *
 * <p><b>Strict mode</b> ({@link Builder#strict(boolean)}): a request field that Asaas's schema
 * does not define for that endpoint is answered 400 naming it. Asaas itself ignores such fields
 * silently, so strict mode is off by default (the simulator then behaves as Asaas does) and
 * meant for tests, where a misspelt field must fail loudly.
 *
 * <p>Not simulated: fees beyond a flat one, anticipations, splits' effects, invoices (NFS-e),
 * accounts and sub-accounts, chargebacks, the real card network. Thread-safe; one lock guards
 * the state.
 */
public final class AsaasSimulator implements AutoCloseable {

  /** The API key the simulator accepts unless another is configured. */
  public static final String DEFAULT_API_KEY = "$aact_hmlg_000MzkwODA2MWY2OGM3MWRlMDU2NWM3MzJlNzZmNGZhZGY6OjAwMDAwMDAwMDAwMDAwMDAwMDA6OiRhYWNoXzAwMDA=";

  private final SimulatorServer server;
  private final ExecutorService webhookExecutor;
  private final ScheduledExecutorService scheduler;
  private final String apiKey;
  private final SimulatorFaults faults = new SimulatorFaults();
  private final SimState state;
  private final Gate gate;
  private final Router router;
  private final Accounts accounts;
  private final HttpFront front;
  private final WebhookDispatcher webhooks;

  private AsaasSimulator(Builder b) throws IOException {
    this.apiKey = b.apiKey;
    this.webhookExecutor = Executors.newSingleThreadExecutor(SimulatorServer.daemonThreads("asaas-simulator-webhooks"));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(SimulatorServer.daemonThreads("asaas-simulator-later"));
    Object lock = new Object();
    this.webhooks = new WebhookDispatcher(lock, webhookExecutor, b.webhookMaxAttempts, b.webhookRetryDelay);
    this.state = new SimState(lock, b.clock, b.balance, b.strict, b.refundDelay, webhooks);
    this.accounts = new Accounts(state, apiKey, () -> new SimState(lock, b.clock, BigDecimal.ZERO, b.strict, b.refundDelay,
        new WebhookDispatcher(lock, webhookExecutor, b.webhookMaxAttempts, b.webhookRetryDelay)));
    this.gate = new Gate(key -> accounts.forKey(key) != null);
    this.router = accounts.root.router();
    this.front = new HttpFront(state, gate, accounts, faults, scheduler);
    this.server = SimulatorServer.start("asaas-simulator", b.port, front::serve);
  }

  /**
   * Starts a simulator with the defaults ({@link #DEFAULT_API_KEY}, system clock, balance
   * R$ 10.000,00, lenient like Asaas).
   *
   * @return the running simulator
   */
  public static AsaasSimulator start() {
    return builder().start();
  }

  /**
   * Runs a simulator by hand until the process is stopped, and prints the base URL and the API
   * key to use:
   *
   * <pre>{@code
   * java -cp … io.ysh.testkit.asaas.AsaasSimulator [port] [--strict]
   * }</pre>
   *
   * @param args an optional port (default: a free one) and {@code --strict}
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    try {
      launch(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: AsaasSimulator [port] [--strict]");
      System.exit(2);
    }
    Thread.currentThread().join();
  }

  /** What {@link #main} does, without blocking: parses, starts and prints. */
  static AsaasSimulator launch(String[] args, PrintStream out) {
    Builder b = builder();
    for (String a : args) {
      if (a.equals("--strict")) {
        b.strict(true);
      } else {
        b.port(Integer.parseInt(a));
      }
    }
    AsaasSimulator sim = b.start();
    out.println("Asaas simulator at " + sim.baseUrl());
    out.println("access_token: " + sim.apiKey());
    out.flush();
    return sim;
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
    return server.port();
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
   * Whether unknown request fields are refused.
   *
   * @return true in strict mode
   */
  public boolean strict() {
    return state.strict;
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
   * Waits until the simulator is idle: no request is being processed, and no late commit or
   * refund completion is still scheduled. Use it before counting what was committed after
   * injecting late commits.
   *
   * @param timeout how long to wait at most
   * @return true when idle, false when the timeout passed first
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return front.awaitIdle(Objects.requireNonNull(timeout, "timeout"));
  }

  /**
   * Answers the next {@code count} requests with 429 and {@code RateLimit-Reset}.
   *
   * @param count how many requests
   * @param resetSeconds the value of {@code RateLimit-Reset}
   */
  public void rateLimitNext(int count, int resetSeconds) {
    gate.rateLimitNext(count, resetSeconds);
  }

  /**
   * Answers every request with the 12-hour quota's 429 until called again with false.
   *
   * @param exhausted whether the quota is used up
   */
  public void exhaustQuota(boolean exhausted) {
    gate.exhaustQuota(exhausted);
  }

  /**
   * Delivers every webhook event twice (at-least-once delivery, on demand).
   *
   * @param duplicates whether to duplicate
   */
  public void duplicateWebhooks(boolean duplicates) {
    synchronized (state.lock) {
      webhooks.duplicates = duplicates;
    }
  }

  /**
   * Sets after how many consecutive failures a webhook's queue is paused (Asaas: 15).
   *
   * @param failures the threshold, at least 1
   */
  public void pauseWebhooksAfter(int failures) {
    synchronized (state.lock) {
      webhooks.pauseAfter = Math.max(1, failures);
    }
  }

  /**
   * Sets the account balance.
   *
   * @param amount the balance in reais
   */
  public void setBalance(BigDecimal amount) {
    synchronized (state.lock) {
      state.balance = amount.setScale(2, RoundingMode.UNNECESSARY);
    }
  }

  /**
   * The requests received, as {@code "METHOD /path"} (without {@code /v3} and without the query;
   * a trailing slash is kept).
   *
   * @return a snapshot
   */
  public List<String> requests() {
    return List.copyOf(front.requestLog);
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
    return front.requestLog.stream().filter(r -> r.startsWith(p)).count();
  }

  /**
   * The webhook delivery attempts so far.
   *
   * @return a snapshot
   */
  public List<WebhookDelivery> webhookDeliveries() {
    return List.copyOf(webhooks.deliveries);
  }

  /**
   * Every payment (including deleted ones), oldest first, as JSON copies.
   *
   * @return the payments
   */
  public List<JsonNode> payments() {
    return snapshot(state.payments);
  }

  /**
   * Every customer, oldest first, as JSON copies.
   *
   * @return the customers
   */
  public List<JsonNode> customers() {
    return snapshot(state.customers);
  }

  /**
   * Every transfer, oldest first, as JSON copies.
   *
   * @return the transfers
   */
  public List<JsonNode> transfers() {
    return snapshot(state.transfers);
  }

  /**
   * Every subscription, oldest first, as JSON copies.
   *
   * @return the subscriptions
   */
  public List<JsonNode> subscriptions() {
    return snapshot(state.subscriptions);
  }

  /**
   * The refunds of a payment, oldest first, as JSON copies.
   *
   * @param paymentId the payment
   * @return the refunds, empty when there are none
   */
  public List<JsonNode> refunds(String paymentId) {
    synchronized (state.lock) {
      return state.refunds.getOrDefault(paymentId, List.of()).stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }
  }

  private List<JsonNode> snapshot(Map<String, ObjectNode> map) {
    synchronized (state.lock) {
      return map.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
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
    synchronized (state.lock) {
      ObjectNode sub = state.subscriptions.get(subscriptionId);
      if (sub == null || sub.path("deleted").asBoolean() || !"ACTIVE".equals(sub.path("status").asText())) {
        throw new IllegalArgumentException("no active subscription " + subscriptionId);
      }
      return router.subscriptions.nextPayment(sub, null).deepCopy();
    }
  }

  /**
   * Sets a transfer's status and sends the matching event (TRANSFER_PENDING,
   * TRANSFER_IN_BANK_PROCESSING, TRANSFER_BLOCKED, TRANSFER_DONE, TRANSFER_FAILED,
   * TRANSFER_CANCELLED).
   *
   * @param transferId the transfer
   * @param status PENDING, BANK_PROCESSING, BLOCKED, DONE, CANCELLED or FAILED
   * @throws IllegalArgumentException for another status
   */
  public void setTransferStatus(String transferId, String status) {
    synchronized (state.lock) {
      ObjectNode t = Objects.requireNonNull(state.transfers.get(transferId), "no transfer " + transferId);
      router.transfers.setStatus(t, status);
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
    synchronized (state.lock) {
      ObjectNode req = state.mapper.createObjectNode();
      req.put("customer", customerId);
      req.put("billingType", billingType);
      req.put("value", value);
      req.put("dueDate", dueDate.toString());
      return router.payments.newPayment(req, null, null, 0, null, false).deepCopy();
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
    synchronized (state.lock) {
      ObjectNode req = state.mapper.createObjectNode();
      req.put("name", name);
      req.put("cpfCnpj", cpfCnpj);
      return router.customers.create(req).deepCopy();
    }
  }

  /**
   * The root account's wallet id: what another account's split or internal transfer names to pay
   * this account.
   *
   * @return the wallet id
   */
  public String walletId() {
    return state.walletId;
  }

  /**
   * The balance of any account of the simulator (the root's or a subaccount's) by its wallet id:
   * what splits, anticipations and transfers have left there.
   *
   * @param walletId the wallet id
   * @return the balance
   * @throws IllegalArgumentException when no account has this wallet
   */
  public BigDecimal walletBalance(String walletId) {
    synchronized (state.lock) {
      Accounts.Tenant t = accounts.forWallet(walletId);
      if (t == null) {
        throw new IllegalArgumentException("no account with wallet " + walletId);
      }
      return t.state().balance;
    }
  }

  /**
   * The subaccounts created through {@code POST /accounts}, as Asaas answers {@code GET /accounts/{id}}
   * (without their API keys).
   *
   * @return copies, in creation order
   */
  public List<JsonNode> subaccounts() {
    synchronized (state.lock) {
      return accounts.subaccounts().stream().map(t -> (JsonNode) t.state().info.deepCopy()).toList();
    }
  }

  /**
   * A payer pays a payment link of the root account, as the link's page would do: the payer is
   * registered as a customer (or found by CPF/CNPJ) and the link's charge is created (a payment,
   * an installment plan of up to the link's maximum, or a subscription and its first payment),
   * every payment carrying {@code paymentLink}; the payment is PENDING until it is confirmed
   * ({@code POST /sandbox/payment/{id}/confirm}). Not an Asaas endpoint: the simulator's stand-in
   * for the payer's browser.
   *
   * @param linkId the link's id
   * @param payerName the payer's name
   * @param payerCpfCnpj the payer's CPF or CNPJ, digits only
   * @param billingType how the payer pays, when the link allows any (UNDEFINED); null for PIX
   * @param value the value, when the link lets the payer choose it; else null
   * @param installments the installments chosen (INSTALLMENT links), 1 for none
   * @return the (first) payment
   * @throws IllegalArgumentException when the link does not exist or needs a value
   * @throws IllegalStateException when the link is deleted, inactive or ended
   */
  public JsonNode payPaymentLink(String linkId, String payerName, String payerCpfCnpj, String billingType, BigDecimal value, int installments) {
    synchronized (state.lock) {
      return router.paymentLinks.pay(linkId, payerName, payerCpfCnpj, billingType, value, installments, router.customers, router.payments,
          router.subscriptions).deepCopy();
    }
  }

  /**
   * A payer pays a static Pix QR code of the root account ({@code POST /pix/qrCodes/static}), as
   * the payer's bank would: the payer is registered as a customer (or found by CPF/CNPJ), a PIX
   * payment carrying {@code pixQrCodeId} is created RECEIVED, its net value is credited to the
   * balance (with a statement entry), a CREDIT Pix transaction (origin STATIC_QRCODE) is recorded
   * and PAYMENT_RECEIVED is sent. Not an Asaas endpoint: the simulator's stand-in for the payer.
   *
   * @param qrCodeId the QR code's id
   * @param payerName the payer's name
   * @param payerCpfCnpj the payer's CPF or CNPJ, digits only
   * @param value the value, when the code lets the payer choose it (else null or the code's value)
   * @return the payment, as JSON
   * @throws IllegalArgumentException when the code does not exist, or the value is missing or differs
   * @throws IllegalStateException when the code is deleted, expired, or already paid and single-use
   */
  public JsonNode payStaticQrCode(String qrCodeId, String payerName, String payerCpfCnpj, BigDecimal value) {
    synchronized (state.lock) {
      return router.pix.payStatic(qrCodeId, payerName, payerCpfCnpj, value, router.customers, router.payments).deepCopy();
    }
  }

  /**
   * Makes the city hall refuse the root account's invoices: while set, authorizing an invoice
   * moves it to ERROR with this {@code statusDescription} and sends INVOICE_ERROR (after
   * INVOICE_SYNCHRONIZED). A simulator control: Asaas's sandbox has no documented way to provoke
   * it.
   *
   * @param statusDescription the city hall's message, or null to authorize again
   */
  public void rejectInvoices(String statusDescription) {
    synchronized (state.lock) {
      router.invoices.rejection = statusDescription;
    }
  }

  /**
   * The payer pays the immediate QR code of a Pix Automático authorization of the root account
   * ({@code POST /pix/automatic/authorizations}), consenting to the recurring debits: a RECEIVED
   * PIX payment of the first charge's value for the authorization's customer, the net value
   * credited, a CREDIT transaction (origin AUTOMATIC_RECURRING), PAYMENT_RECEIVED, and the
   * authorization ACTIVE with PIX_AUTOMATIC_RECURRING_AUTHORIZATION_ACTIVATED. When the QR code has
   * expired the authorization becomes REFUSED instead. Not an Asaas endpoint: the payer's stand-in.
   *
   * @param authorizationId the authorization's id
   * @return the payment, as JSON
   * @throws IllegalArgumentException when the authorization does not exist
   * @throws IllegalStateException when it is not CREATED, or its QR code expired
   */
  public JsonNode payPixAutomaticAuthorization(String authorizationId) {
    synchronized (state.lock) {
      return router.pix.payAuthorization(authorizationId, router.payments).deepCopy();
    }
  }

  /**
   * Keeps the root account's new anticipations PENDING (under analysis, cancellable) instead of
   * crediting them at once.
   *
   * @param hold true to hold them
   */
  public void holdAnticipations(boolean hold) {
    synchronized (state.lock) {
      router.anticipations.hold = hold;
    }
  }

  /**
   * Makes Asaas's analysis deny the root account's new anticipations: while set, a request is
   * answered DENIED with this {@code denialObservation} (events RECEIVABLE_ANTICIPATION_PENDING
   * then RECEIVABLE_ANTICIPATION_DENIED), nothing is credited and the limit is not used. A
   * simulator control: Asaas's sandbox has no documented way to provoke it.
   *
   * @param denialObservation why it is denied, or null to approve again
   */
  public void denyAnticipations(String denialObservation) {
    synchronized (state.lock) {
      router.anticipations.denial = denialObservation;
    }
  }

  /** Clears all state, faults, rate limits and logs; the balance returns to R$ 10.000,00. */
  public void reset() {
    synchronized (state.lock) {
      state.reset();
      webhooks.reset();
      accounts.reset();
      router.paymentLinks.links.clear();
      router.paymentLinks.images.clear();
      router.pix.reset();
      router.invoices.reset();
      router.anticipations.reset();
      router.notifications.reset();
    }
    gate.reset();
    faults.clear();
    front.requestLog.clear();
    webhooks.deliveries.clear();
  }

  /** Stops the server, the webhook sender and any late commit still scheduled. */
  @Override
  public void close() {
    server.close();
    webhookExecutor.shutdownNow();
    scheduler.shutdownNow();
  }

  @Override
  public String toString() {
    return "AsaasSimulator[" + baseUrl() + (state.strict ? ", strict" : "") + "]";
  }

  static String crc16(String s) {
    return PixCodec.crc16(s);
  }

  /**
   * One attempt to deliver a webhook event.
   *
   * @param webhookId the webhook configuration
   * @param eventId the event id
   * @param event the event name
   * @param attempt 1 for the first attempt
   * @param status the receiver's HTTP status, or -1 when it could not be reached; only 200
   *     counts as delivered
   */
  public record WebhookDelivery(String webhookId, String eventId, String event, int attempt, int status) {}

  /** Configures an {@link AsaasSimulator}. Not thread-safe. */
  public static final class Builder {
    private String apiKey = DEFAULT_API_KEY;
    private Clock clock = Clock.systemUTC();
    private BigDecimal balance = SimState.DEFAULT_BALANCE;
    private int webhookMaxAttempts = 3;
    private Duration webhookRetryDelay = Duration.ofMillis(50);
    private Duration refundDelay = Duration.ZERO;
    private boolean strict;
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
     * Sets the clock that decides "today" (America/Sao_Paulo) for due-date checks, and the
     * 15-minute window of identical transfers.
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
     * Refuses, with 400 naming it, any request field Asaas's schema does not define for the
     * endpoint (default off: Asaas ignores unknown fields silently, and so does the simulator).
     *
     * @param strict whether to refuse unknown fields
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Sets how long a refund stays PENDING before it is DONE (default: done as soon as the
     * simulator gets to it, after the refund call has answered).
     *
     * @param delay the processing time
     * @return this builder
     */
    public Builder refundProcessingDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative");
      }
      this.refundDelay = delay;
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
