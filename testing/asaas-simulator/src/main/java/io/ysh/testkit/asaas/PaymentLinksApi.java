package io.ysh.testkit.asaas;

import static io.ysh.testkit.asaas.Nodes.eq;
import static io.ysh.testkit.asaas.Nodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /paymentLinks}: create, list, get, update, delete, restore; images (upload as a multipart
 * form, list, get, remove, set as main; kept per link, at most one main); and paying a link
 * ({@link AsaasSimulator#payPaymentLink}), which registers the payer as a customer and creates
 * what the link's charge type says (a payment, an installment plan, or a subscription and its
 * first payment), each payment carrying {@code paymentLink}.
 *
 * <p>Source: the official schema's {@code PaymentLinkSaveRequestDto},
 * {@code PaymentLinkUpdateRequestDto} and {@code PaymentLinkGetResponseDto}
 * (asaasdev/asaas-api-sdk-java, documentation/models); images: PaymentLinkService's
 * {@code GET/POST /v3/paymentLinks/{id}/images}, {@code GET/DELETE
 * /v3/paymentLinks/{paymentLinkId}/images/{imageId}} and {@code PUT …/images/{imageId}/setAsMain},
 * with {@code PaymentLinkFileSaveRequestDto} (main, image) and {@code PaymentLinkFileGetResponseDto}
 * (id, main, image: originalName, size, extension, previewUrl, downloadUrl).
 */
final class PaymentLinksApi {

  private static final Set<String> CHARGE_TYPES = Set.of("DETACHED", "RECURRENT", "INSTALLMENT");
  private static final List<String> FIELDS = List.of("name", "description", "endDate", "value", "billingType", "chargeType",
      "dueDateLimitDays", "subscriptionCycle", "maxInstallmentCount", "externalReference", "notificationEnabled", "isAddressRequired");

  private final SimState s;
  final Map<String, ObjectNode> links = new LinkedHashMap<>();
  /** The images of each link, by link id then image id, in upload order. */
  final Map<String, Map<String, ObjectNode>> images = new LinkedHashMap<>();

  PaymentLinksApi(SimState s) {
    this.s = s;
  }

  JsonNode handle(SimRequest r) {
    String id = r.segment(1);
    if (id == null) {
      if (r.method().equals("POST")) {
        s.schema("POST /paymentLinks", RequestSchemas.PAYMENT_LINK, r);
        return create(r.body());
      }
      if (r.method().equals("GET")) {
        Map<String, String> q = r.query();
        boolean includeDeleted = "true".equals(q.get("includeDeleted"));
        return s.list(SimState.reversed(links.values()), q, l -> (includeDeleted || !l.path("deleted").asBoolean())
            && eq(l, "name", q.get("name")) && eq(l, "externalReference", q.get("externalReference"))
            && (q.get("active") == null || q.get("active").equals(l.path("active").asText())));
      }
      throw ApiError.noRoute();
    }
    ObjectNode l = s.find(links, id, "Link de pagamento");
    String sub = r.segment(2);
    if (sub == null) {
      switch (r.method()) {
        case "GET":
          return l;
        case "PUT":
          s.schema("PUT /paymentLinks/{id}", RequestSchemas.PAYMENT_LINK_UPDATE, r);
          apply(l, r.body());
          return l;
        case "DELETE":
          l.put("deleted", true);
          l.put("active", false);
          return s.deleted(id);
        default:
          throw ApiError.noRoute();
      }
    }
    if ("images".equals(sub)) {
      return images(id, r);
    }
    if (r.is("POST", 3) && "restore".equals(sub)) {
      s.schema("POST /paymentLinks/{id}/restore", RequestSchemas.EMPTY, r);
      if (!l.path("deleted").asBoolean()) {
        throw ApiError.bad("invalid_action", "O link de pagamento não está removido");
      }
      l.put("deleted", false);
      l.put("active", true);
      return l;
    }
    throw ApiError.noRoute();
  }

  private static final java.util.regex.Pattern FILE = java.util.regex.Pattern.compile("<file (.*), (\\d+) bytes>");

  private JsonNode images(String linkId, SimRequest r) {
    Map<String, ObjectNode> mine = images.computeIfAbsent(linkId, k -> new LinkedHashMap<>());
    String imageId = r.segment(3);
    if (imageId == null) {
      if (r.method().equals("POST")) {
        s.schema("POST /paymentLinks/{id}/images", RequestSchemas.PAYMENT_LINK_IMAGE, r);
        java.util.regex.Matcher m = FILE.matcher(r.body().path("image").asText(""));
        if (!m.matches() || Long.parseLong(m.group(2)) == 0) {
          throw ApiError.bad("invalid_image", "Envie a imagem como um arquivo (parte image do formulário)");
        }
        String main = text(r.body(), "main");
        if (main != null && !main.equals("true") && !main.equals("false")) {
          throw ApiError.bad("invalid_main", "O campo main deve ser true ou false");
        }
        String name = m.group(1);
        String newId = java.util.UUID.randomUUID().toString();
        ObjectNode img = s.mapper.createObjectNode();
        img.put("id", newId);
        img.put("main", "true".equals(main));
        ObjectNode file = img.putObject("image");
        file.put("originalName", name);
        file.put("size", Long.parseLong(m.group(2)));
        int dot = name.lastIndexOf('.');
        file.put("extension", dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
        file.put("previewUrl", "https://sandbox.asaas.com/paymentLinks/" + linkId + "/images/" + newId + "/preview");
        file.put("downloadUrl", "https://sandbox.asaas.com/paymentLinks/" + linkId + "/images/" + newId + "/download");
        if (img.get("main").asBoolean()) {
          mine.values().forEach(o -> o.put("main", false));
        }
        mine.put(newId, img);
        return img;
      }
      if (r.method().equals("GET")) {
        return s.list(List.copyOf(mine.values()), r.query(), x -> true);
      }
      throw ApiError.noRoute();
    }
    ObjectNode img = s.find(mine, imageId, "Imagem do link de pagamento");
    if (r.is("GET", 4)) {
      return img;
    }
    if (r.is("DELETE", 4)) {
      mine.remove(imageId);
      return s.deleted(imageId);
    }
    if (r.is("PUT", 5) && "setAsMain".equals(r.segment(4))) {
      s.schema("PUT /paymentLinks/{paymentLinkId}/images/{imageId}/setAsMain", RequestSchemas.EMPTY, r);
      mine.values().forEach(o -> o.put("main", false));
      img.put("main", true);
      return img;
    }
    throw ApiError.noRoute();
  }

  private JsonNode create(JsonNode body) {
    for (String f : List.of("name", "billingType", "chargeType")) {
      if (!body.hasNonNull(f)) {
        throw ApiError.bad("invalid_" + f, "O campo " + f + " deve ser informado");
      }
    }
    String id = s.randomId(16);
    ObjectNode l = s.mapper.createObjectNode();
    l.put("id", id);
    for (String f : FIELDS) {
      l.putNull(f);
    }
    l.put("active", true);
    l.put("deleted", false);
    l.put("viewCount", 0);
    l.put("url", "https://sandbox.asaas.com/c/" + id);
    l.put("notificationEnabled", true);
    l.put("isAddressRequired", false);
    apply(l, body);
    links.put(id, l);
    return l;
  }

  private void apply(ObjectNode l, JsonNode body) {
    if (body.hasNonNull("billingType")) {
      l.put("billingType", Nodes.billingType(body.get("billingType").asText()));
    }
    if (body.hasNonNull("chargeType") && !CHARGE_TYPES.contains(body.get("chargeType").asText())) {
      throw ApiError.bad("invalid_chargeType", "Forma de cobrança inválida");
    }
    if (body.hasNonNull("value")) {
      l.put("value", Nodes.positive(body.get("value"), "value"));
    }
    if (body.hasNonNull("endDate") && Nodes.date(body.get("endDate").asText(), "endDate").isBefore(s.today())) {
      throw ApiError.bad("invalid_endDate", "A data de encerramento não pode ser anterior à data atual");
    }
    for (String f : FIELDS) {
      if (!f.equals("value") && !f.equals("billingType") && body.has(f)) {
        l.set(f, body.get(f));
      }
    }
    if (body.hasNonNull("active")) {
      l.put("active", body.get("active").asBoolean());
    }
    String ct = l.path("chargeType").asText();
    if (ct.equals("RECURRENT") && !l.hasNonNull("subscriptionCycle")) {
      throw ApiError.bad("invalid_subscriptionCycle", "Informe a periodicidade da assinatura");
    }
  }

  /**
   * A payer pays a link: registers the customer and creates the charge; answers the first payment.
   *
   * @param customers the customers resource of this account
   * @param payments the payments resource
   * @param subscriptions the subscriptions resource
   */
  ObjectNode pay(String id, String name, String cpfCnpj, String billingType, BigDecimal value, int installments,
      CustomersApi customers, PaymentsApi payments, SubscriptionsApi subscriptions) {
    ObjectNode l = links.get(id);
    if (l == null) {
      throw new IllegalArgumentException("no payment link " + id);
    }
    if (l.path("deleted").asBoolean() || !l.path("active").asBoolean()) {
      throw new IllegalStateException("payment link " + id + " is not active");
    }
    if (l.hasNonNull("endDate") && LocalDate.parse(l.get("endDate").asText()).isBefore(s.today())) {
      throw new IllegalStateException("payment link " + id + " has ended");
    }
    String linkType = l.path("billingType").asText();
    String bt = linkType.equals("UNDEFINED") ? (billingType == null ? "PIX" : billingType) : linkType;
    BigDecimal v = l.hasNonNull("value") ? new BigDecimal(l.get("value").asText()) : value;
    if (v == null) {
      throw new IllegalArgumentException("the link has no value: give one");
    }
    ObjectNode c = s.customers.values().stream().filter(x -> cpfCnpj.equals(x.path("cpfCnpj").asText()) && !x.path("deleted").asBoolean())
        .findFirst().orElse(null);
    if (c == null) {
      ObjectNode req = s.mapper.createObjectNode();
      req.put("name", name);
      req.put("cpfCnpj", cpfCnpj);
      c = customers.create(req);
    }
    int days = l.path("dueDateLimitDays").asInt(0);
    LocalDate due = s.today().plusDays(days);
    l.put("viewCount", l.path("viewCount").asInt() + 1);
    ObjectNode req = s.mapper.createObjectNode();
    req.put("customer", c.get("id").asText());
    req.put("billingType", bt);
    req.put("value", v);
    req.put("dueDate", due.toString());
    req.put("description", text(l, "description"));
    ObjectNode first;
    switch (l.path("chargeType").asText()) {
      case "INSTALLMENT": {
        int max = l.path("maxInstallmentCount").asInt(1);
        int n = Math.max(1, Math.min(installments, max));
        if (n > 1) {
          req.put("installmentCount", n);
          req.put("totalValue", v);
        }
        first = (ObjectNode) payments.create(req);
        break;
      }
      case "RECURRENT": {
        ObjectNode sreq = req.deepCopy();
        sreq.remove("dueDate");
        sreq.put("nextDueDate", due.toString());
        sreq.put("cycle", l.path("subscriptionCycle").asText());
        ObjectNode sub = (ObjectNode) subscriptions.createFrom(sreq);
        first = s.payments.values().stream().filter(p -> sub.get("id").asText().equals(p.path("subscription").asText(null)))
            .findFirst().orElseThrow();
        break;
      }
      default:
        first = (ObjectNode) payments.create(req);
    }
    String installment = first.path("installment").asText(null);
    for (ObjectNode p : s.payments.values()) {
      if (p == first || (installment != null && installment.equals(p.path("installment").asText(null)))
          || (first.hasNonNull("subscription") && first.get("subscription").equals(p.get("subscription")))) {
        p.put("paymentLink", id);
      }
    }
    return first;
  }
}
