package io.ysh.aneel;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link DownloadCache} in an {@link ObjectStorage} bucket (S3, GCS, Azure Blob, MinIO, a
 * directory…), so that several services share one copy of ANEEL's files. Needs
 * {@code io.ysh:ysh-storage-api} and a driver on the class path (the dependency is optional).
 *
 * <p>One object per URL, under a prefix, named by the SHA-256 of the URL; the validators
 * ({@code ETag}, {@code Last-Modified}) and the URL travel as the object's user metadata, so the
 * copy and its validators are replaced together by one put. A new copy is staged in a local
 * temporary file (for validation before upload) and uploaded only on
 * {@link DownloadCache.Staging#commit}; a staging area closed without commit uploads nothing.
 */
public final class ObjectStorageDownloadCache implements DownloadCache {

  private final ObjectStorage storage;
  private final String prefix;

  /**
   * Uses a bucket.
   *
   * @param storage the storage, for example {@code ObjectStorage.open("s3://cache-bucket")}
   * @param prefix the key prefix, such as {@code "aneel/"}; may be empty
   */
  public ObjectStorageDownloadCache(ObjectStorage storage, String prefix) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  @Override
  public Optional<Entry> lookup(String url) throws IOException {
    ObjectInfo info;
    try {
      info = storage.stat(key(url));
    } catch (YshException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    Map<String, String> m = info.metadata();
    if (!url.equals(m.get("sourceurl"))) {
      return Optional.empty();
    }
    return Optional.of(new Entry(url, m.get("etag"), m.get("lastmodified"), info.size()));
  }

  @Override
  public InputStream open(Entry entry) throws IOException {
    return storage.get(key(entry.url()));
  }

  @Override
  public Staging stage(String url) throws IOException {
    Path tmp = Files.createTempFile("ysh-aneel-", ".csv");
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 64 * 1024);
    return new Staging() {
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
        WriteOptions.Builder w = WriteOptions.builder().contentType("text/csv").metadata("sourceurl", ascii(url));
        if (etag != null) {
          w.metadata("etag", ascii(etag));
        }
        if (lastModified != null) {
          w.metadata("lastmodified", ascii(lastModified));
        }
        storage.put(key(url), tmp, w.build());
        return new Entry(url, etag, lastModified, Files.size(tmp));
      }

      @Override
      public void close() {
        try {
          out.close();
        } catch (IOException ignored) {
          // discarding anyway
        }
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stray temp file is harmless
        }
      }
    };
  }

  private String key(String url) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return prefix + HexFormat.of().formatHex(h, 0, 16) + ".csv";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String ascii(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c <= 0x7e ? c : '?');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "ObjectStorageDownloadCache[" + storage + ", " + prefix + "]";
  }
}
