package io.ysh.testkit.asaas;

import static io.ysh.testkit.asaas.Nodes.eq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * {@code /anticipations}: simulate, request (a multipart form), list, get, cancel, limits and the
 * automatic anticipation configuration.
 *
 * <p>The simulator anticipates boletos only (PENDING BOLETO payments, or an installment plan whose
 * payments are all PENDING BOLETO): it credits card payments at confirmation already, so there is
 * nothing left to anticipate. Its fee is 4.99 % a month of the value, pro rata over the days
 * anticipated (at least one); the value is the payment's net value. A request is approved at once
 * (events RECEIVABLE_ANTICIPATION_PENDING then RECEIVABLE_ANTICIPATION_CREDITED, and
 * PAYMENT_ANTICIPATED): the balance gains the net value, the statement an
 * {@code ANTICIPATION_CREDIT} of the value and an {@code ANTICIPATION_FEE} of the fee. While
 * {@link AsaasSimulator#holdAnticipations(boolean)} is set it stays PENDING (cancellable); while
 * {@link AsaasSimulator#denyAnticipations(String)} is set it is DENIED at once (with that
 * {@code denialObservation}, RECEIVABLE_ANTICIPATION_DENIED, nothing credited). When the
 * anticipated payment is later confirmed through the sandbox, the value is debited back
 * ({@code ANTICIPATION_DEBIT}, status DEBITED, RECEIVABLE_ANTICIPATION_DEBITED). The boleto limit
 * is R$ 50.000,00 less what is anticipated and not yet debited; a request over it is refused.
 *
 * <p>Source: the official schema's Anticipation DTOs (asaasdev/asaas-api-sdk-java,
 * documentation/models) and docs.asaas.com "Eventos para antecipações".
 */
final class AnticipationsApi {

  static final BigDecimal LIMIT = new BigDecimal("50000.00");
  private static final BigDecimal MONTHLY_FEE = new BigDecimal("0.0499");
  private static final Set<String> LIVE = Set.of("PENDING", "SCHEDULED", "CREDITED", "OVERDUE");

  private final SimState s;
  boolean hold;
  boolean automatic;
  String denial;

  AnticipationsApi(SimState s) {
    this.s = s;
  }

  void reset() {
    hold = false;
    automatic = false;
    denial = null;
  }

  JsonNode handle(SimRequest r) {
    String seg = r.segment(1);
    if (seg == null) {
      if (r.method().equals("POST")) {
        s.schema("POST /anticipations", RequestSchemas.ANTICIPATION_REQUEST, r);
        return request(r.body());
      }
      if (r.method().equals("GET")) {
        var q = r.query();
        return s.list(SimState.reversed(s.anticipations.values()), q, a -> eq(a, "payment", q.get("payment"))
            && eq(a, "installment", q.get("installment")) && eq(a, "status", q.get("status")));
      }
      throw ApiError.noRoute();
    }
    if (r.is("POST", 2) && seg.equals("simulate")) {
      s.schema("POST /anticipations/simulate", RequestSchemas.ANTICIPATION_SIMULATE, r);
      ObjectNode sim = compute(r.body());
      sim.remove("object");
      return sim;
    }
    if (r.is("GET", 2) && seg.equals("limits")) {
      ObjectNode l = s.mapper.createObjectNode();
      ObjectNode card = l.putObject("creditCard");
      card.put("total", LIMIT);
      card.put("available", LIMIT);
      ObjectNode slip = l.putObject("bankSlip");
      slip.put("total", LIMIT);
      slip.put("available", available());
      return l;
    }
    if (r.depth() == 2 && seg.equals("configurations")) {
      if (r.method().equals("PUT")) {
        s.schema("PUT /anticipations/configurations", RequestSchemas.ANTICIPATION_CONFIGURATION, r);
        if (r.body().hasNonNull("creditCardAutomaticEnabled")) {
          automatic = r.body().get("creditCardAutomaticEnabled").asBoolean();
        }
      } else if (!r.method().equals("GET")) {
        throw ApiError.noRoute();
      }
      ObjectNode c = s.mapper.createObjectNode();
      c.put("creditCardAutomaticEnabled", automatic);
      return c;
    }
    ObjectNode a = s.find(s.anticipations, seg, "Antecipação");
    if (r.is("GET", 2)) {
      return a;
    }
    if (r.is("POST", 3) && "cancel".equals(r.segment(2))) {
      s.schema("POST /anticipations/{id}/cancel", RequestSchemas.EMPTY, r);
      if (!a.path("status").asText().equals("PENDING") && !a.path("status").asText().equals("SCHEDULED")) {
        throw ApiError.bad("invalid_action", "Só é possível cancelar antecipações pendentes ou agendadas");
      }
      a.put("status", "CANCELLED");
      s.event("RECEIVABLE_ANTICIPATION_CANCELLED", "anticipation", a);
      return a;
    }
    throw ApiError.noRoute();
  }

