package io.ysh.testkit.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The wait loop shared by {@link ServerProcess} and {@link EmbeddedServer}. */
final class Readiness {

  private static final long FIRST_PAUSE_MILLIS = 20;
  private static final long MAX_PAUSE_MILLIS = 250;

  private Readiness() {}

  enum Status {
    READY,
    EXITED,
    TIMED_OUT,
    PROBE_UNSUPPORTED
  }

  /** How the wait ended and the last error the probe threw, if any. */
  record Outcome(Status status, Throwable lastProbeError) {}

  /**
   * Calls the probe until it is ready, {@code running} turns false, or the timeout passes.
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  static Outcome await(
      ReadinessProbe probe,
      ReadinessProbe.Context context,
      Duration timeout,
      BooleanSupplier running)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_PAUSE_MILLIS;
    Throwable lastError = null;
    while (true) {
      boolean wasRunning = running.getAsBoolean();
      try {
        if (probe.isReady(context)) {
          return new Outcome(Status.READY, null);
        }
        lastError = null;
      } catch (UnsupportedOperationException e) {
        return new Outcome(Status.PROBE_UNSUPPORTED, e);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        lastError = e;
      }
      if (!wasRunning) {
        return new Outcome(Status.EXITED, lastError);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return new Outcome(Status.TIMED_OUT, lastError);
      }
      Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
      pause = Math.min(MAX_PAUSE_MILLIS, pause * 3 / 2);
    }
  }

  /** "1.234 s" */
  static String seconds(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.3f s", duration.toMillis() / 1000.0);
  }

  /** "java.net.ConnectException: Connection refused" with the root cause when there is one. */
  static String describeError(Throwable error) {
    if (error == null) {
      return "";
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    if (root != error) {
      text += " (caused by " + root.getClass().getName()
          + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }
    return text;
  }
}
