package io.ysh.secrets.azure;

import io.ysh.secrets.conformance.SecretStoreConformance;
import io.ysh.secrets.spi.SecretDriver;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;

/**
 * The conformance suite through the real {@code SecretClient} over HTTPS, bearer challenge
 * included, against {@link KeyVaultStub}, a WireMock protocol stub of the Key Vault REST API (no
 * Key Vault emulator exists). Names must be letters, digits and {@code -}: the suite's are. The
 * outage makes every call answer 503.
 */
class AzureConformanceTest extends SecretStoreConformance {

  private final KeyVaultStub stub = new KeyVaultStub();
  private final com.azure.core.http.HttpClient http = KeyVaultStub.insecureHttpClient();

  @AfterAll
  void stopStub() {
    stub.close();
  }

  @Override
  protected SecretDriver newDriver() {
    return AzureSecretDriver.builder(stub.vaultUrl(), stub.credential())
        .httpClient(http)
        .disableChallengeResourceVerification()
        .purgeOnDelete(true)
        .deletePollInterval(Duration.ofMillis(20))
        .build();
  }

  @Override
  protected int pageSize() {
    return KeyVaultStub.PAGE;
  }

  @Override
  protected void stopBackend() {
    stub.unavailable = true;
  }

  @Override
  protected void restoreBackend() {
    stub.unavailable = false;
  }

  @Override
  protected int examples() {
    return 15;
  }
}