  private BigDecimal available() {
    BigDecimal used = s.anticipations.values().stream().filter(a -> LIVE.contains(a.path("status").asText()))
        .map(a -> new BigDecimal(a.get("value").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
    return LIMIT.subtract(used).max(BigDecimal.ZERO).setScale(2, RoundingMode.UNNECESSARY);
  }

  private List<ObjectNode> targets(JsonNode body) {
    String payment = Nodes.text(body, "payment");
    String installment = Nodes.text(body, "installment");
    if ((payment == null) == (installment == null)) {
      throw ApiError.bad("invalid_payment", "Informe a cobrança ou o parcelamento a ser antecipado");
    }
    List<ObjectNode> ps;
    if (payment != null) {
      ps = List.of(s.find(s.payments, payment, "Cobrança"));
    } else {
      s.find(s.installments, installment, "Parcelamento");
      ps = s.payments.values().stream().filter(p -> installment.equals(p.path("installment").asText(null))).toList();
    }
    for (ObjectNode p : ps) {
      if (p.path("deleted").asBoolean() || !"PENDING".equals(p.path("status").asText()) || !"BOLETO".equals(p.path("billingType").asText())) {
        throw ApiError.bad("invalid_action", "A cobrança " + p.get("id").asText()
            + " não pode ser antecipada (o simulador antecipa boletos pendentes)");
      }
    }
    for (ObjectNode a : s.anticipations.values()) {
      if (LIVE.contains(a.path("status").asText()) && (ps.stream().anyMatch(p -> p.get("id").asText().equals(a.path("payment").asText(null)))
          || (installment != null && installment.equals(a.path("installment").asText(null))))) {
        throw ApiError.bad("invalid_action", "Já existe uma antecipação para esta cobrança");
      }
    }
    return ps;
  }

  private ObjectNode compute(JsonNode body) {
    List<ObjectNode> ps = targets(body);
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal value = BigDecimal.ZERO;
    BigDecimal fee = BigDecimal.ZERO;
    LocalDate today = s.today();
    LocalDate lastDue = today;
    long maxDays = 1;
    for (ObjectNode p : ps) {
      BigDecimal v = new BigDecimal(p.get("netValue").asText());
      LocalDate due = LocalDate.parse(p.get("dueDate").asText());
      long days = Math.max(1, ChronoUnit.DAYS.between(today, due));
      total = total.add(new BigDecimal(p.get("value").asText()));
      value = value.add(v);
      fee = fee.add(v.multiply(MONTHLY_FEE).multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(30), 2, RoundingMode.HALF_EVEN));
      lastDue = due.isAfter(lastDue) ? due : lastDue;
      maxDays = Math.max(maxDays, days);
    }
    ObjectNode a = s.mapper.createObjectNode();
    a.put("object", "anticipation");
    a.put("installment", Nodes.text(body, "installment"));
    a.put("payment", Nodes.text(body, "payment"));
    a.put("anticipationDate", today.toString());
    a.put("dueDate", lastDue.toString());
    a.put("fee", fee.setScale(2, RoundingMode.UNNECESSARY));
    a.put("anticipationDays", maxDays);
    a.put("netValue", value.subtract(fee).setScale(2, RoundingMode.UNNECESSARY));
    a.put("totalValue", total.setScale(2, RoundingMode.UNNECESSARY));
    a.put("value", value.setScale(2, RoundingMode.UNNECESSARY));
    a.put("isDocumentationRequired", false);
    return a;
  }

  private JsonNode request(JsonNode body) {
    ObjectNode sim = compute(body);
    BigDecimal value = new BigDecimal(sim.get("value").asText());
    if (value.compareTo(available()) > 0) {
      throw ApiError.bad("invalid_action", "Limite de antecipação insuficiente");
    }
    String id = java.util.UUID.randomUUID().toString();
    ObjectNode a = s.mapper.createObjectNode();
    a.put("object", "anticipation");
    a.put("id", id);
    a.set("installment", sim.get("installment"));
    a.set("payment", sim.get("payment"));
    a.put("status", "PENDING");
    a.set("anticipationDate", sim.get("anticipationDate"));
    a.set("dueDate", sim.get("dueDate"));
    a.put("requestDate", s.today().toString());
    for (String f : List.of("fee", "anticipationDays", "netValue", "totalValue", "value")) {
      a.set(f, sim.get(f));
    }
    a.putNull("denialObservation");
    s.anticipations.put(id, a);
    s.event("RECEIVABLE_ANTICIPATION_PENDING", "anticipation", a);
    if (denial != null) {
      a.put("status", "DENIED");
      a.put("denialObservation", denial);
      s.event("RECEIVABLE_ANTICIPATION_DENIED", "anticipation", a);
    } else if (!hold) {
      credit(a);
    }
    return a;
  }

  private void credit(ObjectNode a) {
    BigDecimal value = new BigDecimal(a.get("value").asText());
    BigDecimal fee = new BigDecimal(a.get("fee").asText());
    a.put("status", "CREDITED");
    String payment = a.path("payment").asText(null);
    s.balance = s.balance.add(value);
    s.transaction(value, "ANTICIPATION_CREDIT", "Antecipação " + a.get("id").asText(), payment, null);
    s.balance = s.balance.subtract(fee);
    s.transaction(fee.negate(), "ANTICIPATION_FEE", "Taxa da antecipação " + a.get("id").asText(), payment, null);
    s.event("RECEIVABLE_ANTICIPATION_CREDITED", "anticipation", a);
    for (ObjectNode p : s.payments.values()) {
      String installment = a.path("installment").asText(null);
      if (p.get("id").asText().equals(payment) || (installment != null && installment.equals(p.path("installment").asText(null)))) {
        p.put("anticipated", true);
        s.event("PAYMENT_ANTICIPATED", "payment", p);
      }
    }
  }

  /** A payment was received: a credited anticipation of it is paid back from what it received. */
  static void settle(SimState s, ObjectNode payment) {
    String id = payment.get("id").asText();
    String installment = payment.path("installment").asText(null);
    for (ObjectNode a : s.anticipations.values()) {
      boolean mine = id.equals(a.path("payment").asText(null)) || (installment != null && installment.equals(a.path("installment").asText(null)));
      if (!mine || !a.path("status").asText().equals("CREDITED")) {
        continue;
      }
      BigDecimal share = a.hasNonNull("payment") ? new BigDecimal(a.get("value").asText()) : new BigDecimal(payment.get("netValue").asText());
      s.balance = s.balance.subtract(share);
      s.transaction(share.negate(), "ANTICIPATION_DEBIT", "Baixa da antecipação " + a.get("id").asText(), id, null);
      boolean allPaid = a.hasNonNull("payment") || s.payments.values().stream()
          .filter(p -> installment.equals(p.path("installment").asText(null))).noneMatch(p -> "PENDING".equals(p.path("status").asText()));
      if (allPaid) {
        a.put("status", "DEBITED");
        s.event("RECEIVABLE_ANTICIPATION_DEBITED", "anticipation", a);
      }
    }
  }
}
