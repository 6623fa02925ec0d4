package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** {@code POST /sandbox/payment/{id}/confirm} and {@code …/overdue}: what the sandbox offers to move a charge along. */
final class SandboxApi {

  private final SimState s;

  SandboxApi(SimState s) {
    this.s = s;
  }

  JsonNode handle(SimRequest r) {
    if (!r.is("POST", 4) || !"payment".equals(r.segment(1))) {
      throw ApiError.noRoute();
    }
    s.schema("POST /sandbox/payment/{id}/" + r.segment(3), RequestSchemas.EMPTY, r);
    String id = r.segment(2);
    ObjectNode p = s.find(s.payments, id, "Cobrança");
    String st = p.path("status").asText();
    if (p.path("deleted").asBoolean() || !(st.equals("PENDING") || st.equals("OVERDUE"))) {
      throw ApiError.bad("invalid_action", "Só é possível alterar cobranças pendentes ou vencidas");
    }
    switch (r.segment(3)) {
      case "confirm": {
        boolean card = "CREDIT_CARD".equals(p.path("billingType").asText());
        p.put("status", card ? "CONFIRMED" : "RECEIVED");
        p.put("paymentDate", s.today().toString());
        p.put("clientPaymentDate", s.today().toString());
        p.put("confirmedDate", s.today().toString());
        if ("UNDEFINED".equals(p.path("billingType").asText())) {
          p.put("billingType", "PIX");
        }
        BigDecimal net = new BigDecimal(p.get("netValue").asText());
        s.balance = s.balance.add(net);
        s.transaction(net, "PAYMENT_RECEIVED", "Cobrança recebida " + id, id, null);
        new SplitsApi(s).settle(p, true);
        AnticipationsApi.settle(s, p);
        s.event(card ? "PAYMENT_CONFIRMED" : "PAYMENT_RECEIVED", "payment", p);
        return p;
      }
      case "overdue":
        p.put("status", "OVERDUE");
        s.event("PAYMENT_OVERDUE", "payment", p);
        return p;
      default:
        throw ApiError.noRoute();
    }
  }
}
