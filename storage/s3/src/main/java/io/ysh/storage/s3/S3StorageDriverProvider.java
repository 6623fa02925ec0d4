package io.ysh.storage.s3;

import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageDriverProvider;
import io.ysh.support.aws.AwsClientConfig;
import java.util.HashSet;
import java.util.Set;

/**
 * Opens {@code s3://[ACCESS_KEY:SECRET_KEY@]bucket?region=sa-east-1}. Region, endpoint and
 * credentials are read as by every AWS driver: {@code region} (else {@code AWS_REGION}, the
 * {@code aws.region} system property or the profile's region; with an endpoint and none of those,
 * {@code us-east-1}), {@code endpoint} (an S3-compatible server, such as
 * {@code http://127.0.0.1:9000}), {@code profile} (a named profile for credentials), credentials
 * in the URL, else the AWS default provider chain. S3's own: {@code pathStyle} ({@code true} for
 * most S3-compatible servers), {@code conditionalWrites} ({@code false} for servers that ignore
 * {@code If-None-Match}/{@code If-Match}), {@code multipartChecksums} ({@code false} for servers
 * without full-object checksums of multipart uploads), {@code timeout} (per attempt, such as
 * {@code 30s}).
 */
public final class S3StorageDriverProvider implements StorageDriverProvider {

  private static final Set<String> PARAMS = params();

  /** For {@link java.util.ServiceLoader}. */
  public S3StorageDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("s3");
  }

  @Override
  public StorageDriver open(ResourceUrl url) {
    url.requireKnownParams(PARAMS);
    String bucket = url.host().orElseThrow(
        () -> YshException.invalidArgument("s3:// URL needs a bucket: s3://my-bucket?region=sa-east-1"));
    S3StorageDriver.Builder b = S3StorageDriver.builder().bucket(bucket).aws(AwsClientConfig.fromUrl(url));
    url.boolParam("pathStyle").ifPresent(b::pathStyle);
    url.boolParam("conditionalWrites").ifPresent(b::conditionalWrites);
    url.boolParam("multipartChecksums").ifPresent(b::multipartChecksums);
    url.durationParam("timeout").ifPresent(b::attemptTimeout);
    return b.build();
  }

  private static Set<String> params() {
    Set<String> p = new HashSet<>(AwsClientConfig.URL_PARAMETERS);
    p.addAll(Set.of("pathStyle", "conditionalWrites", "multipartChecksums", "timeout"));
    return Set.copyOf(p);
  }
}
