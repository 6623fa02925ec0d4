package io.ysh.queue.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.spi.ProviderCall;

/** Maps Lettuce exceptions to portable errors. */
final class RedisErrors {

  private RedisErrors() {}

  static YshException map(Throwable t) {
    if (t instanceof YshException y) {
      return y;
    }
    if (t instanceof RedisCommandTimeoutException) {
      return YshException.builder(ErrorCode.TIMEOUT).detail("Redis command timed out").retryable(true).cause(t).build();
    }
    if (t instanceof RedisConnectionException) {
      return YshException.builder(ErrorCode.UNAVAILABLE).detail("cannot connect to Redis: " + t.getMessage()).retryable(true).cause(t).build();
    }
    if (t instanceof RedisCommandExecutionException) {
      String m = String.valueOf(t.getMessage());
      ErrorCode code;
      if (m.startsWith("NOGROUP")) {
        code = ErrorCode.NOT_FOUND;
      } else if (m.startsWith("WRONGPASS") || m.startsWith("NOAUTH")) {
        code = ErrorCode.UNAUTHENTICATED;
      } else if (m.startsWith("NOPERM")) {
        code = ErrorCode.PERMISSION_DENIED;
      } else if (m.startsWith("WRONGTYPE")) {
        code = ErrorCode.PRECONDITION_FAILED;
      } else if (m.startsWith("LOADING") || m.startsWith("BUSY") || m.startsWith("TRYAGAIN") || m.startsWith("OOM")) {
        code = ErrorCode.UNAVAILABLE;
      } else {
        code = ErrorCode.UNKNOWN;
      }
      return YshException.builder(code).detail("Redis: " + m).cause(t).build();
    }
    return Errors.classify(t);
  }

  static <T> T open(RedisStreamQueueProvider.Settings s, ProviderCall<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      YshException y = map(e);
      throw y.toBuilder().operation("queue.open").provider("redis-stream").resource(s.stream).build();
    }
  }
}
