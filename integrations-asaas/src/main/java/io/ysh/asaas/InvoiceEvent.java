package io.ysh.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;

/**
 * An {@code INVOICE_…} event with its invoice typed (docs.asaas.com "Eventos para notas fiscais":
 * the body carries {@code invoice}). An invoice event whose invoice cannot be read arrives as an
 * {@link OtherEvent} with the raw JSON instead.
 *
 * @param id the event id; dedupe by it
 * @param type the event, {@link InvoiceEventType#UNKNOWN} when this SDK does not know it
 * @param rawEvent the event name as sent
 * @param dateCreated when Asaas created the event (Brazil local time), or null
 * @param invoice the invoice as it was when the event was created
 * @param raw the whole body
 */
public record InvoiceEvent(
    String id, InvoiceEventType type, String rawEvent, LocalDateTime dateCreated, Invoice invoice, JsonNode raw)
    implements WebhookEvent {}
