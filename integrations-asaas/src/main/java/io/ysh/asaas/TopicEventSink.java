package io.ysh.asaas;

import io.ysh.queue.Message;
import io.ysh.queue.Topic;

/**
 * Publishes verified webhook events to a portable {@link Topic}: the body exactly as Asaas posted
 * it, with attributes {@code asaas-event} and {@code asaas-event-id} (and the event id as
 * deduplication id where the queue honours one).
 */
final class TopicEventSink implements EventSink {

  private final Topic topic;
  private final boolean dedupe;

  TopicEventSink(Topic topic) {
    this.topic = topic;
    this.dedupe = topic.capabilities().deduplication();
  }

  @Override
  public void publish(WebhookEvent event, byte[] body) {
    Message.Builder m = Message.builder()
        .body(body)
        .attribute(AsaasWebhooks.EVENT_ATTRIBUTE, event.rawEvent())
        .attribute(AsaasWebhooks.EVENT_ID_ATTRIBUTE, event.id());
    if (dedupe) {
      m.deduplicationId(event.id());
    }
    topic.publish(m.build());
  }

  @Override
  public String toString() {
    return "TopicEventSink[" + topic.name() + "]";
  }
}
