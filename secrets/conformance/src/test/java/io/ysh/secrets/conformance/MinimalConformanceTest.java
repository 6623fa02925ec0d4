package io.ysh.secrets.conformance;

import io.ysh.core.Secret;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.memory.InMemorySecretDriver;
import io.ysh.secrets.spi.SecretDriver;
import java.util.EnumSet;

/**
 * Runs the secrets conformance suite against a driver that declares no capability at all (a
 * read-only, unversioned, text-only store that cannot list), so every branch of the suite for an
 * undeclared capability runs here, each with its assertion. The secrets live in an
 * {@link InMemorySecretDriver} written behind the store's back, as an operator would; the view
 * fails the test if the portable layer calls it for anything it did not declare.
 */
class MinimalConformanceTest extends SecretStoreConformance {

  private final InMemorySecretDriver backend = InMemorySecretDriver.builder().build();

  @Override
  protected SecretDriver newDriver() {
    return new SharedView(backend, EnumSet.noneOf(SecretCapability.class));
  }

  @Override
  protected void writeOutOfBand(String name, Secret value) {
    backend.put(name, value);
  }
}
