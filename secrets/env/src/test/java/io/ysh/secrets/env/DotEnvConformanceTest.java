package io.ysh.secrets.env;

import io.ysh.core.Secret;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.conformance.SecretStoreConformance;
import io.ysh.secrets.spi.SecretDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conformance suite over a real {@code .env} file, opened by URL. Read-only: the suite
 * rewrites the file (atomically, as an editor or a deployment tool would).
 */
class DotEnvConformanceTest extends SecretStoreConformance {

  private final Path file;
  private final Map<String, String> content = new LinkedHashMap<>();

  DotEnvConformanceTest() {
    try {
      file = Files.createTempFile("ysh-secrets", ".env");
      Files.writeString(file, "# managed by the test\nexport UNRELATED=1\n");
      content.put("UNRELATED", "1");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected SecretDriver newDriver() {
    return new EnvSecretDriverProvider().open(ResourceUrl.parse("file://" + file.toUri().getPath()));
  }

  @Override
  protected synchronized void writeOutOfBand(String name, Secret value) {
    content.put(name, value.reveal());
    rewrite();
  }

  @Override
  protected synchronized boolean deleteOutOfBand(String name) {
    content.remove(name);
    rewrite();
    return true;
  }

  private void rewrite() {
    StringBuilder sb = new StringBuilder("# managed by the test\n");
    content.forEach((k, v) -> sb.append(DotEnvFile.line(k, v)));
    try {
      Path tmp = Files.createTempFile(file.getParent(), "ysh", ".tmp");
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
