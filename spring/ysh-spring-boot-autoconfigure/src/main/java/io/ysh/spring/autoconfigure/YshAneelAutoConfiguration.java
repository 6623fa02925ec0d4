package io.ysh.spring.autoconfigure;

import io.ysh.aneel.AneelClient;
import io.ysh.core.YshException;
import io.ysh.core.telemetry.Telemetry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * An {@link AneelClient} from {@code ysh.aneel.*} (unless {@code ysh.aneel.enabled=false} or the
 * application has its own), and, with {@code ysh.aneel.tariffs.enabled=true}, a {@link YshTariffs}
 * that serves a {@link io.ysh.aneel.TariffCalculator} refreshed every
 * {@code ysh.aneel.tariffs.refresh-interval}.
 */
@AutoConfiguration(after = YshTelemetryAutoConfiguration.class)
@ConditionalOnClass(AneelClient.class)
@ConditionalOnProperty(prefix = "ysh.aneel", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(YshAneelProperties.class)
public class YshAneelAutoConfiguration {

  /** Creates the configuration. */
  public YshAneelAutoConfiguration() {}

  /**
   * The ANEEL client.
   *
   * @param properties {@code ysh.aneel.*}
   * @param telemetry the SDK telemetry, when there is one
   * @return the client
   * @throws YshConfigurationException for an invalid property
   */
  @Bean
  @ConditionalOnMissingBean
  public AneelClient aneelClient(YshAneelProperties properties, ObjectProvider<Telemetry> telemetry) {
    AneelClient.Builder b = AneelClient.builder().telemetry(telemetry.getIfAvailable(Telemetry::defaults));
    String property = "ysh.aneel";
    try {
      if (properties.getBaseUrl() != null && !properties.getBaseUrl().isBlank()) {
        property = "ysh.aneel.base-url";
        b.baseUrl(properties.getBaseUrl().strip());
      }
      if (properties.getConnectTimeout() != null) {
        property = "ysh.aneel.connect-timeout";
        b.connectTimeout(properties.getConnectTimeout());
      }
      if (properties.getReadTimeout() != null) {
        property = "ysh.aneel.read-timeout";
        b.readTimeout(properties.getReadTimeout());
      }
      property = "ysh.aneel.base-url";
      return b.build();
    } catch (YshException | IllegalArgumentException e) {
      throw new YshConfigurationException(property, e.getMessage(), e);
    }
  }

  /**
   * The refreshed tariff calculator.
   *
   * @param aneel the client
   * @param properties {@code ysh.aneel.*}
   * @return the holder; it downloads nothing until first used
   * @throws YshConfigurationException for a refresh interval that is not positive
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(AneelClient.class)
  @ConditionalOnProperty(prefix = "ysh.aneel.tariffs", name = "enabled", havingValue = "true")
  public YshTariffs yshTariffs(AneelClient aneel, YshAneelProperties properties) {
    try {
      return new YshTariffs(aneel, properties.getTariffs().getRefreshInterval(), Clock.systemUTC());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new YshConfigurationException("ysh.aneel.tariffs.refresh-interval", "must be positive", e);
    }
  }
}
