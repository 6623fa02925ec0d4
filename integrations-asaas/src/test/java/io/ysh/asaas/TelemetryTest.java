package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.telemetry.OperationContext;
import io.ysh.core.telemetry.Telemetry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every call is observed once, named {@code asaas.<resource>.<operation>}, and never carries the key. */
class TelemetryTest {

  @Test
  void callsAreObservedWithTheirOutcome() {
    List<String> seen = new CopyOnWriteArrayList<>();
    Telemetry recording = (OperationContext ctx) -> new Telemetry.Observation() {
      @Override
      public void success() {
        seen.add(ctx.name() + " ok");
      }

      @Override
      public void failure(YshException error) {
        seen.add(ctx.name() + " " + error.code() + " " + error.getMessage());
      }
    };
    AsaasClient asaas = AsaasClient.builder().apiKey(Secret.of(Sim.SIM.apiKey())).baseUrl(Sim.SIM.baseUrl())
        .logLevel(HttpLogLevel.NONE).resilience(Sim.FAST).telemetry(recording).build();
    asaas.finance().balance();
    assertThatThrownBy(() -> asaas.customers().get("cus_missing")).isInstanceOf(AsaasNotFoundException.class);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).isEqualTo("asaas.finance.balance ok");
    assertThat(seen.get(1)).startsWith("asaas.customers.get NOT_FOUND").doesNotContain("aact");
  }
}
