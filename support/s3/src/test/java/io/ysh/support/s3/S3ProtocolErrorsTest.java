package io.ysh.support.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import org.junit.jupiter.api.Test;

class S3ProtocolErrorsTest {

  @Test
  void errorCodesWinOverTheStatus() {
    assertThat(S3ProtocolErrors.classify(404, "NoSuchKey")).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(S3ProtocolErrors.classify(404, "NotFound")).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(S3ProtocolErrors.classify(400, "InvalidToken")).isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(S3ProtocolErrors.classify(403, "InvalidAccessKeyId")).isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(S3ProtocolErrors.classify(403, "AccessDenied")).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(S3ProtocolErrors.classify(503, "SlowDown")).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(S3ProtocolErrors.classify(503, "SlowDownWrite")).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(S3ProtocolErrors.classify(409, "BucketAlreadyOwnedByYou")).isEqualTo(ErrorCode.ALREADY_EXISTS);
    assertThat(S3ProtocolErrors.classify(409, "ConditionalRequestConflict")).isEqualTo(ErrorCode.PRECONDITION_FAILED);
    assertThat(S3ProtocolErrors.classify(416, "InvalidRange")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(S3ProtocolErrors.classify(501, "NotImplemented")).isEqualTo(ErrorCode.UNSUPPORTED);
    assertThat(S3ProtocolErrors.classify(400, "RequestTimeout")).isEqualTo(ErrorCode.TIMEOUT);
    // bytes damaged on the way: sending them again is the remedy, so retryable
    assertThat(S3ProtocolErrors.classify(400, "BadDigest")).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(S3ProtocolErrors.classify(400, "XAmzContentSHA256Mismatch")).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(ErrorCode.UNAVAILABLE.retryableByDefault()).isTrue();
    assertThat(S3ProtocolErrors.classify(400, "InvalidDigest")).as("a malformed digest stays the caller's error")
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void withoutAKnownCodeAConflictIsAFailedPreconditionAndTheRestFollowsHttp() {
    qt().forAll(integers().between(100, 700)).checkAssert(status -> {
      ErrorCode expected = status == 409 ? ErrorCode.PRECONDITION_FAILED : Errors.forHttpStatus(status);
      assertThat(S3ProtocolErrors.classify(status, "")).isEqualTo(expected);
      assertThat(S3ProtocolErrors.classify(status, null)).isEqualTo(expected);
      assertThat(S3ProtocolErrors.classify(status, "SomethingNew")).isEqualTo(expected);
    });
    // the statuses the drivers met without a code before: 401, 404 and 501 from a HEAD
    assertThat(S3ProtocolErrors.classify(401, "")).isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(S3ProtocolErrors.classify(404, "")).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(S3ProtocolErrors.classify(501, "")).isEqualTo(ErrorCode.UNSUPPORTED);
    assertThat(S3ProtocolErrors.classify(500, "InternalError")).isEqualTo(ErrorCode.UNAVAILABLE);
  }
}
