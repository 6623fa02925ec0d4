package io.ysh.cache.redis;

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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Maps Lettuce and Redis failures to portable codes. Messages are Redis's own error lines (which
 * never contain the password) with any configured secret scrubbed as a second line of defence;
 * the Lettuce exception stays the cause.
 */
final class RedisErrors implements ErrorMapper {

  private final List<String> secrets;

  RedisErrors(List<String> secrets) {
    this.secrets = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && s.length() >= 3) {
        this.secrets.add(s);
      }
    }
  }

  @Override
  public YshException map(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    // Authentication problems hide anywhere in the chain (a connect failure wraps the AUTH error).
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage();
      if (m != null && isAuthError(m)) {
        return build(ErrorCode.UNAUTHENTICATED, false, "Redis rejected the credentials: " + firstLine(m), failure);
      }
      if (m != null && m.startsWith("NOPERM")) {
        return build(ErrorCode.PERMISSION_DENIED, false, "Redis ACL denied the command: " + firstLine(m), failure);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    if (t instanceof RedisCommandTimeoutException) {
      return build(ErrorCode.TIMEOUT, true, "Redis command timed out: " + firstLine(t.getMessage()), failure);
    }
    if (t instanceof RedisCommandInterruptedException) {
      Thread.currentThread().interrupt();
      return build(ErrorCode.CANCELLED, false, "interrupted while waiting for Redis", failure);
    }
    if (t instanceof RedisConnectionException) {
      return build(ErrorCode.UNAVAILABLE, true, "cannot connect to Redis: " + firstLine(t.getMessage()), failure);
    }
    if (t instanceof RedisCommandExecutionException) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      String upper = m.toUpperCase(Locale.ROOT);
      if (upper.startsWith("WRONGTYPE")
          || upper.contains("NOT AN INTEGER")
          || upper.contains("WOULD OVERFLOW")) {
        return build(ErrorCode.PRECONDITION_FAILED, false, firstLine(m), failure);
      }
      if (upper.startsWith("LOADING")
          || upper.startsWith("BUSY")
          || upper.startsWith("TRYAGAIN")
          || upper.startsWith("CLUSTERDOWN")
          || upper.startsWith("MASTERDOWN")
          || upper.startsWith("READONLY")
          || upper.startsWith("NOREPLICAS")
          || upper.startsWith("MOVED")
          || upper.startsWith("ASK")) {
        return build(ErrorCode.UNAVAILABLE, true, "Redis is temporarily unavailable: " + firstLine(m), failure);
      }
      if (upper.startsWith("OOM")) {
        return build(ErrorCode.UNAVAILABLE, false, "Redis is out of memory: " + firstLine(m), failure);
      }
      return build(ErrorCode.INTERNAL, false, "Redis error: " + firstLine(m), failure);
    }
    if (t instanceof RedisException) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      String lower = m.toLowerCase(Locale.ROOT);
      if (lower.contains("not connected")
          || lower.contains("disconnected")
          || lower.contains("connection closed")
          || lower.contains("connection is closed")
          || lower.contains("closed")
          || lower.contains("cannot determine a partition")
          || lower.contains("connection reset")
          || t.getCause() instanceof java.io.IOException) {
        return build(ErrorCode.UNAVAILABLE, true, "Redis connection unavailable: " + firstLine(m), failure);
      }
      if (t.getCause() != null && t.getCause() != t) {
        YshException inner = Errors.classify(t.getCause());
        return build(inner.code(), inner.isRetryable(), "Redis client failure: " + firstLine(m), failure);
      }
      return build(ErrorCode.UNKNOWN, false, "Redis client failure: " + firstLine(m), failure);
    }
    YshException classified = Errors.classify(t);
    return build(classified.code(), classified.isRetryable(), classified.detail(), failure);
  }

  private static boolean isAuthError(String m) {
    return m.startsWith("WRONGPASS")
        || m.startsWith("NOAUTH")
        || m.contains("ERR AUTH")
        || m.contains("invalid password")
        || m.contains("invalid username-password");
  }

  private YshException build(ErrorCode code, boolean retryable, String detail, Throwable cause) {
    return YshException.builder(code).retryable(retryable).detail(scrub(detail)).cause(cause).build();
  }

  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, "****");
    }
    return out;
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
