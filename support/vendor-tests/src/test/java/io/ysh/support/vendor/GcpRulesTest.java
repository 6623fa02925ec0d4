package io.ysh.support.vendor;

import static io.ysh.support.vendor.Drivers.agree;
import static io.ysh.support.vendor.Drivers.nuance;

import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import com.google.cloud.storage.StorageException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.support.vendor.Drivers.Driver;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.FileAlreadyExistsException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** GCS, Pub/Sub and Secret Manager map the same Google answers to the same portable code. */
class GcpRulesTest {

  static final Driver GCS = Drivers.of("gs", "io.ysh.storage.gcs.GcsErrors");
  static final Driver PUBSUB = Drivers.of("gcppubsub", "io.ysh.queue.pubsub.PubSubErrors");
  static final Driver SECRET_MANAGER = Drivers.of("gcpsm", "io.ysh.secrets.gcp.GcpErrors");
  static final List<Driver> ALL = List.of(GCS, PUBSUB, SECRET_MANAGER);

  @Test
  void everyGrpcStatusAsGaxRawAndFromAFuture() {
    for (Status.Code code : Status.Code.values()) {
      ErrorCode expected = Errors.forGrpcStatus(code.name());
      agree(ALL, "gax " + code, () -> ApiExceptionFactory.createException(
          new StatusRuntimeException(Status.fromCode(code).withDescription("projects/p/x")), GrpcStatusCode.of(code), false), expected);
      agree(ALL, "gRPC " + code, () -> new StatusRuntimeException(Status.fromCode(code)), expected);
      agree(ALL, "gRPC checked " + code, () -> Status.fromCode(code).asException(), expected);
      agree(ALL, "future of " + code, () -> new ExecutionException(ApiExceptionFactory.createException(
          new StatusRuntimeException(Status.fromCode(code)), GrpcStatusCode.of(code), false)), expected);
    }
  }

  @Test
  void httpAnswersOfTheJsonClients() {
    int[] statuses = {400, 401, 403, 404, 408, 409, 412, 416, 429, 500, 501, 502, 503, 504};
    for (int status : statuses) {
      agree(ALL, "HTTP " + status, () -> new StorageException(status, "status " + status), Errors.forHttpStatus(status));
    }
    agree(ALL, "no answer: refused", () -> new StorageException(new ConnectException("refused")), ErrorCode.UNAVAILABLE);
  }

  @Test
  void transportFailures() {
    agree(ALL, "I/O", () -> new IOException("connection reset"), ErrorCode.UNAVAILABLE);
    agree(ALL, "a bug", () -> new IllegalStateException("bug"), ErrorCode.UNKNOWN);
  }

  @Test
  void gcsKeepsItsFakeNuance() {
    nuance(GCS, "google-cloud-nio's create-only failure", new StorageException(new FileAlreadyExistsException("k")),
        ErrorCode.PRECONDITION_FAILED);
  }
}
