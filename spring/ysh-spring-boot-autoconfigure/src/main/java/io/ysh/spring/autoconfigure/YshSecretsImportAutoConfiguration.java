package io.ysh.spring.autoconfigure;

import io.ysh.secrets.SecretStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The run-time half of {@code spring.config.import=ysh-secrets:}: a {@link YshSecretsRefresher}
 * that watches the imported secrets and closes their stores with the context, and, when Actuator
 * is present, a {@code SanitizingFunction} that masks every value of a {@code ysh-secrets:}
 * property source ({@code ******}) in {@code /actuator/env} whatever
 * {@code management.endpoint.env.show-values} says, and the password in every {@code ysh.*} or
 * {@code *url} property holding a URL (its resolved value would show a secret placed in it through a
 * placeholder).
 */
@AutoConfiguration
@ConditionalOnClass(SecretStore.class)
public class YshSecretsImportAutoConfiguration {

  /** Creates the configuration. */
  public YshSecretsImportAutoConfiguration() {}

  /**
   * The refresher.
   *
   * @param environment the environment holding the imported property sources
   * @param publisher where rotation events go
   * @return the refresher
   */
  @Bean
  @ConditionalOnMissingBean
  public YshSecretsRefresher yshSecretsRefresher(ConfigurableEnvironment environment, ApplicationEventPublisher publisher) {
    return new YshSecretsRefresher(environment, publisher);
  }

  /** Loaded only when Actuator's sanitizer API is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
  static class Sanitizing {
    @Bean
    @ConditionalOnMissingBean(name = "yshSecretsSanitizingFunction")
    org.springframework.boot.actuate.endpoint.SanitizingFunction yshSecretsSanitizingFunction() {
      return data -> {
        if (data.getPropertySource() != null
            && data.getPropertySource().getName().startsWith(YshSecretsPropertySource.NAME_PREFIX)) {
          return data.withValue(org.springframework.boot.actuate.endpoint.SanitizableData.SANITIZED_VALUE);
        }
        Object value = data.getValue();
        return value instanceof String url && isUrlProperty(data.getKey()) ? data.withValue(maskedUrl(url)) : data;
      };
    }

    /** The SDK's URL properties ({@code ysh.storage.url}, queue URLs…) and any other {@code *url}/{@code *uri}. */
    private static boolean isUrlProperty(String key) {
      String k = key == null ? "" : key.toLowerCase(java.util.Locale.ROOT);
      return k.startsWith("ysh.") || k.endsWith("url") || k.endsWith("uri");
    }

    /**
     * A URL with its password (and sensitive query values) masked the way the SDK prints URLs; a
     * value holding user info that does not parse is masked whole. Values shown in
     * {@code /actuator/env} are resolved, so {@code s3://${KEY}:${SECRET}@…} would print the secret.
     */
    static String maskedUrl(String value) {
      int scheme = value.indexOf("://");
      if (scheme < 0 || value.indexOf('@', scheme) < 0 && !value.contains("?")) {
        return value;
      }
      try {
        return io.ysh.core.url.ResourceUrl.parse(value).toString();
      } catch (RuntimeException e) {
        return value.indexOf('@', scheme) < 0 ? value
            : org.springframework.boot.actuate.endpoint.SanitizableData.SANITIZED_VALUE;
      }
    }
  }
}
