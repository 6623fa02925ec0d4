package io.ysh.secrets.conformance;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretValue;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import java.util.Set;

/**
 * A driver over a shared backing driver, declaring some of its capabilities only, that ignores
 * close, like a client over a shared server. A call that needs an undeclared capability fails
 * the test: the portable layer must refuse it first.
 */
final class SharedView implements SecretDriver {
  private final SecretDriver backend;
  private final Set<SecretCapability> capabilities;

  SharedView(SecretDriver backend, Set<SecretCapability> capabilities) {
    this.backend = backend;
    this.capabilities = Set.copyOf(capabilities);
  }

  @Override
  public String provider() {
    return backend.provider();
  }

  @Override
  public Set<SecretCapability> capabilities() {
    return capabilities;
  }

  @Override
  public SecretValue get(String name, String version) throws Exception {
    if (version != null) {
      require(SecretCapability.VERSIONS);
    }
    SecretValue v = backend.get(name, version);
    if (capabilities.contains(SecretCapability.VERSIONS)) {
      return v;
    }
    SecretValue.Builder b = SecretValue.builder(v.name(), v.secret());
    v.createdTime().ifPresent(b::createdTime);
    return b.build();
  }

  @Override
  public NamePage list(String prefix, String pageToken) throws Exception {
    require(SecretCapability.LIST);
    return backend.list(prefix, pageToken);
  }

  @Override
  public String put(String name, Secret value) throws Exception {
    require(SecretCapability.PUT);
    String version = backend.put(name, value);
    return capabilities.contains(SecretCapability.VERSIONS) ? version : null;
  }

  @Override
  public void delete(String name) throws Exception {
    require(SecretCapability.DELETE);
    backend.delete(name);
  }

  @Override
  public void close() {}

  private void require(SecretCapability c) {
    if (!capabilities.contains(c)) {
      throw YshException.of(ErrorCode.INTERNAL, "the portable layer called the driver without " + c);
    }
  }
}
