package io.ysh.core.telemetry;

import io.ysh.core.YshException;

/** Records nothing. */
final class NoopTelemetry implements Telemetry {

  static final NoopTelemetry INSTANCE = new NoopTelemetry();

  static final Observation OBSERVATION =
      new Observation() {
        @Override
        public void success() {}

        @Override
        public void failure(YshException error) {}
      };

  private NoopTelemetry() {}

  @Override
  public Observation start(OperationContext context) {
    return OBSERVATION;
  }

  @Override
  public String toString() {
    return "Telemetry.noop()";
  }
}
