package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Splits: checked when a payment, installment plan or subscription is created or changed,
 * computed on the net value, and settled when the payment is received: each share leaves this
 * account's balance ({@code INTERNAL_TRANSFER_DEBIT}) and is credited to the receiving wallet's
 * account ({@code INTERNAL_TRANSFER_CREDIT}); status PENDING → DONE (AWAITING_CREDIT for a card
 * payment, confirmed but not yet credited); CANCELLED with a reason when the payment is deleted,
 * REFUNDED (and taken back from the wallet) when it is fully refunded. Also serves
 * {@code GET /payments/splits/paid[/{id}]} and {@code GET /payments/splits/received[/{id}]}.
 *
 * <p>Source of the shapes: the official schema's {@code PaymentSplitRequestDto},
 * {@code PaymentSplitGetResponseDto}, {@code InstallmentSplitGetResponseDto} and
 * {@code SubscriptionSplitResponseDto} (asaasdev/asaas-api-sdk-java, documentation/models).
 */
final class SplitsApi {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final SimState s;

  SplitsApi(SimState s) {
    this.s = s;
  }

  /**
   * Checks a split request against a payment's value and answers the split objects to store
   * (status PENDING), or null when there is none.
   *
   * @param split the request's {@code split} array, may be null
   * @param value the payment's value
   * @param installmentNumber the installment's number, or 0
   */
  ArrayNode build(JsonNode split, BigDecimal value, int installmentNumber) {
    if (split == null || split.isNull()) {
      return null;
    }
    if (!split.isArray()) {
      throw ApiError.bad("invalid_split", "split deve ser uma lista");
    }
    BigDecimal net = Nodes.net(value);
    Set<String> wallets = new HashSet<>();
    BigDecimal shares = BigDecimal.ZERO;
    BigDecimal percent = BigDecimal.ZERO;
    ArrayNode out = s.mapper.createArrayNode();
    for (JsonNode item : split) {
      String wallet = Nodes.text(item, "walletId");
      if (wallet == null || s.accounts == null || s.accounts.forWallet(wallet) == null) {
        throw ApiError.bad("invalid_walletId", "Carteira " + wallet + " não encontrada");
      }
      if (wallet.equals(s.walletId)) {
        throw ApiError.bad("invalid_walletId", "Não é permitido fazer split para a própria carteira");
      }
      if (!wallets.add(wallet)) {
        throw ApiError.bad("invalid_walletId", "A carteira " + wallet + " foi informada mais de uma vez");
      }
      BigDecimal fixed = item.hasNonNull("fixedValue") ? Nodes.positive(item.get("fixedValue"), "fixedValue") : null;
      BigDecimal pct = item.hasNonNull("percentualValue") ? new BigDecimal(item.get("percentualValue").asText()) : null;
      if (fixed == null && pct == null) {
        throw ApiError.bad("invalid_split", "Informe fixedValue ou percentualValue para o split");
      }
      if (pct != null && (pct.signum() <= 0 || pct.compareTo(HUNDRED) > 0)) {
        throw ApiError.bad("invalid_percentualValue", "O percentual do split deve estar entre 0 e 100");
      }
      BigDecimal share = BigDecimal.ZERO;
      if (fixed != null) {
        share = share.add(fixed);
      }
      if (pct != null) {
        percent = percent.add(pct);
        share = share.add(net.multiply(pct).divide(HUNDRED, 2, RoundingMode.DOWN));
      }
      shares = shares.add(share);
      ObjectNode o = s.mapper.createObjectNode();
      o.put("id", UUID.randomUUID().toString());
      o.put("walletId", wallet);
      if (fixed != null) {
        o.put("fixedValue", fixed);
      } else {
        o.putNull("fixedValue");
      }
      if (pct != null) {
        o.put("percentualValue", pct);
      } else {
        o.putNull("percentualValue");
      }
      o.put("totalValue", share.setScale(2, RoundingMode.DOWN));
      o.putNull("cancellationReason");
      o.put("status", "PENDING");
      o.put("externalReference", Nodes.text(item, "externalReference"));
      o.put("description", Nodes.text(item, "description"));
      if (installmentNumber > 0) {
        o.put("installmentNumber", installmentNumber);
      }
      out.add(o);
    }
    if (percent.compareTo(HUNDRED) > 0) {
      throw ApiError.bad("invalid_split", "A soma dos percentuais do split excede 100%");
    }
    if (shares.compareTo(net) > 0) {
      throw ApiError.bad("invalid_split", "O valor total do split (" + shares + ") excede o valor líquido da cobrança (" + net + ")");
    }
    return out;
  }

