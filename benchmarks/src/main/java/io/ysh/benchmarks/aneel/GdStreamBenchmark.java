package io.ysh.benchmarks.aneel;

import io.ysh.aneel.AneelCsv;
import io.ysh.aneel.AneelDataset;
import io.ysh.aneel.DistributedGenerationUnit;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Streams a GD-format file (33 columns, Latin-1, LF, the real rows repeated) of {@code sizeMb}
 * MiB, generated on the fly, through {@link AneelCsv} into {@link DistributedGenerationUnit}s
 * in a JVM limited to 64 MiB of heap: constant memory or an OutOfMemoryError. One shot; the
 * score is the time for the whole file.
 *
 * <p>{@code java -jar target/benchmarks.jar GdStreamBenchmark -p sizeMb=1024}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class GdStreamBenchmark {

  @Param({"1024"})
  public long sizeMb;

  @Benchmark
  public long streamGd(Blackhole bh) {
    long n = 0;
    double kw = 0;
    try (Stream<DistributedGenerationUnit> s = AneelCsv.read(SampleRows.gdStream(sizeMb << 20), AneelDataset.DISTRIBUTED_GENERATION)) {
      for (var it = s.iterator(); it.hasNext(); ) {
        DistributedGenerationUnit u = it.next();
        kw += u.installedKw().doubleValue();
        n++;
      }
    }
    bh.consume(kw);
    Runtime rt = Runtime.getRuntime();
    System.out.printf("%n[gd] %d rows, %d MiB, max heap %d MiB, used now %d MiB%n", n, sizeMb, rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
    return n;
  }
}
