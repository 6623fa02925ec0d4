package io.ysh.storage.s3;

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
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Network faults between the S3 driver (AWS SDK v2, Apache HTTP client) and S3Proxy 4.1, which
 * is the server here; S3Proxy never throttles, so its {@code 503 SlowDown} is answered by the
 * fault proxy in S3's own words. Pending multipart uploads are counted with
 * {@code ListMultipartUploads} on S3Proxy directly.
 */
class S3NetworkFaultTest extends StorageNetworkFaults {

  @Override
  protected Harness createHarness() {
    return new S3FaultHarness("s3", S3TestServers.s3proxy(Path.of("target", "s3proxy")));
  }

  /** A bucket on an S3-compatible server, reached through the proxy by the driver under test. */
  static final class S3FaultHarness implements Harness {
    private final String name;
    private final S3TestServers.Endpoint server;
    private final String bucket = "fault-" + UUID.randomUUID().toString().substring(0, 8);
    private final S3StorageDriver direct;

    S3FaultHarness(String name, S3TestServers.Endpoint server) {
      this.name = name;
      this.server = server;
      this.direct = builder(server.endpoint()).build();
      direct.unwrap(S3Client.class).orElseThrow().createBucket(c -> c.bucket(bucket));
    }

    private S3StorageDriver.Builder builder(URI endpoint) {
      return S3StorageDriver.builder().bucket(bucket).endpoint(endpoint).pathStyle(true).region("us-east-1")
          .credentials(server.accessKey(), Secret.of(server.secretKey()));
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public InetSocketAddress server() {
      return new InetSocketAddress(server.endpoint().getHost(), server.endpoint().getPort());
    }

    @Override
    public StorageDriver driver(URI endpoint, Duration attemptTimeout) {
      return builder(endpoint).attemptTimeout(attemptTimeout).build();
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
    public int pendingUploads(String prefix) {
      return direct.unwrap(S3Client.class).orElseThrow().listMultipartUploads(l -> l.bucket(bucket).prefix(prefix)).uploads().size();
    }

    @Override
    public void close() {
      direct.close();
    }
  }
}
