package io.ysh.testkit.asaas;

import static io.ysh.testkit.asaas.Nodes.eq;
import static io.ysh.testkit.asaas.Nodes.positive;
import static io.ysh.testkit.asaas.Nodes.text;
import static io.ysh.testkit.asaas.Nodes.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@code /payments}: BOLETO, PIX, CREDIT_CARD (with card data or a token, pre-authorization and
 * capture) and UNDEFINED charges, single or in installments; the status machine; PIX QR codes and
 * boleto lines; refunds that are PENDING before they are DONE; cash receipts and their undoing;
 * delete and restore.
 *
 * <p>{@code POST /payments/} (with the trailing slash) is Asaas's card endpoint and the only one
 * whose schema has card fields and {@code authorizeOnly}; in strict mode a card field sent to
 * {@code POST /payments} is an unknown field.
 */
final class PaymentsApi {

  static final String PNG_1PX =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

  private final SimState s;
  private final CreditCardsApi cards;
  final SplitsApi splits;

  PaymentsApi(SimState s, CreditCardsApi cards) {
    this.s = s;
    this.cards = cards;
    this.splits = new SplitsApi(s);
  }

  /** Whether a request is a card charge, which takes the simulator's card processing time. */
  static boolean isCardCharge(SimRequest r) {
    String res = r.segment(0);
    return r.method().equals("POST") && r.depth() == 1 && ("payments".equals(res) || "subscriptions".equals(res))
        && CreditCardsApi.hasCard(r.body());
  }

  JsonNode handle(SimRequest r) {
    String id = r.segment(1);
    if (id == null) {
      if (r.method().equals("POST")) {
        if (r.trailingSlash()) {
          s.schema("POST /payments/", RequestSchemas.PAYMENT_WITH_CARD, r);
        } else {
          s.schema("POST /payments", RequestSchemas.PAYMENT, r);
        }
        return create(r.body());
      }
      if (r.method().equals("GET")) {
        return s.list(SimState.reversed(s.payments.values()), r.query(), filter(r.query()));
      }
      throw ApiError.noRoute();
    }
    ObjectNode p = s.find(s.payments, id, "Cobrança");
    String st = p.path("status").asText();
    String sub = r.segment(2);
    if (sub == null) {
      switch (r.method()) {
        case "GET":
          return p;
        case "PUT":
          s.schema("PUT /payments/{id}", RequestSchemas.PAYMENT_UPDATE, r);
          requireEditable(p);
          update(p, r.body());
          s.event("PAYMENT_UPDATED", "payment", p);
          return p;
        case "DELETE":
          requireEditable(p);
          p.put("deleted", true);
          splits.undo(p, "PAYMENT_DELETED");
          s.event("PAYMENT_DELETED", "payment", p);
          return s.deleted(id);
        default:
          throw ApiError.noRoute();
      }
    }
    switch (r.method() + " " + sub) {
      case "POST restore":
        s.schema("POST /payments/{id}/restore", RequestSchemas.EMPTY, r);
        if (!p.path("deleted").asBoolean()) {
          throw ApiError.bad("invalid_action", "Cobrança não está removida");
        }
        p.put("deleted", false);
        s.event("PAYMENT_RESTORED", "payment", p);
        return p;
      case "GET status":
        return s.mapper.createObjectNode().put("status", st);
      case "GET pixQrCode":
        return pixQrCode(p);
      case "GET identificationField":
        return identificationField(p);
      case "POST refund":
        s.schema("POST /payments/{id}/refund", RequestSchemas.REFUND, r);
        return refund(p, r.body());
      case "GET refunds":
        return s.list(s.refunds.getOrDefault(id, List.of()), r.query(), x -> true);
      case "POST receiveInCash":
        s.schema("POST /payments/{id}/receiveInCash", RequestSchemas.RECEIVE_IN_CASH, r);
        return receiveInCash(p, r.body());
      case "POST undoReceivedInCash":
        s.schema("POST /payments/{id}/undoReceivedInCash", RequestSchemas.EMPTY, r);
        return undoReceivedInCash(p);
      case "POST captureAuthorizedPayment":
        s.schema("POST /payments/{id}/captureAuthorizedPayment", RequestSchemas.EMPTY, r);
        return capture(p);
      default:
        throw ApiError.noRoute();
    }
  }

