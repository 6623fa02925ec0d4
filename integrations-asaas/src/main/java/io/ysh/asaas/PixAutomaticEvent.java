package io.ysh.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;

/**
 * A Pix Automático event ({@code PIX_AUTOMATIC_RECURRING_…}): an authorization or a payment
 * instruction changed. The event type is typed; the object it carries ({@code authorization},
 * {@code paymentInstruction}, …) is kept as raw JSON; read an authorization typed with
 * {@link Pix#getAutomaticAuthorization(String)} (webhooks are a hint, the API the truth).
 *
 * <p>Source: docs.asaas.com "Eventos para Pix Automático".
 *
 * @param id the event id
 * @param type the event type, {@link PixAutomaticEventType#UNKNOWN} for a name this SDK does not know
 * @param rawEvent the event name as sent
 * @param dateCreated when Asaas created the event, or null
 * @param family the name of the object the envelope carries besides the metadata, such as
 *     {@code authorization}, or null
 * @param raw the whole envelope
 */
public record PixAutomaticEvent(String id, PixAutomaticEventType type, String rawEvent, LocalDateTime dateCreated, String family, JsonNode raw)
    implements WebhookEvent {

  /**
   * The carried object, such as the authorization of an {@code …_AUTHORIZATION_ACTIVATED} event.
   *
   * @return the object's JSON, or a missing node
   */
  public JsonNode object() {
    return family == null ? raw.path("__none__") : raw.path(family);
  }
}
