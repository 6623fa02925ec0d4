package io.ysh.core;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The rules of error mapping that do not depend on a provider, shared by every driver and client:
 * JDK exceptions (I/O, timeouts, interruption) through {@link #classify}, HTTP statuses through
 * {@link #forHttpStatus} and gRPC status codes through {@link #forGrpcStatus}. A provider's table
 * adds only its nuances (an S3 {@code SlowDown} error code, a Key Vault 409 that names a deleted
 * secret) and falls back to these for the rest, so that the same answer means the same
 * {@link ErrorCode} whichever driver received it.
 *
 * <p>Retryability follows the code ({@link ErrorCode#retryableByDefault()}) in every table here;
 * a provider table overrides it only for a documented nuance.
 */
public final class Errors {

  private Errors() {}

  /**
   * The failure inside future wrappers ({@link CompletionException}, {@link ExecutionException}),
   * which say only that an asynchronous task failed. Every mapper looks through them first.
   *
   * @param t a failure
   * @return the innermost failure those wrappers carry, or {@code t} itself
   */
  public static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null && e.getCause() != e) {
      e = e.getCause();
    }
    return e;
  }

  /**
   * The portable code of an HTTP status.
   *
   * <table>
   *   <caption>HTTP status to portable code</caption>
   *   <tr><th>status</th><th>code</th></tr>
   *   <tr><td>400, 411, 413, 414, 415, 416, 422, 431, any other 4xx</td><td>{@code INVALID_ARGUMENT}</td></tr>
   *   <tr><td>401</td><td>{@code UNAUTHENTICATED}</td></tr>
   *   <tr><td>403</td><td>{@code PERMISSION_DENIED}</td></tr>
   *   <tr><td>404, 410</td><td>{@code NOT_FOUND}</td></tr>
   *   <tr><td>405, 501, 505</td><td>{@code UNSUPPORTED}</td></tr>
   *   <tr><td>408</td><td>{@code TIMEOUT} (retryable)</td></tr>
   *   <tr><td>409</td><td>{@code ALREADY_EXISTS}</td></tr>
   *   <tr><td>412, 428</td><td>{@code PRECONDITION_FAILED}</td></tr>
   *   <tr><td>429</td><td>{@code RATE_LIMITED} (retryable)</td></tr>
   *   <tr><td>500, 502, 503, 504, any other 5xx</td><td>{@code UNAVAILABLE} (retryable)</td></tr>
   *   <tr><td>anything else (no answer, 1xx to 3xx)</td><td>{@code UNKNOWN}</td></tr>
   * </table>
   *
   * <p>Why 500 is {@code UNAVAILABLE} and not {@code INTERNAL}: over HTTP, providers answer 500
   * for faults on their side that a later attempt usually does not meet (a failed backend, a
   * restarting node), and the clouds' own SDKs (AWS, Azure, Google) retry it; {@code INTERNAL}
   * stays for a broken invariant that a retry cannot fix. The portable layer still retries only
   * calls that are idempotent, so a 500 on a create is never blindly repeated. Every other 4xx is
   * {@code INVALID_ARGUMENT}: the provider says the request as sent cannot succeed.
   *
   * @param status the HTTP status code
   * @return the portable code, never null
   */
  public static ErrorCode forHttpStatus(int status) {
    return switch (status) {
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.PERMISSION_DENIED;
      case 404, 410 -> ErrorCode.NOT_FOUND;
      case 405, 501, 505 -> ErrorCode.UNSUPPORTED;
      case 408 -> ErrorCode.TIMEOUT;
      case 409 -> ErrorCode.ALREADY_EXISTS;
      case 412, 428 -> ErrorCode.PRECONDITION_FAILED;
      case 429 -> ErrorCode.RATE_LIMITED;
      default -> {
        if (status >= 400 && status < 500) {
          yield ErrorCode.INVALID_ARGUMENT;
        }
        yield status >= 500 && status < 600 ? ErrorCode.UNAVAILABLE : ErrorCode.UNKNOWN;
      }
    };
  }

  /**
   * The portable code of a gRPC status code, given by its name (the names of
   * {@code io.grpc.Status.Code}, which gax's {@code StatusCode.Code} shares), so that core needs
   * no gRPC dependency.
   *
   * <table>
   *   <caption>gRPC status code to portable code</caption>
   *   <tr><th>gRPC code</th><th>code</th></tr>
   *   <tr><td>NOT_FOUND</td><td>{@code NOT_FOUND}</td></tr>
   *   <tr><td>ALREADY_EXISTS</td><td>{@code ALREADY_EXISTS}</td></tr>
   *   <tr><td>PERMISSION_DENIED</td><td>{@code PERMISSION_DENIED}</td></tr>
   *   <tr><td>UNAUTHENTICATED</td><td>{@code UNAUTHENTICATED}</td></tr>
   *   <tr><td>INVALID_ARGUMENT, OUT_OF_RANGE</td><td>{@code INVALID_ARGUMENT}</td></tr>
   *   <tr><td>FAILED_PRECONDITION</td><td>{@code PRECONDITION_FAILED}</td></tr>
   *   <tr><td>RESOURCE_EXHAUSTED</td><td>{@code RATE_LIMITED} (retryable)</td></tr>
   *   <tr><td>UNAVAILABLE, ABORTED</td><td>{@code UNAVAILABLE} (retryable)</td></tr>
   *   <tr><td>DEADLINE_EXCEEDED</td><td>{@code TIMEOUT} (retryable)</td></tr>
   *   <tr><td>CANCELLED</td><td>{@code CANCELLED}</td></tr>
   *   <tr><td>UNIMPLEMENTED</td><td>{@code UNSUPPORTED}</td></tr>
   *   <tr><td>INTERNAL, DATA_LOSS</td><td>{@code INTERNAL}</td></tr>
   *   <tr><td>UNKNOWN, OK, anything else</td><td>{@code UNKNOWN}</td></tr>
   * </table>
   *
   * <p>Unlike HTTP 500, gRPC {@code INTERNAL} keeps its meaning: gRPC has a separate
   * {@code UNAVAILABLE} for transient faults, and Google's guidance is not to retry
   * {@code INTERNAL}.
   *
   * @param name the status code's name, such as {@code NOT_FOUND}; null gives {@code UNKNOWN}
   * @return the portable code, never null
   */
  public static ErrorCode forGrpcStatus(String name) {
    if (name == null) {
      return ErrorCode.UNKNOWN;
    }
    return switch (name) {
      case "NOT_FOUND" -> ErrorCode.NOT_FOUND;
      case "ALREADY_EXISTS" -> ErrorCode.ALREADY_EXISTS;
      case "PERMISSION_DENIED" -> ErrorCode.PERMISSION_DENIED;
      case "UNAUTHENTICATED" -> ErrorCode.UNAUTHENTICATED;
      case "INVALID_ARGUMENT", "OUT_OF_RANGE" -> ErrorCode.INVALID_ARGUMENT;
      case "FAILED_PRECONDITION" -> ErrorCode.PRECONDITION_FAILED;
      case "RESOURCE_EXHAUSTED" -> ErrorCode.RATE_LIMITED;
      case "UNAVAILABLE", "ABORTED" -> ErrorCode.UNAVAILABLE;
      case "DEADLINE_EXCEEDED" -> ErrorCode.TIMEOUT;
      case "CANCELLED" -> ErrorCode.CANCELLED;
      case "UNIMPLEMENTED" -> ErrorCode.UNSUPPORTED;
      case "INTERNAL", "DATA_LOSS" -> ErrorCode.INTERNAL;
      default -> ErrorCode.UNKNOWN;
    };
  }

  /**
   * The wait an HTTP {@code Retry-After} header asks for, for drivers to put on the
   * {@link YshException} they map a throttling or unavailability answer to
   * ({@link YshException.Builder#retryAfter}), which the resilience policy honours.
   *
   * @param value the header's value: delay-seconds ({@code 120}) or an HTTP-date; may be null
   * @return the wait (zero for a date in the past); empty when absent or malformed
   */
  public static Optional<Duration> retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        return Optional.empty(); // more digits than a long: not a usable wait
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(Instant.now(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Classifies a throwable into a portable error.
   *
   * <ul>
   *   <li>{@link YshException}: returned as is;
   *   <li>wrappers ({@link CompletionException}, {@link ExecutionException}): their cause;
   *   <li>socket and HTTP timeouts, {@link TimeoutException}: {@code TIMEOUT};
   *   <li>interruption and cancellation: {@code CANCELLED} (the thread's interrupt flag is
   *       restored for {@link InterruptedException});
   *   <li>refused connections, unknown hosts, TLS failures, other {@link java.io.IOException}s:
   *       {@code UNAVAILABLE} (retryable);
   *   <li>{@link IllegalArgumentException}: {@code INVALID_ARGUMENT};
   *       {@link UnsupportedOperationException}: {@code UNSUPPORTED};
   *   <li>anything else: {@code UNKNOWN}.
   * </ul>
   *
   * @param failure the failure
   * @return the portable exception, with the unwrapped failure as its cause
   */
  public static YshException classify(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof YshException y) {
      return y;
    }
    ErrorCode code;
    String detail;
    if (t instanceof SocketTimeoutException
        || t instanceof HttpTimeoutException
        || t instanceof TimeoutException) {
      code = ErrorCode.TIMEOUT;
      detail = "timed out";
    } else if (t instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      code = ErrorCode.CANCELLED;
      detail = "interrupted";
    } else if (t instanceof InterruptedIOException || t instanceof ClosedByInterruptException) {
      code = ErrorCode.CANCELLED;
      detail = "interrupted during I/O";
    } else if (t instanceof CancellationException) {
      code = ErrorCode.CANCELLED;
      detail = "cancelled";
    } else if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
      code = ErrorCode.UNAVAILABLE;
      detail = "connection failed";
    } else if (t instanceof UnknownHostException) {
      code = ErrorCode.UNAVAILABLE;
      detail = "unknown host";
    } else if (t instanceof SSLException) {
      code = ErrorCode.UNAVAILABLE;
      detail = "TLS failure";
    } else if (t instanceof java.io.IOException) {
      code = ErrorCode.UNAVAILABLE;
      detail = "I/O failure";
    } else if (t instanceof IllegalArgumentException) {
      code = ErrorCode.INVALID_ARGUMENT;
      detail = "invalid argument";
    } else if (t instanceof UnsupportedOperationException) {
      code = ErrorCode.UNSUPPORTED;
      detail = "unsupported";
    } else {
      code = ErrorCode.UNKNOWN;
      detail = "unexpected " + t.getClass().getSimpleName();
    }
    String message = t.getMessage();
    return YshException.builder(code)
        .detail(message == null || message.isBlank() ? detail : detail + ": " + message)
        .cause(t)
        .build();
  }
}
