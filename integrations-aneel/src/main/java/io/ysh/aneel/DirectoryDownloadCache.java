package io.ysh.aneel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A {@link DownloadCache} in a local directory: per URL a data file and a small properties file
 * with the validators, named by the SHA-256 of the URL. New copies are written to a temporary
 * file in the same directory and moved into place atomically (on file systems that support
 * atomic moves; otherwise by a plain replace). Safe for one process at a time per directory.
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
    if (!Files.exists(meta) || !Files.exists(data)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    long size;
    try {
      size = Long.parseLong(p.getProperty("size", "-1"));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (size != Files.size(data) || !url.equals(p.getProperty("url"))) {
      return Optional.empty();
    }
    return Optional.of(new Entry(url, p.getProperty("etag"), p.getProperty("lastModified"), size));
  }

  @Override
  public InputStream open(Entry entry) throws IOException {
    return Files.newInputStream(dir.resolve(key(entry.url()) + ".data"));
  }

  @Override
  public Optional<Path> path(Entry entry) {
    return Optional.of(dir.resolve(key(entry.url()) + ".data"));
  }

  @Override
  public Staging stage(String url) throws IOException {
    String key = key(url);
    Path tmp = Files.createTempFile(dir, key, ".tmp");
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 64 * 1024);
    return new Staging() {
      private boolean committed;

      @Override
      public OutputStream output() {
        return out;
      }

      @Override
      public InputStream reopen() throws IOException {
        out.flush();
        return Files.newInputStream(tmp);
      }

      @Override
      public Entry commit(String etag, String lastModified) throws IOException {
        out.close();
        long size = Files.size(tmp);
        Properties p = new Properties();
        p.setProperty("url", url);
        p.setProperty("size", Long.toString(size));
        if (etag != null) {
          p.setProperty("etag", etag);
        }
        if (lastModified != null) {
          p.setProperty("lastModified", lastModified);
        }
        Path metaTmp = Files.createTempFile(dir, key, ".ptmp");
        try (Writer w = Files.newBufferedWriter(metaTmp, StandardCharsets.UTF_8)) {
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

  private static String key(String url) {
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
