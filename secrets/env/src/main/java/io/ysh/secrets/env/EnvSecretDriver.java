package io.ysh.secrets.env;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretValue;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Secrets from environment variables ({@code env://}), read-only.
 *
 * <p>A name is looked up as {@code <prefix><name>} first, then in the conventional form
 * {@code <prefix><NAME>} with every character other than a letter, digit or {@code _} turned
 * into {@code _}: with {@code env://?prefix=APP_}, {@code db-password} reads {@code APP_db-password}
 * or else {@code APP_DB_PASSWORD}. {@link #list} returns the variable names after the prefix.
 * Values are text; there are no versions. The environment is read on every call, so a map
 * given to {@link #EnvSecretDriver(Map, String)} may change. Thread-safe when the map is.
 */
public final class EnvSecretDriver implements SecretDriver {

  private static final Set<SecretCapability> CAPABILITIES = Set.of(SecretCapability.LIST);

  private final Map<String, String> environment;
  private final String prefix;

  /**
   * Reads the process environment ({@link System#getenv()}).
   *
   * @param prefix prepended to every name, possibly empty
   */
  public EnvSecretDriver(String prefix) {
    this(System.getenv(), prefix);
  }

  /**
   * Reads an injected environment, for tests and for configuration loaded elsewhere.
   *
   * @param environment variable names to values; read live, not copied
   * @param prefix prepended to every name, possibly empty
   */
  public EnvSecretDriver(Map<String, String> environment, String prefix) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  @Override
  public String provider() {
    return "env";
  }

  @Override
  public Set<SecretCapability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public SecretValue get(String name, String version) {
    String key = prefix + name;
    String value = environment.get(key);
    if (value == null) {
      key = prefix + EnvNames.normalize(name);
      value = environment.get(key);
    }
    if (value == null) {
      throw YshException.of(
          ErrorCode.NOT_FOUND, "no environment variable " + prefix + name + " or " + prefix + EnvNames.normalize(name));
    }
    return SecretValue.builder(name, Secret.of(value)).label("env.variable", key).build();
  }

  @Override
  public NamePage list(String namePrefix, String pageToken) {
    List<String> names = new ArrayList<>();
    for (String key : environment.keySet()) {
      if (key.startsWith(prefix)) {
        String name = key.substring(prefix.length());
        if (name.startsWith(namePrefix) && !name.isEmpty()) {
          names.add(name);
        }
      }
    }
    names.sort(null);
    return NamePage.last(names);
  }


  @Override
  public void close() {}

  @Override
  public String toString() {
    return "EnvSecretDriver[prefix=" + prefix + "]";
  }
}
