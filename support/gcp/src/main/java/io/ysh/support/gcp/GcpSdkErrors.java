package io.ysh.support.gcp;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.BaseServiceException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Maps failures of Google Cloud clients to portable errors, the same way for every GCP driver:
 *
 * <ul>
 *   <li>a gax {@link ApiException} or a gRPC {@link StatusRuntimeException}/{@link
 *       StatusException}: by its status code, {@link Errors#forGrpcStatus(String)};
 *   <li>a {@link BaseServiceException} (the HTTP clients, such as GCS's): by its HTTP status,
 *       {@link Errors#forHttpStatus(int)}; without a status (no answer) by its cause, and {@code
 *       UNAVAILABLE} without one;
 *   <li>anything else: {@link Errors#classify(Throwable)}.
 * </ul>
 *
 * <p>Future wrappers ({@link ExecutionException}, {@link CompletionException}) are looked through.
 * Retryability always follows the code. Google's status messages name resources, never payloads.
 */
public final class GcpSdkErrors {

  private GcpSdkErrors() {}

  /**
   * Maps a failure of a Google client call.
   *
   * @param service the service as messages name it, such as {@code Pub/Sub}
   * @param t what the client threw
   * @return the portable exception, with {@code t} as its cause
   */
  public static YshException map(String service, Throwable t) {
    Throwable e = Errors.unwrap(t);
    if (e instanceof YshException y) {
      return y;
    }
    if (e instanceof ApiException api) {
      return grpc(service, api.getStatusCode().getCode().name(), statusMessage(api), t);
    }
    if (e instanceof StatusRuntimeException s) {
      return grpc(service, s.getStatus(), t);
    }
    if (e instanceof StatusException s) {
      return grpc(service, s.getStatus(), t);
    }
    if (e instanceof BaseServiceException b) {
      return http(service, b, t);
    }
    return Errors.classify(e);
  }

  private static YshException grpc(String service, Status status, Throwable cause) {
    return grpc(service, status.getCode().name(), status.getDescription(), cause);
  }

  private static YshException grpc(String service, String code, String message, Throwable cause) {
    return YshException.builder(Errors.forGrpcStatus(code))
        .detail(service + " " + code + (message == null || message.isBlank() ? "" : ": " + message))
        .cause(cause)
        .build();
  }

  private static YshException http(String service, BaseServiceException b, Throwable t) {
    int status = b.getCode();
    String message = b.getMessage() == null ? "" : ": " + b.getMessage();
    if (status <= 0) {
      // no HTTP answer: the client failed locally or on the network
      Throwable cause = b.getCause();
      if (cause != null && cause != b) {
        YshException inner = Errors.classify(cause);
        return YshException.builder(inner.code()).detail(service + " client failure: " + inner.detail()).cause(t).build();
      }
      return YshException.builder(ErrorCode.UNAVAILABLE).detail(service + " client failure" + message).cause(t).build();
    }
    String reason = b.getReason() == null ? "" : " " + b.getReason();
    return YshException.builder(Errors.forHttpStatus(status))
        .detail(service + " answered " + status + reason + message).cause(t).build();
  }

  private static String statusMessage(ApiException api) {
    Throwable c = api.getCause();
    if (c instanceof StatusRuntimeException s) {
      return s.getStatus().getDescription();
    }
    return api.getMessage();
  }
}
