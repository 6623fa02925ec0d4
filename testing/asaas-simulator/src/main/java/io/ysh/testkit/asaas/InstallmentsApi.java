package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** {@code /installments}: list, get, a plan's payments, delete and refund (plans are created through {@code /payments}). */
final class InstallmentsApi {

  private final SimState s;
  private final PaymentsApi payments;

  InstallmentsApi(SimState s, PaymentsApi payments) {
    this.s = s;
    this.payments = payments;
  }

  JsonNode handle(SimRequest r) {
    String id = r.segment(1);
    if (id == null && r.method().equals("GET")) {
      return s.list(SimState.reversed(s.installments.values()), r.query(), i -> !i.path("deleted").asBoolean());
    }
    if (id == null) {
      throw ApiError.noRoute();
    }
    ObjectNode ins = s.find(s.installments, id, "Parcelamento");
    String sub = r.segment(2);
    if (sub == null && r.method().equals("GET")) {
      return ins;
    }
    if ("payments".equals(sub) && r.method().equals("GET")) {
      List<ObjectNode> ps = new ArrayList<>(s.payments.values().stream().filter(p -> id.equals(p.path("installment").asText(null))).toList());
      return s.list(ps, r.query(), p -> true);
    }
    if (sub == null && r.method().equals("DELETE")) {
      ins.put("deleted", true);
      for (ObjectNode p : s.payments.values()) {
        String st = p.path("status").asText();
        if (id.equals(p.path("installment").asText(null)) && (st.equals("PENDING") || st.equals("OVERDUE"))) {
          p.put("deleted", true);
          s.event("PAYMENT_DELETED", "payment", p);
        }
      }
      return s.deleted(id);
    }
    if ("splits".equals(sub) && r.method().equals("PUT")) {
      s.schema("PUT /installments/{id}/splits", RequestSchemas.INSTALLMENT_SPLITS, r);
      return updateSplits(id, r.body().get("splits"));
    }
    if ("refund".equals(sub) && r.method().equals("POST")) {
      s.schema("POST /installments/{id}/refund", RequestSchemas.EMPTY, r);
      for (ObjectNode p : new ArrayList<>(s.payments.values())) {
        String st = p.path("status").asText();
        if (id.equals(p.path("installment").asText(null)) && (st.equals("RECEIVED") || st.equals("CONFIRMED"))) {
          payments.refund(p, s.mapper.createObjectNode());
        }
      }
      return ins;
    }
    throw ApiError.noRoute();
  }

  /**
   * Replaces the splits of the plan's payments that are still pending: a split with an
   * {@code installmentNumber} goes to that installment only, totalFixedValue is spread over the
   * pending installments. Everything is checked before anything changes.
   */
  private JsonNode updateSplits(String id, JsonNode splits) {
    List<ObjectNode> pending = s.payments.values().stream()
        .filter(p -> id.equals(p.path("installment").asText(null)) && !p.path("deleted").asBoolean()
            && (p.path("status").asText().equals("PENDING") || p.path("status").asText().equals("OVERDUE")))
        .toList();
    List<com.fasterxml.jackson.databind.node.ArrayNode> built = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      ObjectNode p = pending.get(i);
      int number = p.path("installmentNumber").asInt(0);
      com.fasterxml.jackson.databind.node.ArrayNode req = s.mapper.createArrayNode();
      if (splits != null && splits.isArray()) {
        for (JsonNode item : splits) {
          if (item.hasNonNull("installmentNumber") && item.get("installmentNumber").asInt() != number) {
            continue;
          }
          ObjectNode o = ((ObjectNode) item).deepCopy();
          o.remove("installmentNumber");
          if (o.hasNonNull("totalFixedValue")) {
            java.math.BigDecimal part = io.ysh.core.br.Money.of(Nodes.positive(o.get("totalFixedValue"), "totalFixedValue"))
                .allocate(pending.size()).get(i).amount();
            o.remove("totalFixedValue");
            o.put("fixedValue", part);
          }
          req.add(o);
        }
      }
      com.fasterxml.jackson.databind.node.ArrayNode b = payments.splits.build(req, new java.math.BigDecimal(p.get("value").asText()), number);
      built.add(b == null ? s.mapper.createArrayNode() : b);
    }
    ObjectNode answer = s.mapper.createObjectNode();
    com.fasterxml.jackson.databind.node.ArrayNode all = answer.putArray("splits");
    for (int i = 0; i < pending.size(); i++) {
      pending.get(i).set("split", built.get(i));
      built.get(i).forEach(all::add);
      s.event("PAYMENT_UPDATED", "payment", pending.get(i));
    }
    return answer;
  }
}
