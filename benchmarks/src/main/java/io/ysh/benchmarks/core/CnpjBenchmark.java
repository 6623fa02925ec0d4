package io.ysh.benchmarks.core;

import io.ysh.core.br.Cnpj;
import io.ysh.core.br.Cpf;
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

/**
 * CPF/CNPJ validation cost, numeric and alphanumeric, formatted and bare. Bulk imports (the
 * ANEEL GD file has 4.7M rows with a distributor CNPJ each) validate millions of these.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CnpjBenchmark {

  /**
   * A numeric CNPJ without punctuation.
   *
   * @return whether valid
   */
  @Benchmark
  public boolean cnpjNumericBare() {
    return Cnpj.isValid("11222333000181");
  }

  /**
   * A numeric CNPJ with punctuation.
   *
   * @return whether valid
   */
  @Benchmark
  public boolean cnpjNumericFormatted() {
    return Cnpj.isValid("11.222.333/0001-81");
  }

  /**
   * Receita Federal's alphanumeric example.
   *
   * @return whether valid
   */
  @Benchmark
  public boolean cnpjAlphanumeric() {
    return Cnpj.isValid("12.ABC.345/01DE-35");
  }

  /**
   * A CPF with punctuation.
   *
   * @return whether valid
   */
  @Benchmark
  public boolean cpfFormatted() {
    return Cpf.isValid("249.715.637-92");
  }
}
