package io.ysh.spring.autoconfigure;

import io.ysh.core.telemetry.Telemetry;
import io.ysh.secrets.SecretStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link SecretStore} bean from {@code ysh.secrets.url}, when that property is set and the application
 * has no {@link SecretStore} bean of its own. It reports to the {@link Telemetry} bean and is closed with
 * the context. A URL whose driver is missing fails the start-up naming the artifact to add.
 */
@AutoConfiguration(after = YshTelemetryAutoConfiguration.class)
@ConditionalOnClass(SecretStore.class)
@ConditionalOnProperty(prefix = "ysh.secrets", name = "url")
@EnableConfigurationProperties(YshSecretsProperties.class)
public class YshSecretsAutoConfiguration {

  /** Creates the configuration. */
  public YshSecretsAutoConfiguration() {}

  /**
   * The secrets bean.
   *
   * @param properties {@code ysh.secrets.*}
   * @param telemetry the SDK telemetry, when there is one
   * @return the secrets, closed with the context
   * @throws YshConfigurationException when the URL cannot be opened
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public SecretStore secretStore(YshSecretsProperties properties, ObjectProvider<Telemetry> telemetry) {
    Telemetry t = telemetry.getIfAvailable(Telemetry::defaults);
    return Urls.open("ysh.secrets.url", properties.getUrl(), url -> SecretStore.builder(url).telemetry(t).build());
  }
}
