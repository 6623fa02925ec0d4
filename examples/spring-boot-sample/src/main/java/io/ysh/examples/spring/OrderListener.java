package io.ysh.examples.spring;

import io.ysh.core.json.Json;
import io.ysh.spring.autoconfigure.YshListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Consumes the {@code orders} subscription ({@code ysh.queue.subscriptions.orders.url}): each
 * paid quote becomes an installation order, stored as {@code orders/<quoteId>.json}. Idempotent
 * (the same event twice writes the same order), as an at-least-once queue needs. Returning acks
 * the message; throwing nacks it for redelivery.
 */
@Component
public class OrderListener {

  private final Documents documents;
  private final AtomicInteger handled = new AtomicInteger();

  /**
   * Created by Spring.
   *
   * @param documents where orders are stored
   */
  public OrderListener(Documents documents) {
    this.documents = documents;
  }

  /**
   * Handles one order event.
   *
   * @param body the event's JSON
   */
  @YshListener("orders")
  public void onOrderPaid(String body) {
    OrderEvent event;
    try {
      event = Json.mapper().readValue(body, OrderEvent.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not an order event", e);
    }
    documents.save(event);
    handled.incrementAndGet();
  }

  /**
   * How many events were handled.
   *
   * @return the count
   */
  public int handled() {
    return handled.get();
  }
}
