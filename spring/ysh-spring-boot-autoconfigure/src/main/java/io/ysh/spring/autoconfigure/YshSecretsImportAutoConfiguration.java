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
 * {@code management.endpoint.env.show-values} says.
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
      return data -> data.getPropertySource() != null
              && data.getPropertySource().getName().startsWith(YshSecretsPropertySource.NAME_PREFIX)
          ? data.withValue(org.springframework.boot.actuate.endpoint.SanitizableData.SANITIZED_VALUE)
          : data;
    }
  }
}
