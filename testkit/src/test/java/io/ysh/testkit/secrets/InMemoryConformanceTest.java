package io.ysh.testkit.secrets;

import io.ysh.secrets.spi.SecretDriver;
import java.time.Clock;

/**
 * Runs the secrets conformance suite against {@link InMemorySecretDriver}, which keeps the
 * suite itself honest: every capability is declared, so every branch runs. The drivers share
 * one backing driver through a non-closing view, as a real backend would be shared.
 */
class InMemoryConformanceTest extends SecretStoreConformance {

  private final InMemorySecretDriver backend = new InMemorySecretDriver(2, Clock.systemUTC());

  @Override
  protected SecretDriver newDriver() {
    return new SharedView(backend);
  }

  @Override
  protected int pageSize() {
    return 2;
  }

  /** Delegates to the shared backend and ignores close, like a client over a shared server. */
  private static final class SharedView implements SecretDriver {
    private final InMemorySecretDriver d;

    SharedView(InMemorySecretDriver d) {
      this.d = d;
    }

    @Override
    public String provider() {
      return d.provider();
    }

    @Override
    public java.util.Set<io.ysh.secrets.SecretCapability> capabilities() {
      return d.capabilities();
    }

    @Override
    public io.ysh.secrets.SecretValue get(String name, String version) {
      return d.get(name, version);
    }

    @Override
    public io.ysh.secrets.spi.NamePage list(String prefix, String pageToken) {
      return d.list(prefix, pageToken);
    }

    @Override
    public String put(String name, io.ysh.core.Secret value) {
      return d.put(name, value);
    }

    @Override
    public void delete(String name) {
      d.delete(name);
    }

    @Override
    public void close() {}
  }
}
