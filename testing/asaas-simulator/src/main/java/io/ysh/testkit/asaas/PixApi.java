package io.ysh.testkit.asaas;

import static io.ysh.testkit.asaas.Nodes.eq;
import static io.ysh.testkit.asaas.Nodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /pix}: address keys (create EVP, list, get, delete), static QR codes (create, delete),
 * decoding and paying QR codes from the balance, and the account's Pix transactions (list, get,
 * cancel a scheduled one); and a payer paying a static QR code
 * ({@link AsaasSimulator#payStaticQrCode}), which creates a received PIX payment, credits the
 * balance and records a CREDIT transaction.
 *
 * <p>Source: the official schema's PixService and PixTransactionService and their models
 * (asaasdev/asaas-api-sdk-java, documentation/services/PixService.md, PixTransactionService.md,
 * documentation/models/PixAddressKey*, PixQrCode*, PixTransaction*).
 */
final class PixApi {

  private final SimState s;
  final Map<String, ObjectNode> keys = new LinkedHashMap<>();
  final Map<String, ObjectNode> qrCodes = new LinkedHashMap<>();
  /** Per static QR code: its value (or null), key, description, deletion and payments. */
  final Map<String, ObjectNode> qrState = new LinkedHashMap<>();
  final Map<String, ObjectNode> transactions = new LinkedHashMap<>();
  final Map<String, ObjectNode> authorizations = new LinkedHashMap<>();
  final Map<String, ObjectNode> instructions = new LinkedHashMap<>();
  private static final List<String> FREQUENCIES = List.of("WEEKLY", "MONTHLY", "QUARTERLY", "SEMIANNUALLY", "ANNUALLY");

  PixApi(SimState s) {
    this.s = s;
  }

  JsonNode handle(SimRequest r) {
    String res = r.segment(1);
    if (res == null) {
      throw ApiError.noRoute();
    }
    switch (res) {
      case "addressKeys":
        return keys(r);
      case "qrCodes":
        return qrCodes(r);
      case "transactions":
        return transactions(r);
      case "automatic":
        return automatic(r);
      default:
        throw ApiError.noRoute();
    }
  }

  private JsonNode keys(SimRequest r) {
    if (r.segment(2) == null) {
      if (r.method().equals("POST")) {
        s.schema("POST /pix/addressKeys", RequestSchemas.PIX_ADDRESS_KEY, r);
        if (!"EVP".equals(text(r.body(), "type"))) {
          throw ApiError.bad("invalid_type", "Somente chaves aleatórias (EVP) podem ser criadas pela API");
        }
        String id = UUID.randomUUID().toString();
        String value = UUID.randomUUID().toString();
        ObjectNode k = s.mapper.createObjectNode();
        k.put("id", id);
        k.put("key", value);
        k.put("type", "EVP");
        k.put("status", "ACTIVE");
        k.put("dateCreated", s.now().format(SimState.TS));
        k.put("canBeDeleted", true);
        k.putNull("cannotBeDeletedReason");
        ObjectNode qr = k.putObject("qrCode");
        qr.put("encodedImage", PaymentsApi.PNG_1PX);
        qr.put("payload", PixCodec.staticPayload(value, null, null, "***"));
        keys.put(id, k);
        return k;
      }
      if (r.method().equals("GET")) {
        Map<String, String> q = r.query();
        List<String> statuses = q.get("statusList") == null ? null : Arrays.asList(q.get("statusList").split(","));
        return s.list(SimState.reversed(keys.values()), q, k -> eq(k, "status", q.get("status"))
            && (statuses == null || statuses.contains(k.path("status").asText())));
      }
      throw ApiError.noRoute();
    }
    if (r.segment(3) != null) {
      throw ApiError.noRoute();
    }
    ObjectNode k = s.find(keys, r.segment(2), "Chave Pix");
    switch (r.method()) {
      case "GET":
        return k;
      case "DELETE":
        if ("DELETED".equals(k.path("status").asText())) {
          throw ApiError.bad("invalid_action", "A chave já foi removida");
        }
        k.put("status", "DELETED");
        k.put("canBeDeleted", false);
        k.put("cannotBeDeletedReason", "A chave já foi removida");
        return k;
      default:
        throw ApiError.noRoute();
    }
  }

  private JsonNode qrCodes(SimRequest r) {
    String what = r.segment(2);
    if ("static".equals(what) && r.is("POST", 3)) {
      s.schema("POST /pix/qrCodes/static", RequestSchemas.PIX_STATIC_QR_CODE, r);
      return createStatic(r.body());
    }
    if ("static".equals(what) && r.is("DELETE", 4)) {
      String id = r.segment(3);
      ObjectNode st = qrState.get(id);
      if (st == null || st.path("deleted").asBoolean()) {
        throw ApiError.notFound("QR Code");
      }
      st.put("deleted", true);
      return s.deleted(id);
    }
    if ("decode".equals(what) && r.is("POST", 3)) {
      s.schema("POST /pix/qrCodes/decode", RequestSchemas.PIX_QR_CODE_DECODE, r);
      return decode(text(r.body(), "payload"));
    }
    if ("pay".equals(what) && r.is("POST", 3)) {
      s.schema("POST /pix/qrCodes/pay", RequestSchemas.PIX_QR_CODE_PAY, r);
      return pay(r.body());
    }
    throw ApiError.noRoute();
  }

  private JsonNode createStatic(JsonNode body) {
    String key = text(body, "addressKey");
    ObjectNode owner = keys.values().stream().filter(k -> "ACTIVE".equals(k.path("status").asText())
        && (key == null || key.equals(k.path("key").asText()))).findFirst().orElse(null);
    if (owner == null) {
      throw ApiError.bad("invalid_addressKey", key == null ? "Você não possui chave Pix ativa" : "A chave informada não pertence a esta conta");
    }
    BigDecimal value = body.hasNonNull("value") ? Nodes.positive(body.get("value"), "value") : null;
    LocalDateTime expires = null;
    if (body.hasNonNull("expirationDate")) {
      try {
        expires = LocalDateTime.parse(body.get("expirationDate").asText(), SimState.TS);
      } catch (java.time.format.DateTimeParseException e) {
        throw ApiError.bad("invalid_expirationDate", "Data de expiração inválida");
      }
    } else if (body.hasNonNull("expirationSeconds")) {
      expires = s.now().plusSeconds(body.get("expirationSeconds").asLong());
    }
    if (expires != null && expires.isBefore(s.now())) {
      throw ApiError.bad("invalid_expirationDate", "A data de expiração deve ser futura");
    }
    String format = body.hasNonNull("format") ? body.get("format").asText() : "ALL";
    if (!List.of("ALL", "IMAGE", "PAYLOAD").contains(format)) {
      throw ApiError.bad("invalid_format", "Formato inválido");
    }
    String id = "ASAAS" + s.randomId(15).toUpperCase() + "ASA";
    String payload = PixCodec.staticPayload(owner.get("key").asText(), value, text(body, "description"), id);
    ObjectNode q = s.mapper.createObjectNode();
    q.put("id", id);
    if (format.equals("PAYLOAD")) {
      q.putNull("encodedImage");
    } else {
      q.put("encodedImage", PaymentsApi.PNG_1PX);
    }
    if (format.equals("IMAGE")) {
      q.putNull("payload");
    } else {
      q.put("payload", payload);
    }
    boolean multiple = !body.hasNonNull("allowsMultiplePayments") || body.get("allowsMultiplePayments").asBoolean();
    q.put("allowsMultiplePayments", multiple);
    q.put("expirationDate", expires == null ? null : expires.format(SimState.TS));
    q.put("externalReference", text(body, "externalReference"));
    qrCodes.put(id, q);
    ObjectNode st = s.mapper.createObjectNode();
    st.put("payload", payload);
    st.put("key", owner.get("key").asText());
    st.put("value", value);
    st.put("description", text(body, "description"));
    st.put("deleted", false);
    st.put("payments", 0);
    qrState.put(id, st);
    return q;
  }

  private ObjectNode decode(String payload) {
    for (Map.Entry<String, ObjectNode> e : qrState.entrySet()) {
      ObjectNode st = e.getValue();
      if (st.get("payload").asText().equals(payload)) {
        ObjectNode d = s.mapper.createObjectNode();
        d.put("payload", payload);
        d.put("type", "STATIC");
        d.put("transactionOriginType", "STATIC_QRCODE");
        d.put("pixKey", st.get("key").asText());
        d.put("conciliationIdentifier", e.getKey());
        d.putNull("dueDate");
        d.set("expirationDate", qrCodes.get(e.getKey()).get("expirationDate"));
        d.set("value", st.get("value"));
        d.set("totalValue", st.get("value"));
        d.put("canBePaidWithDifferentValue", st.get("value").isNull());
        d.put("canBeModifyChangeValue", false);
        ObjectNode rec = d.putObject("receiver");
        rec.put("ispb", "19540550");
        rec.put("ispbName", "ASAAS GESTÃO FINANCEIRA INSTITUIÇÃO DE PAGAMENTO S.A.");
        rec.put("name", "YSH SIMULATOR");
        rec.put("accountType", "PAYMENT_ACCOUNT");
        d.set("description", st.get("description"));
        String why = payable(e.getKey());
        d.put("canBePaid", why == null);
        d.put("cannotBePaidReason", why);
        return d;
      }
    }
    if (payload == null || !payload.startsWith("000201")) {
      throw ApiError.bad("invalid_payload", "QR Code inválido");
    }
    ObjectNode d = s.mapper.createObjectNode();
    d.put("payload", payload);
    d.put("type", "STATIC");
    d.put("canBePaid", true);
    return d;
  }

  /** Why a static QR code cannot be paid now, or null. */
  String payable(String id) {
    ObjectNode st = qrState.get(id);
    ObjectNode q = qrCodes.get(id);
    if (st.path("deleted").asBoolean()) {
      return "QR Code removido";
    }
    if (q.hasNonNull("expirationDate") && LocalDateTime.parse(q.get("expirationDate").asText(), SimState.TS).isBefore(s.now())) {
      return "QR Code expirado";
    }
    if (!q.path("allowsMultiplePayments").asBoolean() && st.path("payments").asInt() > 0) {
      return "QR Code já foi pago";
    }
    return null;
  }

  private JsonNode pay(JsonNode body) {
    JsonNode code = body.path("qrCode");
    String payload = text(code, "payload");
    if (payload == null || !payload.startsWith("000201")) {
      throw ApiError.bad("invalid_qrCode", "QR Code inválido");
    }
    BigDecimal value = Nodes.positive(body.get("value"), "value");
    LocalDate schedule = body.hasNonNull("scheduleDate") ? Nodes.date(body.get("scheduleDate").asText(), "scheduleDate") : null;
    if (schedule != null && schedule.isBefore(s.today())) {
      throw ApiError.bad("invalid_scheduleDate", "A data de agendamento não pode ser anterior a hoje");
    }
    boolean later = schedule != null && schedule.isAfter(s.today());
    if (!later && s.balance.compareTo(value) < 0) {
      throw ApiError.bad("insufficient_balance", "Saldo insuficiente");
    }
    ObjectNode t = newTransaction("DEBIT", "DYNAMIC_QRCODE", value, text(body, "description"));
    t.put("status", later ? "SCHEDULED" : "DONE");
    t.put("canBeCanceled", later);
    t.put("scheduledDate", schedule == null ? null : schedule.toString());
    if (body.path("qrCode").hasNonNull("changeValue")) {
      t.put("changeValue", Nodes.decimal(code, "changeValue"));
    }
    ObjectNode ext = t.putObject("externalAccount");
    ext.put("ispb", "00000000");
    ext.put("ispbName", "BANCO SIMULADO");
    ext.put("name", "RECEBEDOR SIMULADO");
    if (!later) {
      s.balance = s.balance.subtract(value);
      s.transaction(value.negate(), "PIX_TRANSACTION_DEBIT", "Transação via Pix " + t.get("id").asText(), null, null);
    }
    return t;
  }

  ObjectNode newTransaction(String type, String origin, BigDecimal value, String description) {
    String id = UUID.randomUUID().toString();
    ObjectNode t = s.mapper.createObjectNode();
    t.put("id", id);
    t.put("endToEndIdentifier", "E19540550" + s.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm")) + s.randomId(11));
    t.putNull("finality");
    t.put("value", value);
    t.putNull("changeValue");
    t.putNull("refundedValue");
    t.put("effectiveDate", s.now().format(SimState.TS));
    t.putNull("scheduledDate");
    t.put("status", "DONE");
    t.put("type", type);
    t.put("originType", origin);
    t.putNull("conciliationIdentifier");
    t.put("description", description);
    t.putNull("transactionReceiptUrl");
    t.putNull("refusalReason");
    t.put("canBeCanceled", false);
    t.putNull("originalTransaction");
    t.putNull("payment");
    t.put("canBeRefunded", type.equals("CREDIT"));
    t.put("chargedFeeValue", BigDecimal.ZERO);
    t.put("dateCreated", s.now().format(SimState.TS));
    t.putNull("addressKey");
    t.putNull("addressKeyType");
    t.putNull("transferId");
    t.putNull("externalReference");
    transactions.put(id, t);
    return t;
  }

  private JsonNode transactions(SimRequest r) {
    String id = r.segment(2);
    if (id == null && r.method().equals("GET")) {
      Map<String, String> q = r.query();
      return s.list(SimState.reversed(transactions.values()), q, t -> eq(t, "status", q.get("status")) && eq(t, "type", q.get("type"))
          && eq(t, "endToEndIdentifier", q.get("endToEndIdentifier")));
    }
    if (id == null) {
      throw ApiError.noRoute();
    }
    ObjectNode t = s.find(transactions, id, "Transação Pix");
    if (r.is("GET", 3)) {
      return t;
    }
    if (r.is("POST", 4) && "cancel".equals(r.segment(3))) {
      s.schema("POST /pix/transactions/{id}/cancel", RequestSchemas.EMPTY, r);
      if (!t.path("canBeCanceled").asBoolean()) {
        throw ApiError.bad("invalid_action", "Somente transações agendadas podem ser canceladas");
      }
      t.put("status", "CANCELLED");
      t.put("canBeCanceled", false);
      return t;
    }
    throw ApiError.noRoute();
  }

  /**
   * A payer pays a static QR code of this account: a RECEIVED PIX payment for a (new or found)
   * customer, the net value credited, a CREDIT transaction and PAYMENT_RECEIVED.
   */
  ObjectNode payStatic(String id, String payerName, String payerCpfCnpj, BigDecimal value, CustomersApi customers, PaymentsApi payments) {
    ObjectNode st = qrState.get(id);
    if (st == null) {
      throw new IllegalArgumentException("no static QR code " + id);
    }
    String why = payable(id);
    if (why != null) {
      throw new IllegalStateException("static QR code " + id + " cannot be paid: " + why);
    }
    BigDecimal fixed = st.get("value").isNull() ? null : new BigDecimal(st.get("value").asText());
    if (fixed != null && value != null && fixed.compareTo(value) != 0) {
      throw new IllegalArgumentException("the QR code's value is " + fixed + ", not " + value);
    }
    BigDecimal v = fixed != null ? fixed : value;
    if (v == null || v.signum() <= 0) {
      throw new IllegalArgumentException("the QR code has no value: give a positive one");
    }
    ObjectNode c = s.customers.values().stream().filter(x -> payerCpfCnpj.equals(x.path("cpfCnpj").asText()) && !x.path("deleted").asBoolean())
        .findFirst().orElse(null);
    if (c == null) {
      ObjectNode req = s.mapper.createObjectNode();
      req.put("name", payerName);
      req.put("cpfCnpj", payerCpfCnpj);
      c = customers.create(req);
    }
    ObjectNode req = s.mapper.createObjectNode();
    req.put("customer", c.get("id").asText());
    req.put("billingType", "PIX");
    req.put("value", v);
    req.put("dueDate", s.today().toString());
    req.put("description", text(st, "description"));
    ObjectNode p = payments.newPayment(req, null, null, 0, null, false);
    p.put("pixQrCodeId", id);
    p.put("status", "RECEIVED");
    p.put("paymentDate", s.today().toString());
    p.put("clientPaymentDate", s.today().toString());
    p.put("confirmedDate", s.today().toString());
    BigDecimal net = new BigDecimal(p.get("netValue").asText());
    s.balance = s.balance.add(net);
    s.transaction(net, "PAYMENT_RECEIVED", "Cobrança recebida " + p.get("id").asText(), p.get("id").asText(), null);
    ObjectNode t = newTransaction("CREDIT", "STATIC_QRCODE", v, text(st, "description"));
    t.put("conciliationIdentifier", id);
    t.put("payment", p.get("id").asText());
    t.put("addressKey", st.get("key").asText());
    t.put("addressKeyType", "EVP");
    ObjectNode qr = t.putObject("qrCode");
    ObjectNode payer = qr.putObject("payer");
    payer.put("name", payerName);
    payer.put("cpfCnpj", payerCpfCnpj);
    qr.put("conciliationIdentifier", id);
    qr.put("originalValue", v);
    st.put("payments", st.path("payments").asInt() + 1);
    s.event("PAYMENT_RECEIVED", "payment", p);
    return p;
  }

  private JsonNode automatic(SimRequest r) {
    String res = r.segment(2);
    String id = r.segment(3);
    if ("authorizations".equals(res)) {
      if (id == null && r.method().equals("POST")) {
        s.schema("POST /pix/automatic/authorizations", RequestSchemas.PIX_AUTOMATIC_AUTHORIZATION, r);
        return createAuthorization(r.body());
      }
      if (id == null && r.method().equals("GET")) {
        Map<String, String> q = r.query();
        return s.list(SimState.reversed(authorizations.values()).stream().map(this::publicView).toList(), q,
            a -> eq(a, "status", q.get("status")) && eq(a, "customerId", q.get("customerId")));
      }
      if (id != null && r.segment(4) == null) {
        ObjectNode a = s.find(authorizations, id, "Autorização");
        if (r.method().equals("GET")) {
          return publicView(a);
        }
        if (r.method().equals("DELETE")) {
          String st = a.path("status").asText();
          if (!st.equals("ACTIVE") && !st.equals("CREATED")) {
            throw ApiError.bad("invalid_action", "Somente autorizações ativas ou criadas podem ser canceladas");
          }
          a.put("status", "CANCELLED");
          a.put("cancellationDate", s.now().format(SimState.TS));
          a.put("cancellationReason", "Cancelada pelo recebedor");
          s.event("PIX_AUTOMATIC_RECURRING_AUTHORIZATION_CANCELLED", "authorization", publicView(a));
          return publicView(a);
        }
      }
      throw ApiError.noRoute();
    }
    if ("paymentInstructions".equals(res) && r.method().equals("GET")) {
      if (id == null) {
        Map<String, String> q = r.query();
        return s.list(SimState.reversed(instructions.values()), q, x -> eq(x, "status", q.get("status")) && eq(x, "paymentId", q.get("paymentId"))
            && (q.get("authorizationId") == null || q.get("authorizationId").equals(x.path("authorization").path("id").asText()))
            && (q.get("customerId") == null || q.get("customerId").equals(x.path("authorization").path("customerId").asText())));
      }
      if (r.segment(4) == null) {
        return s.find(instructions, id, "Instrução de pagamento");
      }
    }
    throw ApiError.noRoute();
  }

  private JsonNode createAuthorization(JsonNode body) {
    for (String f : List.of("frequency", "contractId", "startDate", "customerId", "immediateQrCode")) {
      if (!body.hasNonNull(f)) {
        throw ApiError.bad("invalid_" + f, "O campo " + f + " deve ser informado");
      }
    }
    if (!FREQUENCIES.contains(body.get("frequency").asText())) {
      throw ApiError.bad("invalid_frequency", "Frequência inválida");
    }
    if (body.get("contractId").asText().length() > 35 || text(body, "description") != null && body.get("description").asText().length() > 35) {
      throw ApiError.bad("invalid_length", "contractId e description têm no máximo 35 caracteres");
    }
    String customer = body.get("customerId").asText();
    ObjectNode c = s.customers.get(customer);
    if (c == null || c.path("deleted").asBoolean()) {
      throw ApiError.bad("invalid_customer", "Cliente inválido");
    }
    LocalDate start = Nodes.date(body.get("startDate").asText(), "startDate");
    if (start.isBefore(s.today())) {
      throw ApiError.bad("invalid_startDate", "A data de início não pode ser anterior a hoje");
    }
    if (body.hasNonNull("value") && body.hasNonNull("minLimitValue")) {
      throw ApiError.bad("invalid_minLimitValue", "minLimitValue não pode ser informado com valor fixo");
    }
    JsonNode q = body.get("immediateQrCode");
    BigDecimal first = Nodes.positive(q.get("originalValue"), "originalValue");
    long seconds = q.path("expirationSeconds").asLong(0);
    if (seconds <= 0) {
      throw ApiError.bad("invalid_expirationSeconds", "Informe a expiração do QR Code");
    }
    String id = UUID.randomUUID().toString();
    ObjectNode a = s.mapper.createObjectNode();
    a.put("id", id);
    a.set("minLimitValue", body.get("minLimitValue"));
    a.putNull("cancellationDate");
    a.putNull("cancellationReason");
    a.put("contractId", body.get("contractId").asText());
    a.put("customerId", customer);
    a.put("description", text(body, "description"));
    a.put("finishDate", text(body, "finishDate"));
    a.put("frequency", body.get("frequency").asText());
    a.put("endToEndIdentifier", "RR19540550" + s.today().toString().replace("-", "") + s.randomId(11));
    a.put("startDate", start.toString());
    a.put("status", "CREATED");
    a.set("value", body.hasNonNull("value") ? s.mapper.valueToTree(Nodes.positive(body.get("value"), "value")) : null);
    String conciliation = s.randomId(25);
    a.put("payload", PixCodec.payload(conciliation, first));
    a.put("encodedImage", PaymentsApi.PNG_1PX);
    ObjectNode iq = a.putObject("immediateQrCode");
    iq.put("conciliationIdentifier", conciliation);
    iq.put("expirationDate", s.now().plusSeconds(seconds).format(SimState.TS));
    iq.put("originalValue", first);
    a.put("originType", "IMMEDIATE_QRCODE");
    a.putNull("subscriptionId");
    a.put("paymentCreationMode", body.hasNonNull("paymentCreationMode") ? body.get("paymentCreationMode").asText() : "MANUAL");
    a.put("retryPolicy", body.hasNonNull("retryPolicy") ? body.get("retryPolicy").asText() : "NOT_ALLOWED");
    authorizations.put(id, a);
    s.event("PIX_AUTOMATIC_RECURRING_AUTHORIZATION_CREATED", "authorization", publicView(a));
    return publicView(a);
  }

  /** The authorization as Asaas answers it (without the simulator's bookkeeping of the first value). */
  private ObjectNode publicView(ObjectNode a) {
    ObjectNode v = a.deepCopy();
    ((ObjectNode) v.get("immediateQrCode")).remove("originalValue");
    return v;
  }

  /**
   * The payer pays an authorization's immediate QR code: a RECEIVED PIX payment carrying the
   * conciliation identifier, the balance credited, and the authorization ACTIVE.
   */
  ObjectNode payAuthorization(String id, PaymentsApi payments) {
    ObjectNode a = authorizations.get(id);
    if (a == null) {
      throw new IllegalArgumentException("no Pix Automático authorization " + id);
    }
    if (!"CREATED".equals(a.path("status").asText())) {
      throw new IllegalStateException("authorization " + id + " is " + a.path("status").asText() + ", not CREATED");
    }
    JsonNode iq = a.get("immediateQrCode");
    if (LocalDateTime.parse(iq.get("expirationDate").asText(), SimState.TS).isBefore(s.now())) {
      a.put("status", "REFUSED");
      s.event("PIX_AUTOMATIC_RECURRING_AUTHORIZATION_REFUSED", "authorization", publicView(a));
      throw new IllegalStateException("the immediate QR code of authorization " + id + " expired: the authorization is REFUSED");
    }
    ObjectNode req = s.mapper.createObjectNode();
    req.put("customer", a.get("customerId").asText());
    req.put("billingType", "PIX");
    req.set("value", iq.get("originalValue"));
    req.put("dueDate", s.today().toString());
    req.put("description", text(a, "description"));
    ObjectNode p = payments.newPayment(req, null, null, 0, null, false);
    p.put("status", "RECEIVED");
    p.put("paymentDate", s.today().toString());
    p.put("clientPaymentDate", s.today().toString());
    p.put("confirmedDate", s.today().toString());
    BigDecimal net = new BigDecimal(p.get("netValue").asText());
    s.balance = s.balance.add(net);
    s.transaction(net, "PAYMENT_RECEIVED", "Cobrança recebida " + p.get("id").asText(), p.get("id").asText(), null);
    ObjectNode t = newTransaction("CREDIT", "AUTOMATIC_RECURRING", new BigDecimal(iq.get("originalValue").asText()), text(a, "description"));
    t.put("conciliationIdentifier", iq.get("conciliationIdentifier").asText());
    t.put("payment", p.get("id").asText());
    s.event("PAYMENT_RECEIVED", "payment", p);
    a.put("status", "ACTIVE");
    s.event("PIX_AUTOMATIC_RECURRING_AUTHORIZATION_ACTIVATED", "authorization", publicView(a));
    return p;
  }

  void reset() {
    keys.clear();
    qrCodes.clear();
    qrState.clear();
    transactions.clear();
    authorizations.clear();
    instructions.clear();
  }
}
