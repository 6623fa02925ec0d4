package io.ysh.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;

/**
 * One event Asaas posted to a webhook: a {@link PaymentEvent}, an {@link InvoiceEvent}, an
 * {@link AnticipationEvent} or an {@link AccountStatusEvent} (fully typed), a {@link PixAutomaticEvent} (typed event, raw object) or
 * an {@link OtherEvent} (another family: transfers, subscriptions, subaccounts…, kept as raw JSON). Delivery is at
 * least once and unordered; the payment from {@link Payments#get(String)} is the truth.
 */
public sealed interface WebhookEvent permits PaymentEvent, InvoiceEvent, AnticipationEvent, AccountStatusEvent, PixAutomaticEvent, OtherEvent {

  /**
   * The event id ({@code evt_…}; may contain {@code &}). Dedupe by it.
   *
   * @return the id
   */
  String id();

  /**
   * The event name exactly as sent, such as {@code PAYMENT_RECEIVED}.
   *
   * @return the name
   */
  String rawEvent();

  /**
   * When Asaas created the event (Brazil local time).
   *
   * @return the timestamp, or null
   */
  LocalDateTime dateCreated();

  /**
   * The whole envelope as received.
   *
   * @return the JSON
   */
  JsonNode raw();
}
