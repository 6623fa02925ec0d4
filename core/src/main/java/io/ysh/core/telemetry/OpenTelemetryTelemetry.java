package io.ysh.core.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.ysh.core.YshException;
import java.util.Objects;

/**
 * Opens an OpenTelemetry client span per operation, named {@code capability.operation}, with
 * attributes {@code ysh.capability}, {@code ysh.operation}, {@code ysh.provider},
 * {@code ysh.resource} (redacted) and, on failure, {@code ysh.error_code} and an error status.
 * The span is not made current: portable calls are leaves in the caller's trace.
 *
 * <p>Needs {@code io.opentelemetry:opentelemetry-api} on the classpath; the SDK declares it
 * optional, so only applications that construct this class need it.
 */
public final class OpenTelemetryTelemetry implements Telemetry {

  /** The instrumentation scope name. */
  public static final String INSTRUMENTATION_NAME = "io.ysh.sdk";

  private final Tracer tracer;

  /**
   * Traces through the given OpenTelemetry instance.
   *
   * @param openTelemetry the application's OpenTelemetry
   */
  public OpenTelemetryTelemetry(OpenTelemetry openTelemetry) {
    this.tracer = Objects.requireNonNull(openTelemetry, "openTelemetry").getTracer(INSTRUMENTATION_NAME);
  }

  @Override
  public Observation start(OperationContext context) {
    Span span =
        tracer
            .spanBuilder(context.name())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("ysh.capability", context.capability())
            .setAttribute("ysh.operation", context.operation())
            .setAttribute("ysh.provider", context.provider())
            .setAttribute("ysh.resource", context.resource())
            .startSpan();
    return new Observation() {
      @Override
      public void success() {
        span.end();
      }

      @Override
      public void failure(YshException error) {
        span.setAttribute("ysh.error_code", error.code().name());
        span.setStatus(StatusCode.ERROR, error.code().name());
        span.end();
      }
    };
  }

  @Override
  public String toString() {
    return "OpenTelemetryTelemetry";
  }
}
