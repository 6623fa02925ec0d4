package io.ysh.storage.s3;

import io.ysh.core.Secret;
import io.ysh.storage.conformance.StorageConformance;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.testkit.server.s3.S3TestServers;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/** A fresh bucket on an S3-compatible test server. */
final class S3Harness implements StorageConformance.Harness {

  static final long PART_SIZE = 5L << 20;

  private final S3StorageDriver driver;
  private final S3Client client;
  private final String bucket;

  S3Harness(S3TestServers.Endpoint endpoint, boolean conditionalWrites) {
    this(endpoint, conditionalWrites, true);
  }

  S3Harness(S3TestServers.Endpoint endpoint, boolean conditionalWrites, boolean multipartChecksums) {
    bucket = "ysh-" + UUID.randomUUID().toString().substring(0, 13);
    driver = S3StorageDriver.builder().bucket(bucket).endpoint(endpoint.endpoint()).pathStyle(true)
        .region("us-east-1").credentials(endpoint.accessKey(), Secret.of(endpoint.secretKey()))
        .conditionalWrites(conditionalWrites).multipartChecksums(multipartChecksums).build();
    client = driver.unwrap(S3Client.class).orElseThrow();
    client.createBucket(c -> c.bucket(bucket));
  }

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
    return Optional.of(S3Client.class);
  }

  /**
   * Rewrites the object with one bit flipped, its metadata kept and the original bytes' CRC32C
   * as the driver's entry: what a download sees when the bytes were damaged after the checksum
   * was taken.
   */
  @Override
  public boolean corrupt(String key) throws java.io.IOException {
    var in = client.getObject(g -> g.bucket(bucket).key(key));
    byte[] data = in.readAllBytes();
    var head = in.response();
    if (data.length == 0) {
      return false;
    }
    java.util.Map<String, String> metadata = new java.util.HashMap<>(head.metadata());
    // the rewrite carries the original bytes' CRC32C as the driver's metadata (a multipart object
    // had S3's full-object checksum instead), so reads check the damaged bytes against it
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(data);
    metadata.put(S3StorageDriver.CRC32C_METADATA, String.format("%08x", crc.getValue()));
    data[data.length / 2] ^= 1;
    client.putObject(p -> p.bucket(bucket).key(key).metadata(metadata).contentType(head.contentType()),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(data));
    return true;
  }

  @Override
  public OptionalInt pendingUploads(String prefix) {
    return OptionalInt.of(client.listMultipartUploads(l -> l.bucket(bucket).prefix(prefix)).uploads().size());
  }
}
