package io.ysh.queue.pubsub;

import com.google.api.gax.rpc.ApiException;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Maps gRPC status codes of Pub/Sub to portable codes: NOT_FOUND, ALREADY_EXISTS,
 * PERMISSION_DENIED, UNAUTHENTICATED, INVALID_ARGUMENT (and OUT_OF_RANGE), FAILED_PRECONDITION as
 * PRECONDITION_FAILED, RESOURCE_EXHAUSTED as RATE_LIMITED, UNAVAILABLE and ABORTED as UNAVAILABLE,
 * DEADLINE_EXCEEDED as TIMEOUT (the last three retryable), CANCELLED, UNIMPLEMENTED as
 * UNSUPPORTED, INTERNAL and DATA_LOSS as INTERNAL. Pub/Sub's status messages name resources,
 * never message contents.
 */
final class PubSubErrors {

  private PubSubErrors() {}

  static YshException map(Throwable t) {
    Throwable e = t;
    while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof YshException y) {
      return y;
    }
    if (e instanceof ApiException api) {
      return of(api.getStatusCode().getCode().name(), statusMessage(api), t);
    }
    if (e instanceof StatusRuntimeException s) {
      return of(s.getStatus().getCode().name(), s.getStatus().getDescription(), t);
    }
    if (e instanceof StatusException s) {
      return of(s.getStatus().getCode().name(), s.getStatus().getDescription(), t);
    }
    return Errors.classify(e);
  }

  /**
   * The portable code of a gRPC status code.
   *
   * @param grpcCode the name of an {@code io.grpc.Status.Code} (the same names as gax's
   *     {@code StatusCode.Code})
   * @return the portable code
   */
  static ErrorCode code(String grpcCode) {
    return switch (grpcCode) {
      case "NOT_FOUND" -> ErrorCode.NOT_FOUND;
      case "ALREADY_EXISTS" -> ErrorCode.ALREADY_EXISTS;
      case "PERMISSION_DENIED" -> ErrorCode.PERMISSION_DENIED;
      case "UNAUTHENTICATED" -> ErrorCode.UNAUTHENTICATED;
      case "INVALID_ARGUMENT", "OUT_OF_RANGE" -> ErrorCode.INVALID_ARGUMENT;
      case "FAILED_PRECONDITION" -> ErrorCode.PRECONDITION_FAILED;
      case "RESOURCE_EXHAUSTED" -> ErrorCode.RATE_LIMITED;
      case "UNAVAILABLE", "ABORTED" -> ErrorCode.UNAVAILABLE;
      case "DEADLINE_EXCEEDED" -> ErrorCode.TIMEOUT;
      case "CANCELLED" -> ErrorCode.CANCELLED;
      case "UNIMPLEMENTED" -> ErrorCode.UNSUPPORTED;
      case "INTERNAL", "DATA_LOSS" -> ErrorCode.INTERNAL;
      default -> ErrorCode.UNKNOWN;
    };
  }

  private static YshException of(String grpcCode, String message, Throwable cause) {
    ErrorCode code = code(grpcCode);
    return YshException.builder(code)
        .detail("Pub/Sub " + grpcCode + (message == null || message.isBlank() ? "" : ": " + message))
        .retryable(code.retryableByDefault())
        .cause(cause)
        .build();
  }

  private static String statusMessage(ApiException api) {
    Throwable c = api.getCause();
    if (c instanceof StatusRuntimeException s) {
      return s.getStatus().getDescription();
    }
    return api.getMessage();
  }

  /** Runs an opening step, mapping its failure and naming the resource. */
  static <T> T open(String resource, io.ysh.core.spi.ProviderCall<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw map(e).toBuilder().operation("queue.open").provider(PubSubQueueProvider.PROVIDER).resource(resource).build();
    }
  }
}
