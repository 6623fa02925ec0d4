package io.ysh.storage.gcs;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageDriverProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Opens {@code gs://bucket}. Parameters: {@code project} (the project id), {@code credentialsFile}
 * (a service-account JSON key file; default: Application Default Credentials, such as
 * {@code GOOGLE_APPLICATION_CREDENTIALS} or the metadata server), {@code anonymous=true} (no
 * credentials, for emulators), {@code endpoint} (another endpoint, such as an emulator's
 * {@code http://127.0.0.1:4443}), {@code timeout} (connect and read timeout, such as {@code 30s}),
 * {@code chunkSize} (resumable-upload chunk in bytes, a multiple of 256 KiB).
 */
public final class GcsStorageDriverProvider implements StorageDriverProvider {

  /** For {@link java.util.ServiceLoader}. */
  public GcsStorageDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("gs");
  }

  @Override
  public StorageDriver open(ResourceUrl url) {
    url.requireKnownParams(Set.of("project", "credentialsFile", "anonymous", "endpoint", "timeout", "chunkSize"));
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
    if (anonymous && url.param("credentialsFile").isPresent()) {
      throw YshException.invalidArgument("gs:// URL has both anonymous=true and credentialsFile: choose one");
    }
    if (anonymous) {
      b.noCredentials();
    }
    url.param("credentialsFile").ifPresent(f -> b.credentials(readKey(f)));
    return b.build();
  }

  private static Secret readKey(String file) {
    try {
      return Secret.ofBytes(Files.readAllBytes(Path.of(file)));
    } catch (IOException | RuntimeException e) {
      throw YshException.invalidArgument("cannot read the GCS credentials file " + file + ": " + e.getClass().getSimpleName());
    }
  }
}
