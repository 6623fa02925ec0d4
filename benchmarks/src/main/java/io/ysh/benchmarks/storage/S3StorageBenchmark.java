package io.ysh.benchmarks.storage;

import io.ysh.benchmarks.PairedTimes;
import io.ysh.core.Secret;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.s3.S3StorageDriver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Portable {@code ObjectStorage} over the S3 driver versus the raw {@link S3Client} configured the
 * same way, doing the same put and get, against an S3-compatible server (S3Proxy):
 *
 * <pre>
 * java -cp s3proxy-4.1.0-jar-with-dependencies.jar org.gaul.s3proxy.Main --properties s3proxy.properties &amp;
 * java -Dysh.bench.s3.endpoint=http://127.0.0.1:PORT -Dysh.bench.s3.accessKey=… -Dysh.bench.s3.secretKey=… \
 *     -jar benchmarks.jar S3StorageBenchmark
 * </pre>
 *
 * <p>The portable layer also validates the key, computes the CRC32C of every byte (sent with the
 * PUT, which S3 checks, and stored in the object's metadata) and verifies it on the way back;
 * the raw client computes no checksum. Telemetry is off ({@code Telemetry.noop()}) and resilience
 * is the default policy, so the ratio shows the cost of the layer itself. Read the ratio from
 * {@code pairedPut} and {@code pairedGet} (both clients in alternation, see {@link PairedTimes}):
 * the separate benchmarks run minutes apart, and S3Proxy's drift over minutes exceeds 5 %.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class S3StorageBenchmark {

  /** Object size in bytes. */
  @Param({"4096", "1048576"})
  public int size;

  private S3Client raw;
  private ObjectStorage portable;
  private String bucket;
  private byte[] data;

  /** Connects both clients and writes the objects the gets read. */
  @Setup(Level.Trial)
  public void setUp() {
    URI endpoint = URI.create(require("ysh.bench.s3.endpoint"));
    String accessKey = require("ysh.bench.s3.accessKey");
    String secretKey = require("ysh.bench.s3.secretKey");
    bucket = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    raw = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
    raw.createBucket(c -> c.bucket(bucket));
    portable = ObjectStorage.builder(S3StorageDriver.builder().bucket(bucket).endpoint(endpoint).pathStyle(true)
            .region("us-east-1").credentials(accessKey, Secret.of(secretKey)).build())
        .telemetry(Telemetry.noop()).resilience(ResiliencePolicy.defaults()).build();
    data = new byte[size];
    new Random(42).nextBytes(data);
    raw.putObject(p -> p.bucket(bucket).key("raw-get"), RequestBody.fromBytes(data));
    portable.put("portable-get", data);
  }

  /** Closes both clients. */
  @TearDown(Level.Trial)
  public void tearDown() {
    portable.close();
    raw.close();
  }

  /**
   * Raw put.
   *
   * @return the ETag
   */
  @Benchmark
  public String rawPut() {
    return raw.putObject(p -> p.bucket(bucket).key("raw-put").contentType("application/octet-stream"),
        RequestBody.fromBytes(data)).eTag();
  }

  /**
   * Raw put sending what the portable put sends for integrity: the CRC32C of the body (computed
   * here, each time) as {@code x-amz-checksum-crc32c}, which S3 verifies, and as user metadata.
   *
   * @return the ETag
   */
  @Benchmark
  public String rawPutChecked() {
    CRC32C crc = new CRC32C();
    crc.update(data);
    byte[] big = ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    return raw.putObject(p -> p.bucket(bucket).key("raw-put-checked").contentType("application/octet-stream")
        .metadata(Map.of("ysh-crc32c", HexFormat.of().formatHex(big)))
        .checksumCRC32C(Base64.getEncoder().encodeToString(big)), RequestBody.fromBytes(data)).eTag();
  }

  /**
   * Portable put.
   *
   * @return the ETag
   */
  @Benchmark
  public String portablePut() {
    return portable.put("portable-put", data).etag();
  }

  /**
   * Raw get, read fully.
   *
   * @return the bytes
   * @throws IOException never in practice
   */
  @Benchmark
  public byte[] rawGet() throws IOException {
    try (InputStream in = raw.getObject(g -> g.bucket(bucket).key("raw-get"))) {
      return in.readAllBytes();
    }
  }

  /**
   * Portable get, read fully and verified.
   *
   * @return the bytes
   */
  @Benchmark
  public byte[] portableGet() {
    return portable.getBytes("portable-get");
  }

  /**
   * Raw and portable put, alternating, timed apart: the ratio this prints is the one to read
   * (see {@link PairedTimes}).
   *
   * @param times the pair timer
   * @param blackhole consumes the results
   * @throws Exception on failure
   */
  @Benchmark
  public void pairedPut(PairedTimes times, Blackhole blackhole) throws Exception {
    times.time(this::rawPut, this::portablePut, blackhole);
  }

  /**
   * Raw put with the same integrity headers and portable put, alternating: the portable layer's
   * own cost, without the server's work of checking the CRC32C (see {@link PairedTimes}).
   *
   * @param times the pair timer
   * @param blackhole consumes the results
   * @throws Exception on failure
   */
  @Benchmark
  public void pairedPutChecked(PairedTimes times, Blackhole blackhole) throws Exception {
    times.time(this::rawPutChecked, this::portablePut, blackhole);
  }

  /**
   * Raw and portable get, alternating, timed apart (see {@link PairedTimes}).
   *
   * @param times the pair timer
   * @param blackhole consumes the results
   * @throws Exception on failure
   */
  @Benchmark
  public void pairedGet(PairedTimes times, Blackhole blackhole) throws Exception {
    times.time(this::rawGet, this::portableGet, blackhole);
  }

  private static String require(String property) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("set -D" + property + " (see the class javadoc)");
    }
    return v;
  }
}
