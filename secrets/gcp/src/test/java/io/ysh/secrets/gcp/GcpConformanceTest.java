package io.ysh.secrets.gcp;

import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.conformance.SecretStoreConformance;
import io.ysh.secrets.spi.SecretDriver;
import org.junit.jupiter.api.AfterAll;

/**
 * The conformance suite through the real {@code SecretManagerServiceClient} over real gRPC
 * against {@link SecretManagerStub}, an in-process protocol stub (GCP Secret Manager has no
 * emulator). The outage really stops the gRPC server (connections are refused) and restarts it
 * on the same port with its data.
 */
class GcpConformanceTest extends SecretStoreConformance {

  private final SecretManagerStub stub = new SecretManagerStub();

  @AfterAll
  void stopStub() {
    stub.close();
  }

  @Override
  protected SecretDriver newDriver() {
    return new GcpSecretDriverProvider()
        .open(ResourceUrl.parse("gcpsm://ysh-test?endpoint=127.0.0.1:" + stub.port() + "&plaintext=true&pageSize=2"));
  }

  @Override
  protected int pageSize() {
    return 2;
  }

  @Override
  protected void stopBackend() {
    stub.stop();
  }

  @Override
  protected void restoreBackend() {
    stub.start();
  }
}
