package io.ysh.queue.sqs;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.spi.ProviderCall;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Maps AWS SDK exceptions to portable errors. */
final class SqsErrors {

  private SqsErrors() {}

  static YshException map(Throwable t) {
    if (t instanceof YshException y) {
      return y;
    }
    if (t instanceof AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
      String msg = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      ErrorCode c;
      boolean retry = false;
      if (code.contains("NonExistentQueue") || code.equals("QueueDoesNotExist")) {
        c = ErrorCode.NOT_FOUND;
      } else if (code.equals("AccessDenied") || code.equals("AccessDeniedException")) {
        c = ErrorCode.PERMISSION_DENIED;
      } else if (code.equals("InvalidClientTokenId") || code.equals("SignatureDoesNotMatch") || code.equals("UnrecognizedClientException")
          || code.equals("InvalidSecurity") || code.equals("MissingAuthenticationToken")) {
        c = ErrorCode.UNAUTHENTICATED;
      } else if (code.contains("Throttl") || code.equals("RequestThrottled") || code.equals("KmsThrottled") || code.contains("OverLimit")) {
        c = ErrorCode.RATE_LIMITED;
        retry = true;
      } else if (code.equals("ReceiptHandleIsInvalid") || code.contains("InvalidReceiptHandle") || code.contains("MessageNotInflight")) {
        c = ErrorCode.PRECONDITION_FAILED;
      } else if (code.contains("QueueDeletedRecently") || code.contains("QueueNameExists") || code.equals("QueueAlreadyExists")) {
        c = ErrorCode.ALREADY_EXISTS;
      } else if (code.startsWith("Invalid") || code.startsWith("Missing") || code.contains("TooLong") || code.contains("Unsupported")
          || code.contains("BatchEntryIdsNotDistinct") || code.contains("EmptyBatchRequest") || code.contains("TooManyEntries")) {
        c = ErrorCode.INVALID_ARGUMENT;
      } else if (e.statusCode() >= 500) {
        c = ErrorCode.UNAVAILABLE;
        retry = true;
      } else {
        c = ErrorCode.UNKNOWN;
      }
      return YshException.builder(c).detail("SQS " + code + ": " + msg).retryable(retry).cause(t).build();
    }
    if (t instanceof SdkClientException && t.getCause() != null) {
      YshException y = Errors.classify(t.getCause());
      return y.toBuilder().cause(t).build();
    }
    return Errors.classify(t);
  }

  static <T> T open(SqsQueueProvider.Settings s, SqsClient client, ProviderCall<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      client.close();
      YshException y = map(e);
      throw y.toBuilder().operation("queue.open").provider("sqs").resource(s.queue).build();
    }
  }
}
