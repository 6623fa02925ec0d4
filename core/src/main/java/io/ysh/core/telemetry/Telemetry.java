package io.ysh.core.telemetry;

import io.ysh.core.YshException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The hook every portable layer calls around every operation: it learns the operation's name,
 * provider, duration and outcome. Implementations: {@link #slf4j()} (the default),
 * {@link MicrometerTelemetry} and {@link OpenTelemetryTelemetry} (each needs its library on the
 * classpath; nothing here loads them unless you construct one), {@link #noop()}, and
 * {@link #composite(Telemetry...)} to fan out.
 *
 * <p>Implementations must be thread-safe, fast, and must never throw: telemetry failures may
 * not fail the user's call. They must never record secret values; the operation context holds
 * only names and an already-redacted resource.
 */
public interface Telemetry {

  /**
   * Called when an operation starts.
   *
   * @param context what the operation is
   * @return the observation, which is told exactly once how the operation ended
   */
  Observation start(OperationContext context);

  /** One operation in flight. */
  interface Observation {

    /** The operation succeeded. */
    void success();

    /**
     * The operation failed.
     *
     * @param error the portable error the caller receives
     */
    void failure(YshException error);
  }

  /**
   * Records nothing.
   *
   * @return the no-op telemetry
   */
  static Telemetry noop() {
    return NoopTelemetry.INSTANCE;
  }

  /**
   * Logs each operation through SLF4J at DEBUG on logger {@code io.ysh.telemetry}: name,
   * provider, duration and outcome.
   *
   * @return the SLF4J telemetry
   */
  static Telemetry slf4j() {
    return Slf4jTelemetry.INSTANCE;
  }

  /**
   * The default for clients that were given none: {@link #slf4j()}.
   *
   * @return the default telemetry
   */
  static Telemetry defaults() {
    return slf4j();
  }

  /**
   * Sends every observation to each of the given telemetries, in order.
   *
   * @param telemetries the targets
   * @return a telemetry that fans out
   */
  static Telemetry composite(Telemetry... telemetries) {
    List<Telemetry> all = new ArrayList<>();
    for (Telemetry t : telemetries) {
      all.add(Objects.requireNonNull(t, "telemetry"));
    }
    List<Telemetry> targets = List.copyOf(all);
    return context -> {
      List<Observation> observations = new ArrayList<>(targets.size());
      for (Telemetry t : targets) {
        observations.add(Telemetries.safeStart(t, context));
      }
      return new Observation() {
        @Override
        public void success() {
          for (Observation o : observations) {
            Telemetries.safe(o::success);
          }
        }

        @Override
        public void failure(YshException error) {
          for (Observation o : observations) {
            Telemetries.safe(() -> o.failure(error));
          }
        }
      };
    };
  }
}
