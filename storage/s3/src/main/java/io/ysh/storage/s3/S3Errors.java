package io.ysh.storage.s3;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Maps AWS SDK exceptions to portable errors. */
final class S3Errors {

  private S3Errors() {}

  static YshException map(Throwable t) {
    if (t instanceof AwsServiceException e) {
      String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
          ? "" : e.awsErrorDetails().errorCode();
      int status = e.statusCode();
      String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
          ? "" : ": " + e.awsErrorDetails().errorMessage();
      ErrorCode portable = classify(status, code);
      YshException.Builder b = YshException.builder(portable)
          .detail("S3 answered " + status + (code.isEmpty() ? "" : " " + code) + message)
          .cause(t);
      if (e.awsErrorDetails() != null && e.awsErrorDetails().sdkHttpResponse() != null) {
        // a throttled or unavailable S3 may say how long to wait; the retry then waits that long
        e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After").flatMap(Errors::retryAfter)
            .ifPresent(b::retryAfter);
      }
      return b.build();
    }
    if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
      return YshException.builder(ErrorCode.TIMEOUT).detail("the S3 call timed out").cause(t).build();
    }
    if (t instanceof SdkClientException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("Unable to load credentials") || m.contains("credentials")) {
        return YshException.builder(ErrorCode.UNAUTHENTICATED)
            .detail("no AWS credentials found: pass them to the builder, in the URL, or through the default"
                + " provider chain (environment, profile, instance role)")
            .cause(t).build();
      }
      if (e.getCause() != null) {
        YshException inner = Errors.classify(e.getCause());
        return inner.toBuilder().detail("S3 client failure: " + inner.detail()).cause(t).build();
      }
      return YshException.builder(ErrorCode.UNAVAILABLE).detail("S3 client failure: " + m).cause(t).build();
    }
    return Errors.classify(t);
  }

  static ErrorCode classify(int status, String code) {
    switch (code) {
      case "NoSuchKey":
      case "NoSuchBucket":
      case "NotFound":
      case "NoSuchUpload":
        return ErrorCode.NOT_FOUND;
      case "PreconditionFailed":
      case "ConditionalRequestConflict":
        return ErrorCode.PRECONDITION_FAILED;
      case "InvalidAccessKeyId":
      case "SignatureDoesNotMatch":
      case "ExpiredToken":
      case "InvalidToken":
      case "TokenRefreshRequired":
        return ErrorCode.UNAUTHENTICATED;
      case "AccessDenied":
      case "AllAccessDisabled":
        return ErrorCode.PERMISSION_DENIED;
      case "SlowDown":
      case "Throttling":
      case "ThrottlingException":
      case "RequestLimitExceeded":
        return ErrorCode.RATE_LIMITED;
      case "BucketAlreadyOwnedByYou":
      case "BucketAlreadyExists":
        return ErrorCode.ALREADY_EXISTS;
      case "AuthorizationHeaderMalformed":
      case "InvalidArgument":
      case "InvalidRequest":
      case "InvalidBucketName":
      case "KeyTooLongError":
      case "EntityTooLarge":
      case "EntityTooSmall":
      case "InvalidPart":
      case "InvalidPartOrder":
      case "InvalidRange":
        return ErrorCode.INVALID_ARGUMENT;
      default:
        break;
    }
    if (status == 404) {
      return ErrorCode.NOT_FOUND;
    }
    if (status == 412) {
      return ErrorCode.PRECONDITION_FAILED;
    }
    if (status == 401) {
      return ErrorCode.UNAUTHENTICATED;
    }
    if (status == 403) {
      return ErrorCode.PERMISSION_DENIED;
    }
    if (status == 429) {
      return ErrorCode.RATE_LIMITED;
    }
    if (status == 501) {
      return ErrorCode.UNSUPPORTED;
    }
    if (status >= 500) {
      return ErrorCode.UNAVAILABLE;
    }
    if (status == 409) {
      return ErrorCode.PRECONDITION_FAILED;
    }
    if (status >= 400) {
      return ErrorCode.INVALID_ARGUMENT;
    }
    return ErrorCode.UNKNOWN;
  }
}
