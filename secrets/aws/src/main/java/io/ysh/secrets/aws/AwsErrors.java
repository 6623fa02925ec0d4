package io.ysh.secrets.aws;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.support.aws.AwsSdkErrors;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.LimitExceededException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Maps Secrets Manager failures: the AWS-wide rules ({@link AwsSdkErrors}), then Secrets
 * Manager's own errors: not found (and "marked for deletion") {@code NOT_FOUND}, invalid
 * parameters {@code INVALID_ARGUMENT}, exists {@code ALREADY_EXISTS}, KMS decryption {@code
 * PERMISSION_DENIED}, a quota {@code RATE_LIMITED}; the rest by HTTP status (internal errors
 * {@code UNAVAILABLE}, retryable). Messages carry AWS's error code and message, which never
 * contain secret values.
 */
final class AwsErrors {

  private AwsErrors() {}

  static YshException map(Throwable t) {
    YshException y = AwsSdkErrors.map("Secrets Manager", t, (e, code) -> code(e));
    if (y.code() == ErrorCode.NOT_FOUND && t instanceof InvalidRequestException) {
      return y.toBuilder().detail("the secret is scheduled for deletion (" + y.detail() + ")").build();
    }
    return y;
  }

  private static ErrorCode code(AwsServiceException e) {
    if (e instanceof ResourceNotFoundException || e instanceof InvalidRequestException && markedForDeletion(e)) {
      return ErrorCode.NOT_FOUND;
    }
    if (e instanceof InvalidParameterException || e instanceof InvalidRequestException || e instanceof InvalidNextTokenException) {
      return ErrorCode.INVALID_ARGUMENT;
    }
    if (e instanceof ResourceExistsException) {
      return ErrorCode.ALREADY_EXISTS;
    }
    if (e instanceof DecryptionFailureException) {
      return ErrorCode.PERMISSION_DENIED;
    }
    if (e instanceof LimitExceededException) {
      return ErrorCode.RATE_LIMITED;
    }
    return null;
  }

  private static boolean markedForDeletion(AwsServiceException e) {
    String m = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
        ? "" : e.awsErrorDetails().errorMessage().toLowerCase(Locale.ROOT);
    return m.contains("marked") && m.contains("delet");
  }
}
