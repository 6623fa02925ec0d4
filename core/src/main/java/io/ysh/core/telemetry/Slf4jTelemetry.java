package io.ysh.core.telemetry;

import io.ysh.core.YshException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each operation at DEBUG on logger {@code io.ysh.telemetry}. */
final class Slf4jTelemetry implements Telemetry {

  static final Slf4jTelemetry INSTANCE = new Slf4jTelemetry();

  private static final Logger LOG = LoggerFactory.getLogger("io.ysh.telemetry");

  private Slf4jTelemetry() {}

  @Override
  public Observation start(OperationContext context) {
    if (!LOG.isDebugEnabled()) {
      return NoopTelemetry.OBSERVATION;
    }
    long start = System.nanoTime();
    return new Observation() {
      @Override
      public void success() {
        LOG.debug(
            "{} [{}] '{}' ok in {} µs",
            context.name(),
            context.provider(),
            context.resource(),
            (System.nanoTime() - start) / 1_000);
      }

      @Override
      public void failure(YshException error) {
        LOG.debug(
            "{} [{}] '{}' failed with {} in {} µs",
            context.name(),
            context.provider(),
            context.resource(),
            error.code(),
            (System.nanoTime() - start) / 1_000);
      }
    };
  }

  @Override
  public String toString() {
    return "Telemetry.slf4j()";
  }
}
