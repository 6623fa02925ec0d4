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
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("provider", provider);
    Future<?> f;
    try {
      f = executor.submit(() -> {
        probe.run();
        return null;
      });
    } catch (RuntimeException e) {
      details.put("error", "not started");
      return new Result(false, details);
    }
    try {
      f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Result(true, details);
    } catch (TimeoutException e) {
      f.cancel(true);
      details.put("error", "timeout after " + timeout.toMillis() + " ms");
      return new Result(false, details);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
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
