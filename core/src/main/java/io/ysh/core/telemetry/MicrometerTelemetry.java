package io.ysh.core.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ysh.core.YshException;
import java.util.Objects;

/**
 * Records every operation as a Micrometer timer {@code ysh.operation} tagged with
 * {@code capability}, {@code operation}, {@code provider} and {@code outcome} ({@code OK} or the
 * {@link io.ysh.core.ErrorCode} name). The resource is never a tag (unbounded cardinality, and
 * it may name personal data).
 *
 * <p>Needs {@code io.micrometer:micrometer-core} on the classpath; the SDK declares it optional,
 * so only applications that construct this class need it.
 */
public final class MicrometerTelemetry implements Telemetry {

  /** The timer's name. */
  public static final String METER_NAME = "ysh.operation";

  private final MeterRegistry registry;

  /**
   * Records into the given registry.
   *
   * @param registry the application's meter registry
   */
  public MicrometerTelemetry(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public Observation start(OperationContext context) {
    Timer.Sample sample = Timer.start(registry);
    return new Observation() {
      @Override
      public void success() {
        stop("OK");
      }

      @Override
      public void failure(YshException error) {
        stop(error.code().name());
      }

      private void stop(String outcome) {
        sample.stop(
            Timer.builder(METER_NAME)
                .description("YSH SDK portable operations")
                .tag("capability", context.capability())
                .tag("operation", context.operation())
                .tag("provider", context.provider())
                .tag("outcome", outcome)
                .register(registry));
      }
    };
  }

  @Override
  public String toString() {
    return "MicrometerTelemetry[" + registry.getClass().getSimpleName() + "]";
  }
}
