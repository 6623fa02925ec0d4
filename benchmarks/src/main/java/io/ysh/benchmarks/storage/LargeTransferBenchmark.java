package io.ysh.benchmarks.storage;

import io.ysh.core.Secret;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.s3.S3StorageDriver;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.MavenJars;
import io.ysh.testkit.server.ReadinessProbe;
import io.ysh.testkit.server.ServerProcess;
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
 * A paired harness for large transfers over a long link: S3Proxy behind a {@link DelayProxy}
 * adding {@code ysh.bench.delayMs} (default 20 ms) each way, one object of {@code ysh.bench.mib}
 * (default 256 MiB) uploaded from a file and downloaded to a file by the portable layer with
 * parts and ranges in parallel ({@code transferConcurrency} 8), by the portable layer one at a
 * time (1), and by the AWS SDK's {@link S3TransferManager} over an {@link S3AsyncClient} with
 * {@code multipartEnabled(true)} (its Java multipart client, default settings: 8 MiB parts), in
 * alternation within one run, {@code ysh.bench.rounds} times (default 3) after
 * {@code ysh.bench.warmups} rounds with a 32 MiB object (default 2, not counted); it prints each time,
 * the median throughput of each and the ratios, with the load average before and after. Run it
 * with {@code -Xmx256m}: the parallel upload holds 8 part buffers of 8 MiB.
 *
 * <pre>
 * mvn -q -o -pl benchmarks -am package -DskipTests
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.ysh.benchmarks.storage.LargeTransferBenchmark
 * </pre>
 *
 * <p>S3Proxy is started from the jar Maven copies to {@code storage/s3/target/s3proxy} (a test
 * build of that module), or {@code ysh.bench.s3proxy.dir}.
 */
public final class LargeTransferBenchmark {

  private LargeTransferBenchmark() {}

  /**
   * Runs the comparison.
   *
   * @param args none
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    long mib = Long.getLong("ysh.bench.mib", 256);
    long delay = Long.getLong("ysh.bench.delayMs", 20);
    int rounds = Integer.getInteger("ysh.bench.rounds", 3);
    Path jars = Path.of(System.getProperty("ysh.bench.s3proxy.dir", "storage/s3/target/s3proxy"));
    System.out.printf("load average before: %s; max heap %d MiB; %d MiB, %d ms each way, %d rounds%n",
        loadAverage(), Runtime.getRuntime().maxMemory() >> 20, mib, delay, rounds);
    Path dir = Files.createTempDirectory("ysh-large-transfer");
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
    ServerProcess s3proxy = ServerProcess.builder("s3proxy")
        .javaMain("org.gaul.s3proxy.Main", MavenJars.classpath(jars), List.of("-Xmx1g"),
            List.of("--properties", properties.toAbsolutePath().toString()))
        .readiness(ReadinessProbe.tcp("127.0.0.1", port)).startupTimeout(java.time.Duration.ofSeconds(120)).start();
    S3TestServers.Endpoint server = new S3TestServers.Endpoint(java.net.URI.create("http://127.0.0.1:" + port),
        S3TestServers.ACCESS_KEY, S3TestServers.SECRET_KEY);
    Path source = dir.resolve("source");
    writeRandom(source, mib << 20);
    Path warmSource = dir.resolve("warm-up");
    writeRandom(warmSource, 32L << 20);
    int warmUps = Integer.getInteger("ysh.bench.warmups", 2);
    String bucket = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    try (DelayProxy proxy = new DelayProxy(server.endpoint().getHost(), server.endpoint().getPort(), delay);
        ObjectStorage parallel = storage(server, bucket, proxy.port(), 8, true);
        ObjectStorage sequential = storage(server, bucket, proxy.port(), 1, false);
        S3AsyncClient async = S3AsyncClient.builder().multipartEnabled(true)
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
        S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
      Map<String, List<Double>> seconds = new LinkedHashMap<>();
      for (int round = -warmUps; round < rounds; round++) {
        boolean warm = round < 0; // warm-up rounds: a 32 MiB object, not counted (JIT, connection pools)
        Path from = warm ? warmSource : source;
        List<String> order = Math.floorMod(round, 2) == 0 ? List.of("transfermanager", "parallel", "sequential")
            : List.of("sequential", "parallel", "transfermanager");
        for (String who : order) {
          ObjectStorage s = who.equals("sequential") ? sequential : parallel;
          String key = "large/" + who + "-" + round;
          Path target = dir.resolve("download-" + who);
          long t0 = System.nanoTime();
          if (who.equals("transfermanager")) {
            tm.uploadFile(u -> u.source(from).putObjectRequest(p -> p.bucket(bucket).key(key)))
                .completionFuture().join();
          } else {
            s.put(key, from, WriteOptions.defaults());
          }
          double up = (System.nanoTime() - t0) / 1e9;
          if (!warm) {
            seconds.computeIfAbsent("upload " + who, k -> new ArrayList<>()).add(up);
          }
          double down = Double.NaN;
          // the Java multipart client downloads with part-number GETs, which S3Proxy 4.1 answers with 501
          if (!who.equals("transfermanager")) {
            t0 = System.nanoTime();
            s.download(key, target);
            down = (System.nanoTime() - t0) / 1e9;
            if (Files.size(target) != Files.size(from)) {
              throw new IllegalStateException("downloaded " + Files.size(target) + " bytes");
            }
            Files.delete(target);
            if (!warm) {
              seconds.computeIfAbsent("download " + who, k -> new ArrayList<>()).add(down);
            }
          }
          s.delete(key);
          long size = Files.size(from) >> 20;
          System.out.printf("round %d %-16s upload %6.2f s (%6.1f MiB/s)  download %6.2f s (%6.1f MiB/s)%s%n",
              round, who, up, size / up, down, size / down, warm ? "  (warm-up)" : "");
        }
      }
      System.out.println();
      for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
        System.out.printf("%-20s median %6.2f s  %6.1f MiB/s%n", e.getKey(), median(e.getValue()), mib / median(e.getValue()));
      }
      for (String op : List.of("upload", "download")) {
        System.out.printf("%s: portable parallel / sequential throughput = %.2fx%n", op,
            median(seconds.get(op + " sequential")) / median(seconds.get(op + " parallel")));
      }
      System.out.printf("upload: portable parallel / TransferManager throughput = %.2fx%n",
          median(seconds.get("upload transfermanager")) / median(seconds.get("upload parallel")));
    } finally {
      s3proxy.close();
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    System.out.printf("load average after: %s%n", loadAverage());
  }

  private static ObjectStorage storage(S3TestServers.Endpoint server, String bucket, int port, int concurrency,
      boolean createBucket) {
    S3StorageDriver driver = S3StorageDriver.builder().bucket(bucket)
        .endpoint(java.net.URI.create("http://127.0.0.1:" + port)).pathStyle(true).region("us-east-1")
        .credentials(server.accessKey(), Secret.of(server.secretKey())).build();
    if (createBucket) {
      driver.unwrap(software.amazon.awssdk.services.s3.S3Client.class).orElseThrow()
          .createBucket(c -> c.bucket(bucket));
    }
    return ObjectStorage.builder(driver).telemetry(Telemetry.noop()).transferConcurrency(concurrency).build();
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
