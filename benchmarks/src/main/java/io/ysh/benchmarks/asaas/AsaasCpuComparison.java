package io.ysh.benchmarks.asaas;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A/B of the calling thread's CPU time per call, client versus raw OkHttp + Jackson, interleaved
 * in rounds. OkHttp's synchronous calls do their I/O and parsing on the caller's thread, so this
 * measures the client's own cost and is far less sensitive to a loaded machine than wall-clock
 * JMH scores. Run: {@code java -Dsun.net.httpserver.nodelay=true -cp target/benchmarks.jar
 * io.ysh.benchmarks.asaas.AsaasCpuComparison}.
 */
public final class AsaasCpuComparison {

  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  @FunctionalInterface
  interface Call {
    Object run() throws Exception;
  }

  private AsaasCpuComparison() {}

  private static long cpuPerCall(Call c, int n) throws Exception {
    long t0 = MX.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      if (c.run() == null) {
        throw new IllegalStateException("no result");
      }
    }
    return (MX.getCurrentThreadCpuTime() - t0) / n;
  }

  /**
   * Runs the comparison and prints the medians.
   *
   * @param args ignored
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    AsaasClientBenchmark b = new AsaasClientBenchmark();
    b.start();
    try {
      int n = 2000;
      int rounds = 9;
      cpuPerCall(b::clientGet, 5000);
      cpuPerCall(b::rawGet, 5000);
      cpuPerCall(b::clientList, 1000);
      cpuPerCall(b::rawList, 1000);
      double[] get = new double[rounds];
      double[] list = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        get[r] = (double) cpuPerCall(b::clientGet, n) / cpuPerCall(b::rawGet, n);
        list[r] = (double) cpuPerCall(b::clientList, n / 4) / cpuPerCall(b::rawList, n / 4);
      }
      Arrays.sort(get);
      Arrays.sort(list);
      System.out.printf("get  client/raw CPU per call: median %.3f (min %.3f, max %.3f)%n", get[rounds / 2], get[0], get[rounds - 1]);
      System.out.printf("list client/raw CPU per call: median %.3f (min %.3f, max %.3f)%n", list[rounds / 2], list[0], list[rounds - 1]);
    } finally {
      b.stop();
    }
  }
}
