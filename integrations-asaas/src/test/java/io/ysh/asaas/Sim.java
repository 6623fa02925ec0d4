package io.ysh.asaas;

import io.ysh.core.Secret;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.resilience.CircuitBreakerPolicy;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.testkit.asaas.AsaasSimulator;
import java.time.Duration;

/** One simulator per test JVM, and clients pointed at it with fast retries. */
final class Sim {

  static final AsaasSimulator SIM = AsaasSimulator.start();

  /** Fast retries so fault tests stay quick; breaker with a large window so tests do not trip it. */
  static final ResiliencePolicy FAST =
      ResiliencePolicy.builder()
          .attemptTimeout(Duration.ofSeconds(2))
          .totalTimeout(Duration.ofSeconds(10))
          .retry(RetryPolicy.exponential(4, Duration.ofMillis(5), Duration.ofMillis(20)))
          .circuitBreaker(new CircuitBreakerPolicy(100, 100, 100, Duration.ofSeconds(1), 1))
          .build();

  private Sim() {}

  static AsaasClient client() {
    return client(FAST);
  }

  static AsaasClient client(ResiliencePolicy policy) {
    return AsaasClient.builder()
        .apiKey(Secret.of(SIM.apiKey()))
        .baseUrl(SIM.baseUrl())
        .userAgentSuffix("ysh-tests/1.0")
        .logLevel(HttpLogLevel.NONE)
        .resilience(policy)
        .build();
  }
}
