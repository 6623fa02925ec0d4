package io.ysh.core.telemetry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Guards that keep a misbehaving telemetry implementation from failing user calls. */
final class Telemetries {

  private static final Logger LOG = LoggerFactory.getLogger("io.ysh.telemetry");

  private Telemetries() {}

  static Telemetry.Observation safeStart(Telemetry t, OperationContext context) {
    try {
      Telemetry.Observation o = t.start(context);
      return o == null ? NoopTelemetry.OBSERVATION : o;
    } catch (RuntimeException e) {
      LOG.warn("telemetry {} failed to start an observation of {}", t.getClass().getName(), context.name(), e);
      return NoopTelemetry.OBSERVATION;
    }
  }

  static void safe(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("telemetry failed to record an observation", e);
    }
  }
}
