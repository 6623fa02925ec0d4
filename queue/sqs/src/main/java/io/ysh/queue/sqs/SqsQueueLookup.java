package io.ysh.queue.sqs;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Queue URL lookup and creation. */
final class SqsQueueLookup {

  private SqsQueueLookup() {}

  static String resolve(SqsClient client, String name, boolean create) {
    if (!create) {
      return client.getQueueUrl(r -> r.queueName(name)).queueUrl();
    }
    if (name.endsWith(".fifo")) {
      return client.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
    }
    return client.createQueue(r -> r.queueName(name)).queueUrl();
  }
}
