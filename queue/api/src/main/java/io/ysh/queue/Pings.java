package io.ysh.queue;

import io.ysh.core.Args;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.Invoker;
import io.ysh.core.spi.ProviderCall;
import java.time.Duration;

/** What {@link Topic#ping} and {@link Subscription#ping} share. */
final class Pings {

  static final Duration MAX = Duration.ofMinutes(5);

  private Pings() {}

  static void checkTimeout(Duration timeout) {
    Args.notNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX) > 0) {
      throw YshException.invalidArgument("timeout must be positive and at most 5 minutes, was " + timeout);
    }
  }

  /**
   * Runs the driver's check once (never retried). A broker that did not answer in time is
   * {@code UNAVAILABLE}, not {@code TIMEOUT}: for a reachability check, silence is the answer.
   */
  static void run(Invoker invoker, String resource, Duration timeout, ProviderCall<?> call) {
    try {
      invoker.run("ping", resource, false, call);
    } catch (YshException e) {
      if (e.code() != ErrorCode.TIMEOUT) {
        throw e;
      }
      throw YshException.builder(ErrorCode.UNAVAILABLE)
          .operation(e.operation().orElse("queue.ping"))
          .provider(e.provider().orElse(invoker.provider()))
          .resource(e.resource().orElse(null))
          .detail("no answer within " + timeout.toMillis() + " ms")
          .cause(e)
          .build();
    }
  }
}
