package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import org.junit.jupiter.api.Test;

class AsaasClientBuilderTest {

  private static final String PROD = "$aact_prod_000MzkwODA2MWY2OGM3MWRlMDU2NWM3MzJlNzZmNGZhZGY6OjAwMDAwMDAwMDAwMDAwMDAwMDA6OiRhYWNoXzAwMDA=";
  private static final String HMLG = "$aact_hmlg_000MzkwODA2MWY2OGM3MWRlMDU2NWM3MzJlNzZmNGZhZGY6OjAwMDAwMDAwMDAwMDAwMDAwMDA6OiRhYWNoXzAwMDA=";

  @Test
  void productionKeyWithSandboxIsRejectedBeforeAnyCallWithoutShowingTheKey() {
    assertThatThrownBy(() -> AsaasClient.builder().apiKey(Secret.of(PROD)).environment(AsaasEnvironment.SANDBOX).build())
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("PRODUCTION").doesNotContain("MzkwODA2").doesNotContain("aact");
        });
    assertThatThrownBy(() -> AsaasClient.builder().apiKey(Secret.of(HMLG)).environment(AsaasEnvironment.PRODUCTION).build())
        .isInstanceOf(YshException.class).hasMessageContaining("SANDBOX");
  }

  @Test
  void matchingKeysAndEnvironmentsBuild() {
    AsaasClient prod = AsaasClient.builder().apiKey(Secret.of(PROD)).environment(AsaasEnvironment.PRODUCTION).build();
    assertThat(prod.baseUrl()).isEqualTo("https://api.asaas.com/v3");
    AsaasClient sandbox = AsaasClient.builder().apiKey(Secret.of(HMLG)).build();
    assertThat(sandbox.environment()).contains(AsaasEnvironment.SANDBOX);
    assertThat(sandbox.baseUrl()).isEqualTo("https://api-sandbox.asaas.com/v3");
    assertThat(sandbox.toString()).doesNotContain("aact");
  }

  @Test
  void missingOrMalformedKeysAreRejected() {
    assertThatThrownBy(() -> AsaasClient.builder().build()).isInstanceOf(YshException.class).hasMessageContaining("apiKey");
    assertThatThrownBy(() -> AsaasClient.builder().apiKey(Secret.of(" ")).build()).hasMessageContaining("apiKey");
    assertThatThrownBy(() -> AsaasClient.builder().apiKey(Secret.of(HMLG + "\n")).build()).hasMessageContaining("whitespace");
  }

  @Test
  void sandboxHelpersAreRefusedInProduction() {
    AsaasClient prod = AsaasClient.builder().apiKey(Secret.of(PROD)).environment(AsaasEnvironment.PRODUCTION).build();
    assertThatThrownBy(() -> prod.sandbox().confirmPayment("pay_1"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED));
  }

  @Test
  void wrongKeyAgainstTheSimulatorIsAnAuthenticationError() {
    AsaasClient wrong = AsaasClient.builder().apiKey(Secret.of("$aact_hmlg_wrong")).baseUrl(Sim.SIM.baseUrl()).build();
    assertThatThrownBy(() -> wrong.finance().balance()).isInstanceOf(AsaasAuthenticationException.class);
  }

  @Test
  void createTimingsMustBePositiveAndNamed() {
    AsaasClient.Builder b = AsaasClient.builder().apiKey(Secret.of(HMLG));
    assertThatThrownBy(() -> b.createTimeout(java.time.Duration.ZERO)).hasMessageContaining("createTimeout");
    assertThatThrownBy(() -> b.settleWindow(java.time.Duration.ofSeconds(-1))).hasMessageContaining("settleWindow");
    assertThatThrownBy(() -> b.settleBackoff(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1))).hasMessageContaining("settleBackoff");
    assertThat(AsaasClient.DEFAULT_CREATE_TIMEOUT).as("Asaas's advice for card charges").isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(60));
    assertThat(AsaasClient.DEFAULT_SETTLE_WINDOW).isGreaterThanOrEqualTo(AsaasClient.DEFAULT_CREATE_TIMEOUT);
  }
}
