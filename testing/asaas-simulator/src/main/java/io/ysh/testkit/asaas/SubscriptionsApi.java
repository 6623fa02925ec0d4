package io.ysh.testkit.asaas;

import static io.ysh.testkit.asaas.Nodes.eq;
import static io.ysh.testkit.asaas.Nodes.positive;
import static io.ysh.testkit.asaas.Nodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * {@code /subscriptions}: recurring charges generating a payment per cycle. {@code POST
 * /subscriptions/} (trailing slash) is the card endpoint: the card is authorized (and its first
 * payment confirmed) before anything is stored. Events: SUBSCRIPTION_CREATED, _UPDATED,
 * _INACTIVATED, _DELETED.
 */
final class SubscriptionsApi {

  private static final Set<String> CYCLES = Set.of("WEEKLY", "BIWEEKLY", "MONTHLY", "BIMONTHLY", "QUARTERLY", "SEMIANNUALLY", "YEARLY");

  private final SimState s;
  private final PaymentsApi payments;
  private final CreditCardsApi cards;

  SubscriptionsApi(SimState s, PaymentsApi payments, CreditCardsApi cards) {
    this.s = s;
    this.payments = payments;
    this.cards = cards;
  }

  JsonNode handle(SimRequest r) {
    String id = r.segment(1);
    if (id == null) {
      if (r.method().equals("POST")) {
        if (r.trailingSlash()) {
          s.schema("POST /subscriptions/", RequestSchemas.SUBSCRIPTION_WITH_CARD, r);
        } else {
          s.schema("POST /subscriptions", RequestSchemas.SUBSCRIPTION, r);
        }
        return create(r.body());
      }
      if (r.method().equals("GET")) {
        var q = r.query();
        boolean includeDeleted = "true".equals(q.get("includeDeleted"));
        return s.list(SimState.reversed(s.subscriptions.values()), q, x -> (includeDeleted || !x.path("deleted").asBoolean())
            && eq(x, "customer", q.get("customer"))
            && eq(x, "status", q.get("status"))
            && eq(x, "billingType", q.get("billingType"))
            && eq(x, "externalReference", q.get("externalReference")));
      }
      throw ApiError.noRoute();
    }
    ObjectNode sub = s.find(s.subscriptions, id, "Assinatura");
    String part = r.segment(2);
    if (part == null && r.method().equals("GET")) {
      return sub;
    }
    if (part == null && r.method().equals("PUT")) {
      s.schema("PUT /subscriptions/{id}", RequestSchemas.SUBSCRIPTION_UPDATE, r);
      return update(sub, r.body());
    }
    if (part == null && r.method().equals("DELETE")) {
      sub.put("deleted", true);
      sub.put("status", "INACTIVE");
      for (ObjectNode p : s.payments.values()) {
        if (id.equals(p.path("subscription").asText(null)) && "PENDING".equals(p.path("status").asText())) {
          p.put("deleted", true);
          s.event("PAYMENT_DELETED", "payment", p);
        }
      }
      s.event("SUBSCRIPTION_DELETED", "subscription", sub);
      return s.deleted(id);
    }
    if ("payments".equals(part) && r.method().equals("GET")) {
      return s.list(SimState.reversed(s.payments.values()), r.query(),
          p -> id.equals(p.path("subscription").asText(null)) && !p.path("deleted").asBoolean());
    }
    throw ApiError.noRoute();
  }

  private JsonNode update(ObjectNode sub, JsonNode body) {
    if (sub.path("deleted").asBoolean()) {
      throw ApiError.bad("invalid_action", "Assinatura removida");
    }
    String before = sub.path("status").asText();
    if (body.hasNonNull("value")) {
      sub.put("value", positive(body.get("value"), "value"));
    }
    if (body.has("split")) {
      com.fasterxml.jackson.databind.node.ArrayNode split = payments.splits.forSubscription(body.get("split"), new BigDecimal(sub.get("value").asText()));
      if (split == null) {
        sub.remove("split");
      } else {
        sub.set("split", split);
      }
    }
    if (body.hasNonNull("status")) {
      String st = body.get("status").asText();
      if (!st.equals("ACTIVE") && !st.equals("INACTIVE")) {
        throw ApiError.bad("invalid_status", "Situação inválida");
      }
      sub.put("status", st);
    }
    for (String f : List.of("nextDueDate", "cycle", "description", "endDate", "maxPayments", "externalReference", "billingType", "discount", "interest", "fine")) {
      if (body.hasNonNull(f)) {
        sub.set(f, body.get(f));
      }
    }
    s.event("SUBSCRIPTION_UPDATED", "subscription", sub);
    if (!"INACTIVE".equals(before) && "INACTIVE".equals(sub.path("status").asText())) {
      s.event("SUBSCRIPTION_INACTIVATED", "subscription", sub);
    }
    return sub;
  }

