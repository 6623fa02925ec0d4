package io.ysh.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationNotFoundException;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Resolves {@code spring.config.import=ysh-secrets:} (and {@code optional:ysh-secrets:}) from
 * {@code ysh.secrets.url} and {@code ysh.secrets.import.*}, read from the sources loaded before
 * the import. Secret names may also follow the prefix, comma separated
 * ({@code ysh-secrets:db/password,asaas-api-key}); they replace {@code ysh.secrets.import.keys}.
 *
 * <p>Without {@code ysh.secrets.url} an optional import contributes nothing and a required one
 * fails the start-up naming the property. Registered in {@code META-INF/spring.factories}.
 */
public final class YshSecretsConfigDataLocationResolver implements ConfigDataLocationResolver<YshSecretsConfigDataResource> {

  /** The location prefix. */
  public static final String PREFIX = "ysh-secrets:";

  /** Creates the resolver (Spring Boot instantiates it from {@code META-INF/spring.factories}). */
  public YshSecretsConfigDataLocationResolver() {}

  @Override
  public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
    return location.hasPrefix(PREFIX);
  }

  @Override
  public List<YshSecretsConfigDataResource> resolve(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
    Binder binder = context.getBinder();
    String url = binder.bind("ysh.secrets.url", String.class).orElse(null);
    if (url == null || url.isBlank()) {
      if (location.isOptional()) {
        throw new ConfigDataLocationNotFoundException(location, "ysh.secrets.url is not set", null);
      }
      throw new YshConfigurationException("ysh.secrets.url",
          "is not set, but spring.config.import names " + location + "; set it (such as file:///run/secrets/) or import optional:" + PREFIX, null);
    }
    YshSecretsProperties.Import settings = binder.bind("ysh.secrets.import", YshSecretsProperties.Import.class)
        .orElseGet(YshSecretsProperties.Import::new);
    Duration interval = settings.getRefreshInterval();
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new YshConfigurationException("ysh.secrets.import.refresh-interval", "must be a positive duration, was " + interval, null);
    }
    List<String> keys = new ArrayList<>();
    String inline = location.getNonPrefixedValue(PREFIX);
    if (!inline.isBlank()) {
      for (String k : inline.split(",")) {
        if (!k.isBlank()) {
          keys.add(k.strip());
        }
      }
    } else {
      for (String k : settings.getKeys()) {
        if (k == null || k.isBlank()) {
          throw new YshConfigurationException("ysh.secrets.import.keys", "holds an empty name", null);
        }
        keys.add(k.strip());
      }
    }
    return List.of(new YshSecretsConfigDataResource(location.isOptional(), url.strip(), keys, settings.getListPrefix(),
        settings.getPropertyPrefix(), settings.isRefresh(), interval));
  }
}
