package io.ysh.secrets.env;

import io.ysh.core.Secret;
import io.ysh.secrets.conformance.SecretStoreConformance;
import io.ysh.secrets.spi.SecretDriver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The conformance suite over environment variables, through an injected environment map (the
 * process environment cannot be changed from Java); {@link EnvSecretStoreTest} reads real
 * variables of this JVM. Read-only: the suite writes by changing the map, as a deployment would.
 */
class EnvConformanceTest extends SecretStoreConformance {

  private final Map<String, String> environment = new ConcurrentHashMap<>();

  @Override
  protected SecretDriver newDriver() {
    return new EnvSecretDriver(environment, "");
  }

  @Override
  protected void writeOutOfBand(String name, Secret value) {
    environment.put(name, value.reveal());
  }

  @Override
  protected boolean deleteOutOfBand(String name) {
    environment.remove(name);
    return true;
  }
}