  private static Predicate<ObjectNode> filter(Map<String, String> q) {
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
      throw ApiError.bad("invalid_action", "Só é possível alterar ou remover cobranças pendentes ou vencidas");
    }
  }

  private void update(ObjectNode p, JsonNode body) {
    if (body.hasNonNull("value")) {
      BigDecimal v = positive(body.get("value"), "value");
      p.put("value", v);
      p.put("netValue", Nodes.net(v));
    }
    if (body.hasNonNull("dueDate")) {
      LocalDate due = Nodes.date(body.get("dueDate").asText(), "dueDate");
      if (due.isBefore(s.today())) {
        throw ApiError.bad("invalid_dueDate", "A data de vencimento não pode ser anterior à data atual");
      }
      p.put("dueDate", due.toString());
    }
    if (body.hasNonNull("billingType")) {
      p.put("billingType", Nodes.billingType(body.get("billingType").asText()));
    }
    for (String f : List.of("description", "externalReference", "discount", "interest", "fine", "postalService")) {
      if (body.has(f)) {
        p.set(f, body.get(f));
      }
    }
    if (body.has("split")) {
      ArrayNode built = splits.build(body.get("split"), new BigDecimal(p.get("value").asText()), p.path("installmentNumber").asInt(0));
      if (built == null) {
        p.remove("split");
      } else {
        p.set("split", built);
      }
    }
  }

  JsonNode create(JsonNode body) {
    String customer = text(body, "customer");
    if (customer == null || !s.customers.containsKey(customer) || s.customers.get(customer).path("deleted").asBoolean()) {
      throw ApiError.bad("invalid_customer", "Cliente inválido ou não informado");
    }
    String bt = Nodes.billingType(text(body, "billingType"));
    if (!body.hasNonNull("dueDate")) {
      throw ApiError.bad("invalid_dueDate", "A data de vencimento deve ser informada");
    }
    LocalDate due = Nodes.date(body.get("dueDate").asText(), "dueDate");
    if (due.isBefore(s.today())) {
      throw ApiError.bad("invalid_dueDate", "A data de vencimento não pode ser anterior à data atual");
    }
    boolean card = CreditCardsApi.hasCard(body);
    if (card && !bt.equals("CREDIT_CARD")) {
      throw ApiError.bad("invalid_billingType", "Dados de cartão informados para uma cobrança que não é CREDIT_CARD");
    }
    int count = body.path("installmentCount").asInt(0);
    List<BigDecimal> values;
    if (count > 1) {
      if (body.hasNonNull("installmentValue") && body.hasNonNull("totalValue")) {
        throw ApiError.bad("invalid_installment", "Informe installmentValue ou totalValue, não ambos");
      }
      if (body.hasNonNull("totalValue")) {
        BigDecimal total = positive(body.get("totalValue"), "totalValue");
        values = Money.of(total).allocate(count).stream().map(Money::amount).toList();
      } else {
        BigDecimal each = positive(body.hasNonNull("installmentValue") ? body.get("installmentValue") : body.get("value"), "installmentValue");
        values = Collections.nCopies(count, each);
      }
    } else {
      values = List.of(positive(body.get("value"), "value"));
    }
    // Splits are checked for every installment before anything is stored; a plan's
    // totalFixedValue is spread over its installments as fixed values.
    List<JsonNode> splitPerPayment = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      JsonNode sp = perInstallment(body.get("split"), i, values.size());
      splits.build(sp, values.get(i), count > 1 ? i + 1 : 0);
      splitPerPayment.add(sp);
    }
    // Authorize before anything is stored: a declined card leaves nothing behind.
    ObjectNode cardSummary = card ? cards.authorize(body, customer) : null;
    boolean authorizeOnly = card && body.path("authorizeOnly").asBoolean(false);
    String insId = null;
    if (count > 1) {
      insId = UUID.randomUUID().toString();
      BigDecimal total = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      ObjectNode ins = s.mapper.createObjectNode();
      ins.put("object", "installment");
      ins.put("id", insId);
      ins.put("customer", customer);
      ins.put("value", total);
      ins.put("netValue", Nodes.net(total));
      ins.put("paymentValue", values.get(0));
      ins.put("installmentCount", count);
      ins.put("billingType", bt);
      ins.put("description", text(body, "description"));
      ins.put("expirationDay", due.getDayOfMonth());
      ins.put("dateCreated", s.today().toString());
      ins.put("deleted", false);
      s.installments.put(insId, ins);
    }
    ObjectNode first = null;
    for (int i = 0; i < values.size(); i++) {
      ObjectNode req = ((ObjectNode) body).deepCopy();
      req.put("value", values.get(i));
      req.put("dueDate", due.plusMonths(i).toString());
      req.put("billingType", bt);
      if (splitPerPayment.get(i) != null) {
        req.set("split", splitPerPayment.get(i));
      }
      ObjectNode p = newPayment(req, null, insId, count > 1 ? i + 1 : 0, cardSummary, authorizeOnly);
      if (first == null) {
        first = p;
      }
    }
    return first;
  }

  /** The split request of installment {@code i} of {@code n}: totalFixedValue becomes this installment's part as a fixedValue. */
  private JsonNode perInstallment(JsonNode split, int i, int n) {
    if (split == null || !split.isArray()) {
      return split;
    }
    ArrayNode out = s.mapper.createArrayNode();
    for (JsonNode item : split) {
      ObjectNode o = ((ObjectNode) item).deepCopy();
      if (o.hasNonNull("totalFixedValue")) {
        BigDecimal total = positive(o.get("totalFixedValue"), "totalFixedValue");
        BigDecimal part = Money.of(total).allocate(n).get(i).amount();
        BigDecimal fixed = o.hasNonNull("fixedValue") ? positive(o.get("fixedValue"), "fixedValue") : BigDecimal.ZERO;
        o.put("fixedValue", fixed.add(part));
      }
      o.remove("totalFixedValue");
      out.add(o);
    }
    return out;
  }

  ObjectNode newPayment(ObjectNode req, String subscription, String installment, int number, ObjectNode cardSummary, boolean authorizeOnly) {
    String id = "pay_" + s.randomId(16);
    BigDecimal value = positive(req.get("value"), "value");
    String bt = Nodes.billingType(text(req, "billingType"));
    long seq = ++s.sequence;
    ObjectNode p = s.mapper.createObjectNode();
    p.put("object", "payment");
    p.put("id", id);
    p.put("dateCreated", s.today().toString());
    p.put("customer", text(req, "customer"));
    p.put("subscription", subscription);
    p.put("installment", installment);
    p.putNull("paymentLink");
    p.put("value", value);
    p.put("netValue", Nodes.net(value));
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
    p.put("invoiceNumber", String.format("%08d", seq));
    p.put("externalReference", text(req, "externalReference"));
    p.put("deleted", false);
    p.put("anticipated", false);
    p.put("anticipable", false);
    p.put("postalService", req.path("postalService").asBoolean(false));
    if (bt.equals("BOLETO") || bt.equals("UNDEFINED")) {
      p.put("bankSlipUrl", "https://sandbox.asaas.com/b/pdf/" + id.substring(4));
      p.put("nossoNumero", Long.toString(10_000_000L + seq));
    } else {
      p.putNull("bankSlipUrl");
      p.putNull("nossoNumero");
    }
    for (String f : List.of("discount", "interest", "fine")) {
      if (req.has(f)) {
        p.set(f, req.get(f));
      }
    }
    ArrayNode split = splits.build(req.get("split"), value, number);
    if (split != null) {
      p.set("split", split);
    }
    s.payments.put(id, p);
    s.event("PAYMENT_CREATED", "payment", p);
    if (cardSummary != null) {
      p.set("creditCard", cardSummary.deepCopy());
      if (authorizeOnly) {
        p.put("status", "AUTHORIZED");
        s.event("PAYMENT_AUTHORIZED", "payment", p);
      } else {
        confirmCard(p);
      }
    }
    return p;
  }

  private void confirmCard(ObjectNode p) {
    p.put("status", "CONFIRMED");
    p.put("confirmedDate", s.today().toString());
    p.put("paymentDate", s.today().toString());
    p.put("clientPaymentDate", s.today().toString());
    p.put("creditDate", s.today().plusDays(32).toString());
    splits.settle(p, false);
    s.event("PAYMENT_CONFIRMED", "payment", p);
  }

  private JsonNode capture(ObjectNode p) {
    if (!"AUTHORIZED".equals(p.path("status").asText())) {
      throw ApiError.bad("invalid_action", "Só é possível capturar cobranças pré-autorizadas");
    }
    confirmCard(p);
    return p;
  }

  private JsonNode receiveInCash(ObjectNode p, JsonNode body) {
    String st = p.path("status").asText();
    if (p.path("deleted").asBoolean() || (!st.equals("PENDING") && !st.equals("OVERDUE"))) {
      throw ApiError.bad("invalid_action", "Só é possível receber em dinheiro cobranças pendentes ou vencidas");
    }
    p.put("status", "RECEIVED_IN_CASH");
    p.put("paymentDate", body.hasNonNull("paymentDate") ? body.get("paymentDate").asText() : s.today().toString());
    if (body.hasNonNull("value")) {
      p.put("value", positive(body.get("value"), "value"));
    }
    // Asaas documents no PAYMENT_RECEIVED_IN_CASH event: a cash receipt is a PAYMENT_RECEIVED
    // whose payment has status RECEIVED_IN_CASH; only the undo has an event of its own.
    s.event("PAYMENT_RECEIVED", "payment", p);
    return p;
  }

  private JsonNode undoReceivedInCash(ObjectNode p) {
    if (!"RECEIVED_IN_CASH".equals(p.path("status").asText())) {
      throw ApiError.bad("invalid_action", "A cobrança não foi recebida em dinheiro");
    }
    LocalDate due = LocalDate.parse(p.get("dueDate").asText());
    p.put("status", due.isBefore(s.today()) ? "OVERDUE" : "PENDING");
    p.putNull("paymentDate");
    s.event("PAYMENT_RECEIVED_IN_CASH_UNDONE", "payment", p);
    return p;
  }

  private ObjectNode pixQrCode(ObjectNode p) {
    if (p.path("deleted").asBoolean()) {
      throw ApiError.bad("invalid_action", "Cobrança removida");
    }
    String txid = p.get("id").asText().substring(4).replaceAll("[^A-Za-z0-9]", "");
    ObjectNode qr = s.mapper.createObjectNode();
    qr.put("encodedImage", PNG_1PX);
    qr.put("payload", PixCodec.payload(txid, new BigDecimal(p.get("value").asText())));
    qr.put("expirationDate", SimState.TS.format(LocalDate.parse(p.get("dueDate").asText()).atTime(23, 59, 59)));
    return qr;
  }

  private ObjectNode identificationField(ObjectNode p) {
    String bt = p.path("billingType").asText();
    if (!bt.equals("BOLETO") && !bt.equals("UNDEFINED")) {
      throw ApiError.bad("invalid_billingType", "A cobrança não é um boleto");
    }
    String barCode = BoletoCodec.barCode(p.get("id").asText() + p.get("value").asText());
    ObjectNode f = s.mapper.createObjectNode();
    f.put("identificationField", BoletoCodec.identificationField(barCode));
    f.put("nossoNumero", p.path("nossoNumero").asText());
    f.put("barCode", barCode);
    return f;
  }

  /**
   * Refunds fully or partially. The refund record starts PENDING and becomes DONE after the
   * simulator's refund processing delay; the payment's status follows at once (REFUNDED for a
   * full refund), as do the events.
   */
  JsonNode refund(ObjectNode p, JsonNode body) {
    String st = p.path("status").asText();
    if (!st.equals("RECEIVED") && !st.equals("CONFIRMED")) {
      throw ApiError.bad("invalid_action", "Só é possível estornar cobranças recebidas ou confirmadas");
    }
    String id = p.get("id").asText();
    List<ObjectNode> done = s.refunds.computeIfAbsent(id, k -> new ArrayList<>());
    BigDecimal value = new BigDecimal(p.get("value").asText());
    BigDecimal refunded = done.stream().filter(r -> !"CANCELLED".equals(r.path("status").asText()))
        .map(r -> new BigDecimal(r.get("value").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal remaining = value.subtract(refunded);
    List<SplitsApi.Take> takes = splits.splitRefunds(p, body.path("splitRefunds"));
    BigDecimal fromSplits = takes.stream().map(SplitsApi.Take::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal amount = body.hasNonNull("value") ? positive(body.get("value"), "value") : takes.isEmpty() ? remaining : fromSplits;
    if (amount.compareTo(remaining) > 0 || amount.signum() <= 0) {
      throw ApiError.bad("invalid_value", "O valor do estorno é maior que o valor disponível para estorno");
    }
    if (fromSplits.compareTo(amount) > 0) {
      throw ApiError.bad("invalid_splitRefunds", "A soma dos estornos de split é maior que o valor do estorno");
    }
    boolean pix = "PIX".equals(p.path("billingType").asText());
    ObjectNode r = s.mapper.createObjectNode();
    r.put("dateCreated", SimState.TS.format(s.now()));
    r.put("status", "PENDING");
    r.put("value", amount.setScale(2, RoundingMode.UNNECESSARY));
    r.put("description", text(body, "description"));
    r.putNull("endToEndIdentifier");
    r.putNull("effectiveDate");
    r.putNull("transactionReceiptUrl");
    ArrayNode refundedSplits = r.putArray("refundedSplits");
    for (SplitsApi.Take take : takes) {
      splits.takeBack(p, take);
      ObjectNode rs = refundedSplits.addObject();
      rs.put("id", take.split().get("id").asText());
      rs.put("value", take.value());
      rs.put("done", true);
    }
    done.add(r);
    s.balance = s.balance.subtract(amount);
    s.transaction(amount.negate(), "PAYMENT_REFUND", "Estorno da cobrança " + id, id, null);
    if (amount.compareTo(remaining) == 0) {
      p.put("status", "REFUNDED");
      splits.undo(p, "PAYMENT_REFUNDED");
      s.event("PAYMENT_REFUNDED", "payment", p);
    } else {
      s.event("PAYMENT_PARTIALLY_REFUNDED", "payment", p);
    }
    ArrayNode list = p.putArray("refunds");
    done.forEach(x -> list.add(x.deepCopy()));
    int index = done.size() - 1;
    s.later(s.refundDelay, () -> {
      r.put("status", "DONE");
      if (pix) {
        r.put("endToEndIdentifier", "E" + BoletoCodec.digitsFrom(id + index, 31));
        r.put("effectiveDate", SimState.TS.format(s.now()));
      }
      r.put("transactionReceiptUrl", "https://sandbox.asaas.com/comprovantes/" + s.randomId(16));
      ArrayNode again = p.putArray("refunds");
      done.forEach(x -> again.add(x.deepCopy()));
    });
    return p;
  }
}
