package io.ysh.secrets.gcp;

import com.google.api.gax.rpc.ApiException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;

/**
 * Maps gRPC status codes of Secret Manager to portable codes (NOT_FOUND, ALREADY_EXISTS,
 * PERMISSION_DENIED, UNAUTHENTICATED, INVALID_ARGUMENT, FAILED_PRECONDITION for disabled or
 * destroyed versions, RESOURCE_EXHAUSTED as RATE_LIMITED, UNAVAILABLE, DEADLINE_EXCEEDED as
 * TIMEOUT, UNIMPLEMENTED as UNSUPPORTED). Status messages never contain payloads.
 */
final class GcpErrors {

  private GcpErrors() {}

  static YshException map(Throwable t) {
    if (t instanceof ApiException e) {
      ErrorCode code =
          switch (e.getStatusCode().getCode()) {
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case ALREADY_EXISTS -> ErrorCode.ALREADY_EXISTS;
            case PERMISSION_DENIED -> ErrorCode.PERMISSION_DENIED;
            case UNAUTHENTICATED -> ErrorCode.UNAUTHENTICATED;
            case INVALID_ARGUMENT, OUT_OF_RANGE -> ErrorCode.INVALID_ARGUMENT;
            case FAILED_PRECONDITION -> ErrorCode.PRECONDITION_FAILED;
            case RESOURCE_EXHAUSTED -> ErrorCode.RATE_LIMITED;
            case UNAVAILABLE, ABORTED -> ErrorCode.UNAVAILABLE;
            case DEADLINE_EXCEEDED -> ErrorCode.TIMEOUT;
            case CANCELLED -> ErrorCode.CANCELLED;
            case UNIMPLEMENTED -> ErrorCode.UNSUPPORTED;
            case INTERNAL, DATA_LOSS -> ErrorCode.INTERNAL;
            default -> ErrorCode.UNKNOWN;
          };
      return YshException.builder(code)
          .detail("Secret Manager " + e.getStatusCode().getCode() + (e.getMessage() == null ? "" : ": " + e.getMessage()))
          .cause(e)
          .build();
    }
    return Errors.classify(t);
  }
}
