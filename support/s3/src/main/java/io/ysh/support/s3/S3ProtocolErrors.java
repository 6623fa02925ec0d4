package io.ysh.support.s3;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import java.util.Map;

/**
 * The portable code of an S3 error answer ({@code <Error><Code>…</Code></Error>} and its HTTP
 * status), whichever client received it. The error code wins; the status decides the rest:
 *
 * <ul>
 *   <li>{@code NoSuchKey}, {@code NoSuchBucket}, {@code NoSuchUpload}, {@code NotFound} (a HEAD
 *       has no body), {@code ResourceNotFound}: {@code NOT_FOUND};
 *   <li>{@code PreconditionFailed}, {@code ConditionalRequestConflict}: {@code PRECONDITION_FAILED};
 *   <li>{@code InvalidAccessKeyId}, {@code SignatureDoesNotMatch}, {@code ExpiredToken}, {@code
 *       InvalidToken}, {@code TokenRefreshRequired}: {@code UNAUTHENTICATED};
 *   <li>{@code AccessDenied}, {@code AllAccessDisabled}: {@code PERMISSION_DENIED};
 *   <li>{@code SlowDown} (and MinIO's {@code SlowDownRead}/{@code SlowDownWrite}), {@code
 *       Throttling}, {@code ThrottlingException}, {@code RequestLimitExceeded}: {@code
 *       RATE_LIMITED};
 *   <li>{@code BucketAlreadyExists}, {@code BucketAlreadyOwnedByYou}: {@code ALREADY_EXISTS};
 *   <li>{@code NotImplemented}: {@code UNSUPPORTED}; {@code RequestTimeout}: {@code TIMEOUT};
 *   <li>{@code BadDigest}, {@code XAmzContentSHA256Mismatch}: {@code UNAVAILABLE} (retryable): the
 *       body the server received does not match the checksum or hash the client computed over the
 *       bytes it sent, so they were damaged on the way, and sending them again is the remedy;
 *   <li>malformed requests ({@code InvalidArgument}, {@code InvalidRequest}, {@code
 *       InvalidBucketName}, {@code KeyTooLongError}, {@code EntityTooLarge}, {@code
 *       EntityTooSmall}, {@code InvalidPart}, {@code InvalidPartOrder}, {@code InvalidRange}, {@code
 *       AuthorizationHeaderMalformed}): {@code INVALID_ARGUMENT};
 *   <li>any other code: HTTP 409 is {@code PRECONDITION_FAILED} (S3 answers 409 when the
 *       object's or bucket's state conflicts with the request, such as {@code OperationAborted});
 *       every other status follows {@link Errors#forHttpStatus(int)}.
 * </ul>
 */
public final class S3ProtocolErrors {

  private static final Map<String, ErrorCode> CODES = Map.ofEntries(
      Map.entry("NoSuchKey", ErrorCode.NOT_FOUND),
      Map.entry("NoSuchBucket", ErrorCode.NOT_FOUND),
      Map.entry("NoSuchUpload", ErrorCode.NOT_FOUND),
      Map.entry("NotFound", ErrorCode.NOT_FOUND),
      Map.entry("ResourceNotFound", ErrorCode.NOT_FOUND),
      Map.entry("PreconditionFailed", ErrorCode.PRECONDITION_FAILED),
      Map.entry("ConditionalRequestConflict", ErrorCode.PRECONDITION_FAILED),
      Map.entry("InvalidAccessKeyId", ErrorCode.UNAUTHENTICATED),
      Map.entry("SignatureDoesNotMatch", ErrorCode.UNAUTHENTICATED),
      Map.entry("ExpiredToken", ErrorCode.UNAUTHENTICATED),
      Map.entry("InvalidToken", ErrorCode.UNAUTHENTICATED),
      Map.entry("TokenRefreshRequired", ErrorCode.UNAUTHENTICATED),
      Map.entry("AccessDenied", ErrorCode.PERMISSION_DENIED),
      Map.entry("AllAccessDisabled", ErrorCode.PERMISSION_DENIED),
      Map.entry("SlowDown", ErrorCode.RATE_LIMITED),
      Map.entry("SlowDownRead", ErrorCode.RATE_LIMITED),
      Map.entry("SlowDownWrite", ErrorCode.RATE_LIMITED),
      Map.entry("Throttling", ErrorCode.RATE_LIMITED),
      Map.entry("ThrottlingException", ErrorCode.RATE_LIMITED),
      Map.entry("RequestLimitExceeded", ErrorCode.RATE_LIMITED),
      Map.entry("BucketAlreadyExists", ErrorCode.ALREADY_EXISTS),
      Map.entry("BucketAlreadyOwnedByYou", ErrorCode.ALREADY_EXISTS),
      Map.entry("NotImplemented", ErrorCode.UNSUPPORTED),
      Map.entry("RequestTimeout", ErrorCode.TIMEOUT),
      Map.entry("BadDigest", ErrorCode.UNAVAILABLE),
      Map.entry("XAmzContentSHA256Mismatch", ErrorCode.UNAVAILABLE),
      Map.entry("AuthorizationHeaderMalformed", ErrorCode.INVALID_ARGUMENT),
      Map.entry("InvalidArgument", ErrorCode.INVALID_ARGUMENT),
      Map.entry("InvalidRequest", ErrorCode.INVALID_ARGUMENT),
      Map.entry("InvalidBucketName", ErrorCode.INVALID_ARGUMENT),
      Map.entry("KeyTooLongError", ErrorCode.INVALID_ARGUMENT),
      Map.entry("EntityTooLarge", ErrorCode.INVALID_ARGUMENT),
      Map.entry("EntityTooSmall", ErrorCode.INVALID_ARGUMENT),
      Map.entry("InvalidPart", ErrorCode.INVALID_ARGUMENT),
      Map.entry("InvalidPartOrder", ErrorCode.INVALID_ARGUMENT),
      Map.entry("InvalidRange", ErrorCode.INVALID_ARGUMENT));

  private S3ProtocolErrors() {}

  /**
   * The portable code of an S3 error answer.
   *
   * @param status the HTTP status
   * @param code the S3 error code; null or empty when the answer had none (a HEAD)
   * @return the code, never null
   */
  public static ErrorCode classify(int status, String code) {
    ErrorCode byCode = code == null ? null : CODES.get(code);
    if (byCode != null) {
      return byCode;
    }
    return status == 409 ? ErrorCode.PRECONDITION_FAILED : Errors.forHttpStatus(status);
  }
}
