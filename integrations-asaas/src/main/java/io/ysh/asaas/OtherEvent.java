package io.ysh.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;

/**
 * An event of a family this SDK does not type (transfers, invoices, subscriptions, accounts,
 * bills…): surfaced with its raw JSON rather than dropped.
 *
 * @param id the event id
 * @param rawEvent the event name as sent, such as {@code TRANSFER_DONE}
 * @param dateCreated when Asaas created the event
 * @param family the name of the object the envelope carries besides the metadata, such as
 *     {@code transfer}, or null
 * @param raw the whole envelope
 */
public record OtherEvent(String id, String rawEvent, LocalDateTime dateCreated, String family, JsonNode raw)
    implements WebhookEvent {

  /**
   * The carried object, such as the transfer of a {@code TRANSFER_DONE} event.
   *
   * @return the object's JSON, or a missing node
   */
  public JsonNode object() {
    return family == null ? raw.path("__none__") : raw.path(family);
  }
}
