package io.ysh.support.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;

/**
 * Maps failures of Azure SDK clients to portable errors, the same way for every Azure driver. An
 * answer from the service is classified by, in order:
 *
 * <ol>
 *   <li>Azure-wide error codes (the {@code x-ms-error-code} header): {@code AuthenticationFailed}
 *       {@code UNAUTHENTICATED}, {@code ServerBusy} {@code RATE_LIMITED}, {@code
 *       OperationTimedOut} {@code TIMEOUT}, {@code ConditionNotMet} {@code PRECONDITION_FAILED},
 *       any {@code …BeingDeleted} {@code UNAVAILABLE} (the name comes free once Azure has deleted
 *       it);
 *   <li>the service's own rules, from the driver's {@link ServiceCodes};
 *   <li>the HTTP status, by {@link Errors#forHttpStatus(int)}.
 * </ol>
 *
 * <p>A credential that cannot get a token ({@link ClientAuthenticationException}) is {@code
 * UNAUTHENTICATED}. A failure without an answer is classified by the first cause in its chain that
 * {@link Errors#classify(Throwable)} recognises (the SDK wraps I/O errors and timeouts in reactive
 * and unchecked exceptions), else {@code UNKNOWN}; an I/O exception caused by an answer (a failed
 * chunk of a blob's input stream) is classified by that answer. A {@code Retry-After} header
 * becomes the exception's {@link YshException#retryAfter()}. Retryability always follows the code. Messages
 * carry the status and Azure's error code, never the response body.
 */
public final class AzureSdkErrors {

  /** The response header that carries Azure Storage's error code. */
  public static final String ERROR_CODE_HEADER = "x-ms-error-code";

  private static final HttpHeaderName ERROR_CODE = HttpHeaderName.fromString(ERROR_CODE_HEADER);

  private AzureSdkErrors() {}

  /** A service's own rules, asked after the Azure-wide codes and before the HTTP status. */
  @FunctionalInterface
  public interface ServiceCodes {

    /** For services without rules of their own. */
    ServiceCodes NONE = (status, code, e) -> null;

    /**
     * Classifies an answer by what only this service says.
     *
     * @param status the HTTP status
     * @param code Azure's error code, empty when the answer had none
     * @param e the exception
     * @return the portable code, or null to let the HTTP status decide
     */
    ErrorCode classify(int status, String code, HttpResponseException e);
  }

  /**
   * Maps a failure of an Azure client call.
   *
   * @param service the service as messages name it, such as {@code Azure Blob Storage}
   * @param t what the client threw
   * @param serviceCodes the service's own rules
   * @return the portable exception, with {@code t} as its cause
   */
  public static YshException map(String service, Throwable t, ServiceCodes serviceCodes) {
    Throwable e = Errors.unwrap(t);
    if (e instanceof YshException y) {
      return y;
    }
    if (e instanceof ClientAuthenticationException a) {
      String status = a.getResponse() == null ? "" : " (HTTP " + a.getResponse().getStatusCode() + ")";
      return YshException.builder(ErrorCode.UNAUTHENTICATED)
          .detail(service + " rejected the credential" + status).cause(t).build();
    }
    if (e instanceof java.io.IOException && e.getCause() instanceof HttpResponseException answer) {
      e = answer; // a blob input stream's failed chunk: Azure's answer says more than the I/O error
    }
    if (e instanceof HttpResponseException h && h.getResponse() != null) {
      int status = h.getResponse().getStatusCode();
      String code = errorCode(h);
      YshException.Builder b = YshException.builder(classify(status, code, h, serviceCodes))
          .detail(service + " answered " + status + (code.isEmpty() ? "" : " " + code))
          .cause(t);
      // a throttled or unavailable service may say how long to wait; the retry then waits that long
      Errors.retryAfter(h.getResponse().getHeaderValue(HttpHeaderName.RETRY_AFTER)).ifPresent(b::retryAfter);
      return b.build();
    }
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (transportTimeout(c)) {
        return YshException.builder(ErrorCode.TIMEOUT).detail(service + " call failed: timed out").cause(t).build();
      }
      YshException known = Errors.classify(c);
      if (known.code() != ErrorCode.UNKNOWN) {
        return YshException.builder(known.code()).detail(service + " call failed: " + known.detail()).cause(t).build();
      }
    }
    return YshException.builder(ErrorCode.UNKNOWN)
        .detail(service + " call failed: " + e.getClass().getSimpleName()).cause(t).build();
  }

  /**
   * Whether an I/O error is the OkHttp transport's timeout: azure-core-http-okhttp reports its
   * per-request response timeout as {@code InterruptedIOException("timedout")} and OkHttp its call
   * timeout as {@code InterruptedIOException("timeout")}, the class a thread interrupt also uses
   * (OkHttp's message then is {@code "interrupted"}).
   */
  private static boolean transportTimeout(Throwable c) {
    return c.getClass() == java.io.InterruptedIOException.class
        && ("timedout".equals(c.getMessage()) || "timeout".equals(c.getMessage()));
  }

  /**
   * The portable code of an answer: Azure-wide codes, then the service's, then the HTTP status.
   *
   * @param status the HTTP status
   * @param code Azure's error code, empty when none
   * @param e the exception
   * @param serviceCodes the service's own rules
   * @return the code, never null
   */
  public static ErrorCode classify(int status, String code, HttpResponseException e, ServiceCodes serviceCodes) {
    switch (code) {
      case "AuthenticationFailed":
        return ErrorCode.UNAUTHENTICATED;
      case "ServerBusy":
        return ErrorCode.RATE_LIMITED;
      case "OperationTimedOut":
        return ErrorCode.TIMEOUT;
      case "ConditionNotMet":
        return ErrorCode.PRECONDITION_FAILED;
      default:
        if (code.endsWith("BeingDeleted")) {
          return ErrorCode.UNAVAILABLE;
        }
    }
    ErrorCode own = serviceCodes.classify(status, code, e);
    return own != null ? own : Errors.forHttpStatus(status);
  }

  /**
   * Azure's error code of an answer.
   *
   * @param e the exception
   * @return the {@value #ERROR_CODE_HEADER} header, empty when absent
   */
  public static String errorCode(HttpResponseException e) {
    String code = e.getResponse() == null ? null : e.getResponse().getHeaderValue(ERROR_CODE);
    return code == null ? "" : code;
  }
}
