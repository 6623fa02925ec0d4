package io.ysh.secrets.conformance;

import io.ysh.secrets.memory.InMemorySecretDriver;
import io.ysh.secrets.spi.SecretDriver;

/**
 * Runs the secrets conformance suite against {@link InMemorySecretDriver}, which keeps the
 * suite itself honest: every capability is declared, so every branch that needs one runs
 * ({@link MinimalConformanceTest} runs the others). The drivers share one backing driver through
 * a non-closing view, as a real backend would be shared.
 */
class InMemoryConformanceTest extends SecretStoreConformance {

  private final InMemorySecretDriver backend = InMemorySecretDriver.builder().pageSize(2).build();

  @Override
  protected SecretDriver newDriver() {
    return new SharedView(backend, backend.capabilities());
  }

  @Override
  protected int pageSize() {
    return 2;
  }
}
