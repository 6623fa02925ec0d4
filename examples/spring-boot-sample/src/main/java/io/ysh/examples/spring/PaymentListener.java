package io.ysh.examples.spring;

import io.ysh.asaas.PaymentEvent;
import io.ysh.asaas.PaymentEventType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Receives Asaas's payment events from the starter's webhook endpoint
 * ({@code ysh.asaas.webhook.*}): the endpoint has verified the {@code asaas-access-token} header
 * and dropped redeliveries of an event id already handled, then publishes each new
 * {@link PaymentEvent} as a Spring application event, synchronously, and answers Asaas 200 only
 * after this method returned. {@code PAYMENT_RECEIVED} (PIX, boleto) and {@code PAYMENT_CONFIRMED}
 * (card) mark the quote paid ({@link QuoteService#markPaid}); other payment events are ignored.
 * When this method throws, the endpoint answers 500, forgets the event id, and Asaas's
 * redelivery runs it again.
 */
@Component
public class PaymentListener {

  private final QuoteService quotes;
  private final Map<String, List<String>> events = new ConcurrentHashMap<>();

  /**
   * Created by Spring.
   *
   * @param quotes quote-to-cash
   */
  public PaymentListener(QuoteService quotes) {
    this.quotes = quotes;
  }

  /**
   * Handles one payment event.
   *
   * @param event the event, verified and not seen before
   */
  @EventListener
  public void onPayment(PaymentEvent event) {
    if (event.payment() == null || event.payment().id() == null) {
      return;
    }
    events.computeIfAbsent(event.payment().id(), k -> new CopyOnWriteArrayList<>()).add(event.id());
    if (event.type() == PaymentEventType.PAYMENT_RECEIVED || event.type() == PaymentEventType.PAYMENT_CONFIRMED) {
      quotes.markPaid(event.payment());
    }
  }

  /**
   * The ids of the events of a payment handed to this listener, in order (a redelivery that the
   * endpoint recognized is not among them; one whose first delivery failed is). Kept in memory for
   * every payment this instance saw, for the sample's test to look at: a real service would not.
   *
   * @param paymentId the Asaas payment
   * @return the event ids, empty when none
   */
  public List<String> events(String paymentId) {
    return List.copyOf(events.getOrDefault(paymentId, List.of()));
  }
}
