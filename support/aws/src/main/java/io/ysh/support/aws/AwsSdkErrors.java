package io.ysh.support.aws;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Maps failures of AWS SDK for Java v2 clients to portable errors, the same way for every AWS
 * driver. A service answer is classified by, in order:
 *
 * <ol>
 *   <li>AWS-wide error codes: bad, expired or missing signatures and tokens ({@code
 *       InvalidAccessKeyId}, {@code SignatureDoesNotMatch}, {@code ExpiredToken}, {@code
 *       UnrecognizedClientException}, …) {@code UNAUTHENTICATED}; {@code AccessDenied} and {@code
 *       AccessDeniedException} {@code PERMISSION_DENIED}; every code the SDK knows as throttling
 *       (and HTTP 429) {@code RATE_LIMITED}; {@code RequestTimeout} {@code TIMEOUT};
 *   <li>the service's own codes, from the driver's {@link ServiceCodes};
 *   <li>the HTTP status, by {@link Errors#forHttpStatus(int)}.
 * </ol>
 *
 * <p>Client-side failures: the SDK's call and attempt timeouts are {@code TIMEOUT}; an aborted
 * call (the thread was interrupted) is {@code CANCELLED}; missing credentials are {@code
 * UNAUTHENTICATED} with a message saying where credentials come from; any other client failure is
 * classified by its cause ({@link Errors#classify(Throwable)}: a refused connection is {@code
 * UNAVAILABLE}, a read timeout {@code TIMEOUT}), and without a cause it is {@code UNKNOWN} (a
 * request the client could not build or a response it could not read: retrying does not help).
 * Retryability always follows the code; a {@code Retry-After} header on the answer becomes the
 * exception's {@link YshException#retryAfter()}. Messages carry AWS's error code and message, which never
 * contain request data.
 */
public final class AwsSdkErrors {

  private static final Set<String> UNAUTHENTICATED = Set.of(
      "InvalidAccessKeyId", "SignatureDoesNotMatch", "IncompleteSignature", "InvalidSignatureException",
      "ExpiredToken", "ExpiredTokenException", "InvalidToken", "TokenRefreshRequired", "InvalidClientTokenId",
      "UnrecognizedClientException", "MissingAuthenticationToken", "MissingAuthenticationTokenException",
      "AuthFailure", "InvalidSecurity");
  private static final Set<String> PERMISSION_DENIED = Set.of("AccessDenied", "AccessDeniedException");
  private static final Set<String> TIMEOUT = Set.of("RequestTimeout", "RequestTimeoutException");

  private AwsSdkErrors() {}

  /** A service's own error codes, asked after the AWS-wide ones and before the HTTP status. */
  @FunctionalInterface
  public interface ServiceCodes {

    /** For services without codes of their own. */
    ServiceCodes NONE = (e, code) -> null;

    /**
     * Classifies a service error by what only this service says.
     *
     * @param e the service exception (its class may be a modelled error of the service)
     * @param code AWS's error code, empty when the answer had none
     * @return the portable code, or null to let the HTTP status decide
     */
    ErrorCode classify(AwsServiceException e, String code);
  }

  /**
   * Maps a failure of an AWS client call.
   *
   * @param service the service as messages name it, such as {@code S3}
   * @param t what the client threw
   * @param serviceCodes the service's own codes
   * @return the portable exception, with {@code t} as its cause
   */
  public static YshException map(String service, Throwable t, ServiceCodes serviceCodes) {
    if (t instanceof YshException y) {
      return y;
    }
    if (t instanceof AwsServiceException e) {
      String code = errorCode(e);
      String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
          ? "" : ": " + e.awsErrorDetails().errorMessage();
      YshException.Builder b = YshException.builder(classify(e, serviceCodes))
          .detail(service + " answered " + e.statusCode() + (code.isEmpty() ? "" : " " + code) + message)
          .cause(t);
      if (e.awsErrorDetails() != null && e.awsErrorDetails().sdkHttpResponse() != null) {
        // a throttled or unavailable service may say how long to wait; the retry then waits that long
        e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After").flatMap(Errors::retryAfter)
            .ifPresent(b::retryAfter);
      }
      return b.build();
    }
    if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
      return YshException.builder(ErrorCode.TIMEOUT).detail("the " + service + " call timed out").cause(t).build();
    }
    if (t instanceof AbortedException) {
      if (Thread.currentThread().isInterrupted() || t.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return YshException.builder(ErrorCode.CANCELLED).detail("the " + service + " call was aborted").cause(t).build();
    }
    if (t instanceof SdkClientException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("Unable to load credentials") || m.contains("credentials")) {
        return YshException.builder(ErrorCode.UNAUTHENTICATED)
            .detail("no AWS credentials found: put them in the URL (ACCESS_KEY:SECRET_KEY@), name a profile"
                + " (profile=), or use the default chain (environment, profile, web identity, container or instance role)")
            .cause(t).build();
      }
      if (e.getCause() != null && e.getCause() != e) {
        YshException inner = Errors.classify(e.getCause());
        return YshException.builder(inner.code()).detail(service + " client failure: " + inner.detail()).cause(t).build();
      }
      return YshException.builder(ErrorCode.UNKNOWN).detail(service + " client failure: " + m).cause(t).build();
    }
    return Errors.classify(t);
  }

  /**
   * The portable code of an AWS service answer: AWS-wide codes, then the service's, then the
   * HTTP status.
   *
   * @param e the service exception
   * @param serviceCodes the service's own codes
   * @return the code, never null
   */
  public static ErrorCode classify(AwsServiceException e, ServiceCodes serviceCodes) {
    String code = errorCode(e);
    if (UNAUTHENTICATED.contains(code)) {
      return ErrorCode.UNAUTHENTICATED;
    }
    if (PERMISSION_DENIED.contains(code)) {
      return ErrorCode.PERMISSION_DENIED;
    }
    if (e.isThrottlingException()) {
      return ErrorCode.RATE_LIMITED;
    }
    if (TIMEOUT.contains(code)) {
      return ErrorCode.TIMEOUT;
    }
    ErrorCode own = serviceCodes.classify(e, code);
    return own != null ? own : Errors.forHttpStatus(e.statusCode());
  }

  /**
   * AWS's error code of a service answer.
   *
   * @param e the service exception
   * @return the code, empty when the answer had none
   */
  public static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
  }
}
