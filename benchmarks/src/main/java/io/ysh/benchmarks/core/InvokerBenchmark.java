package io.ysh.benchmarks.core;

import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.core.spi.Invoker;
import io.ysh.core.telemetry.Telemetry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The fixed cost every portable call pays in the {@link Invoker} (telemetry, circuit breaker,
 * retry bookkeeping, error mapping) over calling the provider directly. Capability benchmarks
 * compare whole calls against raw clients; this isolates the part core adds, in nanoseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InvokerBenchmark {

  private final Invoker none =
      Invoker.create("bench", "direct", Telemetry.noop(), ResiliencePolicy.none(), ErrorMapper.defaults());
  private final Invoker defaults =
      Invoker.create("bench", "direct", Telemetry.defaults(), ResiliencePolicy.defaults(), ErrorMapper.defaults());

  private long counter;

  private long providerCall() {
    Blackhole.consumeCPU(10);
    return ++counter;
  }

  /**
   * The provider call alone.
   *
   * @return its result
   */
  @Benchmark
  public long direct() {
    return providerCall();
  }

  /**
   * Through an invoker with no resilience and no telemetry.
   *
   * @return the call's result
   */
  @Benchmark
  public long invokerNoPolicy() {
    return none.call("get", "key", true, this::providerCall);
  }

  /**
   * Through an invoker with the default policy (circuit breaker, retries) and SLF4J telemetry
   * (DEBUG off, as in production).
   *
   * @return the call's result
   */
  @Benchmark
  public long invokerDefaults() {
    return defaults.call("get", "key", true, this::providerCall);
  }
}
