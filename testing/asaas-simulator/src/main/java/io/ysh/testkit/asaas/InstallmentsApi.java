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
}
