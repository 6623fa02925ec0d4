package io.ysh.aneel;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A downloaded (or cached) file, opened for streaming. Single use: read {@link #body()} or
 * {@link #records(AneelDataset)} once, then close.
 */
public final class Download implements Closeable {

  private final String url;
  private final boolean fromCache;
  private final boolean notModified;
  private final String etag;
  private final String lastModified;
  private final long size;
  private final InputStream body;
  private final Path path;

  Download(String url, boolean fromCache, boolean notModified, String etag, String lastModified, long size, InputStream body, Path path) {
    this.path = path;
    this.url = url;
    this.fromCache = fromCache;
    this.notModified = notModified;
    this.etag = etag;
    this.lastModified = lastModified;
    this.size = size;
    this.body = body;
  }

  /**
   * The URL downloaded.
   *
   * @return the URL
   */
  public String url() {
    return url;
  }

  /**
   * Whether the bytes come from the local cache (after a 304 or a fresh download stored there).
   *
   * @return true when read from the cache
   */
  public boolean fromCache() {
    return fromCache;
  }

  /**
   * Whether the portal answered 304 Not Modified: nothing was downloaded.
   *
   * @return true when the cached copy was current
   */
  public boolean notModified() {
    return notModified;
  }

  /**
   * The {@code ETag} of the file.
   *
   * @return the ETag, if the server sent one
   */
  public Optional<String> etag() {
    return Optional.ofNullable(etag);
  }

  /**
   * The {@code Last-Modified} header of the file.
   *
   * @return the header value, if the server sent one
   */
  public Optional<String> lastModified() {
    return Optional.ofNullable(lastModified);
  }

  /**
   * The size in bytes, or -1 when unknown (a streamed download without Content-Length).
   *
   * @return the size
   */
  public long size() {
    return size;
  }

  /**
   * Where the file lies on the local file system, when the cache keeps it there
   * ({@link DirectoryDownloadCache}): readers that need a file, such as {@link ParquetComponents},
   * read it in place instead of copying the body.
   *
   * @return the cached file, valid until the next download of the same URL replaces it
   */
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  /**
   * The raw bytes. A download that ends before its announced length fails with
   * {@link AneelException.Problem#TRUNCATED_DOWNLOAD}.
   *
   * @return the stream
   */
  public InputStream body() {
    return body;
  }

  /**
   * Streams the file as typed records; see {@link AneelCsv}. Closing the stream closes this.
   *
   * @param <T> the record type
   * @param dataset the table
   * @return a lazy stream
   * @throws AneelException when the header lacks a column, and while streaming for bad rows
   */
  public <T> Stream<T> records(AneelDataset<T> dataset) {
    return AneelCsv.read(body, dataset).onClose(this::close);
  }

  /** Closes the body. */
  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException ignored) {
      // nothing useful to do
    }
  }

  @Override
  public String toString() {
    return "Download[" + url + (notModified ? ", not modified" : "") + (fromCache ? ", from cache" : "") + "]";
  }
}