  /** The splits of a subscription: as requested, status ACTIVE. */
  ArrayNode forSubscription(JsonNode split, BigDecimal value) {
    ArrayNode built = build(split, value, 0);
    if (built == null) {
      return null;
    }
    ArrayNode out = s.mapper.createArrayNode();
    for (JsonNode b : built) {
      ObjectNode o = out.addObject();
      o.set("walletId", b.get("walletId"));
      o.set("fixedValue", b.get("fixedValue"));
      o.set("percentualValue", b.get("percentualValue"));
      o.set("externalReference", b.get("externalReference"));
      o.set("description", b.get("description"));
      o.put("status", "ACTIVE");
      o.putNull("disabledReason");
    }
    return out;
  }

  /** The payment's money came in: pay each pending share to its wallet (card: awaiting credit). */
  void settle(ObjectNode p, boolean credited) {
    JsonNode splits = p.get("split");
    if (splits == null || !splits.isArray()) {
      return;
    }
    for (JsonNode n : splits) {
      ObjectNode sp = (ObjectNode) n;
      String st = sp.path("status").asText();
      if (!st.equals("PENDING") && !(credited && st.equals("AWAITING_CREDIT"))) {
        continue;
      }
      if (!credited) {
        sp.put("status", "AWAITING_CREDIT");
        continue;
      }
      BigDecimal share = new BigDecimal(sp.get("totalValue").asText());
      Accounts.Tenant to = s.accounts.forWallet(sp.get("walletId").asText());
      String paymentId = p.get("id").asText();
      s.balance = s.balance.subtract(share);
      s.transaction(share.negate(), "INTERNAL_TRANSFER_DEBIT", "Split da cobrança " + paymentId + " para a carteira " + sp.get("walletId").asText(),
          paymentId, null);
      to.state().balance = to.state().balance.add(share);
      to.state().transaction(share, "INTERNAL_TRANSFER_CREDIT", "Split recebido da cobrança " + paymentId, paymentId, null);
      sp.put("status", "DONE");
      to.state().receivedSplits.add(received(sp, p));
    }
  }

  /** One split refund asked for: the split, and what to take back from it. */
  record Take(ObjectNode split, BigDecimal value) {}

  /** Checks a refund's {@code splitRefunds} against the payment's done splits, changing nothing. */
  List<Take> splitRefunds(ObjectNode p, JsonNode items) {
    List<Take> out = new ArrayList<>();
    if (items == null || !items.isArray()) {
      return out;
    }
    JsonNode splits = p.get("split");
    for (JsonNode item : items) {
      String id = item.path("id").asText("");
      ObjectNode sp = null;
      if (splits != null && splits.isArray()) {
        for (JsonNode n : splits) {
          if (id.equals(n.path("id").asText())) {
            sp = (ObjectNode) n;
          }
        }
      }
      if (sp == null) {
        throw ApiError.bad("invalid_splitRefunds", "Split " + id + " não pertence à cobrança");
      }
      if (!sp.path("status").asText().equals("DONE")) {
        throw ApiError.bad("invalid_splitRefunds", "O split " + id + " não foi transferido");
      }
      BigDecimal v = Nodes.positive(item.get("value"), "splitRefunds.value");
      BigDecimal left = new BigDecimal(sp.get("totalValue").asText()).subtract(refunded(p, id));
      if (v.compareTo(left) > 0) {
        throw ApiError.bad("invalid_splitRefunds", "O valor a estornar do split " + id + " é maior que o disponível (" + left + ")");
      }
      out.add(new Take(sp, v));
    }
    return out;
  }

  /** What earlier refunds of the payment took back from a split. */
  private BigDecimal refunded(ObjectNode p, String splitId) {
    BigDecimal sum = BigDecimal.ZERO;
    for (ObjectNode r : s.refunds.getOrDefault(p.get("id").asText(), List.of())) {
      for (JsonNode rs : r.path("refundedSplits")) {
        if (splitId.equals(rs.path("id").asText())) {
          sum = sum.add(new BigDecimal(rs.get("value").asText()));
        }
      }
    }
    return sum;
  }

