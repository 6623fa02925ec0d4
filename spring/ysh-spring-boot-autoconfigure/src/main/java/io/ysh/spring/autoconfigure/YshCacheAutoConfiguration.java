package io.ysh.spring.autoconfigure;

import io.ysh.core.telemetry.Telemetry;
import io.ysh.cache.Cache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link Cache} bean from {@code ysh.cache.url}, when that property is set and the application
 * has no {@link Cache} bean of its own. It reports to the {@link Telemetry} bean and is closed with
 * the context. A URL whose driver is missing fails the start-up naming the artifact to add.
 */
@AutoConfiguration(after = YshTelemetryAutoConfiguration.class)
@ConditionalOnClass(Cache.class)
@ConditionalOnProperty(prefix = "ysh.cache", name = "url")
@EnableConfigurationProperties(YshCacheProperties.class)
public class YshCacheAutoConfiguration {

  /** Creates the configuration. */
  public YshCacheAutoConfiguration() {}

  /**
   * The cache bean.
   *
   * @param properties {@code ysh.cache.*}
   * @param telemetry the SDK telemetry, when there is one
   * @return the cache, closed with the context
   * @throws YshConfigurationException when the URL cannot be opened
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Cache cache(YshCacheProperties properties, ObjectProvider<Telemetry> telemetry) {
    Telemetry t = telemetry.getIfAvailable(Telemetry::defaults);
    return Urls.open("ysh.cache.url", properties.getUrl(), url -> Cache.builder(url).telemetry(t).build());
  }
}
