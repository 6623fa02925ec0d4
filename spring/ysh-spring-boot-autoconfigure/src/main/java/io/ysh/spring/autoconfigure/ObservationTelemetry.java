package io.ysh.spring.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.ysh.core.YshException;
import io.ysh.core.telemetry.MicrometerTelemetry;
import io.ysh.core.telemetry.OperationContext;
import io.ysh.core.telemetry.Telemetry;
import java.util.Objects;

/**
 * SDK telemetry as Micrometer {@link io.micrometer.observation.Observation}s: one observation named
 * {@value MicrometerTelemetry#METER_NAME} per portable operation, contextual name
 * {@code ysh <capability>.<operation>}, low-cardinality keys {@code capability},
 * {@code operation}, {@code provider} and {@code outcome} ({@code OK} or the portable error code),
 * and the {@link YshException} as the observation's error. Whatever handlers the registry has
 * turn it into a timer (Spring Boot's meter handler: the same {@code ysh.operation} timer as
 * {@link MicrometerTelemetry}, plus an {@code error} tag) and a span (a tracing bridge). The
 * resource (a key or secret name) is not recorded.
 */
public final class ObservationTelemetry implements Telemetry {

  private final ObservationRegistry registry;

  /**
   * Creates the telemetry.
   *
   * @param registry the application's observation registry
   */
  public ObservationTelemetry(ObservationRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public Telemetry.Observation start(OperationContext context) {
    io.micrometer.observation.Observation o = io.micrometer.observation.Observation
        .createNotStarted(MicrometerTelemetry.METER_NAME, registry)
        .contextualName("ysh " + context.capability() + "." + context.operation())
        .lowCardinalityKeyValue("capability", context.capability())
        .lowCardinalityKeyValue("operation", context.operation())
        .lowCardinalityKeyValue("provider", context.provider())
        .start();
    return new Telemetry.Observation() {
      @Override
      public void success() {
        o.lowCardinalityKeyValue("outcome", "OK").stop();
      }

      @Override
      public void failure(YshException error) {
        o.lowCardinalityKeyValue("outcome", error.code().name()).error(error).stop();
      }
    };
  }

  @Override
  public String toString() {
    return "ObservationTelemetry[" + registry.getClass().getSimpleName() + "]";
  }
}
