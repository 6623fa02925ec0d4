package io.ysh.storage.s3;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageDriverProvider;
import java.net.URI;
import java.util.Set;

/**
 * Opens {@code s3://bucket?region=sa-east-1}. Parameters: {@code region}, {@code endpoint}
 * (an S3-compatible server, such as {@code http://127.0.0.1:9000}), {@code pathStyle}
 * ({@code true} for most S3-compatible servers), {@code conditionalWrites} ({@code false} for
 * servers that ignore {@code If-None-Match}/{@code If-Match}), {@code multipartChecksums}
 * ({@code false} for servers without full-object checksums of multipart uploads, such as moto),
 * {@code timeout} (per attempt,
 * such as {@code 30s}). Credentials: {@code s3://ACCESS_KEY:SECRET_KEY@bucket}, or the AWS
 * default provider chain when absent.
 */
public final class S3StorageDriverProvider implements StorageDriverProvider {

  /** For {@link java.util.ServiceLoader}. */
  public S3StorageDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("s3");
  }

  @Override
  public StorageDriver open(ResourceUrl url) {
    url.requireKnownParams(Set.of("region", "endpoint", "pathStyle", "conditionalWrites", "multipartChecksums",
        "timeout"));
    String bucket = url.host().orElseThrow(
        () -> YshException.invalidArgument("s3:// URL needs a bucket: s3://my-bucket?region=sa-east-1"));
    S3StorageDriver.Builder b = S3StorageDriver.builder().bucket(bucket);
    url.param("region").ifPresent(b::region);
    url.param("endpoint").ifPresent(e -> b.endpoint(URI.create(e)));
    url.boolParam("pathStyle").ifPresent(b::pathStyle);
    url.boolParam("conditionalWrites").ifPresent(b::conditionalWrites);
    url.boolParam("multipartChecksums").ifPresent(b::multipartChecksums);
    url.durationParam("timeout").ifPresent(b::attemptTimeout);
    if (url.username().isPresent()) {
      Secret secret = url.password().orElseThrow(
          () -> YshException.invalidArgument("s3:// URL has an access key but no secret key"));
      b.credentials(url.username().get(), secret);
    }
    return b.build();
  }
}
