package io.ysh.queue.sqs;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.ProviderCall;
import io.ysh.support.aws.AwsSdkErrors;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Maps AWS SDK exceptions of SQS calls: the AWS-wide rules ({@link AwsSdkErrors}), then SQS's
 * own codes: a missing queue {@code NOT_FOUND}; a stale receipt handle or a message no longer in
 * flight {@code PRECONDITION_FAILED}; a name still held by a deleted queue or an existing queue
 * with other attributes {@code ALREADY_EXISTS}; KMS throttling and the in-flight limit ({@code
 * OverLimit}) {@code RATE_LIMITED}; malformed requests ({@code Invalid…}, {@code Missing…}, too
 * long, unsupported, bad batches) {@code INVALID_ARGUMENT}; the rest by HTTP status.
 */
final class SqsErrors {

  private SqsErrors() {}

  static YshException map(Throwable t) {
    return AwsSdkErrors.map("SQS", t, (e, code) -> code(code));
  }

  static ErrorCode code(String code) {
    if (code.contains("NonExistentQueue") || code.equals("QueueDoesNotExist")) {
      return ErrorCode.NOT_FOUND;
    }
    if (code.equals("ReceiptHandleIsInvalid") || code.contains("InvalidReceiptHandle") || code.contains("MessageNotInflight")) {
      return ErrorCode.PRECONDITION_FAILED;
    }
    if (code.contains("QueueDeletedRecently") || code.contains("QueueNameExists") || code.equals("QueueAlreadyExists")) {
      return ErrorCode.ALREADY_EXISTS;
    }
    if (code.contains("Throttl") || code.contains("OverLimit")) {
      return ErrorCode.RATE_LIMITED;
    }
    if (code.startsWith("Invalid") || code.startsWith("Missing") || code.contains("TooLong") || code.contains("Unsupported")
        || code.contains("BatchEntryIdsNotDistinct") || code.contains("EmptyBatchRequest") || code.contains("TooManyEntries")) {
      return ErrorCode.INVALID_ARGUMENT;
    }
    return null;
  }

  static <T> T open(SqsQueueDriverProvider.Settings s, SqsClient client, ProviderCall<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      client.close();
      YshException y = map(e);
      throw y.toBuilder().operation("queue.open").provider("sqs").resource(s.queue).build();
    }
  }
}
