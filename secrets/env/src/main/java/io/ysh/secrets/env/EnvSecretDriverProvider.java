package io.ysh.secrets.env;

import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.secrets.spi.SecretDriverProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Opens the embedded drivers.
 *
 * <ul>
 *   <li>{@code env://} or {@code env://?prefix=APP_}: environment variables
 *       ({@link EnvSecretDriver});
 *   <li>{@code file:///run/secrets}: a directory of secret files ({@link DirectorySecretDriver});
 *       parameters {@code readOnly=true} and {@code trim=true};
 *   <li>{@code file:///etc/app/secrets.env}: a {@code .env} file ({@link DotEnvSecretDriver}).
 * </ul>
 */
public final class EnvSecretDriverProvider implements SecretDriverProvider {

  /** For {@link java.util.ServiceLoader}. */
  public EnvSecretDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("env", "file");
  }

  @Override
  public SecretDriver open(ResourceUrl url) {
    if (url.scheme().equals("env")) {
      url.requireKnownParams(Set.of("prefix"));
      if (!url.hosts().isEmpty() || !url.path().isEmpty()) {
        throw YshException.invalidArgument("env:// takes no host or path; use env:// or env://?prefix=APP_");
      }
      return new EnvSecretDriver(url.param("prefix").orElse(""));
    }
    url.requireKnownParams(Set.of("readOnly", "trim"));
    if (!url.hosts().isEmpty()) {
      throw YshException.invalidArgument(
          "file:// secret URLs take an absolute path and no host: file:///run/secrets (three slashes)");
    }
    if (url.path().isEmpty()) {
      throw YshException.invalidArgument("file:// secret URL needs a path: file:///run/secrets or file:///etc/app/secrets.env");
    }
    Path path = Path.of("/" + url.path());
    if (Files.isRegularFile(path)) {
      if (url.param("readOnly").isPresent() || url.param("trim").isPresent()) {
        throw YshException.invalidArgument("readOnly and trim apply to secret directories, not to .env files (always read-only)");
      }
      return new DotEnvSecretDriver(path);
    }
    return new DirectorySecretDriver(
        path, url.boolParam("readOnly").orElse(false), url.boolParam("trim").orElse(false));
  }
}
