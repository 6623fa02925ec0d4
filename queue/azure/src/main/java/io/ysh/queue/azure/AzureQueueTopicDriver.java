package io.ysh.queue.azure;

import com.azure.storage.queue.QueueClient;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.TopicDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Publishes with one SendMessage per message (Azure Queue Storage has no batch send). */
final class AzureQueueTopicDriver implements TopicDriver {

  private final AzureQueueDriverProvider.Settings settings;
  private final QueueClient queue;

  AzureQueueTopicDriver(AzureQueueDriverProvider.Settings settings, QueueClient queue) {
    this.settings = settings;
    this.queue = queue;
    AzureQueueSubscriptionDriver.ensure(queue, settings.create);
  }

  @Override
  public String provider() {
    return "azqueue";
  }

  @Override
  public String name() {
    return settings.queue;
  }

  @Override
  public QueueCapabilities capabilities() {
    return AzureEnvelope.CAPS;
  }

  @Override
  public List<String> sendBatch(List<Message> batch) {
    List<String> texts = new ArrayList<>(batch.size());
    for (Message m : batch) {
      texts.add(AzureEnvelope.encode(m)); // all checked before the first is sent
    }
    List<String> ids = new ArrayList<>(batch.size());
    for (String t : texts) {
      ids.add(queue.sendMessage(t).getMessageId());
    }
    return ids;
  }

  /** One {@code Get Queue Metadata} (properties), bounded by {@code timeout}. */
  @Override
  public void ping(java.time.Duration timeout) throws Exception {
    ping(queue, timeout);
  }

  /**
   * The cheapest real call naming the queue: its properties ({@code QueueNotFound} is
   * {@code NOT_FOUND}), bounded by {@code timeout}; running out of it is a
   * {@link java.util.concurrent.TimeoutException}.
   */
  static void ping(QueueClient queue, java.time.Duration timeout) throws Exception {
    try {
      queue.getPropertiesWithResponse(timeout, com.azure.core.util.Context.NONE);
    } catch (RuntimeException e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof java.util.concurrent.TimeoutException) {
          java.util.concurrent.TimeoutException t = new java.util.concurrent.TimeoutException("Azure Queue Storage did not answer in time");
          t.initCause(e);
          throw t;
        }
      }
      throw e;
    }
  }

  @Override
  public ErrorMapper errorMapper() {
    return AzureErrors::map;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(queue) ? Optional.of(type.cast(queue)) : Optional.empty();
  }

  @Override
  public void close() {}
}
