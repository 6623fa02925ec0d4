package io.ysh.benchmarks.aneel;

import io.ysh.aneel.AneelCsv;
import io.ysh.aneel.AneelDataset;
import io.ysh.aneel.TariffRecord;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parses a synthetic 328,000-row tariff CSV (the real file's row count, ~95 MB, built from the
 * 82 real sample rows) into {@link TariffRecord}s on one thread. The score is rows per second
 * (one operation = one row). Target: at least 500,000 rows/s.
 *
 * <p>{@code java -jar target/benchmarks.jar TariffCsvParseBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class TariffCsvParseBenchmark {

  static final int ROWS = 328_000;

  byte[] csv;

  @Setup
  public void setup() {
    csv = SampleRows.tariffCsv(ROWS);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long parseTariffs(Blackhole bh) {
    long n = 0;
    try (Stream<TariffRecord> s = AneelCsv.read(new ByteArrayInputStream(csv), AneelDataset.TARIFFS)) {
      for (var it = s.iterator(); it.hasNext(); ) {
        bh.consume(it.next());
        n++;
      }
    }
    if (n != ROWS) {
      throw new IllegalStateException("parsed " + n + " rows");
    }
    return n;
  }
}
