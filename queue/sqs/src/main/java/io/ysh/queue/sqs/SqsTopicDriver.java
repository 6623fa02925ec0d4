package io.ysh.queue.sqs;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.TopicDriver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/** Publishes with SendMessageBatch (the portable layer hands it at most 10 messages). */
final class SqsTopicDriver implements TopicDriver {

  private final SqsQueueDriverProvider.Settings settings;
  private final SqsClient client;
  private final String queueUrl;
  private final QueueCapabilities caps;

  SqsTopicDriver(SqsQueueDriverProvider.Settings settings, SqsClient client, String queueUrl) {
    this.settings = settings;
    this.client = client;
    this.queueUrl = queueUrl;
    this.caps = SqsCodec.caps(settings.fifo);
  }

  static List<String> send(SqsClient client, String queueUrl, boolean fifo, List<Message> batch) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Message m = batch.get(i);
      SqsCodec.Encoded e = SqsCodec.encode(m);
      SendMessageBatchRequestEntry.Builder b =
          SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(e.body()).messageAttributes(e.attributes());
      if (fifo) {
        b.messageGroupId(m.orderingKey().orElse(SqsCodec.DEFAULT_GROUP));
        b.messageDeduplicationId(m.deduplicationId().orElse(UUID.randomUUID().toString()));
      }
      entries.add(b.build());
    }
    SendMessageBatchResponse r = client.sendMessageBatch(req -> req.queueUrl(queueUrl).entries(entries));
    if (r.hasFailed() && !r.failed().isEmpty()) {
      BatchResultErrorEntry f = r.failed().get(0);
      ErrorCode code = Boolean.TRUE.equals(f.senderFault()) ? ErrorCode.INVALID_ARGUMENT : ErrorCode.UNAVAILABLE;
      throw YshException.builder(code)
          .detail("SQS rejected " + r.failed().size() + " of " + batch.size() + " messages, first: " + f.code() + ": " + f.message())
          .retryable(code == ErrorCode.UNAVAILABLE)
          .build();
    }
    Map<String, String> byEntry = new HashMap<>();
    for (SendMessageBatchResultEntry s : r.successful()) {
      byEntry.put(s.id(), s.messageId());
    }
    List<String> ids = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      ids.add(byEntry.get(Integer.toString(i)));
    }
    return ids;
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
  public List<String> sendBatch(List<Message> batch) {
    return send(client, queueUrl, settings.fifo, batch);
  }

  /** One {@code GetQueueAttributes} (the queue's ARN), bounded by {@code timeout}. */
  @Override
  public void ping(java.time.Duration timeout) throws Exception {
    ping(client, queueUrl, timeout);
  }

  /**
   * The cheapest real SQS call naming the queue: {@code GetQueueAttributes} of {@code QueueArn}
   * ({@code QueueDoesNotExist} is {@code NOT_FOUND}), with the SDK's call timeout (retries
   * included) set to {@code timeout}; running out of it is a
   * {@link java.util.concurrent.TimeoutException}.
   */
  static void ping(SqsClient client, String queueUrl, java.time.Duration timeout) throws Exception {
    try {
      client.getQueueAttributes(r -> r.queueUrl(queueUrl)
          .attributeNames(software.amazon.awssdk.services.sqs.model.QueueAttributeName.QUEUE_ARN)
          .overrideConfiguration(o -> o.apiCallTimeout(timeout)));
    } catch (software.amazon.awssdk.core.exception.ApiCallTimeoutException e) {
      java.util.concurrent.TimeoutException t = new java.util.concurrent.TimeoutException("SQS did not answer in time");
      t.initCause(e);
      throw t;
    }
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
