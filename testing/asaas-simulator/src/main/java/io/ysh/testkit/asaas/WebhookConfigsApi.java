package io.ysh.testkit.asaas;

import static io.ysh.testkit.asaas.Nodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code /webhooks}: webhook configuration (create, list, get, update, delete, removeBackoff). */
final class WebhookConfigsApi {

  private final SimState s;

  WebhookConfigsApi(SimState s) {
    this.s = s;
  }

  JsonNode handle(SimRequest r) {
    WebhookDispatcher d = s.webhooks;
    String id = r.segment(1);
    if (id == null) {
      if (r.method().equals("POST")) {
        s.schema("POST /webhooks", RequestSchemas.WEBHOOK, r);
        return create(r.body());
      }
      if (r.method().equals("GET")) {
        return s.list(new ArrayList<>(d.configs.values()), r.query(), w -> true);
      }
      throw ApiError.noRoute();
    }
    ObjectNode w = s.find(d.configs, id, "Webhook");
    String sub = r.segment(2);
    if (sub == null && r.method().equals("GET")) {
      return w;
    }
    if (sub == null && r.method().equals("PUT")) {
      s.schema("PUT /webhooks/{id}", RequestSchemas.WEBHOOK_UPDATE, r);
      checkEvents(r.body());
      ObjectNode copy = ((ObjectNode) r.body()).deepCopy();
      String token = text(copy, "authToken");
      if (token != null) {
        checkToken(token);
        d.tokens.put(id, token);
        w.put("hasAuthToken", true);
      }
      copy.remove(List.of("authToken", "id"));
      w.setAll(copy);
      return w;
    }
    if (sub == null && r.method().equals("DELETE")) {
      d.remove(id);
      return s.deleted(id);
    }
    if ("removeBackoff".equals(sub) && r.method().equals("POST")) {
      s.schema("POST /webhooks/{id}/removeBackoff", RequestSchemas.EMPTY, r);
      w.put("interrupted", false);
      d.removeBackoff(id);
      return w;
    }
    throw ApiError.noRoute();
  }

  private JsonNode create(JsonNode body) {
    String url = text(body, "url");
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw ApiError.bad("invalid_url", "URL inválida");
    }
    checkEvents(body);
    String token = text(body, "authToken");
    if (token != null) {
      checkToken(token);
    }
    String wid = UUID.randomUUID().toString();
    ObjectNode w = ((ObjectNode) body).deepCopy();
    w.remove("authToken");
    w.put("object", "webhook");
    w.put("id", wid);
    w.put("enabled", body.path("enabled").asBoolean(true));
    w.put("interrupted", body.path("interrupted").asBoolean(false));
    w.put("apiVersion", body.path("apiVersion").asInt(3));
    w.put("hasAuthToken", token != null);
    if (!w.hasNonNull("sendType")) {
      w.put("sendType", "SEQUENTIALLY");
    }
    s.webhooks.configs.put(wid, w);
    if (token != null) {
      s.webhooks.tokens.put(wid, token);
    }
    return w;
  }

  private static void checkToken(String token) {
    if (token.length() < 32 || token.length() > 255) {
      throw ApiError.bad("invalid_authToken", "O token deve ter entre 32 e 255 caracteres");
    }
  }

  /** Asaas refuses event names it does not know. */
  private static void checkEvents(JsonNode body) {
    JsonNode events = body.get("events");
    if (events != null && events.isArray()) {
      for (JsonNode e : events) {
        if (!RequestSchemas.EVENTS.contains(e.asText())) {
          throw ApiError.bad("invalid_events", "Evento inválido: " + e.asText());
        }
      }
    }
  }
}
