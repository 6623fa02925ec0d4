package io.ysh.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.testkit.gen.NullWalker;
import io.ysh.core.YshException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The resilience policies and their builder follow the one validation contract. */
class ResilienceArgumentsTest {

  private static void invalid(ThrowingCallable call, String names) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining(names);
  }

  @Test
  void theBuilderAndTheExecutorRefuseNullArguments() {
    NullWalker builder =
        new NullWalker(
                Map.of(RetryPolicy.class, RetryPolicy::none, CircuitBreakerPolicy.class, CircuitBreakerPolicy::defaults,
                    ResiliencePolicy.class, ResiliencePolicy::none),
                // documented: null removes the circuit breaker, rate limit or bulkhead
                Set.of("circuitBreaker(circuitBreaker)", "rateLimit(rateLimit)", "bulkhead(bulkhead)"),
                false)
            .walk(ResiliencePolicy.Builder.class, ResiliencePolicy.builder(), false);
    assertThat(builder.failures()).isEmpty();
    NullWalker statics =
        new NullWalker(Map.of(ResiliencePolicy.class, ResiliencePolicy::none), Set.of(), true).walk(Resilience.class, null, true);
    assertThat(statics.failures()).isEmpty();
    NullWalker executor =
        new NullWalker(Map.of(), Set.of(), true).walk(Resilience.class, Resilience.create("x", ResiliencePolicy.none()), false);
    assertThat(executor.failures()).isEmpty();
    assertThat(builder.checked() + statics.checked() + executor.checked()).isGreaterThan(6);
  }

  @Test
  void outOfRangeAndNullPolicyComponentsAreInvalidArgumentsNamingThem() {
    Duration s = Duration.ofSeconds(1);
    invalid(() -> new RetryPolicy(0, s, s, 2), "maxAttempts");
    invalid(() -> new RetryPolicy(3, null, s, 2), "initialBackoff");
    invalid(() -> new RetryPolicy(3, s, null, 2), "maxBackoff");
    invalid(() -> new RetryPolicy(3, s, s, Double.NaN), "multiplier");
    invalid(() -> new RetryPolicy(3, s.multipliedBy(2), s, 2), "maxBackoff");
    invalid(() -> new CircuitBreakerPolicy(0, 10, 5, s, 1), "failureRateThreshold");
    invalid(() -> new CircuitBreakerPolicy(50, 10, 5, null, 1), "openDuration");
    invalid(() -> new CircuitBreakerPolicy(50, 10, 5, Duration.ZERO, 1), "openDuration");
    invalid(() -> new RateLimitPolicy(0, s, s), "permits");
    invalid(() -> new RateLimitPolicy(1, null, s), "period");
    invalid(() -> new RateLimitPolicy(1, s, s.negated()), "maxWait");
    invalid(() -> new BulkheadPolicy(0, s), "maxConcurrentCalls");
    invalid(() -> new BulkheadPolicy(1, null), "maxWait");
    invalid(() -> ResiliencePolicy.builder().attemptTimeout(Duration.ZERO), "must be positive");
    invalid(() -> ResiliencePolicy.builder().attemptTimeout(s.multipliedBy(10)).totalTimeout(s).build(), "totalTimeout");
  }
}
