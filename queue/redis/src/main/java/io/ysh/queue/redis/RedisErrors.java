package io.ysh.queue.redis;

import io.ysh.core.YshException;
import io.ysh.core.spi.ProviderCall;
import io.ysh.support.redis.LettuceErrors;

/** Maps Lettuce exceptions by the rules every Redis driver shares ({@link LettuceErrors}). */
final class RedisErrors {

  private RedisErrors() {}

  static YshException map(Throwable t) {
    return LettuceErrors.plain().map(t);
  }

  static <T> T open(RedisStreamQueueDriverProvider.Settings s, ProviderCall<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      YshException y = map(e);
      throw y.toBuilder().operation("queue.open").provider("redis-stream").resource(s.stream).build();
    }
  }
}
