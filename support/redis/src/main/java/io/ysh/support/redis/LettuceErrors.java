package io.ysh.support.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps Lettuce and Redis failures to portable codes, the same way for every Redis driver:
 *
 * <ul>
 *   <li>rejected credentials anywhere in the chain ({@code WRONGPASS}, {@code NOAUTH}, a failed
 *       {@code AUTH}): {@code UNAUTHENTICATED}; {@code NOPERM} (an ACL): {@code PERMISSION_DENIED};
 *   <li>a command timeout: {@code TIMEOUT}; an interrupted wait: {@code CANCELLED} (the interrupt
 *       flag is restored); a failed connection, or one closed or reset: {@code UNAVAILABLE};
 *   <li>error replies: {@code WRONGTYPE}, "not an integer", "would overflow" {@code
 *       PRECONDITION_FAILED}; {@code NOGROUP} {@code NOT_FOUND}; {@code LOADING}, {@code BUSY},
 *       {@code TRYAGAIN}, {@code CLUSTERDOWN}, {@code MASTERDOWN}, {@code READONLY}, {@code
 *       NOREPLICAS}, {@code MOVED}, {@code ASK} {@code UNAVAILABLE}; {@code OOM} {@code
 *       UNAVAILABLE}; "unknown command" (a managed Redis that disables it, an old server) {@code
 *       UNSUPPORTED}; any other reply {@code UNKNOWN};
 *   <li>anything else: by its cause, {@link Errors#classify(Throwable)}.
 * </ul>
 *
 * <p>Retryability follows the code, {@code OOM} included: memory comes back as keys expire, are
 * evicted or a stream is trimmed, and a refused command costs Redis nothing, so a retry with
 * backoff (only of an idempotent call) is worth it. Messages are Redis's own first error line
 * (which never contains the password), with every configured secret scrubbed as a second line of
 * defence; the Lettuce exception stays the cause. Thread-safe.
 */
public final class LettuceErrors implements ErrorMapper {

  private static final LettuceErrors PLAIN = new LettuceErrors(List.of());

  private final List<String> secrets;

  private LettuceErrors(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * A mapper that also scrubs the given secrets (passwords, user names of ACL users) from
   * messages.
   *
   * @param secrets the values to mask; null entries and entries shorter than 3 characters are
   *     ignored
   * @return the mapper
   */
  public static LettuceErrors scrubbing(List<String> secrets) {
    List<String> kept = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && s.length() >= 3) {
        kept.add(s);
      }
    }
    return kept.isEmpty() ? PLAIN : new LettuceErrors(List.copyOf(kept));
  }

  /**
   * A mapper without secrets to scrub.
   *
   * @return the mapper
   */
  public static LettuceErrors plain() {
    return PLAIN;
  }

  @Override
  public YshException map(Throwable failure) {
    Throwable t = Errors.unwrap(failure);
    if (t instanceof YshException y) {
      return y;
    }
    // Authentication problems hide anywhere in the chain (a connect failure wraps the AUTH error).
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String m = c.getMessage();
      if (m != null && isAuthError(m)) {
        return build(ErrorCode.UNAUTHENTICATED, "Redis rejected the credentials: " + firstLine(m), failure);
      }
      if (m != null && m.startsWith("NOPERM")) {
        return build(ErrorCode.PERMISSION_DENIED, "Redis ACL denied the command: " + firstLine(m), failure);
      }
    }
    if (t instanceof RedisCommandTimeoutException) {
      return build(ErrorCode.TIMEOUT, "Redis command timed out: " + firstLine(t.getMessage()), failure);
    }
    if (t instanceof RedisCommandInterruptedException) {
      Thread.currentThread().interrupt();
      return build(ErrorCode.CANCELLED, "interrupted while waiting for Redis", failure);
    }
    if (t instanceof RedisConnectionException) {
      return build(ErrorCode.UNAVAILABLE, "cannot connect to Redis: " + firstLine(t.getMessage()), failure);
    }
    if (t instanceof RedisCommandExecutionException) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      return build(reply(m), "Redis: " + firstLine(m), failure);
    }
    if (t instanceof RedisException) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      String lower = m.toLowerCase(Locale.ROOT);
      if (lower.contains("not connected")
          || lower.contains("disconnected")
          || lower.contains("closed")
          || lower.contains("cannot determine a partition")
          || lower.contains("connection reset")
          || t.getCause() instanceof java.io.IOException) {
        return build(ErrorCode.UNAVAILABLE, "Redis connection unavailable: " + firstLine(m), failure);
      }
      if (t.getCause() != null && t.getCause() != t) {
        YshException inner = Errors.classify(t.getCause());
        return build(inner.code(), "Redis client failure: " + firstLine(m), failure);
      }
      return build(ErrorCode.UNKNOWN, "Redis client failure: " + firstLine(m), failure);
    }
    YshException classified = Errors.classify(t);
    return build(classified.code(), classified.detail(), failure);
  }

  /**
   * The portable code of a Redis error reply.
   *
   * @param reply the reply, such as {@code WRONGTYPE Operation against a key holding the wrong kind of value}
   * @return the code, never null
   */
  public static ErrorCode reply(String reply) {
    String upper = reply.toUpperCase(Locale.ROOT);
    if (upper.startsWith("WRONGTYPE") || upper.contains("NOT AN INTEGER") || upper.contains("WOULD OVERFLOW")) {
      return ErrorCode.PRECONDITION_FAILED;
    }
    if (upper.startsWith("NOGROUP")) {
      return ErrorCode.NOT_FOUND;
    }
    if (upper.startsWith("LOADING") || upper.startsWith("BUSY") || upper.startsWith("TRYAGAIN")
        || upper.startsWith("CLUSTERDOWN") || upper.startsWith("MASTERDOWN") || upper.startsWith("READONLY")
        || upper.startsWith("NOREPLICAS") || upper.startsWith("MOVED") || upper.startsWith("ASK")
        || upper.startsWith("OOM")) {
      return ErrorCode.UNAVAILABLE;
    }
    if (upper.startsWith("ERR UNKNOWN COMMAND")) {
      return ErrorCode.UNSUPPORTED;
    }
    return ErrorCode.UNKNOWN;
  }

  /**
   * Removes the configured secrets from a text.
   *
   * @param text the text, possibly null
   * @return the text with each secret replaced by {@code ****}, empty for null
   */
  public String scrub(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, "****");
    }
    return out;
  }

  private static boolean isAuthError(String m) {
    return m.startsWith("WRONGPASS")
        || m.startsWith("NOAUTH")
        || m.contains("ERR AUTH")
        || m.contains("invalid password")
        || m.contains("invalid username-password");
  }

  private YshException build(ErrorCode code, String detail, Throwable cause) {
    return YshException.builder(code).detail(scrub(detail)).cause(cause).build();
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
