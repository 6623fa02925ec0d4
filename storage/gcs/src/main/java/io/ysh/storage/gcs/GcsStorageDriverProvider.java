package io.ysh.storage.gcs;

import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageDriverProvider;
import io.ysh.support.gcp.GcpCredentials;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens {@code gs://bucket}. Credentials are read as by every GCP driver: {@code credentialsFile}
 * (a service-account JSON key file or workload identity federation configuration; default:
 * Application Default Credentials, such as {@code GOOGLE_APPLICATION_CREDENTIALS} or the metadata
 * server), {@code impersonate} and {@code delegates} (tokens of another service account, see
 * {@link GcpCredentials}). GCS's own parameters:
 * {@code project} (the project id), {@code anonymous=true} (no
 * credentials, for emulators), {@code endpoint} (another endpoint, such as an emulator's
 * {@code http://127.0.0.1:4443}), {@code timeout} (connect and read timeout, such as {@code 30s}),
 * {@code chunkSize} (resumable-upload chunk in bytes, a multiple of 256 KiB).
 */
public final class GcsStorageDriverProvider implements StorageDriverProvider {

  private static final Set<String> PARAMS = Stream.concat(GcpCredentials.URL_PARAMETERS.stream(),
      Stream.of("project", "anonymous", "endpoint", "timeout", "chunkSize")).collect(Collectors.toUnmodifiableSet());

  /** For {@link java.util.ServiceLoader}. */
  public GcsStorageDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("gs");
  }

  @Override
  public StorageDriver open(ResourceUrl url) {
    url.requireKnownParams(PARAMS);
    String bucket = url.host().orElseThrow(
        () -> YshException.invalidArgument("gs:// URL needs a bucket: gs://my-bucket"));
    if (!url.pathSegments().isEmpty()) {
      throw YshException.invalidArgument("gs:// URL names a bucket only (gs://my-bucket), not a path: " + url.path());
    }
    if (url.username().isPresent() || url.password().isPresent()) {
      throw YshException.invalidArgument(
          "gs:// URLs carry no user or password: use credentialsFile=<service-account.json> or the default credentials");
    }
    GcsStorageDriver.Builder b = GcsStorageDriver.builder().bucket(bucket);
    url.param("project").ifPresent(b::projectId);
    url.param("endpoint").ifPresent(b::endpoint);
    url.durationParam("timeout").ifPresent(t -> b.connectTimeout(t).readTimeout(t));
    url.intParam("chunkSize").ifPresent(b::chunkSize);
    boolean anonymous = url.boolParam("anonymous").orElse(false);
    if (anonymous && (url.param("credentialsFile").isPresent() || url.param("impersonate").isPresent())) {
      throw YshException.invalidArgument("gs:// URL has both anonymous=true and credentials (credentialsFile or impersonate): choose one");
    }
    if (anonymous) {
      b.noCredentials();
    }
    GcpCredentials.fromUrl(url).ifPresent(b::credentials);
    return b.build();
  }
}
