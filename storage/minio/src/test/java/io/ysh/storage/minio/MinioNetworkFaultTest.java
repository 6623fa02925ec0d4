package io.ysh.storage.minio;

import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.ysh.core.Secret;
import io.ysh.storage.conformance.StorageNetworkFaults;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.testkit.server.fault.Toxic;
import io.ysh.testkit.server.s3.S3TestServers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Network faults between the MinIO driver (MinIO Java SDK on OkHttp) and S3Proxy 4.1, the same
 * server its conformance test uses (no MinIO server binary is installable offline here). S3Proxy
 * never throttles, so the {@code 503 SlowDown} is answered by the fault proxy in S3's words.
 * Pending multipart uploads are counted with {@code ListMultipartUploads} on S3Proxy directly.
 */
class MinioNetworkFaultTest extends StorageNetworkFaults {

  @Override
  protected Harness createHarness() throws Exception {
    S3TestServers.Endpoint server = S3TestServers.s3proxy(Path.of("target", "s3proxy"));
    String bucket = "fault-" + UUID.randomUUID().toString().substring(0, 8);
    MinioStorageDriver direct = builder(server, server.endpoint(), bucket).build();
    direct.unwrap(MinioClient.class).orElseThrow().makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    return new Harness() {
      @Override
      public String name() {
        return "minio";
      }

      @Override
      public InetSocketAddress server() {
        return new InetSocketAddress(server.endpoint().getHost(), server.endpoint().getPort());
      }

      @Override
      public StorageDriver driver(URI endpoint, Duration attemptTimeout) {
        return builder(server, endpoint, bucket).attemptTimeout(attemptTimeout).build();
      }

      @Override
      public long partSize() {
        return 5L << 20;
      }

      private String path(String key) {
        return "/" + bucket + "/" + Pattern.quote(key);
      }

      @Override
      public String singlePut(String key) {
        return "^PUT " + path(key) + "(\\?(?!\\S*uploadId)\\S*)? HTTP/";
      }

      @Override
      public String partUpload(String key, int number) {
        return "^PUT " + path(key) + "\\?\\S*partNumber=" + number + "(&|\\s)";
      }

      @Override
      public String dataGet(String key) {
        return "^GET " + path(key) + "[ ?]";
      }

      @Override
      public Toxic throttled(int seconds) {
        return Toxic.respond(503, Map.of("Retry-After", Integer.toString(seconds), "Content-Type", "application/xml"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
                + "<Message>Please reduce your request rate.</Message><RequestId>fault-proxy</RequestId></Error>");
      }

      @Override
      public int pendingUploads(String prefix) throws Exception {
        return direct.unwrap(MinioAsyncClient.class).orElseThrow().listMultipartUploadsAsync(bucket, null, null, null, null, 1000,
            prefix, null, null, null).get().result().uploads().size();
      }

      @Override
      public void close() {
        direct.close();
      }
    };
  }

  private static MinioStorageDriver.Builder builder(S3TestServers.Endpoint server, URI endpoint, String bucket) {
    return MinioStorageDriver.builder().endpoint(endpoint.toString()).bucket(bucket)
        .credentials(server.accessKey(), Secret.of(server.secretKey()));
  }
}
