package io.ysh.testkit.asaas;

import static io.ysh.testkit.asaas.Nodes.positive;
import static io.ysh.testkit.asaas.Nodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code /transfers}: to a PIX key or a bank account ({@code POST /transfers}), to another Asaas
 * account ({@code POST /transfers/}, by walletId), list, get and cancel. A transfer of the same
 * value to the same destination within 15 minutes of another is refused with 409, as Asaas does
 * to protect against duplicates. Events follow Asaas's names: TRANSFER_CREATED, TRANSFER_PENDING,
 * TRANSFER_IN_BANK_PROCESSING, TRANSFER_BLOCKED, TRANSFER_DONE, TRANSFER_FAILED, TRANSFER_CANCELLED.
 */
final class TransfersApi {

  static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(15);
  private static final Map<String, String> EVENTS = Map.of(
      "PENDING", "TRANSFER_PENDING",
      "BANK_PROCESSING", "TRANSFER_IN_BANK_PROCESSING",
      "BLOCKED", "TRANSFER_BLOCKED",
      "DONE", "TRANSFER_DONE",
      "FAILED", "TRANSFER_FAILED",
      "CANCELLED", "TRANSFER_CANCELLED");

  private final SimState s;

  TransfersApi(SimState s) {
    this.s = s;
  }

  JsonNode handle(SimRequest r) {
    String id = r.segment(1);
    if (id == null) {
      if (r.method().equals("POST")) {
        if (r.trailingSlash()) {
          s.schema("POST /transfers/", RequestSchemas.INTERNAL_TRANSFER, r);
          return create(r.body(), true);
        }
        s.schema("POST /transfers", RequestSchemas.TRANSFER, r);
        return create(r.body(), false);
      }
      if (r.method().equals("GET")) {
        var q = r.query();
        return s.list(SimState.reversed(s.transfers.values()), q, t -> Nodes.within(t, "dateCreated", q.get("dateCreated[ge]"), q.get("dateCreated[le]"))
            && Nodes.eq(t, "type", q.get("type")));
      }
      throw ApiError.noRoute();
    }
    ObjectNode t = s.find(s.transfers, id, "Transferência");
    String sub = r.segment(2);
    if (sub == null && r.method().equals("GET")) {
      return t;
    }
    if ("cancel".equals(sub) && r.method().equals("DELETE")) {
      if (!"PENDING".equals(t.path("status").asText())) {
        throw ApiError.bad("invalid_action", "Só é possível cancelar transferências pendentes");
      }
      setStatus(t, "CANCELLED");
      return t;
    }
    throw ApiError.noRoute();
  }

  void setStatus(ObjectNode t, String status) {
    String event = EVENTS.get(status);
    if (event == null) {
      throw new IllegalArgumentException("unknown transfer status " + status + "; one of " + EVENTS.keySet());
    }
    String before = t.path("status").asText();
    t.put("status", status);
    if ("DONE".equals(status)) {
      t.put("effectiveDate", s.today().toString());
    }
    if (("CANCELLED".equals(status) || "FAILED".equals(status)) && !before.equals("CANCELLED") && !before.equals("FAILED")) {
      BigDecimal v = new BigDecimal(t.get("value").asText());
      s.balance = s.balance.add(v);
      s.transaction(v, "TRANSFER_CANCELLED", "Transferência cancelada", null, t.get("id").asText());
    }
    s.event(event, "transfer", t);
  }

  private JsonNode create(JsonNode body, boolean internal) {
    BigDecimal value = positive(body.get("value"), "value");
    String destination;
    if (internal) {
      if (text(body, "walletId") == null) {
        throw ApiError.bad("invalid_walletId", "Informe o walletId da conta Asaas de destino");
      }
      destination = "wallet:" + text(body, "walletId");
    } else {
      boolean pix = body.hasNonNull("pixAddressKey");
      if (!pix && !body.hasNonNull("bankAccount")) {
        throw ApiError.bad("invalid_action", "Informe a chave PIX ou a conta bancária");
      }
      if (pix && !body.hasNonNull("pixAddressKeyType")) {
        throw ApiError.bad("invalid_pixAddressKeyType", "Informe o tipo da chave PIX");
      }
      destination = pix ? "pix:" + text(body, "pixAddressKeyType") + ":" + text(body, "pixAddressKey") : "bank:" + bankKey(body.get("bankAccount"));
    }
    if (value.compareTo(s.balance) > 0) {
      throw ApiError.bad("insufficient_balance", "Saldo insuficiente");
    }
    Instant now = s.clock.instant();
    for (Map.Entry<String, ObjectNode> e : s.transfers.entrySet()) {
      ObjectNode other = e.getValue();
      Instant at = s.transferCreatedAt.get(e.getKey());
      if (at != null && Duration.between(at, now).compareTo(DUPLICATE_WINDOW) < 0
          && value.compareTo(new BigDecimal(other.get("value").asText())) == 0
          && destination.equals(s.transferDestinations.get(e.getKey()))) {
        throw new ApiError(409, "duplicated_transfer",
            "Já existe uma transferência de mesmo valor para o mesmo destino realizada nos últimos 15 minutos");
      }
    }
    String id = UUID.randomUUID().toString();
    ObjectNode t = s.mapper.createObjectNode();
    t.put("object", "transfer");
    t.put("id", id);
    t.put("dateCreated", s.today().toString());
    t.put("status", internal ? "DONE" : "PENDING");
    t.put("type", internal ? "ASAAS_ACCOUNT" : "BANK_ACCOUNT");
    t.put("value", value);
    t.put("netValue", value);
    t.put("transferFee", BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY));
    t.put("operationType", internal ? "INTERNAL" : body.hasNonNull("pixAddressKey") ? "PIX"
        : text(body, "operationType") == null ? "TED" : text(body, "operationType"));
    t.put("description", text(body, "description"));
    t.put("externalReference", text(body, "externalReference"));
    t.put("scheduleDate", text(body, "scheduleDate"));
    t.put("authorized", true);
    if (internal) {
      t.put("walletId", text(body, "walletId"));
      t.put("effectiveDate", s.today().toString());
    } else {
      ObjectNode account = s.mapper.createObjectNode();
      if (body.hasNonNull("bankAccount")) {
        JsonNode b = body.get("bankAccount");
        ObjectNode bank = account.putObject("bank");
        bank.put("code", b.path("bank").path("code").asText(null));
        bank.put("ispb", text(b, "ispb"));
        bank.putNull("name");
        for (String f : new String[] {"accountName", "ownerName", "cpfCnpj", "agency", "account", "accountDigit"}) {
          account.put(f, text(b, f));
        }
      } else {
        account.put("pixAddressKey", text(body, "pixAddressKey"));
      }
      t.set("bankAccount", account);
    }
    s.balance = s.balance.subtract(value);
    s.transfers.put(id, t);
    s.transferCreatedAt.put(id, now);
    s.transferDestinations.put(id, destination);
    s.transaction(value.negate(), "TRANSFER", "Transferência " + id, null, id);
    s.event("TRANSFER_CREATED", "transfer", t);
    return t;
  }

  private static String bankKey(JsonNode b) {
    return String.join("|", Objects.toString(b.path("bank").path("code").asText(null)), Objects.toString(text(b, "agency")),
        Objects.toString(text(b, "account")), Objects.toString(text(b, "accountDigit")), Objects.toString(text(b, "cpfCnpj")));
  }
}
