package io.ysh.secrets.env;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretValue;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Secrets from a {@code .env}-style file ({@code file:///etc/app/secrets.env}), read-only; the
 * format is {@link DotEnvFile}'s. The file is parsed again whenever its modification time or
 * size changes, so an edited file is picked up without restarting. Names are looked up exactly,
 * then in the {@code UPPER_SNAKE} form (see {@link EnvSecretDriver}). Thread-safe.
 */
public final class DotEnvSecretDriver implements SecretDriver {

  private static final Set<SecretCapability> CAPABILITIES = Set.of(SecretCapability.LIST);

  private record Snapshot(Instant modified, long size, Object fileKey, Map<String, String> values) {}

  private final Path file;
  private volatile Snapshot snapshot;

  /**
   * Opens a file.
   *
   * @param file the {@code .env} file; must exist
   * @throws YshException {@code INVALID_ARGUMENT} when it is not a regular file
   */
  public DotEnvSecretDriver(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    if (!Files.isRegularFile(this.file)) {
      throw YshException.invalidArgument(".env file " + this.file + " does not exist or is not a regular file");
    }
  }

  @Override
  public String provider() {
    return "file";
  }

  @Override
  public Set<SecretCapability> capabilities() {
    return CAPABILITIES;
  }

  private Map<String, String> values() throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
    Instant modified = attrs.lastModifiedTime().toInstant();
    Snapshot s = snapshot;
    if (s == null
        || !s.modified().equals(modified)
        || s.size() != attrs.size()
        || !Objects.equals(s.fileKey(), attrs.fileKey())) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      s = new Snapshot(modified, attrs.size(), attrs.fileKey(), Map.copyOf(DotEnvFile.parse(text)));
      snapshot = s;
    }
    return s.values();
  }

  @Override
  public SecretValue get(String name, String version) throws IOException {
    Map<String, String> values = values();
    String value = values.get(name);
    String key = name;
    if (value == null) {
      key = EnvNames.normalize(name);
      value = values.get(key);
    }
    if (value == null) {
      throw YshException.of(ErrorCode.NOT_FOUND, "no key " + name + " or " + EnvNames.normalize(name) + " in " + file.getFileName());
    }
    return SecretValue.builder(name, Secret.of(value)).label("env.variable", key).build();
  }

  @Override
  public NamePage list(String prefix, String pageToken) throws IOException {
    List<String> names = new ArrayList<>();
    for (String key : values().keySet()) {
      if (key.startsWith(prefix)) {
        names.add(key);
      }
    }
    names.sort(null);
    return NamePage.last(names);
  }

  @Override
  public ErrorMapper errorMapper() {
    return FileErrors::map;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type == Path.class ? Optional.of(type.cast(file)) : Optional.empty();
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "DotEnvSecretDriver[" + file + "]";
  }
}
