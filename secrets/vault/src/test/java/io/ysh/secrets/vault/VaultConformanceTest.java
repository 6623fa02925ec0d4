package io.ysh.secrets.vault;

import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.conformance.SecretStoreConformance;
import io.ysh.secrets.spi.SecretDriver;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;

/**
 * The conformance suite through the real Vault Java driver over HTTP against {@link VaultStub},
 * a WireMock protocol stub of Vault's KV v2 API (no Vault server can run on the build machines;
 * see the stub's javadoc). The outage is a sealed Vault: every call answers 503
 * {@code Vault is sealed}, as a real Vault does while sealed.
 */
class VaultConformanceTest extends SecretStoreConformance {

  private final VaultStub stub = new VaultStub("secret", Clock.systemUTC());

  @AfterAll
  void stopStub() {
    stub.close();
  }

  @Override
  protected SecretDriver newDriver() {
    return new VaultSecretDriverProvider()
        .open(ResourceUrl.parse("vault://127.0.0.1:" + stub.port() + "/secret?tls=false&token=" + VaultStub.ROOT_TOKEN));
  }

  @Override
  protected void stopBackend() {
    stub.sealed = true;
  }

  @Override
  protected void restoreBackend() {
    stub.sealed = false;
  }

  @Override
  protected int examples() {
    return 15;
  }
}
