package io.ysh.queue.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.storage.queue.models.QueueStorageException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.spi.ProviderCall;

/** Maps Azure SDK exceptions to portable errors. */
final class AzureErrors {

  private AzureErrors() {}

  static YshException map(Throwable t) {
    if (t instanceof YshException y) {
      return y;
    }
    if (t instanceof HttpResponseException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
      String code = t instanceof QueueStorageException q && q.getErrorCode() != null ? q.getErrorCode().toString() : "";
      ErrorCode c;
      boolean retry = false;
      if (status == 404) {
        c = ErrorCode.NOT_FOUND;
      } else if (code.startsWith("AuthenticationFailed") || status == 401) {
        c = ErrorCode.UNAUTHENTICATED;
      } else if (status == 403) {
        c = ErrorCode.PERMISSION_DENIED;
      } else if (status == 409) {
        c = code.contains("BeingDeleted") ? ErrorCode.UNAVAILABLE : ErrorCode.ALREADY_EXISTS;
        retry = c == ErrorCode.UNAVAILABLE;
      } else if (status == 413 || status == 400) {
        c = ErrorCode.INVALID_ARGUMENT;
      } else if (status == 429 || status == 503 && code.contains("ServerBusy")) {
        c = ErrorCode.RATE_LIMITED;
        retry = true;
      } else if (status >= 500) {
        c = ErrorCode.UNAVAILABLE;
        retry = true;
      } else {
        c = ErrorCode.UNKNOWN;
      }
      return YshException.builder(c).detail("Azure Queue Storage " + status + (code.isEmpty() ? "" : " " + code)).retryable(retry).cause(t).build();
    }
    Throwable cause = t.getCause();
    if (cause instanceof java.io.IOException) {
      return Errors.classify(cause).toBuilder().cause(t).build();
    }
    return Errors.classify(t);
  }

  static <T> T open(AzureQueueProvider.Settings s, ProviderCall<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      YshException y = map(e);
      throw y.toBuilder().operation("queue.open").provider("azqueue").resource(s.queue).build();
    }
  }
}
