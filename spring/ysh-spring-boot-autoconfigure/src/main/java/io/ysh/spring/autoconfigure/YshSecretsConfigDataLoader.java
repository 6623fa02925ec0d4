package io.ysh.spring.autoconfigure;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;

/**
 * Loads a {@code ysh-secrets:} import: opens the {@link SecretStore} from {@code ysh.secrets.url},
 * reads the secrets and exposes them as one {@link YshSecretsPropertySource}. Secret
 * {@code db/password} becomes property {@code <property-prefix>db.password}.
 *
 * <p>When anything fails (the URL, the driver, the store, a missing secret) an optional import
 * contributes nothing, and a required one fails the start-up with a
 * {@link YshConfigurationException} naming {@code ysh.secrets.url} (the store) or
 * {@code ysh.secrets.import.keys} (a missing secret), its URL masked and no value in the message.
 * With {@code ysh.secrets.import.refresh=false} the store is closed once the values are read;
 * otherwise it stays open for {@link YshSecretsRefresher}, which watches and closes it with the
 * context. Registered in {@code META-INF/spring.factories}.
 */
public final class YshSecretsConfigDataLoader implements ConfigDataLoader<YshSecretsConfigDataResource> {

  /** Creates the loader (Spring Boot instantiates it from {@code META-INF/spring.factories}). */
  public YshSecretsConfigDataLoader() {}

  @Override
  public ConfigData load(ConfigDataLoaderContext context, YshSecretsConfigDataResource resource) {
    if (!org.springframework.util.ClassUtils.isPresent("io.ysh.secrets.SecretStore", YshSecretsConfigDataLoader.class.getClassLoader())) {
      throw new YshConfigurationException("spring.config.import", "names " + YshSecretsConfigDataLocationResolver.PREFIX
          + " but the secrets API is not on the class path: add io.ysh:ysh-secrets-api (the starter brings it)", null);
    }
    return Load.load(resource);
  }

  /** Loaded only when the secrets API is on the class path. */
  private static final class Load {
    static ConfigData load(YshSecretsConfigDataResource resource) {
      SecretStore store;
      try {
        store = SecretStore.builder(resource.url()).watchInterval(resource.refreshInterval()).build();
      } catch (YshException e) {
        if (resource.optional()) {
          throw new ConfigDataResourceNotFoundException(resource, e);
        }
        throw YshConfigurationException.forUrl("ysh.secrets.url", resource.url(), e);
      }
      Map<String, String> names = new LinkedHashMap<>();
      Map<String, String> values = new LinkedHashMap<>();
      String property = "ysh.secrets.url";
      try {
        List<String> keys = resource.keys();
        if (keys.isEmpty()) {
          if (!store.supports(SecretCapability.LIST)) {
            property = "ysh.secrets.import.keys";
            throw YshException.builder(ErrorCode.UNSUPPORTED).provider(store.provider())
                .detail("is empty and the " + store.provider() + " store cannot list its secrets; name the secrets to load").build();
          }
          try (Stream<String> listed = store.list(resource.listPrefix())) {
            keys = listed.toList();
          }
        }
        for (String name : keys) {
          property = "ysh.secrets.import.keys";
          String key = propertyName(resource.propertyPrefix(), name);
          property = "ysh.secrets.url";
          try {
            values.put(key, store.get(name).secret().reveal());
          } catch (YshException e) {
            if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.INVALID_ARGUMENT) {
              property = "ysh.secrets.import.keys";
            }
            throw e;
          }
          names.put(key, name);
        }
      } catch (YshException e) {
        store.close();
        if (resource.optional()) {
          throw new ConfigDataResourceNotFoundException(resource, e);
        }
        throw new YshConfigurationException(property, "cannot load " + resource + ": " + e.getMessage(), e);
      } catch (RuntimeException | Error e) {
        store.close();
        throw e;
      }
      if (!resource.refresh()) {
        store.close();
      }
      return new ConfigData(List.of(new YshSecretsPropertySource(resource, resource.refresh() ? store : null, names, values)));
    }
  }

  /** The property a secret is exposed as: the prefix, then the name with each '/' turned into '.'. */
  static String propertyName(String prefix, String secretName) {
    if (secretName == null || secretName.isBlank()) {
      throw YshException.invalidArgument("a secret name to import is empty");
    }
    return prefix + secretName.replace('/', '.');
  }
}
