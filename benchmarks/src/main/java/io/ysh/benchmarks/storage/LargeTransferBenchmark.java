package io.ysh.benchmarks.storage;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.options.BlobDownloadToFileOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import com.azure.storage.common.ParallelTransferOptions;
import io.ysh.core.Secret;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.azure.AzureStorageDriver;
import io.ysh.storage.s3.S3StorageDriver;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.MavenJars;
import io.ysh.testkit.server.ReadinessProbe;
import io.ysh.testkit.server.ServerProcess;
import io.ysh.testkit.server.azure.Azurite;
import io.ysh.testkit.server.s3.S3TestServers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * A paired harness for large transfers over a long link: an object server behind a
 * {@link DelayProxy} adding {@code ysh.bench.delayMs} (default 20 ms) each way with a window of
 * {@code ysh.bench.windowKiB} (default 3072, 0 for none) per connection and direction, the same link
 * for every client, one object of
 * {@code ysh.bench.mib} (default 256 MiB) uploaded from a file and downloaded to a file by the portable layer with
 * parts and ranges in parallel ({@code transferConcurrency} 8), by the portable layer one at a
 * time (1), and by the vendor SDK's own parallel transfer, in alternation within one run,
 * {@code ysh.bench.rounds} times (default 3) after {@code ysh.bench.warmups} rounds with a 32 MiB
 * object (default 2, not counted); it prints each time, the median throughput of each and the
 * ratios, with the load average before and after. Run it with {@code -Xmx256m}: the parallel
 * upload holds 8 part buffers of 8 MiB.
 *
 * <p>{@code -Dysh.bench.backend} picks the server and the vendor client:
 *
 * <ul>
 *   <li>{@code s3} (default): S3Proxy on its filesystem backend, started from the jar
 *       Maven copies to {@code storage/s3/target/s3proxy} (a test build of that module) or
 *       {@code ysh.bench.s3proxy.dir}; the AWS SDK's {@link S3TransferManager} over an
 *       {@link S3AsyncClient} with {@code multipartEnabled(true)} (its Java multipart client,
 *       default settings: 8 MiB parts), upload only; {@code -Dysh.bench.s3.payloadSigning=false}
 *       builds the portable layer's S3 drivers with {@code payloadSigningOverHttp(false)}: request
 *       bodies sent {@code UNSIGNED-PAYLOAD} as the SDK's async client (and so the TransferManager)
 *       sends them over HTTP;
 *   <li>{@code azure}: Azurite in memory ({@code --inMemoryPersistence --loose}), started by the test-server harness
 *       ({@link Azurite}: {@code YSH_AZURITE_NODE_MODULES} or {@code ~/.cache/ysh-azurite-3.37.0});
 *       the Azure SDK's {@code BlobClient.uploadFromFile} and {@code downloadToFile} with
 *       {@link ParallelTransferOptions} (8 MiB blocks, 8 in flight) on the driver's own client,
 *       the same OkHttp transport.
 * </ul>
 *
 * <pre>
 * mvn -q -o -pl benchmarks -am package -DskipTests
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.ysh.benchmarks.storage.LargeTransferBenchmark
 * java -Xmx256m -Dysh.bench.backend=azure -cp benchmarks/target/benchmarks.jar \
 *     io.ysh.benchmarks.storage.LargeTransferBenchmark
 * </pre>
 */
public final class LargeTransferBenchmark {

  /**
   * The default window of each direction of each connection, 3 MiB: what one Linux TCP stream
   * settles at with the kernel's long-standing defaults on a loss-free path (receive buffer
   * autotuned up to {@code tcp_rmem} max 6 MiB, half of it advertised as window with
   * {@code tcp_adv_win_scale} 1), so 75 MiB/s per stream at 20 ms each way. See the README.
   */
  static final int DEFAULT_WINDOW_KIB = 3 * 1024;

  /** The portable parallel client's {@code transferConcurrency}: {@code ysh.bench.concurrency}, default 8. */
  private static final int CONCURRENCY = Integer.getInteger("ysh.bench.concurrency", 8);

