package io.ysh.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * An event surfaced with its raw JSON rather than dropped: a family this SDK does not type
 * (transfers, subscriptions, subaccounts, bills…), or a payment, invoice, anticipation or account
 * status event whose object could not be mapped to {@link Payment}, {@link Invoice},
 * {@link Anticipation} or {@link AccountStatus} (then
 * {@link #unmappedReason()} says why).
 * Either way the event was authenticated and is acknowledged.
 *
 * @param id the event id
 * @param rawEvent the event name as sent, such as {@code TRANSFER_DONE}
 * @param dateCreated when Asaas created the event, or null
 * @param family the name of the object the envelope carries besides the metadata, such as
 *     {@code transfer}, or null
 * @param raw the whole envelope
 * @param mappingError why the object could not be mapped to this SDK's type, or null for a
 *     family this SDK does not type
 */
public record OtherEvent(String id, String rawEvent, LocalDateTime dateCreated, String family, JsonNode raw, String mappingError)
    implements WebhookEvent {

  /**
   * The carried object, such as the transfer of a {@code TRANSFER_DONE} event.
   *
   * @return the object's JSON, or a missing node
   */
  public JsonNode object() {
    return family == null ? raw.path("__none__") : raw.path(family);
  }

  /**
   * Why a typed family's object could not be mapped (an unexpected value, a changed shape).
   *
   * @return the reason, empty for a family this SDK does not type
   */
  public Optional<String> unmappedReason() {
    return Optional.ofNullable(mappingError);
  }
}
