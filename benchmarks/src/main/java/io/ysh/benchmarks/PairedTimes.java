package io.ysh.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Times a baseline and a candidate doing the same work, one after the other in every JMH
 * invocation (which goes first alternates), so that drift in a server sharing the machine (its
 * JIT, its GC, the page cache) weighs on both alike: comparing two benchmarks run minutes apart
 * on a 2-core machine showed swings of ±40 %, far above the 5–10 % a ratio has to resolve.
 *
 * <p>After each measurement iteration it prints the median time of each and the ratio of the
 * medians (medians, so that a GC pause in either does not decide it); after the trial, the median
 * of those ratios with their range. JMH's own score for such a benchmark is the time of one pair.
 */
@State(Scope.Thread)
public class PairedTimes {

  /** One timed operation; what it returns is consumed so that the JIT cannot drop it. */
  @FunctionalInterface
  public interface Operation {
    /**
     * Runs the operation once.
     *
     * @return anything the operation produced
     * @throws Exception on failure
     */
    Object run() throws Exception;
  }

  private long[] baseline = new long[4096];
  private long[] candidate = new long[4096];
  private int count;
  private boolean baselineFirst = true;
  private final List<Double> ratios = new ArrayList<>();

  /** Forgets the previous iteration's times. */
  @Setup(Level.Iteration)
  public void clear() {
    count = 0;
  }

  /**
   * Runs both operations once, timing each.
   *
   * @param baselineOp the reference, such as the raw client
   * @param candidateOp what is compared with it, such as the portable layer
   * @param blackhole consumes the results
   * @throws Exception when an operation fails
   */
  public void time(Operation baselineOp, Operation candidateOp, Blackhole blackhole) throws Exception {
    if (count == baseline.length) {
      baseline = Arrays.copyOf(baseline, count * 2);
      candidate = Arrays.copyOf(candidate, count * 2);
    }
    if (baselineFirst) {
      baseline[count] = timed(baselineOp, blackhole);
      candidate[count] = timed(candidateOp, blackhole);
    } else {
      candidate[count] = timed(candidateOp, blackhole);
      baseline[count] = timed(baselineOp, blackhole);
    }
    baselineFirst = !baselineFirst;
    count++;
  }

  private static long timed(Operation op, Blackhole blackhole) throws Exception {
    long start = System.nanoTime();
    blackhole.consume(op.run());
    return System.nanoTime() - start;
  }

  /**
   * Prints this measurement iteration's medians and ratio.
   *
   * @param benchmark the benchmark's parameters
   * @param iteration the iteration's parameters
   */
  @TearDown(Level.Iteration)
  public void report(BenchmarkParams benchmark, IterationParams iteration) {
    if (iteration.getType() != IterationType.MEASUREMENT || count == 0) {
      return;
    }
    double b = median(baseline, count);
    double c = median(candidate, count);
    ratios.add(c / b);
    System.out.printf("%n  paired %s %s: baseline %.1f us, candidate %.1f us (medians of %d pairs), ratio %.3f%n",
        name(benchmark), params(benchmark), b / 1000, c / 1000, count, c / b);
  }

  /**
   * Prints the median ratio over the measurement iterations.
   *
   * @param benchmark the benchmark's parameters
   */
  @TearDown(Level.Trial)
  public void summary(BenchmarkParams benchmark) {
    if (ratios.isEmpty()) {
      return;
    }
    List<Double> sorted = new ArrayList<>(ratios);
    Collections.sort(sorted);
    double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    System.out.printf("%n  PAIRED RATIO %s %s: %.3f (candidate / baseline; iterations %.3f to %.3f)%n",
        name(benchmark), params(benchmark), median, sorted.get(0), sorted.get(sorted.size() - 1));
  }

  private static String name(BenchmarkParams benchmark) {
    String full = benchmark.getBenchmark();
    return full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
  }

  private static String params(BenchmarkParams benchmark) {
    StringBuilder s = new StringBuilder();
    for (String key : benchmark.getParamsKeys()) {
      s.append(key).append('=').append(benchmark.getParam(key)).append(' ');
    }
    return s.toString().trim();
  }

  private static double median(long[] values, int n) {
    long[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
