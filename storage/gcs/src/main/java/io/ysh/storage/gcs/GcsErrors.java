package io.ysh.storage.gcs;

import com.google.api.client.http.HttpResponseException;
import com.google.cloud.BaseServiceException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import java.nio.file.FileAlreadyExistsException;

/** Maps google-cloud-storage exceptions to portable errors. */
final class GcsErrors {

  private GcsErrors() {}

  static YshException map(Throwable t) {
    YshException own = find(t, YshException.class);
    if (own != null) {
      return own; // raised by this driver and carried through an I/O exception
    }
    BaseServiceException service = find(t, BaseServiceException.class);
    if (service != null) {
      int status = service.getCode();
      String reason = service.getReason() == null ? "" : " " + service.getReason();
      String message = service.getMessage() == null ? "" : ": " + service.getMessage();
      ErrorCode code = classify(status);
      if (code == null) {
        // no HTTP answer: the client failed locally or on the network
        if (find(t, FileAlreadyExistsException.class) != null) {
          // how google-cloud-nio's in-process fake (and its file system) reports a failed
          // ifGenerationMatch(0); the real service answers 412
          return YshException.builder(ErrorCode.PRECONDITION_FAILED)
              .detail("the object already exists (create-only write)").cause(t).build();
        }
        Throwable cause = service.getCause();
        if (cause != null && cause != t) {
          YshException inner = Errors.classify(cause);
          return inner.toBuilder().detail("GCS client failure: " + inner.detail()).cause(t).build();
        }
        return YshException.builder(ErrorCode.UNAVAILABLE).detail("GCS client failure" + message).cause(t).build();
      }
      YshException.Builder b = YshException.builder(code).detail("GCS answered " + status + reason + message).cause(t);
      HttpResponseException http = find(t, HttpResponseException.class);
      if (http != null && http.getHeaders() != null) {
        Errors.retryAfter(http.getHeaders().getFirstHeaderStringValue("Retry-After")).ifPresent(b::retryAfter);
      }
      return b.build();
    }
    return Errors.classify(t);
  }

  /**
   * The portable code of an HTTP status from GCS.
   *
   * @param status the status, 0 or negative when there was no answer
   * @return the code, or null when there was no answer
   */
  static ErrorCode classify(int status) {
    if (status <= 0) {
      return null;
    }
    switch (status) {
      case 400:
        return ErrorCode.INVALID_ARGUMENT;
      case 401:
        return ErrorCode.UNAUTHENTICATED;
      case 403:
        return ErrorCode.PERMISSION_DENIED;
      case 404:
        return ErrorCode.NOT_FOUND;
      case 408:
        return ErrorCode.TIMEOUT;
      case 409:
        return ErrorCode.ALREADY_EXISTS;
      case 412:
        return ErrorCode.PRECONDITION_FAILED;
      case 416:
        return ErrorCode.INVALID_ARGUMENT;
      case 429:
        return ErrorCode.RATE_LIMITED;
      case 501:
        return ErrorCode.UNSUPPORTED;
      default:
        return status >= 500 ? ErrorCode.UNAVAILABLE : ErrorCode.UNKNOWN;
    }
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
