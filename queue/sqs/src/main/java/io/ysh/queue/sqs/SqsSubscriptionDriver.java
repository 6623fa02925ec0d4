package io.ysh.queue.sqs;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.DriverMessage;
import io.ysh.queue.spi.SubscriptionDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Long-polls a queue. Ack deletes; nack and extendDeadline change the visibility timeout (whole
 * seconds, rounded up); the delivery attempt is SQS's ApproximateReceiveCount. When the queue has a
 * RedrivePolicy (found or installed on open), SQS dead-letters and the capabilities say
 * {@code nativeDeadLetter}; otherwise {@link #deadLetter} copies to the dead-letter queue, then deletes.
 */
final class SqsSubscriptionDriver implements SubscriptionDriver {

  private final SqsQueueDriverProvider.Settings settings;
  private final SqsClient client;
  private final String queueUrl;
  private final QueueCapabilities caps;
  private final Optional<SqsRedrive.Policy> redrive;
  private volatile String deadLetterUrl;

  SqsSubscriptionDriver(SqsQueueDriverProvider.Settings settings, SqsClient client, String queueUrl, Optional<SqsRedrive.Policy> redrive) {
    this.settings = settings;
    this.client = client;
    this.queueUrl = queueUrl;
    this.redrive = redrive;
    this.caps = SqsCodec.caps(settings.fifo, redrive.isPresent());
  }

  /** The redrive policy SQS applies to this queue, when it dead-letters natively. */
  Optional<SqsRedrive.Policy> redrive() {
    return redrive;
  }

  @Override
  public String provider() {
    return "sqs";
  }

  @Override
  public String name() {
    return settings.queue;
  }

  @Override
  public QueueCapabilities capabilities() {
    return caps;
  }

  @Override
  public List<DriverMessage> receiveBatch(int max, Duration wait) {
    int waitSeconds = wait.isZero() ? 0 : (int) Math.min(20, Math.max(1, (wait.toMillis() + 999) / 1000));
    ReceiveMessageRequest.Builder r =
        ReceiveMessageRequest.builder()
            .queueUrl(queueUrl)
            .maxNumberOfMessages(Math.min(10, max))
            .waitTimeSeconds(waitSeconds)
            .messageAttributeNames("All")
            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, MessageSystemAttributeName.MESSAGE_GROUP_ID);
    if (settings.visibilitySeconds != null) {
      r.visibilityTimeout(settings.visibilitySeconds);
    }
    List<DriverMessage> out = new ArrayList<>();
    for (Message m : client.receiveMessage(r.build()).messages()) {
      String count = m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
      int attempt = count == null ? 1 : Math.max(1, Integer.parseInt(count));
      String group = m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
      out.add(new DriverMessage(m.messageId(), m.receiptHandle(), SqsCodec.decode(m.body(), m.messageAttributes(), group), attempt));
    }
    return out;
  }

  @Override
  public void ack(List<String> ackIds) {
    for (int i = 0; i < ackIds.size(); i += 10) {
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      List<String> chunk = ackIds.subList(i, Math.min(ackIds.size(), i + 10));
      for (int j = 0; j < chunk.size(); j++) {
        entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(j)).receiptHandle(chunk.get(j)).build());
      }
      // Failed entries are stale receipt handles: the message was redelivered or already deleted.
      client.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
    }
  }

  @Override
  public void nack(List<String> ackIds, Duration delay) {
    int seconds = (int) Math.min(43_200, (delay.toMillis() + 999) / 1000);
    for (int i = 0; i < ackIds.size(); i += 10) {
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      List<String> chunk = ackIds.subList(i, Math.min(ackIds.size(), i + 10));
      for (int j = 0; j < chunk.size(); j++) {
        entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(j)).receiptHandle(chunk.get(j)).visibilityTimeout(seconds).build());
      }
      client.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
    }
  }

  @Override
  public void extendDeadline(String ackId, Duration extension) {
    int seconds = (int) Math.min(43_200, (extension.toMillis() + 999) / 1000);
    client.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(ackId).visibilityTimeout(seconds));
  }

  @Override
  public void deadLetter(List<DriverMessage> messages) {
    String dlq = deadLetterUrl;
    if (dlq == null) {
      dlq = SqsQueueLookup.resolve(client, settings.deadLetter, true);
      deadLetterUrl = dlq;
    }
    for (int i = 0; i < messages.size(); i += 10) {
      List<DriverMessage> chunk = messages.subList(i, Math.min(messages.size(), i + 10));
      SqsTopicDriver.send(client, dlq, settings.deadLetter.endsWith(".fifo"),
          chunk.stream().map(d -> d.message().toBuilder().deduplicationId(d.id()).build()).toList());
    }
    ack(messages.stream().map(DriverMessage::ackId).toList());
  }

  /** One {@code GetQueueAttributes} (the queue's ARN), bounded by {@code timeout}. */
  @Override
  public void ping(java.time.Duration timeout) throws Exception {
    SqsTopicDriver.ping(client, queueUrl, timeout);
  }

  @Override
  public ErrorMapper errorMapper() {
    return SqsErrors::map;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(client) ? Optional.of(type.cast(client)) : Optional.empty();
  }

  @Override
  public void close() {
    client.close();
  }
}
