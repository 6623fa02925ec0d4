package io.ysh.spring.autoconfigure;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One cheap probe of an SDK bean (a single read of a key that need not exist), bounded by a
 * timeout. The result's details hold the provider and, when down, the portable error code: never
 * a message, a URL or a secret.
 *
 * <p>A probe counts as <em>up</em> when the service answered, even with {@code NOT_FOUND} or
 * {@code PERMISSION_DENIED} (a least-privilege credential may not read the probe's key); it is
 * <em>down</em> when the call fails otherwise or does not finish within the timeout.
 */
public final class YshHealthCheck {

  /** What a probe does. */
  @FunctionalInterface
  public interface Probe {
    /**
     * Runs the probe.
     *
     * @throws Exception when the service cannot be reached
     */
    void run() throws Exception;
  }

  /**
   * A probe's outcome.
   *
   * @param up whether the service answered
   * @param details what Actuator shows: provider, and error code or {@code timeout} when down
   */
  public record Result(boolean up, Map<String, Object> details) {}

  private final String provider;
  private final Probe probe;
  private final Duration timeout;
  private final ExecutorService executor;
  private final boolean deniedIsUp;

  /**
   * Creates the check.
   *
   * @param provider the driver's name, shown in details
   * @param probe the probe
   * @param timeout how long the probe may take
   * @param executor where probes run (so a hung call cannot hold the Actuator thread)
   */
  public YshHealthCheck(String provider, Probe probe, Duration timeout, ExecutorService executor) {
    this(provider, probe, timeout, executor, true);
  }

  /**
   * Creates the check, choosing whether a refused credential counts as up.
   *
   * @param provider the service's name, shown in details
   * @param probe the probe
   * @param timeout how long the probe may take
   * @param executor where probes run
   * @param deniedIsUp whether {@code NOT_FOUND} and {@code PERMISSION_DENIED} count as up (a probe
   *     of a key that need not exist); false when the probe's point is that the call succeeds
   *     (the Asaas key is valid)
   */
  public YshHealthCheck(String provider, Probe probe, Duration timeout, ExecutorService executor, boolean deniedIsUp) {
    this.deniedIsUp = deniedIsUp;
    this.provider = Objects.requireNonNull(provider, "provider");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * Runs the probe once.
   *
   * @return the outcome
   */
  public Result check() {
    return start().await();
  }

  /**
   * Starts the probe on the executor; {@link Pending#await()} collects its outcome. Starting
   * several checks before awaiting any runs them side by side: the whole takes about the slowest
   * probe's time, not the sum.
   */
  Pending start() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("provider", provider);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      return new Pending(executor.submit(() -> {
        probe.run();
        return null;
      }), details, deadline);
    } catch (RuntimeException e) {
      details.put("error", "not started");
      return new Pending(null, details, deadline);
    }
  }

  /** A started probe. */
  final class Pending {
    private final Future<?> future;
    private final Map<String, Object> details;
    private final long deadline;

    private Pending(Future<?> future, Map<String, Object> details, long deadline) {
      this.future = future;
      this.details = details;
      this.deadline = deadline;
    }

    /** Waits for the probe until the check's timeout, counted from its start. */
    Result await() {
      if (future == null) {
        return new Result(false, details);
      }
      try {
        future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return new Result(true, details);
      } catch (TimeoutException e) {
        future.cancel(true);
        details.put("error", "timeout after " + timeout.toMillis() + " ms");
        return new Result(false, details);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        future.cancel(true);
        details.put("error", "interrupted");
        return new Result(false, details);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof YshException y) {
          if (deniedIsUp && (y.code() == ErrorCode.NOT_FOUND || y.code() == ErrorCode.PERMISSION_DENIED)) {
            return new Result(true, details);
          }
          details.put("error", y.code().name());
        } else {
          details.put("error", cause == null ? "unknown" : cause.getClass().getSimpleName());
        }
        return new Result(false, details);
      }
    }
  }
}
