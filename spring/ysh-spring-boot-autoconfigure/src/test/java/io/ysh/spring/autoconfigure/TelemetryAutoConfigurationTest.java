package io.ysh.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.ysh.core.YshException;
import io.ysh.core.telemetry.MicrometerTelemetry;
import io.ysh.storage.ObjectStorage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SDK's telemetry wired to the application's ObservationRegistry and MeterRegistry. */
class TelemetryAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(YshTelemetryAutoConfiguration.class, YshStorageAutoConfiguration.class))
      .withPropertyValues("ysh.storage.url=mem://telemetry-" + System.nanoTime());

  /** Records every stopped observation's context. */
  static final class Recorder implements ObservationHandler<Observation.Context> {
    final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

    @Override
    public void onStop(Observation.Context context) {
      stopped.add(context);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Registries {
    final Recorder recorder = new Recorder();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Bean
    MeterRegistry meterRegistry() {
      return meters;
    }

    @Bean
    ObservationRegistry observationRegistry() {
      ObservationRegistry r = ObservationRegistry.create();
      r.observationConfig().observationHandler(recorder).observationHandler(new DefaultMeterObservationHandler(meters));
      return r;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class MetersOnly {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  private static Map<String, String> keys(Observation.Context c) {
    return c.getLowCardinalityKeyValues().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
  }

  @Test
  void operationsAreObservationsWithTheirOutcomeAndOneTimer() {
    runner.withUserConfiguration(Registries.class).run(ctx -> {
      ObjectStorage storage = ctx.getBean(ObjectStorage.class);
      storage.put("a", "x".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> storage.getBytes("missing")).isInstanceOf(YshException.class);
      Registries r = ctx.getBean(Registries.class);
      assertThat(r.recorder.stopped).hasSizeGreaterThanOrEqualTo(2);
      Observation.Context put = r.recorder.stopped.stream().filter(c -> "OK".equals(keys(c).get("outcome"))).findFirst().orElseThrow();
      assertThat(put.getName()).isEqualTo(MicrometerTelemetry.METER_NAME);
      assertThat(keys(put)).containsEntry("capability", "storage").containsKey("operation").containsKey("provider");
      Observation.Context miss = r.recorder.stopped.stream().filter(c -> "NOT_FOUND".equals(keys(c).get("outcome"))).findFirst().orElseThrow();
      assertThat(miss.getError()).isInstanceOf(YshException.class);
      assertThat(put.getLowCardinalityKeyValues().toString() + put.getHighCardinalityKeyValues()).doesNotContain("missing");
      long timed = r.meters.find(MicrometerTelemetry.METER_NAME).timers().stream().mapToLong(Timer::count).sum();
      assertThat(timed).as("one timer record per operation, from the observation handler only").isEqualTo(r.recorder.stopped.size());
    });
  }

  @Test
  void withObservationsOffOrWithoutARegistryThePlainTimerIsUsed() {
    runner.withUserConfiguration(Registries.class).withPropertyValues("ysh.telemetry.observations=false").run(ctx -> {
      ctx.getBean(ObjectStorage.class).put("a", new byte[] {1});
      Registries r = ctx.getBean(Registries.class);
      assertThat(r.recorder.stopped).isEmpty();
      assertThat(r.meters.find(MicrometerTelemetry.METER_NAME).tag("outcome", "OK").timer()).isNotNull();
    });
    runner.withUserConfiguration(MetersOnly.class).run(ctx -> {
      ctx.getBean(ObjectStorage.class).put("a", new byte[] {1});
      assertThat(ctx.getBean(MeterRegistry.class).find(MicrometerTelemetry.METER_NAME).tag("outcome", "OK").timer().count()).isEqualTo(1);
    });
    runner.withBean(ObservationRegistry.class, () -> ObservationRegistry.NOOP).withUserConfiguration(MetersOnly.class).run(ctx -> {
      ctx.getBean(ObjectStorage.class).put("a", new byte[] {1});
      assertThat(ctx.getBean(MeterRegistry.class).find(MicrometerTelemetry.METER_NAME).timer()).isNotNull();
    });
  }

  @Test
  void withoutMicrometerOnTheClassPathTelemetryStillWorks() {
    runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(ctx -> {
      assertThat(ctx).hasNotFailed();
      ctx.getBean(ObjectStorage.class).put("a", new byte[] {1});
    });
  }
}
