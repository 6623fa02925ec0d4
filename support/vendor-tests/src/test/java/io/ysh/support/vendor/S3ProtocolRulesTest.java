package io.ysh.support.vendor;

import static io.ysh.support.vendor.Drivers.agree;

import io.minio.errors.ErrorResponseException;
import io.minio.messages.ErrorResponse;
import io.ysh.core.ErrorCode;
import io.ysh.support.vendor.Drivers.Driver;
import java.util.List;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The s3 (AWS SDK) and minio (MinIO SDK) drivers map the same S3 answer to the same portable code. */
class S3ProtocolRulesTest {

  static final Driver S3 = Drivers.of("s3", "io.ysh.storage.s3.S3Errors");
  static final Driver MINIO = Drivers.of("minio", "io.ysh.storage.minio.MinioErrors");

  /** One S3 error answer, as each SDK reports it. */
  private static void answer(int status, String code, ErrorCode expected) {
    String what = status + (code.isEmpty() ? " (no body)" : " " + code);
    agree(List.of(S3), what, () -> S3Exception.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code.isEmpty() ? null : code).errorMessage("m").build()).build(), expected);
    agree(List.of(MINIO), what, () -> new ErrorResponseException(
        new ErrorResponse(code.isEmpty() ? null : code, "m", "bucket", "key", "/bucket/key", "req", "host"),
        new Response.Builder().request(new Request.Builder().url("http://127.0.0.1:9000/bucket/key").build())
            .protocol(Protocol.HTTP_1_1).code(status).message("status").build(),
        null), expected);
  }

  @Test
  void missingThings() {
    answer(404, "NoSuchKey", ErrorCode.NOT_FOUND);
    answer(404, "NoSuchBucket", ErrorCode.NOT_FOUND);
    answer(404, "NoSuchUpload", ErrorCode.NOT_FOUND);
    answer(404, "NotFound", ErrorCode.NOT_FOUND);
    answer(404, "", ErrorCode.NOT_FOUND);
  }

  @Test
  void credentialsAndPermissions() {
    answer(403, "InvalidAccessKeyId", ErrorCode.UNAUTHENTICATED);
    answer(403, "SignatureDoesNotMatch", ErrorCode.UNAUTHENTICATED);
    answer(400, "ExpiredToken", ErrorCode.UNAUTHENTICATED);
    answer(400, "TokenRefreshRequired", ErrorCode.UNAUTHENTICATED);
    answer(401, "", ErrorCode.UNAUTHENTICATED);
    answer(403, "AccessDenied", ErrorCode.PERMISSION_DENIED);
    answer(403, "AllAccessDisabled", ErrorCode.PERMISSION_DENIED);
    answer(403, "", ErrorCode.PERMISSION_DENIED);
  }

  @Test
  void conditionsAndConflicts() {
    answer(412, "PreconditionFailed", ErrorCode.PRECONDITION_FAILED);
    answer(409, "ConditionalRequestConflict", ErrorCode.PRECONDITION_FAILED);
    answer(409, "OperationAborted", ErrorCode.PRECONDITION_FAILED);
    answer(409, "BucketAlreadyOwnedByYou", ErrorCode.ALREADY_EXISTS);
    answer(409, "BucketAlreadyExists", ErrorCode.ALREADY_EXISTS);
  }

  @Test
  void throttlingTimeoutsAndServerFaults() {
    answer(503, "SlowDown", ErrorCode.RATE_LIMITED);
    answer(503, "SlowDownWrite", ErrorCode.RATE_LIMITED);
    answer(503, "SlowDownRead", ErrorCode.RATE_LIMITED);
    answer(429, "", ErrorCode.RATE_LIMITED);
    answer(400, "RequestTimeout", ErrorCode.TIMEOUT);
    answer(500, "InternalError", ErrorCode.UNAVAILABLE);
    answer(503, "ServiceUnavailable", ErrorCode.UNAVAILABLE);
    answer(501, "NotImplemented", ErrorCode.UNSUPPORTED);
    answer(501, "", ErrorCode.UNSUPPORTED);
  }

  @Test
  void badRequests() {
    answer(400, "InvalidArgument", ErrorCode.INVALID_ARGUMENT);
    answer(400, "KeyTooLongError", ErrorCode.INVALID_ARGUMENT);
    answer(400, "EntityTooSmall", ErrorCode.INVALID_ARGUMENT);
    answer(416, "InvalidRange", ErrorCode.INVALID_ARGUMENT);
    answer(400, "AuthorizationHeaderMalformed", ErrorCode.INVALID_ARGUMENT);
    answer(400, "", ErrorCode.INVALID_ARGUMENT);
  }
}
