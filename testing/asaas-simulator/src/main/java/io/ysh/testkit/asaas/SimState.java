package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ysh.core.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The simulated account: every resource's objects, the balance and the statement, guarded by one
 * lock ({@link #lock}); handlers run with it held. LinkedHashMaps keep creation order; lists are
 * served newest first, as Asaas does.
 */
final class SimState {

  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
  static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final BigDecimal DEFAULT_BALANCE = new BigDecimal("10000.00");

  final Object lock;
  final ObjectMapper mapper = Json.mapper();
  final Clock clock;
  final boolean strict;
  final Duration refundDelay;
  final WebhookDispatcher webhooks;
  private final SecureRandom random = new SecureRandom();

  final Map<String, ObjectNode> customers = new LinkedHashMap<>();
  final Map<String, ObjectNode> payments = new LinkedHashMap<>();
  final Map<String, ObjectNode> installments = new LinkedHashMap<>();
  final Map<String, ObjectNode> subscriptions = new LinkedHashMap<>();
  final Map<String, ObjectNode> transfers = new LinkedHashMap<>();
  /** When each transfer was created (clock time), for the 15-minute duplicate rule. */
  final Map<String, java.time.Instant> transferCreatedAt = new HashMap<>();
  /** Each transfer's destination (PIX key, bank account or wallet), for the same rule. */
  final Map<String, String> transferDestinations = new HashMap<>();
  final Map<String, List<ObjectNode>> refunds = new HashMap<>();
  /** Card tokens: token to {customer, number, brand}. */
  final Map<String, ObjectNode> cardTokens = new HashMap<>();
  final List<ObjectNode> financialTransactions = new ArrayList<>();
  /** Splits other accounts paid to this account's wallet, as {@code GET /payments/splits/received} lists them. */
  final List<ObjectNode> receivedSplits = new ArrayList<>();
  final Map<String, ObjectNode> anticipations = new LinkedHashMap<>();
  BigDecimal balance;
  long sequence;
  /** This account's id and wallet (splits and internal transfers credit a wallet). */
  final String accountId;
  final String walletId;
  /** The registry of all accounts, for splits to other wallets; set by {@link Accounts}. */
  Accounts accounts;
  /** The parent account's wallet when this is a subaccount, else null. */
  String parentWalletId;
  /** A subaccount's registration data (the {@code POST /accounts} answer without the key), else null. */
  ObjectNode info;
  /** Runs state changes later, with the lock held; set by the simulator. */
  Deferred deferred = (delay, task) -> task.run();

  /** Runs a task after a delay, with the lock held. */
  interface Deferred {
    void later(Duration delay, Runnable task);
  }

  SimState(Object lock, Clock clock, BigDecimal balance, boolean strict, Duration refundDelay, WebhookDispatcher webhooks) {
    this.lock = lock;
    this.clock = clock;
    this.balance = balance;
    this.strict = strict;
    this.refundDelay = refundDelay;
    this.webhooks = webhooks;
    this.accountId = java.util.UUID.randomUUID().toString();
    this.walletId = java.util.UUID.randomUUID().toString();
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }

  LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZONE)).withNano(0);
  }

  String randomId(int n) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  void later(Duration delay, Runnable task) {
    deferred.later(delay, task);
  }

  void event(String name, String family, ObjectNode object) {
    webhooks.event(name, family, object, ++sequence, now());
  }

  void schema(String endpoint, RequestSchemas.Schema schema, SimRequest r) {
    if (strict) {
      RequestSchemas.check(endpoint, schema, r.body());
    }
  }

  ObjectNode find(Map<String, ObjectNode> map, String id, String what) {
    ObjectNode n = map.get(id);
    if (n == null) {
      throw ApiError.notFound(what);
    }
    return n;
  }

  ObjectNode deleted(String id) {
    ObjectNode d = mapper.createObjectNode();
    d.put("deleted", true);
    d.put("id", id);
    return d;
  }

  void transaction(BigDecimal value, String type, String description, String paymentId, String transferId) {
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

  ObjectNode list(List<ObjectNode> items, Map<String, String> q, Predicate<ObjectNode> filter) {
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

  static List<ObjectNode> reversed(Collection<ObjectNode> values) {
    List<ObjectNode> l = new ArrayList<>(values);
    Collections.reverse(l);
    return l;
  }

  private static int intParam(Map<String, String> q, String name, int dflt) {
    try {
      return q.containsKey(name) ? Integer.parseInt(q.get(name)) : dflt;
    } catch (NumberFormatException e) {
      throw ApiError.bad("invalid_" + name, name + " inválido");
    }
  }

  void reset() {
    customers.clear();
    payments.clear();
    installments.clear();
    subscriptions.clear();
    transfers.clear();
    transferCreatedAt.clear();
    transferDestinations.clear();
    refunds.clear();
    cardTokens.clear();
    financialTransactions.clear();
    receivedSplits.clear();
    anticipations.clear();
    balance = DEFAULT_BALANCE;
  }
}
