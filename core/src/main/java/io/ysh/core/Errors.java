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
 * The transport-level half of error mapping, shared by every driver: turns JDK exceptions
 * (I/O, timeouts, interruption) into {@link YshException}s. Drivers map their provider's own
 * exceptions first (an S3 404 is {@code NOT_FOUND}) and fall back to {@link #classify} for the
 * rest.
 */
public final class Errors {

  private Errors() {}

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
   * @param t the failure
   * @return the portable exception, with {@code t} as its cause
   */
  public static YshException classify(Throwable t) {
    if (t instanceof YshException y) {
      return y;
    }
    if ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      return classify(t.getCause());
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
