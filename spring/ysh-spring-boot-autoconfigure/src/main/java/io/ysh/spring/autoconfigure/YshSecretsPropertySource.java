package io.ysh.spring.autoconfigure;

import io.ysh.secrets.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The secrets of one {@code ysh-secrets:} import, as properties. Its name starts with
 * {@value #NAME_PREFIX}, which is how the Actuator sanitizer registered by
 * {@link YshSecretsImportAutoConfiguration} recognises it and masks every value in
 * {@code /actuator/env}. Values are replaced when {@link YshSecretsRefresher} sees a rotation.
 * Its source is the store (or nothing when rotations are not watched), so neither this source's
 * {@code toString} nor its source's shows a value.
 */
public final class YshSecretsPropertySource extends EnumerablePropertySource<Object> {

  /** How the names of these property sources start. */
  public static final String NAME_PREFIX = "ysh-secrets:";

  private final SecretStore store;
  private final Map<String, String> secretNames;
  private final Map<String, String> values;

  YshSecretsPropertySource(YshSecretsConfigDataResource resource, SecretStore store, Map<String, String> secretNames,
      Map<String, String> values) {
    super(resource.toString(), store == null ? new Object() : store);
    this.store = store;
    this.secretNames = Map.copyOf(secretNames);
    this.values = new ConcurrentHashMap<>(values);
  }

  @Override
  public String[] getPropertyNames() {
    return values.keySet().toArray(String[]::new);
  }

  @Override
  public Object getProperty(String name) {
    return values.get(name);
  }

  @Override
  public boolean containsProperty(String name) {
    return values.containsKey(name);
  }

  /**
   * The open store, when rotations are watched.
   *
   * @return the store, or empty
   */
  Optional<SecretStore> store() {
    return Optional.ofNullable(store);
  }

  /**
   * Property name to secret name, for every loaded secret.
   *
   * @return the names
   */
  Map<String, String> secretNames() {
    return secretNames;
  }

  /** Replaces a property's value after a rotation. */
  void update(String property, String value) {
    values.put(property, value);
  }
}
