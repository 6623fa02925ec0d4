package io.ysh.asaas;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Customers' notification settings: which messages Asaas sends about their payments, to whom and
 * through which channels. Obtain from {@link AsaasClient#notifications()}. Thread-safe.
 *
 * <p>Source: docs.asaas.com "Alterando notificações de um cliente" and the official schema's
 * NotificationService and CustomerService (asaasdev/asaas-api-sdk-java, documentation/services):
 * {@code GET /v3/customers/{id}/notifications}, {@code PUT /v3/notifications/{id}},
 * {@code PUT /v3/notifications/batch} (body {@code customer} and {@code notifications}; each item
 * carries its {@code id}, as docs.asaas.com's example shows — the schema's item type omits it).
 * Updates are PUTs, retried like reads.
 */
public final class Notifications {

  private final AsaasTransport t;
  private final JavaType one;
  private final JavaType page;
  private final JavaType batch;

  Notifications(AsaasTransport t) {
    this.t = t;
    this.one = t.type(Notification.class);
    this.page = t.pageOf(Notification.class);
    this.batch = t.type(Batch.class);
  }

  /** The batch update's answer (official schema: {@code NotificationBatchUpdateResponseDto}). */
  record Batch(List<Notification> notifications) {}

  /**
   * Lists one page of a customer's notifications.
   *
   * @param customer the customer's id
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<Notification> list(String customer, int offset, int limit) {
    Validation.id("customer", customer);
    return t.get("notifications.list", "/customers/" + customer + "/notifications", References.paging(Map.of(), offset, limit), page);
  }

  /**
   * Streams all of a customer's notifications lazily.
   *
   * @param customer the customer's id
   * @return a sequential, lazy stream
   */
  public Stream<Notification> stream(String customer) {
    Validation.id("customer", customer);
    return Paginator.stream((o, l) -> list(customer, o, l), Notification::id);
  }

  /**
   * Changes one notification (only the settings given).
   *
   * @param id the notification's id
   * @param update the settings to change
   * @return the notification
   */
  public Notification update(String id, NotificationUpdate update) {
    Validation.id("id", id);
    Validation.required("update", update);
    return t.send("notifications.update", "PUT", "/notifications/" + id, update, one, true);
  }

  /**
   * Changes several notifications of one customer in one request.
   *
   * @param customer the customer's id
   * @param updates the settings to change, by notification id; at least one
   * @return the notifications as changed
   */
  public List<Notification> updateBatch(String customer, Map<String, NotificationUpdate> updates) {
    Validation.id("customer", customer);
    Validation.required("updates", updates);
    if (updates.isEmpty()) {
      throw Validation.invalid("updates", "must hold at least one notification");
    }
    ObjectNode body = t.mapper().createObjectNode();
    body.put("customer", customer);
    ArrayNode items = body.putArray("notifications");
    updates.forEach((id, u) -> {
      Validation.id("updates' notification id", id);
      Validation.required("updates[" + id + "]", u);
      ObjectNode item = t.mapper().createObjectNode();
      item.put("id", id);
      item.setAll((ObjectNode) t.mapper().valueToTree(u));
      items.add(item);
    });
    Batch b = t.send("notifications.batch", "PUT", "/notifications/batch", body, batch, true);
    return b.notifications() == null ? List.of() : List.copyOf(b.notifications());
  }
}
