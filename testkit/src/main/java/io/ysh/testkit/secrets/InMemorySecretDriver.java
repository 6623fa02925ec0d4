package io.ysh.testkit.secrets;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretValue;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A versioned secret driver held in memory, for tests of code that uses a
 * {@link io.ysh.secrets.SecretStore} and for local overrides in a
 * {@link io.ysh.secrets.SecretStore#chain chain}. Versions are numbered from 1; list pages hold
 * {@code pageSize} names in name order. Every capability is supported. Thread-safe.
 */
public final class InMemorySecretDriver implements SecretDriver {

  private final TreeMap<String, List<SecretValue>> secrets = new TreeMap<>();
  private final int pageSize;
  private final Clock clock;

  /** A driver with pages of 100 names and the system clock. */
  public InMemorySecretDriver() {
    this(100, Clock.systemUTC());
  }

  /**
   * A driver with the given page size and clock.
   *
   * @param pageSize names per list page, at least 1
   * @param clock the clock that stamps creation times
   */
  public InMemorySecretDriver(int pageSize, Clock clock) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1");
    }
    this.pageSize = pageSize;
    this.clock = clock;
  }

  /**
   * A driver pre-filled with text secrets (version 1 each).
   *
   * @param values names and values
   * @return the driver
   */
  public static InMemorySecretDriver of(Map<String, String> values) {
    InMemorySecretDriver d = new InMemorySecretDriver();
    values.forEach((k, v) -> d.put(k, Secret.of(v)));
    return d;
  }

  @Override
  public String provider() {
    return "memory";
  }

  @Override
  public Set<SecretCapability> capabilities() {
    return EnumSet.allOf(SecretCapability.class);
  }

  @Override
  public synchronized SecretValue get(String name, String version) {
    List<SecretValue> versions = secrets.get(name);
    if (versions == null) {
      throw YshException.of(ErrorCode.NOT_FOUND, "no such secret");
    }
    if (version == null) {
      return versions.get(versions.size() - 1);
    }
    for (SecretValue v : versions) {
      if (v.version().orElseThrow().equals(version)) {
        return v;
      }
    }
    throw YshException.of(ErrorCode.NOT_FOUND, "no such version");
  }

  @Override
  public synchronized NamePage list(String prefix, String pageToken) {
    List<String> names = new ArrayList<>();
    String from = pageToken == null ? prefix : pageToken;
    for (String name : secrets.tailMap(from, pageToken == null).keySet()) {
      if (!name.startsWith(prefix)) {
        break;
      }
      names.add(name);
      if (names.size() == pageSize) {
        return new NamePage(names, name);
      }
    }
    return NamePage.last(names);
  }

  @Override
  public synchronized String put(String name, Secret value) {
    List<SecretValue> versions = secrets.computeIfAbsent(name, k -> new ArrayList<>());
    String version = Integer.toString(versions.size() + 1);
    versions.add(SecretValue.builder(name, value).version(version).createdTime(clock.instant()).build());
    return version;
  }

  @Override
  public synchronized void delete(String name) {
    secrets.remove(name);
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "InMemorySecretDriver[" + pageSize + " names per page]";
  }
}
