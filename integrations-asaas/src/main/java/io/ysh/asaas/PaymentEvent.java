package io.ysh.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;

/**
 * A payment event ({@code PAYMENT_…}) with its payment.
 *
 * @param id the event id
 * @param type the event type, {@link PaymentEventType#UNKNOWN} for a name this SDK does not know
 * @param rawEvent the event name as sent
 * @param dateCreated when Asaas created the event
 * @param payment the payment as it was when the event was created
 * @param raw the whole envelope
 */
public record PaymentEvent(
    String id, PaymentEventType type, String rawEvent, LocalDateTime dateCreated, Payment payment, JsonNode raw)
    implements WebhookEvent {}
