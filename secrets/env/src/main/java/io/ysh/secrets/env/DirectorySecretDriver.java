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
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Secrets as files in a directory ({@code file:///run/secrets}), the way Kubernetes mounts a
 * Secret volume and Docker mounts {@code /run/secrets}: the file name is the secret name
 * ({@code db/password} is {@code <dir>/db/password}) and the file's bytes are the value, binary
 * allowed. Kubernetes' hidden {@code ..data} entries are skipped. With {@code trim=true}
 * trailing newlines are removed on read (files written with {@code echo}).
 *
 * <p>Unless opened read-only, {@link #put} writes atomically (a temporary file moved over the
 * old one, owner-only permissions where the file system has them) and {@link #delete} removes
 * the file. There are no versions; the creation time is the file's last-modified time.
 * Thread-safe.
 */
public final class DirectorySecretDriver implements SecretDriver {

  private final Path root;
  private final boolean readOnly;
  private final boolean trim;
  private final Set<SecretCapability> capabilities;

  /**
   * Opens a directory.
   *
   * @param root the directory; must exist
   * @param readOnly whether put and delete are refused
   * @param trim whether trailing {@code \n} / {@code \r\n} are removed from values on read
   * @throws YshException {@code INVALID_ARGUMENT} when {@code root} is not a directory
   */
  public DirectorySecretDriver(Path root, boolean readOnly, boolean trim) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    if (!Files.isDirectory(this.root)) {
      throw YshException.invalidArgument("secrets directory " + this.root + " does not exist or is not a directory");
    }
    this.readOnly = readOnly;
    this.trim = trim;
    EnumSet<SecretCapability> caps = EnumSet.of(SecretCapability.LIST, SecretCapability.BINARY_VALUES);
    if (!readOnly) {
      caps.add(SecretCapability.PUT);
      caps.add(SecretCapability.DELETE);
    }
    this.capabilities = Set.copyOf(caps);
  }

  @Override
  public String provider() {
    return "file";
  }

  @Override
  public Set<SecretCapability> capabilities() {
    return capabilities;
  }

  @Override
  public void validateName(String name) {
    for (String segment : name.split("/")) {
      if (segment.startsWith("..")) {
        throw YshException.invalidArgument("secret file names must not start with '..' (reserved by Kubernetes)");
      }
    }
  }

  private Path file(String name) {
    Path p = root.resolve(name).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw YshException.invalidArgument("secret name escapes the secrets directory");
    }
    return p;
  }

  @Override
  public SecretValue get(String name, String version) throws IOException {
    Path p = file(name);
    byte[] bytes;
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(p, BasicFileAttributes.class);
      if (!attrs.isRegularFile()) {
        throw YshException.of(ErrorCode.NOT_FOUND, "no secret file (a directory has that name)");
      }
      bytes = Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      throw YshException.builder(ErrorCode.NOT_FOUND).detail("no secret file in " + root).build();
    }
    if (trim) {
      int n = bytes.length;
      while (n > 0 && (bytes[n - 1] == '\n' || bytes[n - 1] == '\r')) {
        n--;
      }
      if (n != bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, n);
      }
    }
    return SecretValue.builder(name, Secret.ofBytes(bytes)).createdTime(attrs.lastModifiedTime().toInstant()).build();
  }

  @Override
  public NamePage list(String prefix, String pageToken) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
      files.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
          .filter(n -> !hidden(n))
          .filter(n -> n.startsWith(prefix))
          .sorted()
          .forEach(names::add);
    }
    return NamePage.last(names);
  }

  private static boolean hidden(String relative) {
    for (String segment : relative.split("/")) {
      if (segment.startsWith("..") || segment.startsWith(".ysh-tmp-")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String put(String name, Secret value) throws IOException {
    Path p = file(name);
    Files.createDirectories(p.getParent());
    Path tmp = p.resolveSibling(".ysh-tmp-" + p.getFileName() + "-" + Long.toHexString(System.nanoTime()));
    try {
      Files.write(tmp, value.revealBytes());
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
      try {
        Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return null;
  }

  @Override
  public void delete(String name) throws IOException {
    Files.deleteIfExists(file(name));
  }

  @Override
  public ErrorMapper errorMapper() {
    return FileErrors::map;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type == Path.class ? Optional.of(type.cast(root)) : Optional.empty();
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "DirectorySecretDriver[" + root + (readOnly ? ", read-only" : "") + "]";
  }
}
