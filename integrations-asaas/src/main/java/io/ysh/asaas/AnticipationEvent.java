package io.ysh.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;

/**
 * A {@code RECEIVABLE_ANTICIPATION_…} event with its anticipation typed (docs.asaas.com "Eventos
 * para antecipações" / "Receivable anticipation events": the body carries {@code anticipation}).
 * An anticipation event whose anticipation cannot be read arrives as an {@link OtherEvent} with
 * the raw JSON instead.
 *
 * @param id the event id; dedupe by it
 * @param type the event, {@link AnticipationEventType#UNKNOWN} when this SDK does not know it
 * @param rawEvent the event name as sent
 * @param dateCreated when Asaas created the event (Brazil local time), or null
 * @param anticipation the anticipation as it was when the event was created
 * @param raw the whole body
 */
public record AnticipationEvent(
    String id, AnticipationEventType type, String rawEvent, LocalDateTime dateCreated, Anticipation anticipation, JsonNode raw)
    implements WebhookEvent {}
