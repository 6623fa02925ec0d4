package io.ysh.spring.autoconfigure;

import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ObjectStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link ObjectStorage} bean from {@code ysh.storage.url}, when that property is set and the application
 * has no {@link ObjectStorage} bean of its own. It reports to the {@link Telemetry} bean and is closed with
 * the context. A URL whose driver is missing fails the start-up naming the artifact to add.
 */
@AutoConfiguration(after = YshTelemetryAutoConfiguration.class)
@ConditionalOnClass(ObjectStorage.class)
@ConditionalOnProperty(prefix = "ysh.storage", name = "url")
@EnableConfigurationProperties(YshStorageProperties.class)
public class YshStorageAutoConfiguration {

  /** Creates the configuration. */
  public YshStorageAutoConfiguration() {}

  /**
   * The storage bean.
   *
   * @param properties {@code ysh.storage.*}
   * @param telemetry the SDK telemetry, when there is one
   * @return the storage, closed with the context
   * @throws YshConfigurationException when the URL cannot be opened
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public ObjectStorage objectStorage(YshStorageProperties properties, ObjectProvider<Telemetry> telemetry) {
    Telemetry t = telemetry.getIfAvailable(Telemetry::defaults);
    return Urls.open("ysh.storage.url", properties.getUrl(), url -> ObjectStorage.builder(url).telemetry(t).build());
  }
}
