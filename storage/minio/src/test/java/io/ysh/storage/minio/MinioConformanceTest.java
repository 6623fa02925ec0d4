package io.ysh.storage.minio;

import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.ysh.core.Secret;
import io.ysh.storage.conformance.StorageConformance;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.testkit.server.s3.S3TestServers;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the storage conformance suite with the MinIO SDK against S3Proxy 4.1 (started as its own
 * JVM from {@code target/s3proxy}); no MinIO server binary is installable offline here, and
 * S3Proxy speaks the same S3 protocol the SDK uses.
 */
class MinioConformanceTest extends StorageConformance {

  private static final long PART_SIZE = 5L << 20;

  @Override
  protected Harness createHarness() throws Exception {
    S3TestServers.Endpoint s = S3TestServers.s3proxy(Path.of("target", "s3proxy"));
    String bucket = "minio-" + UUID.randomUUID().toString().substring(0, 8);
    MinioStorageDriver driver = MinioStorageDriver.builder().endpoint(s.endpoint().toString()).bucket(bucket)
        .credentials(s.accessKey(), Secret.of(s.secretKey())).build();
    MinioClient client = driver.unwrap(MinioClient.class).orElseThrow();
    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    return new Harness() {
      @Override
      public StorageDriver driver() {
        return driver;
      }

      @Override
      public long partSize() {
        return PART_SIZE;
      }

      @Override
      public Optional<Class<?>> nativeClientType() {
        return Optional.of(MinioClient.class);
      }
    };
  }

}
