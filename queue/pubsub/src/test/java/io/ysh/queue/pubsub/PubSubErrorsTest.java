package io.ysh.queue.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.ApiExceptionFactory;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** gRPC status codes of Pub/Sub to portable codes (no server). */
class PubSubErrorsTest {

  private static final Map<Status.Code, ErrorCode> EXPECTED = new EnumMap<>(Status.Code.class);

  static {
    EXPECTED.put(Status.Code.OK, ErrorCode.UNKNOWN);
    EXPECTED.put(Status.Code.CANCELLED, ErrorCode.CANCELLED);
    EXPECTED.put(Status.Code.UNKNOWN, ErrorCode.UNKNOWN);
    EXPECTED.put(Status.Code.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT);
    EXPECTED.put(Status.Code.DEADLINE_EXCEEDED, ErrorCode.TIMEOUT);
    EXPECTED.put(Status.Code.NOT_FOUND, ErrorCode.NOT_FOUND);
    EXPECTED.put(Status.Code.ALREADY_EXISTS, ErrorCode.ALREADY_EXISTS);
    EXPECTED.put(Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
    EXPECTED.put(Status.Code.RESOURCE_EXHAUSTED, ErrorCode.RATE_LIMITED);
    EXPECTED.put(Status.Code.FAILED_PRECONDITION, ErrorCode.PRECONDITION_FAILED);
    EXPECTED.put(Status.Code.ABORTED, ErrorCode.UNAVAILABLE);
    EXPECTED.put(Status.Code.OUT_OF_RANGE, ErrorCode.INVALID_ARGUMENT);
    EXPECTED.put(Status.Code.UNIMPLEMENTED, ErrorCode.UNSUPPORTED);
    EXPECTED.put(Status.Code.INTERNAL, ErrorCode.INTERNAL);
    EXPECTED.put(Status.Code.UNAVAILABLE, ErrorCode.UNAVAILABLE);
    EXPECTED.put(Status.Code.DATA_LOSS, ErrorCode.INTERNAL);
    EXPECTED.put(Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
  }

  private static ApiException api(Status.Code code) {
    return ApiExceptionFactory.createException(new StatusRuntimeException(Status.fromCode(code).withDescription("Topic not found")),
        GrpcStatusCode.of(code), false);
  }

  @Test
  void everyGrpcStatusOfTheClientLibraryMapsToAPortableCode() {
    assertThat(EXPECTED).hasSize(Status.Code.values().length);
    EXPECTED.forEach((grpc, portable) -> {
      YshException y = PubSubErrors.map(api(grpc));
      assertThat(y.code()).as(grpc.name()).isEqualTo(portable);
      assertThat(y.isRetryable()).as(grpc + " retryable").isEqualTo(portable == ErrorCode.UNAVAILABLE || portable == ErrorCode.TIMEOUT
          || portable == ErrorCode.RATE_LIMITED);
      assertThat(y.getCause()).isNotNull();
      assertThat(y.getMessage()).contains("Pub/Sub " + grpc.name());
    });
  }

  @Test
  void rawGrpcExceptionsAndWrappedFailuresAreMappedToo() {
    assertThat(PubSubErrors.map(new StatusRuntimeException(Status.NOT_FOUND)).code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(PubSubErrors.map(Status.PERMISSION_DENIED.asException()).code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
    YshException fromFuture = PubSubErrors.map(new ExecutionException(api(Status.Code.RESOURCE_EXHAUSTED)));
    assertThat(fromFuture.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(fromFuture.isRetryable()).isTrue();
    assertThat(fromFuture.getMessage()).contains("Topic not found");
  }

  @Test
  void otherFailuresFallBackToTheCoreClassification() {
    assertThat(PubSubErrors.map(new IOException("connection reset")).code()).isEqualTo(io.ysh.core.Errors.classify(new IOException("x")).code());
    YshException own = YshException.invalidArgument("mine");
    assertThat(PubSubErrors.map(own)).isSameAs(own);
  }
}