  private LargeTransferBenchmark() {}

  /**
   * Runs the comparison.
   *
   * @param args none
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    String backendName = System.getProperty("ysh.bench.backend", "s3");
    boolean azure = backendName.equals("azure");
    if (!azure && !backendName.equals("s3")) {
      throw new IllegalArgumentException("ysh.bench.backend must be s3 or azure, not " + backendName);
    }
    long mib = Long.getLong("ysh.bench.mib", 256);
    long delay = Long.getLong("ysh.bench.delayMs", 20);
    int windowKiB = Integer.getInteger("ysh.bench.windowKiB", DEFAULT_WINDOW_KIB);
    int rounds = Integer.getInteger("ysh.bench.rounds", 3);
    System.out.printf("load average before: %s; max heap %d MiB; %s, %d MiB, %d ms each way, window %s, %s%s%n",
        loadAverage(), Runtime.getRuntime().maxMemory() >> 20, backendName, mib, delay,
        windowKiB == 0 ? "unlimited" : windowKiB + " KiB per connection and direction",
        rounds + " rounds; portable parallel transferConcurrency " + CONCURRENCY,
        azure ? "" : "; S3 driver payloadSigningOverHttp " + System.getProperty("ysh.bench.s3.payloadSigning", "true"));
    Path dir = Files.createTempDirectory("ysh-large-transfer");
    Path source = dir.resolve("source");
    writeRandom(source, mib << 20);
    Path warmSource = dir.resolve("warm-up");
    writeRandom(warmSource, Math.min(32L, mib) << 20);
    int warmUps = Integer.getInteger("ysh.bench.warmups", 2);
    try (Backend backend = azure ? new AzureBackend(delay, windowKiB << 10)
        : new S3Backend(dir, delay, windowKiB << 10)) {
      String vendor = backend.vendorName();
      Map<String, List<Double>> seconds = new LinkedHashMap<>();
      Map<String, List<double[]>> cpuSeconds = new LinkedHashMap<>();
      for (int round = -warmUps; round < rounds; round++) {
        boolean warm = round < 0; // warm-up rounds: a 32 MiB object, not counted (JIT, connection pools)
        Path from = warm ? warmSource : source;
        List<String> order = Math.floorMod(round, 2) == 0 ? List.of(vendor, "parallel", "sequential")
            : List.of("sequential", "parallel", vendor);
        for (String who : order) {
          boolean isVendor = who.equals(vendor);
          ObjectStorage s = who.equals("sequential") ? backend.sequential() : backend.parallel();
          String key = "large/" + who.replaceAll("[^A-Za-z]", "") + "-" + (round + warmUps);
          Path target = dir.resolve("download-" + who.replaceAll("[^A-Za-z]", ""));
          long connections0 = backend.proxy().connections();
          long[] cpu0 = cpu(backend);
          long t0 = System.nanoTime();
          if (isVendor) {
            backend.vendorUpload(from, key);
          } else {
            s.put(key, from, WriteOptions.defaults());
          }
          double up = (System.nanoTime() - t0) / 1e9;
          String upCpu = cpuSince(cpu0, cpu(backend), cpuSeconds, warm ? null : "upload " + who);
          if (!warm) {
            seconds.computeIfAbsent("upload " + who, k -> new ArrayList<>()).add(up);
          }
          String downCpu = "";
          double down = Double.NaN;
          if (!isVendor || backend.vendorDownloads()) {
            cpu0 = cpu(backend);
            t0 = System.nanoTime();
            if (isVendor) {
              backend.vendorDownload(key, target);
            } else {
              s.download(key, target);
            }
            down = (System.nanoTime() - t0) / 1e9;
            downCpu = cpuSince(cpu0, cpu(backend), cpuSeconds, warm ? null : "download " + who);
            if (Files.size(target) != Files.size(from)) {
              throw new IllegalStateException("downloaded " + Files.size(target) + " bytes");
            }
            Files.delete(target);
            if (!warm) {
              seconds.computeIfAbsent("download " + who, k -> new ArrayList<>()).add(down);
            }
          }
          backend.parallel().delete(key);
          long size = Files.size(from) >> 20;
          System.out.printf("round %d %-16s upload %6.2f s (%6.1f MiB/s)  download %6.2f s (%6.1f MiB/s)%s%n"
                  + "      cpu s (client/link/server): upload %s  download %s; new connections %d%n",
              round, who, up, size / up, down, size / down, warm ? "  (warm-up)" : "", upCpu, downCpu,
              backend.proxy().connections() - connections0);
        }
      }
      System.out.println();
      for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
        List<double[]> cpu = cpuSeconds.get(e.getKey());
        System.out.printf("%-28s median %6.2f s  %6.1f MiB/s  CPU s median client %.2f link %.2f server %s%n",
            e.getKey(), median(e.getValue()), mib / median(e.getValue()),
            median(cpu.stream().map(c -> c[0]).toList()), median(cpu.stream().map(c -> c[1]).toList()),
            cpu.get(0)[2] < 0 ? "n/a" : String.format("%.2f", median(cpu.stream().map(c -> c[2]).toList())));
      }
      for (String op : List.of("upload", "download")) {
        System.out.printf("%s: portable parallel / sequential throughput = %.2fx%n", op,
            median(seconds.get(op + " sequential")) / median(seconds.get(op + " parallel")));
        if (seconds.containsKey(op + " " + vendor)) {
          System.out.printf("%s: portable parallel / %s throughput = %.2fx%n", op, vendor,
              median(seconds.get(op + " " + vendor)) / median(seconds.get(op + " parallel")));
        }
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    System.out.printf("load average after: %s%n", loadAverage());
  }

  /** A server behind the delay line, the portable layer over it both ways, and the vendor's own client. */
  private interface Backend extends AutoCloseable {
    @Override
    void close() throws IOException;

