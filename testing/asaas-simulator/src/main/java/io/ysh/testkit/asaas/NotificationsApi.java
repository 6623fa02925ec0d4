package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /customers/{id}/notifications}, {@code PUT /notifications/{id}} and
 * {@code PUT /notifications/batch}: every customer has Asaas's eight default notifications
 * (docs.asaas.com "Notificações padrão": created, updated, due date warnings 10 days before and on
 * the day, digitable line, overdue on the day and 7 days after, received), all disabled when the
 * customer was created with {@code notificationDisabled}; they can be changed, not created or
 * deleted. The simulator records the settings; it sends no messages.
 *
 * <p>Source: the official schema's {@code NotificationGetResponseDto} and
 * {@code NotificationUpdateRequestDto} (asaasdev/asaas-api-sdk-java, documentation/models); the
 * batch items carry {@code id} as in docs.asaas.com "Alterando notificações de um cliente".
 */
final class NotificationsApi {

  private static final String[][] DEFAULTS = {
      {"PAYMENT_CREATED", "0", "false"}, {"PAYMENT_UPDATED", "0", "false"}, {"PAYMENT_DUEDATE_WARNING", "10", "false"},
      {"PAYMENT_DUEDATE_WARNING", "0", "false"}, {"SEND_LINHA_DIGITAVEL", "0", "false"}, {"PAYMENT_OVERDUE", "0", "false"},
      {"PAYMENT_OVERDUE", "7", "false"}, {"PAYMENT_RECEIVED", "0", "true"}};
  private static final List<String> FLAGS = List.of("enabled", "emailEnabledForProvider", "smsEnabledForProvider",
      "emailEnabledForCustomer", "smsEnabledForCustomer", "phoneCallEnabledForCustomer", "whatsappEnabledForCustomer");
  private static final Map<String, Set<Integer>> OFFSETS = Map.of(
      "PAYMENT_DUEDATE_WARNING", Set.of(0, 5, 10, 15, 30), "PAYMENT_OVERDUE", Set.of(1, 7, 15, 30));

  private final SimState s;
  private final Map<String, List<ObjectNode>> byCustomer = new HashMap<>();
  private final Map<String, ObjectNode> byId = new LinkedHashMap<>();

  NotificationsApi(SimState s) {
    this.s = s;
  }

  void reset() {
    byCustomer.clear();
    byId.clear();
  }

  private List<ObjectNode> of(String customerId) {
    ObjectNode c = s.find(s.customers, customerId, "Cliente");
    return byCustomer.computeIfAbsent(customerId, k -> {
      boolean on = !c.path("notificationDisabled").asBoolean(false);
      List<ObjectNode> l = new ArrayList<>();
      for (String[] d : DEFAULTS) {
        ObjectNode n = s.mapper.createObjectNode();
        n.put("object", "notification");
        n.put("id", "not_" + s.randomId(12));
        n.put("customer", customerId);
        n.put("enabled", on);
        n.put("emailEnabledForProvider", Boolean.parseBoolean(d[2]));
        n.put("smsEnabledForProvider", false);
        n.put("emailEnabledForCustomer", true);
        n.put("smsEnabledForCustomer", true);
        n.put("phoneCallEnabledForCustomer", false);
        n.put("whatsappEnabledForCustomer", false);
        n.put("event", d[0]);
        n.put("scheduleOffset", Integer.parseInt(d[1]));
        n.put("deleted", false);
        l.add(n);
        byId.put(n.get("id").asText(), n);
      }
      return l;
    });
  }

  JsonNode ofCustomer(SimRequest r) {
    if (!r.is("GET", 3)) {
      throw ApiError.noRoute();
    }
    return s.list(of(r.segment(1)), r.query(), n -> true);
  }

  JsonNode handle(SimRequest r) {
    if (!r.method().equals("PUT") || r.depth() != 2) {
      throw ApiError.noRoute();
    }
    if (r.segment(1).equals("batch")) {
      s.schema("PUT /notifications/batch", RequestSchemas.NOTIFICATION_BATCH, r);
      String customer = Nodes.text(r.body(), "customer");
      if (customer == null) {
        throw ApiError.bad("invalid_customer", "O campo customer deve ser informado");
      }
      List<ObjectNode> mine = of(customer);
      List<ObjectNode> changed = new ArrayList<>();
      for (JsonNode item : r.body().path("notifications")) {
        ObjectNode n = byId.get(item.path("id").asText(""));
        if (n == null || !mine.contains(n)) {
          throw ApiError.bad("invalid_notification", "Notificação " + item.path("id").asText("") + " não pertence ao cliente");
        }
        check(n, item);
        changed.add(n);
      }
      // all checked before any change: a refused batch changes nothing
      List<JsonNode> items = new ArrayList<>();
      r.body().path("notifications").forEach(items::add);
      for (int i = 0; i < changed.size(); i++) {
        apply(changed.get(i), items.get(i));
      }
      ObjectNode out = s.mapper.createObjectNode();
      changed.forEach(out.putArray("notifications")::add);
      return out;
    }
    ObjectNode n = s.find(byId, r.segment(1), "Notificação");
    s.schema("PUT /notifications/{id}", RequestSchemas.NOTIFICATION_UPDATE, r);
    check(n, r.body());
    apply(n, r.body());
    return n;
  }

  private static void check(ObjectNode n, JsonNode body) {
    if (body.hasNonNull("scheduleOffset")) {
      Set<Integer> allowed = OFFSETS.get(n.get("event").asText());
      if (allowed == null || !allowed.contains(body.get("scheduleOffset").asInt(-1))) {
        throw ApiError.bad("invalid_scheduleOffset", "scheduleOffset inválido para o evento " + n.get("event").asText());
      }
    }
  }

  private static void apply(ObjectNode n, JsonNode body) {
    for (String f : FLAGS) {
      if (body.hasNonNull(f)) {
        n.put(f, body.get(f).asBoolean());
      }
    }
    if (body.hasNonNull("scheduleOffset")) {
      n.put("scheduleOffset", body.get("scheduleOffset").asInt());
    }
  }
}
