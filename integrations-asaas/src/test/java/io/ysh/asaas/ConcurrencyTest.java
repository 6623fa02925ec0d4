package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.testkit.asaas.AsaasSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The client never has more than 50 GETs in flight: {@link AsaasSimulator} answers 429 beyond
 * 50 concurrent GETs (as Asaas does), and 80 parallel callers all succeed.
 */
class ConcurrencyTest {

  @Test
  void moreThanFiftyParallelGetsAreQueuedNotRejected() throws Exception {
    try (AsaasSimulator sim = AsaasSimulator.start()) {
      sim.faults().latency(Duration.ofMillis(150));
      AsaasClient asaas = io.ysh.asaas.AsaasClient.builder()
          .apiKey(io.ysh.core.Secret.of(sim.apiKey()))
          .baseUrl(sim.baseUrl())
          .logLevel(io.ysh.core.http.HttpLogLevel.NONE)
          .resilience(io.ysh.core.resilience.ResiliencePolicy.builder().attemptTimeout(Duration.ofSeconds(5))
              .totalTimeout(Duration.ofSeconds(20)).build())
          .build();
      ExecutorService pool = Executors.newFixedThreadPool(80);
      try {
        List<Future<Balance>> futures = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
          futures.add(pool.submit(() -> asaas.finance().balance()));
        }
        for (Future<Balance> f : futures) {
          assertThat(f.get().balance()).isNotNull();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(sim.requestCount("GET", "/finance/balance")).isEqualTo(80);
    }
  }
}
