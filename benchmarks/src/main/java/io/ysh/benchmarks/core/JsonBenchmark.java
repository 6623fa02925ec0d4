package io.ysh.benchmarks.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ysh.core.json.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * The SDK's Jackson preset ({@link Json#mapper()}) against a plain {@code new ObjectMapper()}
 * (with only the java.time module it needs to read the same record), reading and writing an
 * Asaas-like payment. The preset's extra features (BigDecimal floats, unknown-enum default,
 * trailing-token check) must cost little.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonBenchmark {

  /** A payment as Asaas sends it. */
  public record Payment(String id, String customer, String billingType, BigDecimal value, LocalDate dueDate, String status) {}

  private static final String JSON =
      "{\"object\":\"payment\",\"id\":\"pay_080225913252\",\"customer\":\"cus_G7Dvo4iphUNk\",\"billingType\":\"PIX\","
          + "\"value\":1250.50,\"dueDate\":\"2026-12-01\",\"status\":\"PENDING\",\"netValue\":1240.51,\"deleted\":false}";

  private final ObjectMapper preset = Json.mapper();
  private final ObjectMapper raw =
      new ObjectMapper()
          .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final Payment payment =
      new Payment("pay_1", "cus_1", "PIX", new BigDecimal("1250.50"), LocalDate.of(2026, 12, 1), "PENDING");

  /**
   * Reads with the preset.
   *
   * @return the payment
   * @throws Exception never
   */
  @Benchmark
  public Payment readPreset() throws Exception {
    return preset.readValue(JSON, Payment.class);
  }

  /**
   * Reads with a plain mapper.
   *
   * @return the payment
   * @throws Exception never
   */
  @Benchmark
  public Payment readRaw() throws Exception {
    return raw.readValue(JSON, Payment.class);
  }

  /**
   * Writes with the preset.
   *
   * @return the JSON
   * @throws Exception never
   */
  @Benchmark
  public String writePreset() throws Exception {
    return preset.writeValueAsString(payment);
  }

  /**
   * Writes with a plain mapper.
   *
   * @return the JSON
   * @throws Exception never
   */
  @Benchmark
  public String writeRaw() throws Exception {
    return raw.writeValueAsString(payment);
  }
}
