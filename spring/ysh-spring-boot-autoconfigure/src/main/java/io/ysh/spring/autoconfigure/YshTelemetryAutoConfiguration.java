package io.ysh.spring.autoconfigure;

import io.ysh.core.telemetry.MicrometerTelemetry;
import io.ysh.core.telemetry.OpenTelemetryTelemetry;
import io.ysh.core.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * The {@link Telemetry} every SDK bean reports to: SLF4J always; Micrometer observations
 * ({@link ObservationTelemetry}) when the application has an {@code ObservationRegistry} bean, as
 * every Spring Boot application with Actuator has, else a Micrometer timer
 * ({@value MicrometerTelemetry#METER_NAME}) when it has a {@code MeterRegistry} bean; and
 * OpenTelemetry when it has an {@code OpenTelemetry} bean. With an observation registry the timer
 * comes from the registry's meter handler, so it is not recorded a second time; set
 * {@code ysh.telemetry.observations=false} to use the plain timer instead. Backs off when the
 * application defines its own {@link Telemetry}.
 */
@AutoConfiguration
public class YshTelemetryAutoConfiguration {

  private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";
  private static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";
  private static final String OBSERVATION_REGISTRY = "io.micrometer.observation.ObservationRegistry";

  /** Creates the configuration. */
  public YshTelemetryAutoConfiguration() {}

  /**
   * The SDK's telemetry.
   *
   * @param beanFactory where the observation registry, meter registry, OpenTelemetry and environment
   *     ({@code ysh.telemetry.observations}) beans are looked up
   * @return the telemetry
   */
  @Bean
  @ConditionalOnMissingBean
  public Telemetry yshTelemetry(BeanFactory beanFactory) {
    org.springframework.core.env.Environment env =
        beanFactory.getBeanProvider(org.springframework.core.env.Environment.class).getIfAvailable();
    ClassLoader loader = YshTelemetryAutoConfiguration.class.getClassLoader();
    List<Telemetry> all = new ArrayList<>();
    all.add(Telemetry.slf4j());
    Telemetry observations = null;
    boolean wanted = env == null || env.getProperty("ysh.telemetry.observations", Boolean.class, true);
    if (wanted && ClassUtils.isPresent(OBSERVATION_REGISTRY, loader)) {
      observations = Observations.from(beanFactory);
    }
    if (observations != null) {
      all.add(observations);
    } else if (ClassUtils.isPresent(METER_REGISTRY, loader)) {
      Telemetry micrometer = Micrometer.from(beanFactory);
      if (micrometer != null) {
        all.add(micrometer);
      }
    }
    if (ClassUtils.isPresent(OPEN_TELEMETRY, loader)) {
      Telemetry otel = Otel.from(beanFactory);
      if (otel != null) {
        all.add(otel);
      }
    }
    return all.size() == 1 ? all.get(0) : Telemetry.composite(all.toArray(Telemetry[]::new));
  }

  /** Loaded only when Micrometer's observation API is on the class path. */
  private static final class Observations {
    static Telemetry from(BeanFactory beanFactory) {
      io.micrometer.observation.ObservationRegistry registry =
          beanFactory.getBeanProvider(io.micrometer.observation.ObservationRegistry.class).getIfUnique();
      return registry == null || registry.isNoop() ? null : new ObservationTelemetry(registry);
    }
  }

  /** Loaded only when Micrometer is on the class path. */
  private static final class Micrometer {
    static Telemetry from(BeanFactory beanFactory) {
      io.micrometer.core.instrument.MeterRegistry registry =
          beanFactory.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class).getIfAvailable();
      return registry == null ? null : new MicrometerTelemetry(registry);
    }
  }

  /** Loaded only when the OpenTelemetry API is on the class path. */
  private static final class Otel {
    static Telemetry from(BeanFactory beanFactory) {
      io.opentelemetry.api.OpenTelemetry otel =
          beanFactory.getBeanProvider(io.opentelemetry.api.OpenTelemetry.class).getIfAvailable();
      return otel == null ? null : new OpenTelemetryTelemetry(otel);
    }
  }
}
