package io.ysh.secrets.aws;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.LimitExceededException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Maps Secrets Manager failures: not found (and "marked for deletion") NOT_FOUND, invalid
 * parameters INVALID_ARGUMENT, exists ALREADY_EXISTS, KMS decryption PERMISSION_DENIED, access
 * denied PERMISSION_DENIED, bad or expired credentials UNAUTHENTICATED, throttling RATE_LIMITED,
 * internal errors and transport failures UNAVAILABLE (retryable). Messages carry AWS's error
 * code and message, which never contain secret values.
 */
final class AwsErrors {

  private AwsErrors() {}

  static YshException map(Throwable t) {
    if (t instanceof AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
      String detail = (code == null ? "HTTP " + e.statusCode() : code) + (message == null ? "" : ": " + message);
      ErrorCode c;
      Boolean retryable = null;
      String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
      if (e instanceof ResourceNotFoundException) {
        c = ErrorCode.NOT_FOUND;
      } else if (e instanceof InvalidRequestException && lower.contains("marked") && lower.contains("delet")) {
        c = ErrorCode.NOT_FOUND;
        detail = "the secret is scheduled for deletion (" + detail + ")";
      } else if (e instanceof InvalidParameterException || e instanceof InvalidRequestException
          || e instanceof InvalidNextTokenException) {
        c = ErrorCode.INVALID_ARGUMENT;
      } else if (e instanceof ResourceExistsException) {
        c = ErrorCode.ALREADY_EXISTS;
      } else if (e instanceof DecryptionFailureException) {
        c = ErrorCode.PERMISSION_DENIED;
      } else if (e instanceof LimitExceededException) {
        c = ErrorCode.RATE_LIMITED;
      } else if (e instanceof InternalServiceErrorException) {
        c = ErrorCode.UNAVAILABLE;
      } else if (e.isThrottlingException() || e.statusCode() == 429) {
        c = ErrorCode.RATE_LIMITED;
      } else if (code != null && (code.equals("UnrecognizedClientException") || code.equals("InvalidSignatureException")
          || code.equals("ExpiredTokenException") || code.equals("InvalidClientTokenId"))) {
        c = ErrorCode.UNAUTHENTICATED;
      } else if (e.statusCode() == 403 || "AccessDeniedException".equals(code)) {
        c = ErrorCode.PERMISSION_DENIED;
      } else if (e.statusCode() >= 500) {
        c = ErrorCode.UNAVAILABLE;
        retryable = true;
      } else {
        c = ErrorCode.UNKNOWN;
      }
      YshException.Builder b = YshException.builder(c).detail(detail).cause(e);
      if (retryable != null) {
        b.retryable(retryable);
      }
      return b.build();
    }
    if (t instanceof ApiCallTimeoutException) {
      return YshException.builder(ErrorCode.TIMEOUT).detail("Secrets Manager call timed out").cause(t).build();
    }
    if (t instanceof SdkClientException && t.getCause() != null) {
      YshException inner = Errors.classify(t.getCause());
      return YshException.builder(inner.code()).detail("Secrets Manager client: " + inner.detail()).cause(t).build();
    }
    if (t instanceof SdkClientException) {
      return YshException.builder(ErrorCode.UNAVAILABLE).detail("Secrets Manager client failure").cause(t).build();
    }
    return Errors.classify(t);
  }
}