  /** Creates a subscription from an internal request (a payment link being paid). */
  JsonNode createFrom(JsonNode body) {
    return create(body);
  }

  private JsonNode create(JsonNode body) {
    String customer = text(body, "customer");
    if (customer == null || !s.customers.containsKey(customer)) {
      throw ApiError.bad("invalid_customer", "Cliente inválido ou não informado");
    }
    String bt = Nodes.billingType(text(body, "billingType"));
    BigDecimal value = positive(body.get("value"), "value");
    if (!body.hasNonNull("nextDueDate")) {
      throw ApiError.bad("invalid_nextDueDate", "O vencimento da primeira cobrança deve ser informado");
    }
    LocalDate next = Nodes.date(body.get("nextDueDate").asText(), "nextDueDate");
    if (next.isBefore(s.today())) {
      throw ApiError.bad("invalid_nextDueDate", "O vencimento não pode ser anterior à data atual");
    }
    String cycle = text(body, "cycle");
    if (cycle == null || !CYCLES.contains(cycle)) {
      throw ApiError.bad("invalid_cycle", "Periodicidade inválida");
    }
    boolean card = CreditCardsApi.hasCard(body);
    if (card && !bt.equals("CREDIT_CARD")) {
      throw ApiError.bad("invalid_billingType", "Dados de cartão informados para uma assinatura que não é CREDIT_CARD");
    }
    com.fasterxml.jackson.databind.node.ArrayNode split = payments.splits.forSubscription(body.get("split"), value);
    ObjectNode cardSummary = card ? cards.authorize(body, customer) : null;
    String id = "sub_" + s.randomId(12);
    ObjectNode sub = ((ObjectNode) body).deepCopy();
    sub.remove(List.of("creditCard", "creditCardHolderInfo", "remoteIp", "creditCardToken"));
    sub.put("object", "subscription");
    sub.put("id", id);
    sub.put("dateCreated", s.today().toString());
    sub.put("billingType", bt);
    sub.put("value", value);
    sub.put("status", "ACTIVE");
    sub.put("deleted", false);
    if (split != null) {
      sub.set("split", split);
    }
    s.subscriptions.put(id, sub);
    s.event("SUBSCRIPTION_CREATED", "subscription", sub);
    nextPayment(sub, cardSummary);
    return sub;
  }

  /** Generates the next payment and advances {@code nextDueDate} by one cycle. */
  ObjectNode nextPayment(ObjectNode sub, ObjectNode cardSummary) {
    LocalDate due = LocalDate.parse(sub.get("nextDueDate").asText());
    ObjectNode req = s.mapper.createObjectNode();
    req.put("customer", sub.get("customer").asText());
    req.put("billingType", sub.get("billingType").asText());
    req.put("value", new BigDecimal(sub.get("value").asText()));
    req.put("dueDate", due.toString());
    req.put("description", text(sub, "description"));
    req.put("externalReference", text(sub, "externalReference"));
    if (sub.path("split").isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode split = req.putArray("split");
      for (JsonNode sp : sub.get("split")) {
        if ("ACTIVE".equals(sp.path("status").asText())) {
          ObjectNode o = split.addObject();
          for (String f : List.of("walletId", "fixedValue", "percentualValue", "externalReference", "description")) {
            if (sp.hasNonNull(f)) {
              o.set(f, sp.get(f));
            }
          }
        }
      }
    }
    ObjectNode p = payments.newPayment(req, sub.get("id").asText(), null, 0, cardSummary, false);
    LocalDate next = switch (sub.get("cycle").asText()) {
      case "WEEKLY" -> due.plusWeeks(1);
      case "BIWEEKLY" -> due.plusWeeks(2);
      case "BIMONTHLY" -> due.plusMonths(2);
      case "QUARTERLY" -> due.plusMonths(3);
      case "SEMIANNUALLY" -> due.plusMonths(6);
      case "YEARLY" -> due.plusYears(1);
      default -> due.plusMonths(1);
    };
    sub.put("nextDueDate", next.toString());
    return p;
  }
}
