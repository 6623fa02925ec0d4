package io.ysh.secrets.env;

import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.conformance.SecretStoreConformance;
import io.ysh.secrets.spi.SecretDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The conformance suite over a real directory of secret files, opened by URL. */
class FileDirectoryConformanceTest extends SecretStoreConformance {

  private final Path dir;

  FileDirectoryConformanceTest() {
    try {
      dir = Files.createTempDirectory("ysh-secrets-dir");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected SecretDriver newDriver() {
    return new EnvSecretDriverProvider().open(ResourceUrl.parse("file://" + dir.toUri().getPath()));
  }
}
