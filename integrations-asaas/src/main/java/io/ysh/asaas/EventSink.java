package io.ysh.asaas;

/** Where {@link AsaasWebhooks} hands a verified event in asynchronous mode; it must be durable before returning. */
interface EventSink {

  /**
   * Stores the event durably.
   *
   * @param event the parsed event
   * @param body the body exactly as Asaas posted it
   * @throws RuntimeException when it could not be stored (the delivery is then not acknowledged)
   */
  void publish(WebhookEvent event, byte[] body);
}
