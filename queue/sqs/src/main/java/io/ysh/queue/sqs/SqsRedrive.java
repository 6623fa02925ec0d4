package io.ysh.queue.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.json.Json;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS's native dead-lettering: a queue's RedrivePolicy makes SQS itself move a message whose
 * receive count exceeds {@code maxReceiveCount} to the dead-letter queue, atomically, with body
 * and attributes. Preferred over the portable layer's copy-then-delete, which a crash between the
 * two steps can turn into a duplicate in the dead-letter queue.
 */
final class SqsRedrive {

  /**
   * The redrive in force for a subscription.
   *
   * @param maxReceiveCount SQS's maxReceiveCount
   * @param deadLetterQueue the dead-letter queue's name (last part of its ARN)
   */
  record Policy(int maxReceiveCount, String deadLetterQueue) {}

  private SqsRedrive() {}

  /**
   * Reads the queue's redrive policy; installs one when there is none, {@code maxAttempts} is set
   * and the SDK manages the queue ({@code create} and {@code redrive} not turned off). Empty means
   * the portable layer dead-letters (if {@code maxAttempts} is set at all).
   *
   * @throws YshException {@code PRECONDITION_FAILED} when the URL's {@code maxAttempts} or
   *     {@code deadLetter} contradict the queue's existing policy
   */
  static Optional<Policy> configure(SqsClient client, SqsQueueDriverProvider.Settings s, String queueUrl) {
    Map<QueueAttributeName, String> attrs =
        client.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes();
    String json = attrs.get(QueueAttributeName.REDRIVE_POLICY);
    if (json != null && !json.isBlank()) {
      Policy p = parse(json);
      if (s.maxAttempts != null && s.maxAttempts != p.maxReceiveCount()) {
        throw conflict(s, "its redrive policy moves messages after " + p.maxReceiveCount() + " receives but the URL says maxAttempts="
            + s.maxAttempts + "; drop maxAttempts or make it agree");
      }
      if (s.deadLetterExplicit && !s.deadLetter.equals(p.deadLetterQueue())) {
        throw conflict(s, "its redrive policy moves messages to " + p.deadLetterQueue() + " but the URL says deadLetter="
            + s.deadLetter + "; drop deadLetter or make it agree");
      }
      return Optional.of(p);
    }
    if (s.maxAttempts == null || s.maxAttempts < 1 || !s.create || !s.redrive) {
      return Optional.empty();
    }
    String dlqUrl = SqsQueueLookup.resolve(client, s.deadLetter, true);
    String arn = client.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    if (arn == null) {
      throw YshException.builder(ErrorCode.UNKNOWN).detail("SQS returned no QueueArn for " + s.deadLetter).build();
    }
    String policy = Json.mapper().createObjectNode()
        .put("deadLetterTargetArn", arn)
        .put("maxReceiveCount", Integer.toString(s.maxAttempts))
        .toString();
    client.setQueueAttributes(r -> r.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy)));
    return Optional.of(new Policy(s.maxAttempts, s.deadLetter));
  }

  static Policy parse(String json) {
    try {
      JsonNode n = Json.mapper().readTree(json);
      String arn = n.path("deadLetterTargetArn").asText("");
      int max = n.path("maxReceiveCount").asInt(0);
      if (arn.isEmpty() || max < 1) {
        throw new IllegalArgumentException("missing deadLetterTargetArn or maxReceiveCount");
      }
      return new Policy(max, arn.substring(arn.lastIndexOf(':') + 1));
    } catch (Exception e) {
      throw YshException.builder(ErrorCode.PRECONDITION_FAILED).detail("the queue's RedrivePolicy is not readable: " + e.getMessage()).cause(e).build();
    }
  }

  private static YshException conflict(SqsQueueDriverProvider.Settings s, String why) {
    return YshException.builder(ErrorCode.PRECONDITION_FAILED).detail("SQS queue " + s.queue + ": " + why).build();
  }
}
