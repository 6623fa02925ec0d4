package io.ysh.aneel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * A {@link DownloadCache} in a local directory: per URL a data file and a small properties file
 * with the validators, named by the SHA-256 of the URL. New copies are written to a temporary
 * file in the same directory and moved into place atomically (on file systems that support
 * atomic moves; otherwise by a plain replace). Safe for one process at a time per directory.
 *
 * <p><strong>Links.</strong> The directory itself is trusted (it is the one configured); its
 * entries are not followed when they are symbolic links: a cached copy or validator file that is a
 * link (or anything but a regular file) is treated as missing by {@link #lookup} and
 * {@link #path}, {@link #open} refuses it ({@code O_NOFOLLOW}), and new copies are written to
 * temporary files created with {@code O_EXCL | O_NOFOLLOW} and renamed over whatever is there (a
 * rename replaces a link, it never writes through it). Not defended: a reader that is handed
 * {@link #path} (DuckDB) opens it by name, so a link swapped in after the check would be followed
 * by that reader.
 */
public final class DirectoryDownloadCache implements DownloadCache {

  private final Path dir;

  /**
   * Uses a directory, creating it if needed.
   *
   * @param dir the directory
   * @throws UncheckedIOException when it cannot be created
   */
  public DirectoryDownloadCache(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create cache directory " + dir, e);
    }
  }

  /**
   * The directory.
   *
   * @return the directory
   */
  public Path directory() {
    return dir;
  }

  @Override
  public Optional<Entry> lookup(String url) throws IOException {
    String key = key(url);
    Path meta = dir.resolve(key + ".properties");
    Path data = dir.resolve(key + ".data");
    BasicFileAttributes dataAttrs = regularFile(data);
    if (regularFile(meta) == null || dataAttrs == null) {
      return Optional.empty(); // missing, or a link / special file: never followed
    }
    Properties p = new Properties();
    try (Reader r = new InputStreamReader(Files.newInputStream(meta, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS),
        StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (FileSystemException e) {
      if (e instanceof AccessDeniedException) {
        throw e;
      }
      return Optional.empty(); // replaced by a link (or removed) since the look
    }
    long size;
    try {
      size = Long.parseLong(p.getProperty("size", "-1"));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (size != dataAttrs.size() || !url.equals(p.getProperty("url"))) {
      return Optional.empty();
    }
    return Optional.of(new Entry(url, p.getProperty("etag"), p.getProperty("lastModified"), size));
  }

  /** The attributes of a regular file, not following a link; null when missing or anything else. */
  private static BasicFileAttributes regularFile(Path file) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isRegularFile() ? a : null;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /**
   * Opens a cached copy, never through a link.
   *
   * @throws IOException also when the copy is now a symbolic link
   */
  @Override
  public InputStream open(Entry entry) throws IOException {
    return Files.newInputStream(dir.resolve(key(entry.url()) + ".data"), StandardOpenOption.READ,
        LinkOption.NOFOLLOW_LINKS);
  }

  /** The cached copy's file; empty when it is missing or not a regular file (a link is not handed out). */
  @Override
  public Optional<Path> path(Entry entry) {
    Path data = dir.resolve(key(entry.url()) + ".data");
    try {
      return regularFile(data) == null ? Optional.empty() : Optional.of(data);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A new temporary file: {@code O_CREAT | O_EXCL}, so nothing (no link) can stand in its place. */
  private Path newTemp(String key, String suffix) {
    return dir.resolve(key + "-" + UUID.randomUUID() + suffix);
  }

  private static OutputStream create(Path file) throws IOException {
    return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public Staging stage(String url) throws IOException {
    String key = key(url);
    Path tmp = newTemp(key, ".tmp");
    OutputStream out = new BufferedOutputStream(create(tmp), 64 * 1024);
    return new Staging() {
      private boolean committed;

      @Override
      public OutputStream output() {
        return out;
      }

      @Override
      public InputStream reopen() throws IOException {
        out.flush();
        return Files.newInputStream(tmp, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      }

      @Override
      public Entry commit(String etag, String lastModified) throws IOException {
        out.close();
        long size = Files.readAttributes(tmp, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
        Properties p = new Properties();
        p.setProperty("url", url);
        p.setProperty("size", Long.toString(size));
        if (etag != null) {
          p.setProperty("etag", etag);
        }
        if (lastModified != null) {
          p.setProperty("lastModified", lastModified);
        }
        Path metaTmp = newTemp(key, ".ptmp");
        try (Writer w = new OutputStreamWriter(create(metaTmp), StandardCharsets.UTF_8)) {
          p.store(w, "ysh aneel download cache");
        }
        move(tmp, dir.resolve(key + ".data"));
        move(metaTmp, dir.resolve(key + ".properties"));
        committed = true;
        return new Entry(url, etag, lastModified, size);
      }

      @Override
      public void close() {
        try {
          out.close();
        } catch (IOException ignored) {
          // discarding anyway
        }
        if (!committed) {
          try {
            Files.deleteIfExists(tmp);
          } catch (IOException ignored) {
            // a stray temp file is harmless
          }
        }
      }
    };
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static String key(String url) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "DirectoryDownloadCache[" + dir + "]";
  }
}