    /** The link every client goes through. */
    DelayProxy proxy();

    /** The CPU time the server process has used so far, or -1 when it is not known. */
    default long serverCpuNanos() {
      return -1;
    }

    /** The vendor client's name in the output. */
    String vendorName();

    /** The portable layer with {@code transferConcurrency(ysh.bench.concurrency)}, default 8. */
    ObjectStorage parallel();

    /** The portable layer with {@code transferConcurrency(1)}. */
    ObjectStorage sequential();

    /** Uploads {@code from} to {@code key} with the vendor client. */
    void vendorUpload(Path from, String key) throws Exception;

    /** Whether {@link #vendorDownload} is measured. */
    boolean vendorDownloads();

    /** Downloads {@code key} to {@code target} with the vendor client. */
    void vendorDownload(String key, Path target) throws Exception;
  }

  /**
   * S3Proxy on its filesystem backend as its own JVM, and the AWS SDK's TransferManager over the
   * Java multipart client.
   */
  private static final class S3Backend implements Backend {
    private final ServerProcess s3proxy;
    private final DelayProxy proxy;
    private final ObjectStorage parallel;
    private final ObjectStorage sequential;
    private final S3AsyncClient async;
    private final S3TransferManager tm;
    private final String bucket = "bench-" + UUID.randomUUID().toString().substring(0, 8);

