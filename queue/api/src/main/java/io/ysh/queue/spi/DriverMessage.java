package io.ysh.queue.spi;

import io.ysh.queue.Message;
import java.util.Objects;

/**
 * One message as a {@link SubscriptionDriver} received it.
 *
 * @param id the provider's message id (stable across redeliveries where the provider allows)
 * @param ackId the handle the driver needs to ack, nack or extend this delivery; opaque to the
 *     portable layer
 * @param message the content: body, attributes, ordering key and deduplication id exactly as
 *     published (driver bookkeeping headers removed)
 * @param deliveryAttempt 1 for the first delivery, 2 for the first redelivery, and so on
 */
public record DriverMessage(String id, String ackId, Message message, int deliveryAttempt) {

  /**
   * Checks the components.
   *
   * @param id see the record's description
   * @param ackId see the record's description
   * @param message see the record's description
   * @param deliveryAttempt see the record's description
   * @throws NullPointerException when a component is null
   * @throws IllegalArgumentException when {@code deliveryAttempt} is below 1
   */
  public DriverMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ackId, "ackId");
    Objects.requireNonNull(message, "message");
    if (deliveryAttempt < 1) {
      throw new IllegalArgumentException("deliveryAttempt must be at least 1");
    }
  }
}
