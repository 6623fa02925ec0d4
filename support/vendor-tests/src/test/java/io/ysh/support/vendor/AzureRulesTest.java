package io.ysh.support.vendor;

import static io.ysh.support.vendor.Drivers.agree;
import static io.ysh.support.vendor.Drivers.nuance;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.queue.models.QueueStorageException;
import io.ysh.core.ErrorCode;
import io.ysh.support.vendor.Drivers.Driver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Blob Storage, Queue Storage and Key Vault map the same Azure answers to the same portable code. */
class AzureRulesTest {

  static final Driver BLOB = Drivers.of("azblob", "io.ysh.storage.azure.AzureErrors");
  static final Driver QUEUE = Drivers.of("azqueue", "io.ysh.queue.azure.AzureErrors");
  static final Driver KEY_VAULT = Drivers.of("azurekv", "io.ysh.secrets.azure.AzureErrors");
  static final List<Driver> ALL = List.of(BLOB, QUEUE, KEY_VAULT);

  /** An answer from the service: a status and Azure's error code header. */
  static final class Answer extends HttpResponse {
    private final int status;
    private final HttpHeaders headers = new HttpHeaders();

    Answer(int status, String code) {
      super(new HttpRequest(HttpMethod.GET, "https://acct.blob.core.windows.net/c/k"));
      this.status = status;
      if (!code.isEmpty()) {
        headers.set(HttpHeaderName.fromString("x-ms-error-code"), code);
      }
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    @Deprecated
    public String getHeaderValue(String name) {
      return headers.getValue(HttpHeaderName.fromString(name));
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<ByteBuffer> getBody() {
      return Flux.empty();
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return Mono.empty();
    }

    @Override
    public Mono<String> getBodyAsString() {
      return Mono.empty();
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
      return Mono.empty();
    }
  }

  /** The same answer as each service's client would throw it, and as a plain Azure exception. */
  private static void answer(int status, String code, ErrorCode expected) {
    List<Supplier<? extends Throwable>> shapes = List.of(
        () -> new BlobStorageException("blob says " + code, new Answer(status, code), null),
        () -> new QueueStorageException("queue says " + code, new Answer(status, code), null),
        () -> new HttpResponseException("service says " + code, new Answer(status, code)));
    for (Supplier<? extends Throwable> shape : shapes) {
      agree(ALL, status + " " + code + " as " + shape.get().getClass().getSimpleName(), shape, expected);
    }
  }

  @Test
  void credentialAndPermissionAnswers() {
    answer(403, "AuthenticationFailed", ErrorCode.UNAUTHENTICATED);
    answer(401, "", ErrorCode.UNAUTHENTICATED);
    answer(403, "AuthorizationPermissionMismatch", ErrorCode.PERMISSION_DENIED);
    answer(403, "", ErrorCode.PERMISSION_DENIED);
    agree(ALL, "a credential that cannot get a token",
        () -> new ClientAuthenticationException("no token", new Answer(401, "")), ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void throttlingTimeoutsAndServerFaults() {
    answer(503, "ServerBusy", ErrorCode.RATE_LIMITED);
    answer(429, "", ErrorCode.RATE_LIMITED);
    answer(500, "OperationTimedOut", ErrorCode.TIMEOUT);
    answer(500, "InternalError", ErrorCode.UNAVAILABLE);
    answer(503, "", ErrorCode.UNAVAILABLE);
    answer(409, "ContainerBeingDeleted", ErrorCode.UNAVAILABLE);
    answer(409, "QueueBeingDeleted", ErrorCode.UNAVAILABLE);
    answer(501, "", ErrorCode.UNSUPPORTED);
  }

  @Test
  void requestAnswers() {
    answer(404, "BlobNotFound", ErrorCode.NOT_FOUND);
    answer(404, "QueueNotFound", ErrorCode.NOT_FOUND);
    answer(404, "SecretNotFound", ErrorCode.NOT_FOUND);
    answer(412, "ConditionNotMet", ErrorCode.PRECONDITION_FAILED);
    answer(400, "InvalidQueryParameterValue", ErrorCode.INVALID_ARGUMENT);
    answer(413, "RequestBodyTooLarge", ErrorCode.INVALID_ARGUMENT);
    answer(405, "", ErrorCode.UNSUPPORTED);
  }

  @Test
  void failuresWithoutAnAnswer() {
    agree(ALL, "refused connection in a reactive wrapper",
        () -> Exceptions.propagate(new ConnectException("Connection refused")), ErrorCode.UNAVAILABLE);
    agree(ALL, "unchecked I/O", () -> new UncheckedIOException(new IOException("reset")), ErrorCode.UNAVAILABLE);
    agree(ALL, "timeout in a reactive wrapper", () -> Exceptions.propagate(new TimeoutException("no answer")), ErrorCode.TIMEOUT);
    agree(ALL, "a bug", () -> new IllegalStateException("bug"), ErrorCode.UNKNOWN);
  }

  @Test
  void eachServiceKeepsItsOwnNuance() {
    nuance(BLOB, "409 BlobAlreadyExists (a create-only write)", new BlobStorageException("exists", new Answer(409, "BlobAlreadyExists"), null),
        ErrorCode.PRECONDITION_FAILED);
    nuance(BLOB, "409 LeaseAlreadyPresent", new BlobStorageException("leased", new Answer(409, "LeaseAlreadyPresent"), null),
        ErrorCode.PRECONDITION_FAILED);
    nuance(QUEUE, "409 QueueAlreadyExists", new QueueStorageException("exists", new Answer(409, "QueueAlreadyExists"), null),
        ErrorCode.ALREADY_EXISTS);
    nuance(KEY_VAULT, "409 about a deleted secret", new HttpResponseException(
        "Secret x is currently in a deleted but recoverable state", new Answer(409, "")), ErrorCode.PRECONDITION_FAILED);
    nuance(KEY_VAULT, "409 otherwise", new HttpResponseException("Conflict", new Answer(409, "")), ErrorCode.ALREADY_EXISTS);
  }
}
