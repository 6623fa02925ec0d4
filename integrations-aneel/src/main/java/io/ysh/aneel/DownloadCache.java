package io.ysh.aneel;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@link AneelClient} keeps downloaded files so that a re-run asks the portal with a
 * conditional GET ({@code If-None-Match} / {@code If-Modified-Since}) and downloads nothing when
 * the file did not change.
 *
 * <p>Contract for implementations: a new copy is written to a {@linkplain Staging staging area}
 * and becomes visible only through {@link Staging#commit}, which replaces the previous copy
 * atomically; a staging area closed without commit leaves the previous copy untouched. The client
 * commits only downloads that arrived complete (and, by default, parse as CSV), so a truncated
 * or corrupt download never replaces a good copy. {@link DirectoryDownloadCache} is the
 * file-system implementation.
 */
public interface DownloadCache {

  /**
   * A cached copy and the validators it was served with.
   *
   * @param url the URL it was downloaded from
   * @param etag the {@code ETag} header, or null
   * @param lastModified the {@code Last-Modified} header, or null
   * @param size the size in bytes
   */
  record Entry(String url, String etag, String lastModified, long size) {}

  /** A new copy being written. */
  interface Staging extends Closeable {

    /**
     * Where to write the new copy.
     *
     * @return the output; the client closes it before {@link #commit}
     */
    OutputStream output();

    /**
     * Reads back what was written, to validate it before commit.
     *
     * @return the bytes written
     * @throws IOException on I/O failure
     */
    InputStream reopen() throws IOException;

    /**
     * Makes the new copy the cached one, atomically replacing any previous copy.
     *
     * @param etag the {@code ETag} to store, or null
     * @param lastModified the {@code Last-Modified} to store, or null
     * @return the new entry
     * @throws IOException on I/O failure (the previous copy is then kept)
     */
    Entry commit(String etag, String lastModified) throws IOException;

    /** Discards the new copy unless it was committed. Never throws. */
    @Override
    void close();
  }

  /**
   * The cached copy of a URL.
   *
   * @param url the URL
   * @return the entry, empty when there is no complete copy
   * @throws IOException on I/O failure
   */
  Optional<Entry> lookup(String url) throws IOException;

  /**
   * Opens a cached copy.
   *
   * @param entry an entry from {@link #lookup} or {@link Staging#commit}
   * @return the bytes
   * @throws IOException on I/O failure, or when the copy has gone
   */
  InputStream open(Entry entry) throws IOException;

  /**
   * Starts writing a new copy of a URL.
   *
   * @param url the URL
   * @return the staging area
   * @throws IOException on I/O failure
   */
  Staging stage(String url) throws IOException;

  /**
   * Where a cached copy lies on the local file system, for readers that need a file rather
   * than a stream (DuckDB reading Parquet). The default has none.
   *
   * @param entry an entry from {@link #lookup} or {@link Staging#commit}
   * @return the file, or empty when the cache does not keep copies as local files
   */
  default Optional<Path> path(Entry entry) {
    return Optional.empty();
  }
}
