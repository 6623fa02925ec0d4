package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /finance/balance} and {@code GET /financialTransactions}. */
final class FinanceApi {

  private final SimState s;

  FinanceApi(SimState s) {
    this.s = s;
  }

  JsonNode balance(SimRequest r) {
    if (r.is("GET", 2) && "balance".equals(r.segment(1))) {
      ObjectNode b = s.mapper.createObjectNode();
      b.put("balance", s.balance);
      return b;
    }
    throw ApiError.noRoute();
  }

  JsonNode transactions(SimRequest r) {
    if (r.is("GET", 1)) {
      var q = r.query();
      return s.list(SimState.reversed(s.financialTransactions), q, t -> Nodes.within(t, "date", q.get("startDate"), q.get("finishDate")));
    }
    throw ApiError.noRoute();
  }
}
