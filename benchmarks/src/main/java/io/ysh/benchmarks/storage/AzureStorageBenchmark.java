package io.ysh.benchmarks.storage;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import io.ysh.benchmarks.PairedTimes;
import io.ysh.core.Secret;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.azure.AzureStorageDriver;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

/**
 * Portable {@code ObjectStorage} over the Azure Blob driver versus the raw {@link BlobClient}
 * doing the same put and get, against Azurite. The raw client is the driver's own (unwrapped from
 * it), so both run on the same HTTP transport and pipeline; the ratio shows the cost of the
 * portable layer. Start Azurite and pass its blob endpoint:
 *
 * <pre>
 * ~/.cache/ysh-azurite-3.37.0/node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort PORT \
 *     --skipApiVersionCheck --disableTelemetry --inMemoryPersistence --loose &amp;
 * java -Dysh.bench.azure.endpoint=http://127.0.0.1:PORT/devstoreaccount1 -jar benchmarks.jar AzureStorageBenchmark
 * </pre>
 *
 * <p>The account is Azurite's well-known development account unless {@code ysh.bench.azure.account}
 * and {@code ysh.bench.azure.key} say otherwise. The portable layer also validates the key,
 * computes the CRC32C of every byte (stored in the blob's metadata) and verifies it on the way
 * back; the raw client computes no checksum. Telemetry is off and resilience is the default
 * policy. Read the ratio from {@code pairedPut} and {@code pairedGet} (see {@link PairedTimes}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AzureStorageBenchmark {

  private static final String DEV_ACCOUNT = "devstoreaccount1";
  private static final String DEV_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  /** Object size in bytes. */
  @Param({"4096", "1048576"})
  public int size;

  private ObjectStorage portable;
  private BlobClient rawPutBlob;
  private BlobClient rawGetBlob;
  private BinaryData body;
  private byte[] data;

  /** Connects, creates a container and writes the blobs the gets read. */
  @Setup(Level.Trial)
  public void setUp() {
    String endpoint = System.getProperty("ysh.bench.azure.endpoint");
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalStateException("set -Dysh.bench.azure.endpoint (see the class javadoc)");
    }
    String container = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    AzureStorageDriver driver = AzureStorageDriver.builder()
        .account(System.getProperty("ysh.bench.azure.account", DEV_ACCOUNT),
            Secret.of(System.getProperty("ysh.bench.azure.key", DEV_KEY)))
        .endpoint(endpoint).container(container).build();
    BlobContainerClient raw = driver.unwrap(BlobContainerClient.class).orElseThrow();
    raw.create();
    portable = ObjectStorage.builder(driver).telemetry(Telemetry.noop()).resilience(ResiliencePolicy.defaults())
        .build();
    data = new byte[size];
    new Random(42).nextBytes(data);
    body = BinaryData.fromBytes(data);
    rawPutBlob = raw.getBlobClient("raw-put");
    rawGetBlob = raw.getBlobClient("raw-get");
    rawGetBlob.upload(body, true);
    portable.put("portable-get", data);
  }

  /** Closes the portable layer (and with it the driver). */
  @TearDown(Level.Trial)
  public void tearDown() {
    portable.close();
  }

  /**
   * Raw put, overwriting.
   *
   * @return the ETag
   */
  @Benchmark
  public String rawPut() {
    return rawPutBlob.uploadWithResponse(new com.azure.storage.blob.options.BlobParallelUploadOptions(body),
        null, com.azure.core.util.Context.NONE).getValue().getETag();
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
   * Raw get, the whole content.
   *
   * @return the bytes
   */
  @Benchmark
  public byte[] rawGet() {
    return rawGetBlob.downloadContent().toBytes();
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
   * Raw and portable put, alternating, timed apart (see {@link PairedTimes}).
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
}
