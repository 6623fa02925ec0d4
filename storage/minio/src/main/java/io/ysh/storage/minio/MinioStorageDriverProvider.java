package io.ysh.storage.minio;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.HostAndPort;
import io.ysh.core.url.ResourceUrl;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageDriverProvider;
import java.util.Set;

/**
 * Opens {@code minio://ACCESS:SECRET@host:9000/bucket?secure=false&region=us-east-1}:
 * {@code secure} (default {@code true}: HTTPS), {@code region} (default {@code us-east-1}).
 */
public final class MinioStorageDriverProvider implements StorageDriverProvider {

  /** For {@link java.util.ServiceLoader}. */
  public MinioStorageDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("minio");
  }

  @Override
  public StorageDriver open(ResourceUrl url) {
    url.requireKnownParams(Set.of("secure", "region"));
    HostAndPort host = url.singleHost("MinIO server");
    if (url.pathSegments().size() != 1) {
      throw YshException.invalidArgument("minio:// URL needs exactly one path segment, the bucket:"
          + " minio://host:9000/bucket");
    }
    boolean secure = url.boolParam("secure").orElse(true);
    int port = host.port() > 0 ? host.port() : (secure ? 443 : 80);
    MinioStorageDriver.Builder b = MinioStorageDriver.builder()
        .endpoint((secure ? "https://" : "http://") + host.host() + ":" + port)
        .bucket(url.pathSegments().get(0));
    url.param("region").ifPresent(b::region);
    String user = url.username().orElseThrow(() -> YshException.invalidArgument(
        "minio:// URL needs credentials: minio://ACCESS_KEY:SECRET_KEY@host:9000/bucket"));
    Secret secret = url.password().orElseThrow(() -> YshException.invalidArgument(
        "minio:// URL has an access key but no secret key"));
    return b.credentials(user, secret).build();
  }
}