    S3Backend(Path dir, long delay, int window) throws IOException {
      Path jars = Path.of(System.getProperty("ysh.bench.s3proxy.dir", "storage/s3/target/s3proxy"));
      Path store = Files.createDirectories(dir.resolve("s3proxy-data"));
      int port = FreePorts.next();
      Path properties = dir.resolve("s3proxy.properties");
      // S3Proxy on its filesystem backend (the test harness's in-memory one holds every part of a
      // 256 MiB upload, and the assembled object, in a 512 MiB heap), as its own JVM, full JIT
      Files.writeString(properties, String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + port,
          "s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + S3TestServers.ACCESS_KEY,
          "s3proxy.credential=" + S3TestServers.SECRET_KEY, "jclouds.provider=filesystem",
          "jclouds.filesystem.basedir=" + store.toAbsolutePath(), "jclouds.identity=unused",
          "jclouds.credential=unused", ""));
      s3proxy = ServerProcess.builder("s3proxy")
          .javaMain("org.gaul.s3proxy.Main", MavenJars.classpath(jars), List.of("-Xmx1g"),
              List.of("--properties", properties.toAbsolutePath().toString()))
          .readiness(ReadinessProbe.tcp("127.0.0.1", port)).startupTimeout(java.time.Duration.ofSeconds(120)).start();
      S3TestServers.Endpoint server = new S3TestServers.Endpoint(java.net.URI.create("http://127.0.0.1:" + port),
          S3TestServers.ACCESS_KEY, S3TestServers.SECRET_KEY);
      proxy = new DelayProxy(server.endpoint().getHost(), server.endpoint().getPort(), delay, window);
      parallel = storage(server, bucket, proxy.port(), CONCURRENCY, true);
      sequential = storage(server, bucket, proxy.port(), 1, false);
      async = S3AsyncClient.builder().multipartEnabled(true)
          .endpointOverride(java.net.URI.create("http://127.0.0.1:" + proxy.port())).forcePathStyle(true)
          .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
          // S3Proxy answers 501 to the SDK's default CRC32 trailers; as the S3 driver's client does
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
          // and it refuses the x-amz-mp-object-size the Java multipart client adds to CompleteMultipartUpload
          // (an optional size check on S3's side): drop that one header
          .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                ExecutionAttributes executionAttributes) {
              return context.httpRequest().toBuilder().removeHeader("x-amz-mp-object-size").build();
            }
          })).build();
      tm = S3TransferManager.builder().s3Client(async).build();
    }

    @Override
    public String vendorName() {
      return "transfermanager";
    }

    @Override
    public DelayProxy proxy() {
      return proxy;
    }

    @Override
    public long serverCpuNanos() {
      return s3proxy.processHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    @Override
    public ObjectStorage parallel() {
      return parallel;
    }

    @Override
    public ObjectStorage sequential() {
      return sequential;
    }

    @Override
    public void vendorUpload(Path from, String key) {
      tm.uploadFile(u -> u.source(from).putObjectRequest(p -> p.bucket(bucket).key(key))).completionFuture().join();
    }

    @Override
    public boolean vendorDownloads() {
      // the Java multipart client downloads with part-number GETs, which S3Proxy 4.1 answers with 501
      return false;
    }

    @Override
    public void vendorDownload(String key, Path target) {
      throw new UnsupportedOperationException("TransferManager downloads are not measured against S3Proxy");
    }

    @Override
    public void close() throws IOException {
      try (s3proxy; proxy; parallel; sequential; async; tm) {
        // closes all, in reverse order
      }
    }
  }

  /**
   * Azurite (in memory, {@code --loose}, started by the test-server harness), and the Azure SDK's
   * own parallel transfers: {@code BlobClient.uploadFromFile} and {@code downloadToFile} with
   * {@link ParallelTransferOptions} of 8 MiB blocks, 8 in flight, on the client the driver unwraps
   * (the same OkHttp transport and pipeline).
   */
  private static final class AzureBackend implements Backend {
    private static final com.azure.storage.blob.models.ParallelTransferOptions SDK_UPLOAD =
        new com.azure.storage.blob.models.ParallelTransferOptions().setBlockSizeLong(8L << 20).setMaxConcurrency(8)
            .setMaxSingleUploadSizeLong(8L << 20);
    private static final ParallelTransferOptions SDK_DOWNLOAD = new ParallelTransferOptions()
        .setBlockSizeLong(8L << 20).setMaxConcurrency(8);
    private final DelayProxy proxy;
    private final ObjectStorage parallel;
    private final ObjectStorage sequential;
    private final BlobContainerClient container;

    AzureBackend(long delay, int window) throws IOException {
      java.net.URI azurite = java.net.URI.create(Azurite.blobEndpoint());
      proxy = new DelayProxy(azurite.getHost(), azurite.getPort(), delay, window);
      String endpoint = "http://127.0.0.1:" + proxy.port() + azurite.getPath();
      String name = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      AzureStorageDriver driver = AzureStorageDriver.builder().account(Azurite.ACCOUNT, Secret.of(Azurite.KEY))
          .endpoint(endpoint).container(name).build();
      container = driver.unwrap(BlobContainerClient.class).orElseThrow();
      container.create();
      parallel = ObjectStorage.builder(driver).telemetry(Telemetry.noop()).transferConcurrency(CONCURRENCY).build();
      sequential = ObjectStorage.builder(AzureStorageDriver.builder().account(Azurite.ACCOUNT, Secret.of(Azurite.KEY))
          .endpoint(endpoint).container(name).build()).telemetry(Telemetry.noop()).transferConcurrency(1).build();
    }

    @Override
    public String vendorName() {
      return "azure sdk parallel";
    }

    @Override
    public DelayProxy proxy() {
      return proxy;
    }

    @Override
    public ObjectStorage parallel() {
      return parallel;
    }

    @Override
    public ObjectStorage sequential() {
      return sequential;
    }

    @Override
    public void vendorUpload(Path from, String key) {
      container.getBlobClient(key).uploadFromFileWithResponse(
          new BlobUploadFromFileOptions(from.toString()).setParallelTransferOptions(SDK_UPLOAD), null,
          com.azure.core.util.Context.NONE);
    }

    @Override
    public boolean vendorDownloads() {
      return true;
    }

    @Override
    public void vendorDownload(String key, Path target) {
      container.getBlobClient(key).downloadToFileWithResponse(
          new BlobDownloadToFileOptions(target.toString()).setParallelTransferOptions(SDK_DOWNLOAD), null,
          com.azure.core.util.Context.NONE);
    }

    @Override
    public void close() throws IOException {
      try (proxy; parallel; sequential) {
        container.delete();
      }
    }
  }

  private static ObjectStorage storage(S3TestServers.Endpoint server, String bucket, int port, int concurrency,
      boolean createBucket) {
    S3StorageDriver driver = S3StorageDriver.builder().bucket(bucket)
        .endpoint(java.net.URI.create("http://127.0.0.1:" + port)).pathStyle(true).region("us-east-1")
        .credentials(server.accessKey(), Secret.of(server.secretKey()))
        .payloadSigningOverHttp(Boolean.parseBoolean(System.getProperty("ysh.bench.s3.payloadSigning", "true")))
        .build();
    if (createBucket) {
      driver.unwrap(software.amazon.awssdk.services.s3.S3Client.class).orElseThrow()
          .createBucket(c -> c.bucket(bucket));
    }
    return ObjectStorage.builder(driver).telemetry(Telemetry.noop()).transferConcurrency(concurrency).build();
  }

  /** CPU nanoseconds so far: this process less the link's threads, the link, the server (-1: unknown). */
  private static long[] cpu(Backend backend) {
    long process = ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    long link = backend.proxy().cpuNanos();
    return new long[] {process - link, link, backend.serverCpuNanos()};
  }

  /** Formats the CPU seconds between two {@link #cpu} readings and keeps them under {@code name} unless null. */
  private static String cpuSince(long[] before, long[] after, Map<String, List<double[]>> into, String name) {
    double[] d = new double[3];
    for (int i = 0; i < 3; i++) {
      d[i] = before[i] < 0 || after[i] < 0 ? -1 : (after[i] - before[i]) / 1e9;
    }
    if (name != null) {
      into.computeIfAbsent(name, k -> new ArrayList<>()).add(d);
    }
    return String.format("%.2f/%.2f/%s", d[0], d[1], d[2] < 0 ? "n/a" : String.format("%.2f", d[2]));
  }

  private static void writeRandom(Path file, long size) throws IOException {
    Random random = new Random(42);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long done = 0; done < size; done += chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(chunk.length, size - done));
      }
    }
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
