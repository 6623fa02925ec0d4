package io.ysh.secrets.memory;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A versioned secret driver held in memory: local overrides in front of a real store in a
 * {@link io.ysh.secrets.SecretStore#chain chain}, and a stand-in store in tests of code that
 * reads secrets. Versions are numbered from 1; list pages hold {@code pageSize} names in name
 * order. Every capability is supported. Thread-safe. Nothing is persisted.
 *
 * <pre>{@code
 * SecretStore secrets = SecretStore.chain(
 *     SecretStore.builder(InMemorySecretDriver.of(Map.of("asaas-api-key", localSandboxKey))).build(),
 *     SecretStore.open("vault://vault.internal:8200/secret"));
 * }</pre>
 */
public final class InMemorySecretDriver implements SecretDriver {

  private final TreeMap<String, List<SecretValue>> secrets = new TreeMap<>();
  private final int pageSize;
  private final Clock clock;

  private InMemorySecretDriver(Builder b) {
    this.pageSize = b.pageSize;
    this.clock = b.clock;
    b.secrets.forEach(this::put);
  }

  /**
   * A driver pre-filled with text secrets (version 1 each), with pages of 100 names and the
   * system clock.
   *
   * @param values names and values
   * @return the driver
   */
  public static InMemorySecretDriver of(Map<String, String> values) {
    Builder b = builder();
    values.forEach(b::secret);
    return b.build();
  }

  /**
   * Starts configuring a driver: by default empty, with pages of 100 names and the system clock.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
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

  /** Configures an {@link InMemorySecretDriver}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private int pageSize = 100;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * A secret the driver starts with, as its version 1 (a name given twice keeps the last value).
     *
     * @param name the name
     * @param value the text value
     * @return this builder
     */
    public Builder secret(String name, String value) {
      return secret(name, Secret.of(Objects.requireNonNull(value, "value")));
    }

    /**
     * A secret the driver starts with, as its version 1 (a name given twice keeps the last value).
     *
     * @param name the name
     * @param value the value, text or binary
     * @return this builder
     */
    public Builder secret(String name, Secret value) {
      secrets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * How many names a list page holds (default 100); small values exercise paging in tests.
     *
     * @param pageSize names per page, at least 1
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when below 1
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw YshException.invalidArgument("pageSize must be at least 1, got " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * The clock that stamps each version's creation time (default the system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the driver.
     *
     * @return the driver
     */
    public InMemorySecretDriver build() {
      return new InMemorySecretDriver(this);
    }
  }
}
