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
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Secrets as files in a directory ({@code file:///run/secrets}), the way Kubernetes mounts a
 * Secret volume and Docker mounts {@code /run/secrets}: the file name is the secret name
 * ({@code db/password} is {@code <dir>/db/password}) and the file's bytes are the value, binary
 * allowed. Kubernetes' hidden {@code ..data} entries are skipped. With {@code trim=true}
 * trailing newlines are removed on read (files written with {@code echo}).
 *
 * <p><strong>Confinement.</strong> The directory is opened once, when the driver is built, and
 * every file is reached from that handle through {@link SecureDirectoryStream} relative operations
 * that never follow a link. Reads accept links that stay inside the directory (the Kubernetes
 * layout: {@code password -> ..data/password}, {@code ..data -> ..2026_...}): the name's real path
 * is resolved, refused with {@code PERMISSION_DENIED} unless inside the directory, and the file is
 * then opened by walking that real path from the handle without following links, so a link
 * swapped in after the check is refused rather than followed. Listings name only files reachable
 * that way. Writes and deletes follow no link at all: a link on the way (or as the secret itself)
 * is {@code PERMISSION_DENIED} before anything changes. Needs {@link SecureDirectoryStream} (Linux):
 * elsewhere the constructor fails with {@code UNSUPPORTED}.
 *
 * <p>Unless opened read-only, {@link #put} writes atomically (a temporary file created owner-only
 * in the directory itself, renamed into place) and {@link #delete} removes the file. There are no
 * versions; the creation time is the file's last-modified time. Thread-safe.
 */
public final class DirectorySecretDriver implements SecretDriver {

  private static final String TMP_PREFIX = ".ysh-tmp-";
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ, NOFOLLOW);
  private static final Set<OpenOption> CREATE =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);
  /** How deep a listing follows links to directories inside the directory (against cycles). */
  private static final int MAX_DEPTH = 32;
  /** How often a read resolves again when the files move under it (kubelet swapping ..data). */
  private static final int MAX_ATTEMPTS = 5;

  private final Path root;
  private final Path realRoot;
  private final SecureDirectoryStream<Path> rootDir;
  private final boolean readOnly;
  private final boolean trim;
  private final Set<SecretCapability> capabilities;

  /**
   * Opens a directory.
   *
   * @param root the directory; must exist
   * @param readOnly whether put and delete are refused
   * @param trim whether trailing {@code \n} / {@code \r\n} are removed from values on read
   * @throws YshException {@code INVALID_ARGUMENT} when {@code root} is not a directory,
   *     {@code UNSUPPORTED} on a platform without {@link SecureDirectoryStream}
   */
  public DirectorySecretDriver(Path root, boolean readOnly, boolean trim) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    if (!Files.isDirectory(this.root)) {
      throw YshException.invalidArgument("secrets directory " + this.root + " does not exist or is not a directory");
    }
    try {
      this.realRoot = this.root.toRealPath();
      DirectoryStream<Path> stream = Files.newDirectoryStream(realRoot);
      if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
        stream.close();
        throw YshException.of(ErrorCode.UNSUPPORTED, "the file secrets driver needs java.nio.file.SecureDirectoryStream"
            + " (openat and friends, as on Linux) to stay inside its directory; this platform has none");
      }
      this.rootDir = secure;
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .detail("cannot open the secrets directory " + this.root).cause(e).build();
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
      if (segment.startsWith(TMP_PREFIX)) {
        throw YshException.invalidArgument("secret file names must not start with '" + TMP_PREFIX + "' (reserved)");
      }
    }
  }

  /** The segments of a name, checked to stay under the directory. */
  private String[] segments(String name) {
    Path p = realRoot.resolve(name).normalize();
    if (!p.startsWith(realRoot) || p.equals(realRoot)) {
      throw YshException.invalidArgument("secret name escapes the secrets directory");
    }
    List<String> out = new ArrayList<>();
    for (Path part : realRoot.relativize(p)) {
      out.add(part.toString());
    }
    return out.toArray(new String[0]);
  }

  private Path rel(String name) {
    return realRoot.getFileSystem().getPath(name);
  }

  private static YshException linkRefused(String what) {
    return YshException.of(ErrorCode.PERMISSION_DENIED, what);
  }

  private static BasicFileAttributes statAt(SecureDirectoryStream<Path> dir, Path name) throws IOException {
    try {
      return dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
    } catch (NoSuchFileException | NotDirectoryException e) {
      return null;
    }
  }

  /**
   * Opens the directories leading to the last segment, from the root handle, following no link.
   * Returns the handles (index 0 is the root, never closed by {@link #closeAll}).
   */
  private List<SecureDirectoryStream<Path>> walk(String[] segments, boolean create) throws IOException {
    List<SecureDirectoryStream<Path>> dirs = new ArrayList<>();
    dirs.add(rootDir);
    boolean done = false;
    try {
      for (int i = 0; i < segments.length - 1; i++) {
        SecureDirectoryStream<Path> parent = dirs.get(dirs.size() - 1);
        Path p = rel(segments[i]);
        BasicFileAttributes a = statAt(parent, p);
        if (a == null && create) {
          makeDirectory(parent, segments[i]);
          a = statAt(parent, p);
        }
        if (a == null || (!a.isDirectory() && !a.isSymbolicLink())) {
          throw new NoSuchFileException("no such secret file");
        }
        if (a.isSymbolicLink()) {
          throw linkRefused("a directory on the way to the secret file is a symbolic link; the file secrets driver"
              + " does not write or delete through links");
        }
        try {
          dirs.add(parent.newDirectoryStream(p, NOFOLLOW));
        } catch (NoSuchFileException e) {
          throw e;
        } catch (FileSystemException e) {
          throw linkRefused("a directory on the way to the secret file was replaced while it was opened");
        }
      }
      done = true;
      return dirs;
    } finally {
      if (!done) {
        closeAll(dirs);
      }
    }
  }

  private static void closeAll(List<SecureDirectoryStream<Path>> dirs) {
    for (int i = dirs.size() - 1; i > 0; i--) {
      try {
        dirs.get(i).close();
      } catch (IOException e) {
        // closing a directory handle does not fail in practice
      }
    }
  }

  /** Makes a directory without mkdir through a path: made in the root, renamed into the handle. */
  private void makeDirectory(SecureDirectoryStream<Path> parent, String name) throws IOException {
    String temp = TMP_PREFIX + "dir-" + UUID.randomUUID();
    Files.createDirectory(realRoot.resolve(temp));
    try {
      if (statAt(parent, rel(name)) == null) {
        rootDir.move(rel(temp), parent, rel(name));
        return;
      }
    } catch (IOException e) {
      // made by someone else meanwhile: the caller looks again
    }
    try {
      rootDir.deleteDirectory(rel(temp));
    } catch (IOException e) {
      // a leftover .ysh-tmp- directory is never listed
    }
  }

  /**
   * The segments of the file a name leads to, resolving links, refused unless inside the directory;
   * {@link NoSuchFileException} when there is none.
   */
  private String[] resolve(String name) throws IOException {
    Path real;
    try {
      real = realRoot.resolve(String.join(realRoot.getFileSystem().getSeparator(), segments(name))).toRealPath();
    } catch (java.nio.file.AccessDeniedException | NoSuchFileException e) {
      throw e;
    } catch (FileSystemException e) {
      throw new NoSuchFileException("no such secret file"); // under a file, or a loop of links
    }
    if (!real.startsWith(realRoot) || real.equals(realRoot)) {
      throw linkRefused("the secret file is a symbolic link (or under one) that leads outside the secrets directory");
    }
    List<String> out = new ArrayList<>();
    for (Path part : realRoot.relativize(real)) {
      out.add(part.toString());
    }
    return out.toArray(new String[0]);
  }

  @Override
  public SecretValue get(String name, String version) throws IOException {
    byte[] bytes = null;
    BasicFileAttributes attrs = null;
    for (int attempt = 1; bytes == null; attempt++) {
      try {
        String[] real = resolve(name);
        List<SecureDirectoryStream<Path>> dirs = walk(real, false);
        try {
          SecureDirectoryStream<Path> parent = dirs.get(dirs.size() - 1);
          Path file = rel(real[real.length - 1]);
          attrs = statAt(parent, file);
          if (attrs == null) {
            throw new NoSuchFileException("no such secret file");
          }
          if (attrs.isDirectory()) {
            throw YshException.of(ErrorCode.NOT_FOUND, "no secret file (a directory has that name)");
          }
          if (!attrs.isRegularFile()) {
            throw linkRefused("the secret file was replaced (by a link or a special file) while it was read");
          }
          try (InputStream in = Channels.newInputStream(parent.newByteChannel(file, READ))) {
            bytes = in.readAllBytes();
          }
        } finally {
          closeAll(dirs);
        }
      } catch (NoSuchFileException | NotDirectoryException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw YshException.builder(ErrorCode.NOT_FOUND).detail("no secret file in " + root).build();
        }
      } catch (YshException e) {
        if (e.code() != ErrorCode.PERMISSION_DENIED || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
      } catch (FileSystemException e) {
        if (e instanceof java.nio.file.AccessDeniedException || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        // a link swapped in between the resolution and the open: resolve again
      }
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

  /**
   * Names the regular files reachable from the handle: plain entries, and links that resolve to a
   * file or directory inside the directory (listed under the link's name). Links leading outside
   * are skipped, so a listing never names anything outside.
   */
  @Override
  public NamePage list(String prefix, String pageToken) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (SecureDirectoryStream<Path> start = rootDir.newDirectoryStream(rel("."), NOFOLLOW)) {
      collect(start, "", prefix, names, 0);
    }
    return NamePage.last(new ArrayList<>(names));
  }

  private void collect(SecureDirectoryStream<Path> dir, String base, String prefix, Set<String> names, int depth)
      throws IOException {
    if (depth > MAX_DEPTH) {
      return;
    }
    List<String> entries = new ArrayList<>();
    for (Path entry : dir) {
      entries.add(entry.getFileName().toString());
    }
    for (String entry : entries) {
      if (entry.startsWith("..") || entry.startsWith(TMP_PREFIX)) {
        continue;
      }
      String name = base + entry;
      if (!name.startsWith(prefix) && !prefix.startsWith(name + "/")) {
        continue;
      }
      BasicFileAttributes a;
      try {
        a = statAt(dir, rel(entry));
      } catch (IOException e) {
        continue;
      }
      if (a == null) {
        continue;
      }
      SecureDirectoryStream<Path> child = null;
      if (a.isSymbolicLink()) {
        String[] real;
        try {
          real = resolve(name);
        } catch (IOException | YshException e) {
          continue; // dangling, or leading outside: not a secret of this directory
        }
        List<SecureDirectoryStream<Path>> dirs;
        try {
          dirs = walk(real, false);
        } catch (IOException | YshException e) {
          continue;
        }
        try {
          SecureDirectoryStream<Path> parent = dirs.get(dirs.size() - 1);
          BasicFileAttributes target = statAt(parent, rel(real[real.length - 1]));
          if (target != null && target.isRegularFile() && name.startsWith(prefix)) {
            names.add(name);
          } else if (target != null && target.isDirectory()) {
            try {
              child = parent.newDirectoryStream(rel(real[real.length - 1]), NOFOLLOW);
            } catch (IOException e) {
              continue;
            }
          }
        } finally {
          closeAll(dirs);
        }
      } else if (a.isRegularFile()) {
        if (name.startsWith(prefix)) {
          names.add(name);
        }
      } else if (a.isDirectory()) {
        try {
          child = dir.newDirectoryStream(rel(entry), NOFOLLOW);
        } catch (IOException e) {
          continue; // removed, or replaced by a link since the look
        }
      }
      if (child != null) {
        try (SecureDirectoryStream<Path> c = child) {
          collect(c, name + "/", prefix, names, depth + 1);
        }
      }
    }
  }

  @Override
  public String put(String name, Secret value) throws IOException {
    String[] segments = segments(name);
    String temp = TMP_PREFIX + UUID.randomUUID();
    FileAttribute<?>[] ownerOnly = realRoot.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    List<SecureDirectoryStream<Path>> dirs = walk(segments, true);
    boolean moved = false;
    try {
      SecureDirectoryStream<Path> parent = dirs.get(dirs.size() - 1);
      Path file = rel(segments[segments.length - 1]);
      BasicFileAttributes current = statAt(parent, file);
      if (current != null && current.isSymbolicLink()) {
        throw linkRefused("the secret file is a symbolic link; the file secrets driver does not write through links");
      }
      try (SeekableByteChannel out = rootDir.newByteChannel(rel(temp), CREATE, ownerOnly)) {
        ByteBuffer buf = ByteBuffer.wrap(value.revealBytes());
        while (buf.hasRemaining()) {
          out.write(buf);
        }
      }
      rootDir.move(rel(temp), parent, file);
      moved = true;
    } finally {
      closeAll(dirs);
      if (!moved) {
        try {
          rootDir.deleteFile(rel(temp));
        } catch (IOException e) {
          // not created
        }
      }
    }
    return null;
  }

  @Override
  public void delete(String name) throws IOException {
    String[] segments = segments(name);
    List<SecureDirectoryStream<Path>> dirs;
    try {
      dirs = walk(segments, false);
    } catch (NoSuchFileException e) {
      return;
    }
    try {
      SecureDirectoryStream<Path> parent = dirs.get(dirs.size() - 1);
      Path file = rel(segments[segments.length - 1]);
      BasicFileAttributes current = statAt(parent, file);
      if (current == null || current.isDirectory()) {
        return;
      }
      if (current.isSymbolicLink()) {
        throw linkRefused("the secret file is a symbolic link; the file secrets driver does not delete through links");
      }
      try {
        parent.deleteFile(file);
      } catch (NoSuchFileException e) {
        // gone meanwhile
      }
    } finally {
      closeAll(dirs);
    }
  }

  @Override
  public ErrorMapper errorMapper() {
    return FileErrors::map;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type == Path.class ? Optional.of(type.cast(root)) : Optional.empty();
  }

  /** Closes the directory handle. */
  @Override
  public void close() {
    try {
      rootDir.close();
    } catch (IOException e) {
      // closing a directory handle does not fail in practice
    }
  }

  @Override
  public String toString() {
    return "DirectorySecretDriver[" + root + (readOnly ? ", read-only" : "") + "]";
  }
}
