package io.ysh.secrets;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The driver behind {@link SecretStore#chain}: the first store that has the name answers. */
final class ChainDriver implements SecretDriver {

  private final List<SecretStore> stores;
  private final Set<SecretCapability> capabilities;

  ChainDriver(List<SecretStore> stores) {
    if (stores.isEmpty()) {
      throw YshException.invalidArgument("a secret store chain needs at least one store");
    }
    this.stores = List.copyOf(stores);
    EnumSet<SecretCapability> caps = EnumSet.noneOf(SecretCapability.class);
    if (this.stores.stream().anyMatch(s -> s.supports(SecretCapability.VERSIONS))) {
      caps.add(SecretCapability.VERSIONS);
    }
    if (this.stores.stream().allMatch(s -> s.supports(SecretCapability.LIST))) {
      caps.add(SecretCapability.LIST);
    }
    if (this.stores.stream().anyMatch(s -> s.supports(SecretCapability.BINARY_VALUES))) {
      caps.add(SecretCapability.BINARY_VALUES);
    }
    this.capabilities = Set.copyOf(caps);
  }

  List<SecretStore> stores() {
    return stores;
  }

  @Override
  public String provider() {
    return "chain(" + stores.stream().map(SecretStore::provider).collect(Collectors.joining(",")) + ")";
  }

  @Override
  public Set<SecretCapability> capabilities() {
    return capabilities;
  }

  @Override
  public SecretValue get(String name, String version) {
    List<String> tried = new ArrayList<>();
    for (SecretStore store : stores) {
      if (version != null && !store.supports(SecretCapability.VERSIONS)) {
        continue;
      }
      tried.add(store.provider());
      try {
        return version == null ? store.get(name) : store.get(name, version);
      } catch (YshException e) {
        if (e.code() != ErrorCode.NOT_FOUND) {
          throw e;
        }
      }
    }
    throw YshException.of(
        ErrorCode.NOT_FOUND,
        (version == null ? "no store" : "no store with versions") + " in the chain has it (tried " + tried + ")");
  }

  @Override
  public NamePage list(String prefix, String pageToken) {
    // SecretStore lists a chain by concatenating its stores' lazy listings.
    throw new UnsupportedOperationException("chains are listed by SecretStore");
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    for (SecretStore s : stores) {
      try {
        return Optional.of(s.unwrap(type));
      } catch (YshException e) {
        // try the next store
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    for (SecretStore s : stores) {
      s.close();
    }
  }
}
