package io.ysh.core.spi;

import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.resilience.Resilience;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.OperationContext;
import io.ysh.core.telemetry.Telemetry;
import java.util.Objects;

/**
 * The shared work of every portable call, done once so drivers stay thin: telemetry around the
 * call, resilience (retries only when idempotent) around each attempt, and error mapping
 * (exactly once, with the operation, provider and resource added to the message).
 *
 * <p>One invoker per portable client instance. Thread-safe.
 */
public final class Invoker {

  private final String capability;
  private final String provider;
  private final Telemetry telemetry;
  private final Resilience resilience;
  private final ErrorMapper errorMapper;

  private Invoker(String capability, String provider, Telemetry telemetry, Resilience resilience, ErrorMapper errorMapper) {
    this.capability = Objects.requireNonNull(capability, "capability");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.resilience = Objects.requireNonNull(resilience, "resilience");
    this.errorMapper = Objects.requireNonNull(errorMapper, "errorMapper");
  }

  /**
   * Creates an invoker.
   *
   * @param capability the capability, such as {@code storage}
   * @param provider the driver, such as {@code s3}
   * @param telemetry where observations go
   * @param policy the resilience policy; a new {@link Resilience} (with its own circuit breaker)
   *     is created for this invoker
   * @param errorMapper the driver's error mapper
   * @return the invoker
   */
  public static Invoker create(
      String capability, String provider, Telemetry telemetry, ResiliencePolicy policy, ErrorMapper errorMapper) {
    return new Invoker(
        capability, provider, telemetry, Resilience.create(capability + ":" + provider, policy), errorMapper);
  }

  /**
   * Runs one portable operation.
   *
   * @param <T> the result type
   * @param operation the operation name, such as {@code get}
   * @param resource what it acts on (a key, a queue); redacted before it is recorded
   * @param idempotent whether the call may be retried safely
   * @param call the provider call
   * @return the call's result
   * @throws YshException the mapped failure, naming operation, provider and resource
   */
  public <T> T call(String operation, String resource, boolean idempotent, ProviderCall<T> call) {
    OperationContext context = new OperationContext(capability, operation, provider, resource);
    Telemetry.Observation observation = startSafely(context);
    try {
      T result = resilience.call(idempotent, () -> attempt(call));
      finishSafely(observation, null);
      return result;
    } catch (YshException e) {
      YshException named = withContext(e, context, resource);
      finishSafely(observation, named);
      throw named;
    }
  }

  /**
   * Runs one portable operation that returns nothing.
   *
   * @param operation the operation name
   * @param resource what it acts on
   * @param idempotent whether the call may be retried safely
   * @param call the provider call; its result is ignored
   * @throws YshException the mapped failure
   */
  public void run(String operation, String resource, boolean idempotent, ProviderCall<?> call) {
    call(operation, resource, idempotent, call);
  }

  /**
   * Maps a failure that happened outside {@link #call} (for example while reading a stream
   * the provider returned) the same way calls are mapped.
   *
   * @param operation the operation name
   * @param resource what it acted on
   * @param failure the failure
   * @return the portable exception, naming operation, provider and resource
   */
  public YshException map(String operation, String resource, Throwable failure) {
    YshException e = failure instanceof YshException y ? y : errorMapper.map(failure);
    return withContext(e, new OperationContext(capability, operation, provider, resource), resource);
  }

  /**
   * The driver name this invoker reports.
   *
   * @return the provider
   */
  public String provider() {
    return provider;
  }

  /**
   * The resilience executor, for reading the circuit breaker's state.
   *
   * @return the executor
   */
  public Resilience resilience() {
    return resilience;
  }

  private <T> T attempt(ProviderCall<T> call) {
    try {
      return call.call();
    } catch (YshException e) {
      throw e;
    } catch (Exception e) {
      YshException mapped = errorMapper.map(e);
      throw mapped == null ? Errors.classify(e) : mapped;
    } catch (Error e) {
      throw e;
    } catch (Throwable t) {
      throw Errors.classify(t);
    }
  }

  private YshException withContext(YshException e, OperationContext context, String resource) {
    if (e.operation().isPresent() || e.getClass() != YshException.class) {
      return e;
    }
    YshException named =
        e.toBuilder()
            .operation(context.name())
            .provider(context.provider())
            .resource(resource == null || resource.isEmpty() ? null : resource)
            .build();
    named.setStackTrace(e.getStackTrace());
    for (Throwable s : e.getSuppressed()) {
      named.addSuppressed(s);
    }
    return named;
  }

  private Telemetry.Observation startSafely(OperationContext context) {
    try {
      Telemetry.Observation o = telemetry.start(context);
      if (o != null) {
        return o;
      }
    } catch (RuntimeException ignored) {
      // Telemetry must never fail a user's call.
    }
    return Telemetry.noop().start(context);
  }

  private static void finishSafely(Telemetry.Observation o, YshException failure) {
    try {
      if (failure == null) {
        o.success();
      } else {
        o.failure(failure);
      }
    } catch (RuntimeException ignored) {
      // Telemetry must never fail a user's call.
    }
  }

  @Override
  public String toString() {
    return "Invoker[" + capability + ":" + provider + "]";
  }
}
