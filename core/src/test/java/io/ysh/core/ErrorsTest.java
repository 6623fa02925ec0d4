package io.ysh.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorsTest {

  @Test
  void httpStatusesFollowTheDocumentedTable() {
    Map<Integer, ErrorCode> table = new LinkedHashMap<>();
    table.put(400, ErrorCode.INVALID_ARGUMENT);
    table.put(401, ErrorCode.UNAUTHENTICATED);
    table.put(403, ErrorCode.PERMISSION_DENIED);
    table.put(404, ErrorCode.NOT_FOUND);
    table.put(405, ErrorCode.UNSUPPORTED);
    table.put(408, ErrorCode.TIMEOUT);
    table.put(409, ErrorCode.ALREADY_EXISTS);
    table.put(410, ErrorCode.NOT_FOUND);
    table.put(412, ErrorCode.PRECONDITION_FAILED);
    table.put(413, ErrorCode.INVALID_ARGUMENT);
    table.put(416, ErrorCode.INVALID_ARGUMENT);
    table.put(422, ErrorCode.INVALID_ARGUMENT);
    table.put(428, ErrorCode.PRECONDITION_FAILED);
    table.put(429, ErrorCode.RATE_LIMITED);
    table.put(500, ErrorCode.UNAVAILABLE);
    table.put(501, ErrorCode.UNSUPPORTED);
    table.put(502, ErrorCode.UNAVAILABLE);
    table.put(503, ErrorCode.UNAVAILABLE);
    table.put(504, ErrorCode.UNAVAILABLE);
    table.put(505, ErrorCode.UNSUPPORTED);
    table.put(0, ErrorCode.UNKNOWN);
    table.put(-1, ErrorCode.UNKNOWN);
    table.put(200, ErrorCode.UNKNOWN);
    table.put(304, ErrorCode.UNKNOWN);
    table.put(600, ErrorCode.UNKNOWN);
    table.forEach((status, code) -> assertThat(Errors.forHttpStatus(status)).as("HTTP %d", status).isEqualTo(code));
  }

  @Test
  void everyServerErrorButUnsupportedOnesIsRetryableUnavailable() {
    qt().forAll(integers().between(500, 599)).checkAssert(status -> {
      ErrorCode code = Errors.forHttpStatus(status);
      if (status == 501 || status == 505) {
        assertThat(code).isEqualTo(ErrorCode.UNSUPPORTED);
      } else {
        assertThat(code).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(code.retryableByDefault()).isTrue();
      }
    });
  }

  @Test
  void clientErrorsAreNeverRetryableExceptTimeoutAndThrottling() {
    qt().forAll(integers().between(400, 499)).checkAssert(status -> {
      ErrorCode code = Errors.forHttpStatus(status);
      assertThat(code).isNotEqualTo(ErrorCode.UNKNOWN);
      assertThat(code.retryableByDefault()).as("HTTP %d", status).isEqualTo(status == 408 || status == 429);
    });
  }

  @Test
  void statusesOutsideFourAndFiveHundredsAreUnknown() {
    qt().forAll(integers().all()).assuming(s -> s < 400 || s >= 600)
        .checkAssert(status -> assertThat(Errors.forHttpStatus(status)).isEqualTo(ErrorCode.UNKNOWN));
  }

  @Test
  void futureWrappersAreLookedThrough() {
    java.io.IOException io = new java.io.IOException("reset");
    Throwable wrapped = new java.util.concurrent.CompletionException(new java.util.concurrent.ExecutionException(io));
    assertThat(Errors.unwrap(wrapped)).isSameAs(io);
    assertThat(Errors.unwrap(io)).isSameAs(io);
    assertThat(Errors.unwrap(new java.util.concurrent.ExecutionException(null))).isInstanceOf(java.util.concurrent.ExecutionException.class);
    YshException classified = Errors.classify(wrapped);
    assertThat(classified.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(classified.getCause()).isSameAs(io);
  }

  @Test
  void grpcCodesFollowTheDocumentedTable() {
    Map<String, ErrorCode> table = new LinkedHashMap<>();
    table.put("OK", ErrorCode.UNKNOWN);
    table.put("CANCELLED", ErrorCode.CANCELLED);
    table.put("UNKNOWN", ErrorCode.UNKNOWN);
    table.put("INVALID_ARGUMENT", ErrorCode.INVALID_ARGUMENT);
    table.put("DEADLINE_EXCEEDED", ErrorCode.TIMEOUT);
    table.put("NOT_FOUND", ErrorCode.NOT_FOUND);
    table.put("ALREADY_EXISTS", ErrorCode.ALREADY_EXISTS);
    table.put("PERMISSION_DENIED", ErrorCode.PERMISSION_DENIED);
    table.put("RESOURCE_EXHAUSTED", ErrorCode.RATE_LIMITED);
    table.put("FAILED_PRECONDITION", ErrorCode.PRECONDITION_FAILED);
    table.put("ABORTED", ErrorCode.UNAVAILABLE);
    table.put("OUT_OF_RANGE", ErrorCode.INVALID_ARGUMENT);
    table.put("UNIMPLEMENTED", ErrorCode.UNSUPPORTED);
    table.put("INTERNAL", ErrorCode.INTERNAL);
    table.put("UNAVAILABLE", ErrorCode.UNAVAILABLE);
    table.put("DATA_LOSS", ErrorCode.INTERNAL);
    table.put("UNAUTHENTICATED", ErrorCode.UNAUTHENTICATED);
    table.put("not-a-code", ErrorCode.UNKNOWN);
    table.put(null, ErrorCode.UNKNOWN);
    table.forEach((name, code) -> assertThat(Errors.forGrpcStatus(name)).as("gRPC %s", name).isEqualTo(code));
    Set<String> retryable = Set.of("RESOURCE_EXHAUSTED", "UNAVAILABLE", "ABORTED", "DEADLINE_EXCEEDED");
    table.forEach((name, code) -> assertThat(code.retryableByDefault()).as("gRPC %s", name).isEqualTo(name != null && retryable.contains(name)));
  }
}