  /** Takes part of a done split back from the wallet that received it; REFUNDED once all of it is back. */
  void takeBack(ObjectNode p, Take take) {
    ObjectNode sp = take.split();
    BigDecimal share = take.value();
    String paymentId = p.get("id").asText();
    Accounts.Tenant from = s.accounts.forWallet(sp.get("walletId").asText());
    from.state().balance = from.state().balance.subtract(share);
    from.state().transaction(share.negate(), "INTERNAL_TRANSFER_REVERSAL", "Estorno do split da cobrança " + paymentId, paymentId, null);
    s.balance = s.balance.add(share);
    s.transaction(share, "INTERNAL_TRANSFER_REVERSAL", "Estorno do split da cobrança " + paymentId, paymentId, null);
    if (refunded(p, sp.get("id").asText()).add(share).compareTo(new BigDecimal(sp.get("totalValue").asText())) >= 0) {
      sp.put("status", "REFUNDED");
      sp.put("cancellationReason", "PAYMENT_REFUNDED");
    }
  }

  /** The payment was deleted or fully refunded: cancel pending shares, take done ones back. */
  void undo(ObjectNode p, String reason) {
    JsonNode splits = p.get("split");
    if (splits == null || !splits.isArray()) {
      return;
    }
    for (JsonNode n : splits) {
      ObjectNode sp = (ObjectNode) n;
      String st = sp.path("status").asText();
      if (st.equals("PENDING") || st.equals("AWAITING_CREDIT")) {
        sp.put("status", "CANCELLED");
        sp.put("cancellationReason", reason);
      } else if (st.equals("DONE") && reason.equals("PAYMENT_REFUNDED")) {
        BigDecimal share = new BigDecimal(sp.get("totalValue").asText()).subtract(refunded(p, sp.get("id").asText()));
        Accounts.Tenant from = s.accounts.forWallet(sp.get("walletId").asText());
        String paymentId = p.get("id").asText();
        from.state().balance = from.state().balance.subtract(share);
        from.state().transaction(share.negate(), "INTERNAL_TRANSFER_REVERSAL", "Estorno do split da cobrança " + paymentId, paymentId, null);
        s.balance = s.balance.add(share);
        s.transaction(share, "INTERNAL_TRANSFER_REVERSAL", "Estorno do split da cobrança " + paymentId, paymentId, null);
        sp.put("status", "REFUNDED");
        sp.put("cancellationReason", reason);
      }
    }
  }

  private ObjectNode received(ObjectNode sp, ObjectNode p) {
    ObjectNode r = sp.deepCopy();
    r.put("paymentId", p.get("id").asText());
    r.put("paymentConfirmedDate", s.today().toString());
    r.put("creditDate", s.today().toString());
    return r;
  }

  /** {@code GET /payments/splits/paid[/{id}]} and {@code GET /payments/splits/received[/{id}]}. */
  JsonNode handle(SimRequest r) {
    if (!r.method().equals("GET") || r.depth() < 3 || r.depth() > 4) {
      throw ApiError.noRoute();
    }
    List<ObjectNode> items = switch (r.segment(2)) {
      case "paid" -> paid();
      case "received" -> SimState.reversed(s.receivedSplits);
      default -> throw ApiError.noRoute();
    };
    if (r.depth() == 4) {
      return items.stream().filter(i -> r.segment(3).equals(i.path("id").asText())).findFirst()
          .orElseThrow(() -> ApiError.notFound("Split"));
    }
    Map<String, String> q = r.query();
    return s.list(items, q, i -> Nodes.eq(i, "paymentId", q.get("paymentId")) && Nodes.eq(i, "status", q.get("status"))
        && Nodes.within(i, "paymentConfirmedDate", q.get("paymentConfirmedDate[ge]"), q.get("paymentConfirmedDate[le]"))
        && Nodes.within(i, "creditDate", q.get("creditDate[ge]"), q.get("creditDate[le]")));
  }

  private List<ObjectNode> paid() {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode p : SimState.reversed(s.payments.values())) {
      JsonNode splits = p.get("split");
      if (splits == null || !splits.isArray()) {
        continue;
      }
      for (JsonNode sp : splits) {
        ObjectNode o = ((ObjectNode) sp).deepCopy();
        o.put("paymentId", p.get("id").asText());
        o.put("paymentConfirmedDate", Nodes.text(p, "confirmedDate"));
        o.put("creditDate", "DONE".equals(o.path("status").asText()) ? Nodes.text(p, "paymentDate") : null);
        out.add(o);
      }
    }
    return out;
  }
}
