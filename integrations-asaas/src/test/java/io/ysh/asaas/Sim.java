package io.ysh.asaas;

import io.ysh.core.Secret;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.resilience.CircuitBreakerPolicy;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.testkit.asaas.AsaasSimulator;
import java.time.Duration;

/**
 * One strict simulator per test JVM (an unknown request field is a 400 naming it, so a misspelt
 * field fails every test that sends it), and clients pointed at it with fast retries and short,
 * but not tight, create timings.
 */
final class Sim {

  static final AsaasSimulator SIM = AsaasSimulator.builder().strict(true).start();

  /** Fast retries so fault tests stay quick; breaker with a large window so tests do not trip it. */
  static final ResiliencePolicy FAST =
      ResiliencePolicy.builder()
          .attemptTimeout(Duration.ofSeconds(5))
          .totalTimeout(Duration.ofSeconds(15))
          .retry(RetryPolicy.exponential(4, Duration.ofMillis(5), Duration.ofMillis(20)))
          .circuitBreaker(new CircuitBreakerPolicy(100, 100, 100, Duration.ofSeconds(1), 1))
          .build();

  /**
   * The settle window of test clients: long enough that a loaded machine still sees a commit the
   * simulator already made, short enough that an outcome-unknown test ends quickly.
   */
  static final Duration SETTLE = Duration.ofMillis(1500);

  private Sim() {}

  static AsaasClient client() {
    return builder().build();
  }

  static AsaasClient.Builder builder() {
    return AsaasClient.builder()
        .apiKey(Secret.of(SIM.apiKey()))
        .baseUrl(SIM.baseUrl())
        .userAgentSuffix("ysh-tests/1.0")
        .logLevel(HttpLogLevel.NONE)
        .resilience(FAST)
        .createTimeout(Duration.ofSeconds(10))
        .settleWindow(SETTLE)
        .settleBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
  }
}
