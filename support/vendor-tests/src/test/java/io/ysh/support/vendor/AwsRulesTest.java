package io.ysh.support.vendor;

import static io.ysh.support.vendor.Drivers.agree;
import static io.ysh.support.vendor.Drivers.nuance;

import io.ysh.core.ErrorCode;
import io.ysh.support.vendor.Drivers.Driver;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** S3, SQS and Secrets Manager map the same AWS answers to the same portable code. */
class AwsRulesTest {

  static final Driver S3 = Drivers.of("s3", "io.ysh.storage.s3.S3Errors");
  static final Driver SQS = Drivers.of("sqs", "io.ysh.queue.sqs.SqsErrors");
  static final Driver SECRETS_MANAGER = Drivers.of("awssm", "io.ysh.secrets.aws.AwsErrors");
  static final List<Driver> ALL = List.of(S3, SQS, SECRETS_MANAGER);

  /** The same answer as each service's client would throw it, and as a plain service exception. */
  private static void answer(int status, String code, ErrorCode expected) {
    AwsErrorDetails details = AwsErrorDetails.builder().errorCode(code).errorMessage("message of " + code).build();
    List<Supplier<? extends Throwable>> shapes = List.of(
        () -> S3Exception.builder().statusCode(status).awsErrorDetails(details).build(),
        () -> SqsException.builder().statusCode(status).awsErrorDetails(details).build(),
        () -> SecretsManagerException.builder().statusCode(status).awsErrorDetails(details).build(),
        () -> AwsServiceException.builder().statusCode(status).awsErrorDetails(details).build());
    for (Supplier<? extends Throwable> shape : shapes) {
      agree(ALL, status + " " + code + " as " + shape.get().getClass().getSimpleName(), shape, expected);
    }
  }

  @Test
  void credentialAndPermissionAnswers() {
    answer(403, "InvalidAccessKeyId", ErrorCode.UNAUTHENTICATED);
    answer(403, "SignatureDoesNotMatch", ErrorCode.UNAUTHENTICATED);
    answer(400, "ExpiredToken", ErrorCode.UNAUTHENTICATED);
    answer(400, "ExpiredTokenException", ErrorCode.UNAUTHENTICATED);
    answer(403, "InvalidClientTokenId", ErrorCode.UNAUTHENTICATED);
    answer(400, "UnrecognizedClientException", ErrorCode.UNAUTHENTICATED);
    answer(403, "AccessDenied", ErrorCode.PERMISSION_DENIED);
    answer(400, "AccessDeniedException", ErrorCode.PERMISSION_DENIED);
    answer(403, "SomethingNewAboutPermissions", ErrorCode.PERMISSION_DENIED);
  }

  @Test
  void throttlingTimeoutsAndServerFaults() {
    answer(503, "SlowDown", ErrorCode.RATE_LIMITED);
    answer(400, "ThrottlingException", ErrorCode.RATE_LIMITED);
    answer(400, "Throttling", ErrorCode.RATE_LIMITED);
    answer(400, "RequestThrottled", ErrorCode.RATE_LIMITED);
    answer(429, "TooManyRequestsException", ErrorCode.RATE_LIMITED);
    answer(400, "RequestTimeout", ErrorCode.TIMEOUT);
    answer(500, "InternalError", ErrorCode.UNAVAILABLE);
    answer(500, "InternalFailure", ErrorCode.UNAVAILABLE);
    answer(503, "ServiceUnavailable", ErrorCode.UNAVAILABLE);
    answer(502, "", ErrorCode.UNAVAILABLE);
    answer(501, "NotImplemented", ErrorCode.UNSUPPORTED);
    answer(404, "", ErrorCode.NOT_FOUND);
    answer(400, "", ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void clientSideFailures() {
    agree(ALL, "call timeout", () -> ApiCallTimeoutException.create(1000), ErrorCode.TIMEOUT);
    agree(ALL, "attempt timeout", () -> ApiCallAttemptTimeoutException.create(1000), ErrorCode.TIMEOUT);
    agree(ALL, "aborted", () -> AbortedException.create("aborted"), ErrorCode.CANCELLED);
    agree(ALL, "no credentials", () -> SdkClientException.create("Unable to load credentials from any of the providers in the chain"),
        ErrorCode.UNAUTHENTICATED);
    agree(ALL, "connection refused", () -> SdkClientException.create("Unable to execute HTTP request", new ConnectException("refused")),
        ErrorCode.UNAVAILABLE);
    agree(ALL, "read timeout", () -> SdkClientException.create("Unable to execute HTTP request", new SocketTimeoutException("Read timed out")),
        ErrorCode.TIMEOUT);
    agree(ALL, "client failure without a cause", () -> SdkClientException.create("Unable to marshall request"), ErrorCode.UNKNOWN);
  }

  @Test
  void eachServiceKeepsItsOwnCodes() {
    nuance(S3, "NoSuchKey", S3Exception.builder().statusCode(404)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchKey").build()).build(), ErrorCode.NOT_FOUND);
    nuance(S3, "409 OperationAborted", S3Exception.builder().statusCode(409)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("OperationAborted").build()).build(), ErrorCode.PRECONDITION_FAILED);
    nuance(SQS, "NonExistentQueue", SqsException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AWS.SimpleQueueService.NonExistentQueue").build()).build(), ErrorCode.NOT_FOUND);
    nuance(SQS, "ReceiptHandleIsInvalid", SqsException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ReceiptHandleIsInvalid").build()).build(), ErrorCode.PRECONDITION_FAILED);
    nuance(SECRETS_MANAGER, "ResourceNotFoundException", ResourceNotFoundException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build()).build(), ErrorCode.NOT_FOUND);
  }
}
