package io.ysh.storage;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.DriverRegistry;
import io.ysh.core.spi.Invoker;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.core.url.ResourceUrl;
import io.ysh.storage.spi.DriverReader;
import io.ysh.storage.spi.DriverUpload;
import io.ysh.storage.spi.FileTransferable;
import io.ysh.storage.spi.InMemoryData;
import io.ysh.storage.spi.MultipartLimits;
import io.ysh.storage.spi.PartSizing;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageDriverProvider;
import io.ysh.storage.spi.StorageKeys;
import io.ysh.storage.spi.TransferBuffers;
import io.ysh.storage.spi.UploadedPart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.Checksum;

/**
 * Portable object storage over one bucket (or container, or directory): the type services hold.
 *
 * <pre>{@code
 * try (ObjectStorage storage = ObjectStorage.open("s3://invoices?region=sa-east-1")) {
 *   storage.put("2026/07/nf-123.pdf", pdfBytes, WriteOptions.builder().contentType("application/pdf").build());
 *   try (InputStream in = storage.get("2026/07/nf-123.pdf")) { ... }
 *   storage.list("2026/").forEach(e -> System.out.println(e.key()));
 * }
 * }</pre>
 *
 * <p>What it does once, for every driver: validates keys ({@link StorageKeys#validate}) and
 * arguments before any network call; computes CRC32C, and MD5 for drivers that want it
 * ({@link StorageDriver#wantsMd5()}), while uploading and compares them with what the provider
 * reports (a mismatch deletes the object and fails); verifies whole-object downloads against the
 * object's CRC32C, else its MD5, when the provider knows one (a corrupted download fails at the
 * end of the stream instead of returning wrong bytes); resumes a download whose stream breaks
 * with a retryable error (a reset, a body cut short, a timeout) at the first byte not yet read,
 * with a ranged read of the same version, as the resilience policy's retries allow; uploads unknown-length and large data in parts
 * with one bounded buffer, aborting the multipart upload on any failure; maps errors to
 * {@link ErrorCode}s exactly once; records telemetry and applies the resilience policy (retries
 * only for idempotent calls: reads, deletes, and writes whose data can be read again).
 *
 * <p>Atomicity: a write is all or nothing (no partial object is ever visible). Listings are not
 * snapshots: objects written during a listing may or may not appear. Thread-safe; share one
 * instance. {@link #close()} closes the driver.
 */
public final class ObjectStorage implements AutoCloseable {

  /** The default part size of multipart uploads: 8 MiB. */
  public static final long DEFAULT_PART_SIZE = 8L << 20;

  /** The longest validity of a signed URL: 7 days (S3's limit). */
  public static final Duration MAX_SIGNED_URL_EXPIRY = Duration.ofDays(7);

  private static final Map<String, String> ARTIFACTS =
      Map.of(
          "file", "ysh-storage-fs",
          "mem", "ysh-storage-memory",
          "s3", "ysh-storage-s3",
          "minio", "ysh-storage-minio",
          "azblob", "ysh-storage-azure",
          "gs", "ysh-storage-gcs");

  private final StorageDriver driver;
  private final Invoker invoker;
  private final Set<Capability> capabilities;
  private final long partSize;
  private final long multipartThreshold;
  private final boolean verifyChecksums;

  private ObjectStorage(Builder b) {
    this.driver = b.driver;
    this.invoker =
        Invoker.create("storage", driver.provider(), b.telemetry, b.resilience, driver.errorMapper());
    Set<Capability> caps = EnumSet.noneOf(Capability.class);
    caps.addAll(driver.capabilities());
    this.capabilities = Set.copyOf(caps);
    this.partSize = b.partSize;
    this.multipartThreshold = b.multipartThreshold < 0 ? b.partSize : b.multipartThreshold;
    this.verifyChecksums = b.verifyChecksums;
  }

  // ---------------------------------------------------------------- opening

  /**
   * Opens storage by URL with the default telemetry and resilience: {@code file:///srv/data},
   * {@code mem://test}, {@code s3://bucket?region=sa-east-1}, {@code minio://host:9000/bucket},
   * {@code azblob://account/container}, {@code gs://bucket}. The driver's module must be on the
   * class path.
   *
   * @param url the URL
   * @return the storage; close it when done
   * @throws YshException {@code INVALID_ARGUMENT} for a malformed URL, an unknown scheme or bad
   *     parameters; {@code UNSUPPORTED} naming the artifact to add when the driver is missing
   */
  public static ObjectStorage open(String url) {
    return builder(url).build();
  }

  /**
   * Starts building storage for a URL, to set telemetry, resilience or part size.
   *
   * @param url the URL, as in {@link #open(String)}
   * @return a builder
   * @throws YshException as {@link #open(String)}
   */
  public static Builder builder(String url) {
    if (url == null || url.isBlank()) {
      throw YshException.invalidArgument("storage URL must not be null or blank");
    }
    ResourceUrl parsed = ResourceUrl.parse(url);
    StorageDriverProvider provider = Registry.INSTANCE.forUrl(parsed);
    return new Builder(provider.open(parsed));
  }

  /**
   * Starts building storage over a driver built programmatically (each driver module has a
   * builder, such as {@code S3StorageDriver.builder()}).
   *
   * @param driver the driver; the storage closes it
   * @return a builder
   */
  public static Builder builder(StorageDriver driver) {
    return new Builder(Objects.requireNonNull(driver, "driver"));
  }

  /**
   * The URL schemes whose drivers are on the class path.
   *
   * @return the schemes
   */
  public static Set<String> availableSchemes() {
    return Registry.INSTANCE.schemes();
  }

  // ---------------------------------------------------------------- info

  /**
   * What the driver supports.
   *
   * @return the capabilities
   */
  public Set<Capability> capabilities() {
    return capabilities;
  }

  /**
   * Whether the driver supports a capability.
   *
   * @param capability the capability
   * @return true if supported
   */
  public boolean supports(Capability capability) {
    return capabilities.contains(capability);
  }

  /**
   * The driver's provider name, such as {@code s3}.
   *
   * @return the name
   */
  public String provider() {
    return driver.provider();
  }

  // ---------------------------------------------------------------- writes

  /**
   * Writes an object from bytes, replacing any object under the key.
   *
   * @param key the key
   * @param data the content
   * @return the result
   * @throws YshException {@code INVALID_ARGUMENT} for a bad key; mapped provider errors
   */
  public WriteResult put(String key, byte[] data) {
    return put(key, data, WriteOptions.defaults());
  }

  /**
   * Writes an object from bytes.
   *
   * @param key the key
   * @param data the content
   * @param options content type, metadata, preconditions
   * @return the result
   * @throws YshException {@code PRECONDITION_FAILED} when a precondition fails; others as mapped
   */
  public WriteResult put(String key, byte[] data, WriteOptions options) {
    Objects.requireNonNull(data, "data");
    return write(key, options, Source.of(data), data.length);
  }

  /**
   * Writes an object from a file.
   *
   * @param key the key
   * @param file the file to upload
   * @param options content type, metadata, preconditions
   * @return the result
   * @throws YshException {@code INVALID_ARGUMENT} when the file cannot be read; others as mapped
   */
  public WriteResult put(String key, Path file, WriteOptions options) {
    Objects.requireNonNull(file, "file");
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .detail("cannot read the file to upload: " + e.getMessage()).operation("storage.put")
          .provider(provider()).cause(e).build();
    }
    return write(key, options, Source.of(file), size);
  }

  /**
   * Writes an object from a stream of known or unknown length. The stream is read to the end
   * (or to {@code length} bytes) and not closed. Unknown-length and large streams go up in parts
   * through one buffer of the part size: memory use does not depend on the object's size. If the
   * stream fails half-way, nothing is written and no multipart upload is left behind.
   *
   * @param key the key
   * @param data the content
   * @param length the exact length, or {@code -1} when unknown
   * @param options content type, metadata, preconditions
   * @return the result
   * @throws YshException {@code INVALID_ARGUMENT} when the stream is shorter than {@code length};
   *     the stream's own failure, classified; others as mapped
   */
  public WriteResult put(String key, InputStream data, long length, WriteOptions options) {
    Objects.requireNonNull(data, "data");
    if (length < -1) {
      throw YshException.invalidArgument("length must be >= 0, or -1 when unknown; got " + length);
    }
    return write(key, options, Source.of(data), length);
  }

  /**
   * Opens a writer that commits the object on {@link ObjectWriter#close()} (see its contract).
   *
   * @param key the key
   * @param options content type, metadata, preconditions
   * @return the writer
   * @throws YshException {@code INVALID_ARGUMENT} for a bad key; {@code UNSUPPORTED} for a
   *     precondition the driver cannot check
   */
  public ObjectWriter openWriter(String key, WriteOptions options) {
    StorageKeys.validate(key);
    checkPreconditions(Objects.requireNonNull(options, "options"));
    return new PartWriter(key, options, -1);
  }

  /** Produces an object's content into a stream, for {@link #write(String, WriteOptions, WriterBody)}. */
  @FunctionalInterface
  public interface WriterBody {
    /**
     * Writes the content.
     *
     * @param out where to write; do not close it
     * @throws IOException if producing fails; the write is then aborted
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes an object produced by {@code body}: committed if {@code body} returns normally,
   * aborted (nothing written) if it throws.
   *
   * @param key the key
   * @param options content type, metadata, preconditions
   * @param body the producer
   * @return the result
   * @throws YshException the producer's failure, classified; or the commit's failure
   */
  public WriteResult write(String key, WriteOptions options, WriterBody body) {
    Objects.requireNonNull(body, "body");
    ObjectWriter writer = openWriter(key, options);
    try {
      body.writeTo(writer);
    } catch (IOException | RuntimeException e) {
      writer.abort();
      throw unwrapIo("write", key, e);
    }
    try {
      writer.close();
    } catch (IOException e) {
      throw unwrapIo("write", key, e);
    }
    return writer.result().orElseThrow();
  }

  // ---------------------------------------------------------------- reads

  /**
   * Opens an object for reading. The caller closes the stream. When the provider knows the
   * object's MD5, the stream verifies it: a corrupted download throws an {@link IOException}
   * (caused by a {@link YshException}) at the end instead of returning wrong bytes silently.
   * When the connection breaks in the middle (a retryable failure) and the driver supports
   * {@link Capability#RANGE_READ}, the stream reopens the same version of the object (same etag)
   * where it stopped, up to the resilience policy's number of attempts without progress; if the
   * object was replaced meanwhile, it fails with {@code UNAVAILABLE} instead of mixing versions.
   *
   * @param key the key
   * @return the content
   * @throws YshException {@code NOT_FOUND} when there is no such object
   */
  public InputStream get(String key) {
    return open(key, null);
  }

  /**
   * Opens a range of an object for reading. A range starting at or past the end gives an
   * empty stream; one extending past the end is cut there.
   *
   * @param key the key
   * @param range the range
   * @return the content of the range
   * @throws YshException {@code NOT_FOUND} when there is no such object; {@code UNSUPPORTED}
   *     without {@link Capability#RANGE_READ}
   */
  public InputStream get(String key, ByteRange range) {
    Objects.requireNonNull(range, "range");
    require(Capability.RANGE_READ, "get");
    return open(key, range);
  }

  /**
   * Reads a whole object into memory (verified as {@link #get(String)}).
   *
   * @param key the key
   * @return the content
   * @throws YshException {@code NOT_FOUND} when there is no such object
   */
  public byte[] getBytes(String key) {
    return readAll(key, get(key));
  }

  /**
   * Reads a range of an object into memory.
   *
   * @param key the key
   * @param range the range
   * @return the bytes of the range
   * @throws YshException as {@link #get(String, ByteRange)}
   */
  public byte[] getBytes(String key, ByteRange range) {
    return readAll(key, get(key, range));
  }

  /**
   * Downloads an object to a file, replacing it atomically once the download is complete and
   * verified (a failed download leaves the target untouched).
   *
   * @param key the key
   * @param target the file
   * @return the number of bytes written
   * @throws YshException {@code NOT_FOUND} when there is no such object
   */
  public long download(String key, Path target) {
    Objects.requireNonNull(target, "target");
    StorageKeys.validate(key);
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    DriverReader reader = invoker.call("get", key, true, () -> driver.read(key, null));
    try (InputStream raw = reader.stream()) {
      long n;
      FileChannel out = null;
      try {
        for (int attempt = 0; out == null; attempt++) {
          temp = dir.resolve(".ysh-download-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
          try {
            out = FileChannel.open(temp, TEMP_OPTIONS, tempAttributes(dir));
          } catch (FileAlreadyExistsException e) {
            temp = null;
            if (attempt >= 10) {
              throw e;
            }
          }
        }
        Expected checksum = verifyChecksums ? Expected.of(reader.info()) : null;
        if (raw instanceof FileTransferable local && (checksum == null || checksum.isCrc32c())) {
          n = transferVerified(key, reader, local, out, checksum);
        } else {
          try (CheckedInputStream in = checked(key, reader, null)) {
            n = in.transferTo(Channels.newOutputStream(out));
          }
        }
      } finally {
        if (out != null) {
          out.close();
        }
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
      return n;
    } catch (IOException e) {
      throw unwrapIo("download", key, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }

  private static final Set<StandardOpenOption> TEMP_OPTIONS =
      EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  /** Owner-only permissions for download temp files (as {@link Files#createTempFile} gives) where POSIX. */
  private static FileAttribute<?>[] tempAttributes(Path dir) {
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))};
    }
    return new FileAttribute<?>[0];
  }

  /**
   * Copies a local file's bytes into the target, verifying length and CRC32C over the bytes as
   * they pass (one pass, no re-read of the target); without a checksum, inside the kernel.
   */
  private long transferVerified(String key, DriverReader reader, FileTransferable local, FileChannel out,
      Expected checksum) throws IOException {
    Digests digests = checksum == null ? null : new Digests(false, true);
    long n;
    try {
      n = local.transferTo(out, digests == null ? null : digests.asChecksum());
    } catch (IOException | RuntimeException e) {
      YshException mapped = invoker.map("get", key, e);
      throw new IOException(mapped.getMessage(), mapped);
    }
    if (n != reader.length()) {
      YshException e = invoker.map("get", key, YshException.of(ErrorCode.UNAVAILABLE,
          "download ended after " + n + " of " + reader.length() + " bytes"));
      throw new IOException(e.getMessage(), e);
    }
    if (checksum != null) {
      verify(checksum, key, digests);
    }
    return n;
  }

  /**
   * The attributes of an object.
   *
   * @param key the key
   * @return its attributes
   * @throws YshException {@code NOT_FOUND} when there is no such object
   */
  public ObjectInfo stat(String key) {
    StorageKeys.validate(key);
    return invoker.call("stat", key, true, () -> driver.stat(key));
  }

  /**
   * Whether an object exists.
   *
   * @param key the key
   * @return true if it exists
   * @throws YshException any failure other than {@code NOT_FOUND}
   */
  public boolean exists(String key) {
    try {
      stat(key);
      return true;
    } catch (YshException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  // ---------------------------------------------------------------- delete, copy

  /**
   * Deletes an object. Deleting a missing key is not an error.
   *
   * @param key the key
   * @throws YshException on failure
   */
  public void delete(String key) {
    StorageKeys.validate(key);
    invoker.run("delete", key, true, () -> {
      driver.delete(key);
      return null;
    });
  }

  /**
   * Deletes objects, in provider batches where the driver supports it
   * ({@link Capability#BATCH_DELETE}). Missing keys are not errors. Not atomic: when some
   * deletions fail, the others have happened, and the exception says how many failed.
   *
   * @param keys the keys
   * @throws YshException {@code INVALID_ARGUMENT} for any bad key (before anything is
   *     deleted); otherwise the code of the first failure
   */
  public void deleteAll(Collection<String> keys) {
    Objects.requireNonNull(keys, "keys");
    List<String> all = new ArrayList<>(keys.size());
    for (String key : keys) {
      all.add(StorageKeys.validate(key));
    }
    Map<String, YshException> failures = new LinkedHashMap<>();
    if (supports(Capability.BATCH_DELETE) && driver.maxBatchSize() > 1) {
      int batch = driver.maxBatchSize();
      for (int i = 0; i < all.size(); i += batch) {
        List<String> chunk = all.subList(i, Math.min(all.size(), i + batch));
        String resource = chunk.size() + " keys from " + chunk.get(0);
        Map<String, Exception> failed = invoker.call("deleteAll", resource, true, () -> driver.deleteBatch(chunk));
        failed.forEach((k, e) -> failures.put(k, invoker.map("deleteAll", k, e)));
      }
    } else {
      for (String key : all) {
        try {
          delete(key);
        } catch (YshException e) {
          failures.put(key, e);
        }
      }
    }
    if (!failures.isEmpty()) {
      Map.Entry<String, YshException> first = failures.entrySet().iterator().next();
      YshException e = YshException.builder(first.getValue().code())
          .detail(failures.size() + " of " + all.size() + " deletions failed; first: " + first.getValue().getMessage())
          .operation("storage.deleteAll").provider(provider()).resource(first.getKey())
          .cause(first.getValue()).build();
      failures.values().stream().skip(1).limit(10).forEach(e::addSuppressed);
      throw e;
    }
  }

  /**
   * Copies an object, with its content type and metadata, replacing any object under
   * {@code target}: on the provider's side with {@link Capability#SERVER_SIDE_COPY}, otherwise
   * by streaming it through this JVM.
   *
   * @param source the source key
   * @param target the target key
   * @return the result of the write
   * @throws YshException {@code NOT_FOUND} when the source does not exist
   */
  public WriteResult copy(String source, String target) {
    StorageKeys.validate(source);
    StorageKeys.validate(target);
    if (supports(Capability.SERVER_SIDE_COPY)) {
      return invoker.call("copy", source + " -> " + target, true, () -> driver.copy(source, target));
    }
    ObjectInfo info = stat(source);
    WriteOptions.Builder options = WriteOptions.builder().contentType(info.contentType()).metadata(info.metadata());
    if (info.cacheControl() != null) {
      options.cacheControl(info.cacheControl());
    }
    try (InputStream in = get(source)) {
      return put(target, in, info.size(), options.build());
    } catch (IOException e) {
      throw unwrapIo("copy", source, e);
    }
  }

  // ---------------------------------------------------------------- list

  /**
   * Lists every object under a prefix, lazily: pages are fetched as the stream is consumed.
   * Close the stream or consume it fully; it holds no resources between pages.
   *
   * @param prefix the prefix, {@code ""} for all
   * @return the entries in key order (UTF-8 byte order)
   * @throws YshException when a page fetch fails (thrown from the stream's terminal operation)
   */
  public Stream<ListEntry> list(String prefix) {
    return list(ListOptions.prefix(prefix));
  }

  /**
   * Lists lazily with a delimiter and page size; common prefixes appear as entries with
   * {@link ListEntry#isPrefix()}.
   *
   * @param options what to list
   * @return the entries
   * @throws YshException when a page fetch fails
   */
  public Stream<ListEntry> list(ListOptions options) {
    Objects.requireNonNull(options, "options");
    StorageKeys.validatePrefix(options.prefix());
    Spliterator<ListEntry> pages =
        new Spliterators.AbstractSpliterator<ListEntry>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          private List<ListEntry> current = List.of();
          private int index;
          private String token;
          private boolean done;

          @Override
          public boolean tryAdvance(Consumer<? super ListEntry> action) {
            while (index >= current.size()) {
              if (done) {
                return false;
              }
              ListPage page = listPage(options, token);
              current = page.entries();
              index = 0;
              token = page.nextPageToken();
              done = token == null;
            }
            action.accept(current.get(index++));
            return true;
          }
        };
    return StreamSupport.stream(pages, false);
  }

  /**
   * Fetches one page of a listing.
   *
   * @param options what to list
   * @param pageToken {@code null} for the first page, else {@link ListPage#nextPageToken()} of
   *     the previous page (opaque; only valid with the same options)
   * @return the page
   * @throws YshException {@code INVALID_ARGUMENT} for a malformed token
   */
  public ListPage listPage(ListOptions options, String pageToken) {
    Objects.requireNonNull(options, "options");
    StorageKeys.validatePrefix(options.prefix());
    if (pageToken != null && pageToken.isEmpty()) {
      throw YshException.invalidArgument("page token must be null for the first page, not empty");
    }
    return invoker.call("list", options.prefix(), true, () -> driver.list(options, pageToken));
  }

  // ---------------------------------------------------------------- signed URLs, escape hatch

  /**
   * A URL that lets anyone holding it read ({@code GET}) or write ({@code PUT}) the object until
   * it expires, with a plain HTTP client.
   *
   * @param key the key
   * @param method {@code GET} or {@code PUT}
   * @param expiry how long the URL is valid: positive, at most {@link #MAX_SIGNED_URL_EXPIRY}
   * @return the URL
   * @throws YshException {@code UNSUPPORTED} without {@link Capability#SIGNED_URL};
   *     {@code INVALID_ARGUMENT} for a bad expiry
   */
  public URI signedUrl(String key, SignedUrlMethod method, Duration expiry) {
    return signedUrl(key, method, expiry, null);
  }

  /**
   * As {@link #signedUrl(String, SignedUrlMethod, Duration)}, with the content type a PUT must send.
   *
   * @param key the key
   * @param method the method
   * @param expiry the validity
   * @param contentType for PUT, the {@code Content-Type} the uploader must send; or null
   * @return the URL
   * @throws YshException as the other overload
   */
  public URI signedUrl(String key, SignedUrlMethod method, Duration expiry, String contentType) {
    StorageKeys.validate(key);
    Objects.requireNonNull(method, "method");
    if (expiry == null || expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_SIGNED_URL_EXPIRY) > 0) {
      throw YshException.invalidArgument(
          "signed URL expiry must be positive and at most " + MAX_SIGNED_URL_EXPIRY + ", got " + expiry);
    }
    require(Capability.SIGNED_URL, "signedUrl");
    return invoker.call("signedUrl", key, true, () -> driver.signedUrl(key, method, expiry, contentType));
  }

  /**
   * A signed URL with the headers a plain HTTP client must send with it (for example Azure's
   * {@code x-ms-blob-type: BlockBlob} on a {@code PUT}): prefer this to
   * {@link #signedUrl(String, SignedUrlMethod, Duration)} when the URL is handed to code that
   * does not know the provider.
   *
   * @param key the key
   * @param method {@code GET} or {@code PUT}
   * @param expiry how long the URL is valid: positive, at most {@link #MAX_SIGNED_URL_EXPIRY}
   * @return the URL, its expiry and the required headers
   * @throws YshException as {@link #signedUrl(String, SignedUrlMethod, Duration)}
   */
  public SignedUrl presign(String key, SignedUrlMethod method, Duration expiry) {
    return presign(key, method, expiry, null);
  }

  /**
   * As {@link #presign(String, SignedUrlMethod, Duration)}, with the content type a PUT must send
   * (then among the required headers as {@code Content-Type}).
   *
   * @param key the key
   * @param method the method
   * @param expiry the validity
   * @param contentType for PUT, the {@code Content-Type} the uploader must send; or null
   * @return the URL, its expiry and the required headers
   * @throws YshException as {@link #signedUrl(String, SignedUrlMethod, Duration)}
   */
  public SignedUrl presign(String key, SignedUrlMethod method, Duration expiry, String contentType) {
    Instant now = Instant.now();
    URI uri = signedUrl(key, method, expiry, contentType);
    Map<String, String> headers = new LinkedHashMap<>(driver.signedUrlHeaders(method, contentType));
    if (method == SignedUrlMethod.PUT && contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return new SignedUrl(uri, method, now.plus(expiry), headers);
  }

  /**
   * The driver's native client (S3Client, BlobContainerClient, Storage...) or the driver itself.
   *
   * @param <T> the type
   * @param type the class
   * @return the native object
   * @throws YshException {@code INVALID_ARGUMENT} when the driver has nothing of that type
   */
  public <T> T unwrap(Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (type.isInstance(driver)) {
      return type.cast(driver);
    }
    T t = driver.unwrap(type);
    if (t == null) {
      throw YshException.invalidArgument(
          "the " + provider() + " storage driver has no " + type.getName() + " to unwrap");
    }
    return t;
  }

  /** Closes the driver. */
  @Override
  public void close() {
    driver.close();
  }

  @Override
  public String toString() {
    return "ObjectStorage[" + provider() + "]";
  }

  // ---------------------------------------------------------------- internals

  private void require(Capability capability, String operation) {
    if (!supports(capability)) {
      throw YshException.builder(ErrorCode.UNSUPPORTED)
          .detail("the " + provider() + " storage driver does not support " + capability)
          .operation("storage." + operation).provider(provider()).build();
    }
  }

  private void checkPreconditions(WriteOptions options) {
    if (options.ifNoneMatchAny()) {
      require(Capability.IF_NONE_MATCH, "put");
    }
    if (options.ifMatch().isPresent()) {
      require(Capability.IF_MATCH, "put");
    }
  }

  private InputStream open(String key, ByteRange range) {
    StorageKeys.validate(key);
    DriverReader reader = invoker.call("get", key, true, () -> driver.read(key, range));
    return checked(key, reader, range);
  }

  private CheckedInputStream checked(String key, DriverReader reader, ByteRange range) {
    Expected checksum = range == null && verifyChecksums ? Expected.of(reader.info()) : null;
    Resume resume = null;
    if (supports(Capability.RANGE_READ) && reader.info().etag() != null && reader.length() > 0) {
      long start = range == null ? 0 : range.resolve(reader.info().size())[0];
      resume = new Resume(start, reader.info().etag());
    }
    return new CheckedInputStream(reader.stream(), key, reader.length(), checksum, resume);
  }

  /**
   * Where a download can pick up again after its stream failed: the object's first byte read and
   * the entity tag of the version being read.
   */
  private record Resume(long start, String etag) {}

  private byte[] readAll(String key, InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw unwrapIo("get", key, e);
    }
  }

  private YshException unwrapIo(String operation, String key, Throwable e) {
    if (e instanceof YshException y) {
      return invoker.map(operation, key, y);
    }
    if (e.getCause() instanceof YshException y) {
      return y;
    }
    return invoker.map(operation, key, e);
  }

  private WriteResult write(String key, WriteOptions options, Source source, long length) {
    StorageKeys.validate(key);
    Objects.requireNonNull(options, "options");
    checkPreconditions(options);
    MultipartLimits limits = driver.multipartLimits();
    if (length >= 0 && !PartSizing.useMultipart(length, multipartThreshold, limits)
        && (source.reopenable() || limits.singlePutStreams())) {
      return singleWrite(key, options, source, length);
    }
    // One-shot streams to remote providers are read into one bounded buffer first: a short or
    // failing stream is detected before any provider call, and the write can be retried.
    PartWriter writer = new PartWriter(key, options, length);
    try (InputStream in = source.open()) {
      byte[] chunk = new byte[64 * 1024];
      long remaining = length < 0 ? Long.MAX_VALUE : length;
      while (remaining > 0) {
        int n;
        try {
          n = in.read(chunk, 0, (int) Math.min(chunk.length, remaining));
        } catch (IOException e) {
          throw sourceFailure(key, e);
        }
        if (n < 0) {
          break;
        }
        writer.write(chunk, 0, n);
        remaining -= n;
      }
      if (length >= 0 && remaining > 0) {
        throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
            .detail("the stream ended after " + (length - remaining) + " of the " + length + " bytes announced")
            .operation("storage.put").provider(provider()).resource(key).build();
      }
      writer.close();
      return writer.result().orElseThrow();
    } catch (IOException e) {
      writer.abort();
      throw unwrapIo("put", key, e);
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
  }

  private YshException sourceFailure(String key, Throwable e) {
    YshException classified = Errors.classify(e);
    return YshException.builder(classified.code())
        .detail("reading the data to upload failed (nothing was written): " + e)
        .operation("storage.put").provider(provider()).resource(key).retryable(false).cause(e).build();
  }

  private WriteResult singleWrite(String key, WriteOptions options, Source source, long length) {
    boolean idempotent = source.reopenable() && !options.isConditional();
    return invoker.call("put", key, idempotent, () -> {
      try (InputStream raw = source.open()) {
        DigestingInputStream in = raw instanceof ArraySource array ? new DigestingArrayStream(array, key, length)
            : new DigestingInputStream(raw, key, length);
        WriteResult r;
        try {
          r = driver.write(key, in, length, options, in.digests);
        } catch (Exception e) {
          if (in.failure != null) {
            throw in.failure;
          }
          throw e;
        }
        if (in.failure != null) {
          throw in.failure;
        }
        return finish(key, r, in.digests, length);
      }
    });
  }

  /** Compares the provider's MD5 with ours; on mismatch deletes the object and fails. */
  private WriteResult finish(String key, WriteResult r, Digests digests, long expectedLength) {
    if (expectedLength >= 0 && digests.count() != expectedLength) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .detail("the stream ended after " + digests.count() + " of the " + expectedLength + " bytes announced")
          .build();
    }
    String md5 = digests.md5HexOrNull();
    String crc = digests.crc32cHex();
    if (md5 == null) {
      md5 = r.md5(); // the driver asked for no MD5 (wantsMd5); report the provider's, if any
    } else if (verifyChecksums && r.md5() != null && !r.md5().equalsIgnoreCase(md5)) {
      try {
        driver.delete(key);
      } catch (Exception ignored) {
        // the mismatch is what matters
      }
      throw YshException.builder(ErrorCode.INTERNAL)
          .detail("checksum mismatch after upload: we sent MD5 " + md5 + ", the provider stored "
              + r.md5() + "; the object was deleted")
          .build();
    }
    return new WriteResult(key, digests.count(), r.etag(), md5, crc);
  }

  /** Reads from a source, digesting, failing on a premature end, remembering the source's failure. */
  private class DigestingInputStream extends InputStream implements FileTransferable {
    private final InputStream in;
    private final String key;
    private final long length;
    final Digests digests;
    Exception failure;

    DigestingInputStream(InputStream in, String key, long length) {
      this.in = in;
      this.key = key;
      this.length = length;
      this.digests = new Digests(driver.wantsMd5(length), true).pending();
      if (length == 0) {
        digests.complete();
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      long left = length - digests.count();
      if (left <= 0) {
        return -1;
      }
      int n;
      try {
        n = in.read(b, off, (int) Math.min(len, left));
      } catch (IOException | RuntimeException e) {
        failure = sourceFailure(key, e);
        throw new IOException("reading the data to upload failed", e);
      }
      if (n < 0) {
        failure = YshException.invalidArgument(
            "the stream ended after " + digests.count() + " of the " + length + " bytes announced");
        throw new IOException(failure.getMessage());
      }
      digests.update(b, off, n);
      if (digests.count() == length) {
        digests.complete();
      }
      return n;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), length - digests.count());
    }

    /**
     * From a file source, copies through a direct buffer, digesting on the way; from any other
     * source, through this stream.
     */
    @Override
    public long transferTo(FileChannel target, Checksum checksum) throws IOException {
      long start = digests.count();
      if (in instanceof FileSource file) {
        ByteBuffer buf = TransferBuffers.acquire();
        try {
          while (digests.count() < length) {
            buf.clear().limit((int) Math.min(buf.capacity(), length - digests.count()));
            int n;
            try {
              n = file.channel.read(buf);
            } catch (IOException | RuntimeException e) {
              failure = sourceFailure(key, e);
              throw new IOException("reading the data to upload failed", e);
            }
            if (n < 0) {
              failure = YshException.invalidArgument(
                  "the stream ended after " + digests.count() + " of the " + length + " bytes announced");
              throw new IOException(failure.getMessage());
            }
            buf.flip();
            if (checksum != null) {
              checksum.update(buf.duplicate());
            }
            digests.update(buf.duplicate());
            while (buf.hasRemaining()) {
              target.write(buf);
            }
          }
        } finally {
          TransferBuffers.release(buf);
        }
        digests.complete();
        return digests.count() - start;
      }
      byte[] chunk = new byte[(int) Math.max(1, Math.min(TransferBuffers.CAPACITY, length - start))];
      ByteBuffer wrapped = ByteBuffer.wrap(chunk);
      for (int n; (n = read(chunk, 0, chunk.length)) > 0; ) {
        if (checksum != null) {
          checksum.update(chunk, 0, n);
        }
        wrapped.clear().limit(n);
        while (wrapped.hasRemaining()) {
          target.write(wrapped);
        }
      }
      return digests.count() - start;
    }
  }

  /** Digests an array source, whose bytes a driver may take without a copy ({@link InMemoryData}). */
  private final class DigestingArrayStream extends DigestingInputStream implements InMemoryData {
    private final ArraySource array;

    DigestingArrayStream(ArraySource array, String key, long length) {
      super(array, key, length);
      this.array = array;
    }

    /** The rest of the array, digested now. */
    @Override
    public ByteBuffer takeRemaining() throws IOException {
      ByteBuffer rest = array.takeRemaining();
      long left = super.length - digests.count();
      if (rest.remaining() > left) {
        rest.limit(rest.position() + (int) left);
      }
      digests.update(rest.duplicate());
      if (digests.count() < super.length) {
        failure = YshException.invalidArgument(
            "the stream ended after " + digests.count() + " of the " + super.length + " bytes announced");
        throw new IOException(failure.getMessage());
      }
      digests.complete();
      return rest;
    }
  }

  /** Bytes to upload that sit in an array, which a driver may take without a copy ({@link InMemoryData}). */
  private static final class ArraySource extends ByteArrayInputStream implements InMemoryData {

    ArraySource(byte[] data, int offset, int length) {
      super(data, offset, length);
    }

    @Override
    public synchronized ByteBuffer takeRemaining() {
      ByteBuffer rest = ByteBuffer.wrap(buf, pos, count - pos);
      pos = count;
      return rest;
    }
  }

  /** A file to upload, read through its channel so that a local driver can copy it directly. */
  private static final class FileSource extends InputStream {
    final FileChannel channel;
    private final InputStream in;

    FileSource(Path file) throws IOException {
      this.channel = FileChannel.open(file, StandardOpenOption.READ);
      this.in = Channels.newInputStream(channel);
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
      return in.skip(n);
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /**
   * Verifies length and checksum of a download; maps read failures. The checksum is the
   * object's CRC32C when the provider knows it (hardware-accelerated, a fraction of an MD5's
   * cost), else its MD5.
   */
  private final class CheckedInputStream extends InputStream {
    private InputStream in;
    private final String key;
    private final long expected;
    private final Expected checksum;
    private final Digests digests;
    private final Resume resume;
    private long count;
    private boolean verified;
    private int resumesWithoutProgress;

    CheckedInputStream(InputStream in, String key, long expected, Expected checksum, Resume resume) {
      this.in = in;
      this.key = key;
      this.expected = expected;
      this.checksum = checksum;
      this.digests = checksum == null ? null : checksum.newDigests();
      this.resume = resume;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      int n;
      while (true) {
        try {
          n = in.read(b, off, len);
        } catch (IOException | RuntimeException e) {
          YshException mapped = invoker.map("get", key, e);
          if (resumeAfter(mapped)) {
            continue;
          }
          throw new IOException(mapped.getMessage(), mapped);
        }
        if (n < 0 && expected >= 0 && count < expected && resumeAfter(YshException.of(ErrorCode.UNAVAILABLE,
            "the download ended after " + count + " of " + expected + " bytes"))) {
          continue;
        }
        break;
      }
      if (n < 0) {
        verify();
        return -1;
      }
      resumesWithoutProgress = 0;
      count += n;
      if (digests != null) {
        digests.update(b, off, n);
      }
      return n;
    }

    /**
     * With a known length: one array of that length, filled by one copy of each byte
     * ({@link InputStream#readAllBytes()} gathers chunks, then copies them all again).
     */
    @Override
    public byte[] readAllBytes() throws IOException {
      long remaining = expected - count;
      if (expected < 0 || remaining > Integer.MAX_VALUE - 8) {
        return super.readAllBytes();
      }
      byte[] all = new byte[(int) remaining];
      readNBytes(all, 0, all.length); // a short stream fails its length check here
      if (read(new byte[1], 0, 1) >= 0) {
        super.readAllBytes(); // more than announced: read to the end, where the length check fails
      }
      return all;
    }

    /**
     * After the stream failed or ended early with a retryable error: reopens the object at the
     * first byte not yet read, with a ranged read of the same version (same entity tag), as the
     * resilience policy allows (as many reopenings in a row without progress as it has retries,
     * waiting for the provider's Retry-After). Closes the failed stream.
     *
     * @return true when reading can go on from the reopened stream
     * @throws IOException when the object changed since the download started, or reopening failed
     */
    private boolean resumeAfter(YshException failure) throws IOException {
      if (resume == null || !failure.isRetryable() || count >= expected
          || resumesWithoutProgress >= invoker.resilience().policy().retry().maxAttempts() - 1) {
        return false;
      }
      resumesWithoutProgress++;
      closeQuietly(in);
      Duration wait = failure.retryAfter().orElse(Duration.ZERO);
      if (wait.compareTo(invoker.resilience().policy().totalTimeout()) > 0) {
        return false;
      }
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      long from = resume.start() + count;
      long left = expected - count;
      DriverReader rest;
      try {
        rest = invoker.call("get", key, true, () -> driver.read(key, ByteRange.of(from, left)));
      } catch (YshException e) {
        e.addSuppressed(failure);
        throw new IOException(e.getMessage(), e);
      }
      if (!resume.etag().equals(rest.info().etag()) || rest.length() != left) {
        closeQuietly(rest.stream());
        YshException changed = invoker.map("get", key, YshException.of(ErrorCode.UNAVAILABLE,
            "the download failed after " + count + " of " + expected + " bytes and the object changed before it"
                + " could be resumed (etag " + resume.etag() + ", now " + rest.info().etag() + "); read it again"));
        changed.addSuppressed(failure);
        throw new IOException(changed.getMessage(), changed);
      }
      in = rest.stream();
      return true;
    }

    private void verify() throws IOException {
      if (verified) {
        return;
      }
      verified = true;
      if (expected >= 0 && count != expected) {
        YshException e = invoker.map("get", key, YshException.of(ErrorCode.UNAVAILABLE,
            "download ended after " + count + " of " + expected + " bytes"));
        throw new IOException(e.getMessage(), e);
      }
      if (digests != null) {
        ObjectStorage.this.verify(checksum, key, digests);
      }
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException ignored) {
      // nothing more to do
    }
  }

  /** The checksum a download must match: CRC32C when known, else MD5. */
  private record Expected(String algorithm, String value) {

    static Expected of(ObjectInfo info) {
      if (info.crc32c() != null) {
        return new Expected("CRC32C", info.crc32c());
      }
      return info.md5() == null ? null : new Expected("MD5", info.md5());
    }

    Digests newDigests() {
      return algorithm.equals("MD5") ? new Digests(true, false) : new Digests(false, true);
    }

    boolean isCrc32c() {
      return algorithm.equals("CRC32C");
    }

    String actual(Digests d) {
      return algorithm.equals("MD5") ? d.md5Hex() : d.crc32cHex();
    }
  }

  /** Throws (as an IOException caused by an INTERNAL YshException) when the digests do not match. */
  private void verify(Expected checksum, String key, Digests digests) throws IOException {
    String actual = checksum.actual(digests);
    if (!actual.equalsIgnoreCase(checksum.value())) {
      YshException e = invoker.map("get", key, YshException.of(ErrorCode.INTERNAL,
          "checksum mismatch: the object's " + checksum.algorithm() + " is " + checksum.value()
              + " but the bytes read hash to " + actual + "; the data was corrupted"));
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Buffers one part at a time; single write when everything fits in one part. */
  private final class PartWriter extends ObjectWriter {
    private final String key;
    private final WriteOptions options;
    private final byte[] buffer;
    private final Digests total = new Digests(driver.wantsMd5(), true);
    private final List<UploadedPart> parts = new ArrayList<>();
    private int filled;
    private DriverUpload upload;
    private boolean closed;
    private WriteResult result;

    PartWriter(String key, WriteOptions options, long length) {
      this.key = key;
      this.options = options;
      long size = PartSizing.partSize(length, partSize, driver.multipartLimits());
      if (length >= 0 && length < size) {
        size = Math.max(1, length);
      }
      this.buffer = new byte[(int) Math.min(size, Integer.MAX_VALUE - 64)];
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (closed) {
        throw new IOException("the writer of '" + key + "' is closed or aborted");
      }
      while (len > 0) {
        if (filled == buffer.length) {
          flushPart();
        }
        int n = Math.min(len, buffer.length - filled);
        System.arraycopy(b, off, buffer, filled, n);
        total.update(b, off, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    private void flushPart() throws IOException {
      try {
        if (upload == null) {
          upload = invoker.call("put", key, false, () -> driver.startUpload(key, options));
        }
        int number = parts.size() + 1;
        int length = filled;
        UploadedPart part = invoker.call("putPart", key + " part " + number, true,
            () -> driver.uploadPart(upload, number, buffer, length));
        // hashed only when the provider reports a part MD5 to compare with (the buffer is intact)
        String md5 = verifyChecksums && part.md5() != null ? Digests.md5Hex(buffer, 0, length) : null;
        if (md5 != null && !part.md5().equalsIgnoreCase(md5)) {
          throw invoker.map("putPart", key, YshException.of(ErrorCode.INTERNAL,
              "checksum mismatch on part " + number + ": we sent MD5 " + md5 + ", the provider stored " + part.md5()));
        }
        parts.add(part);
        filled = 0;
      } catch (YshException e) {
        abort();
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      try {
        if (upload == null) {
          int length = filled;
          closed = true;
          // total already holds the digests of exactly these bytes: no second pass over them
          result = invoker.call("put", key, !options.isConditional(), () -> {
            WriteResult r = driver.write(key, new ArraySource(buffer, 0, length), length, options, total);
            return finish(key, r, total, length);
          });
          return;
        }
        if (filled > 0) {
          flushPart();
        }
        closed = true;
        WriteResult r = invoker.call("put", key, false, () -> driver.completeUpload(upload, List.copyOf(parts), total));
        String md5 = total.md5HexOrNull();
        if (md5 == null) {
          md5 = r.md5(); // the driver asked for no MD5 (wantsMd5)
        } else if (verifyChecksums && r.md5() != null && !r.md5().equalsIgnoreCase(md5)) {
          invoker.run("delete", key, true, () -> {
            driver.delete(key);
            return null;
          });
          throw invoker.map("put", key, YshException.of(ErrorCode.INTERNAL,
              "checksum mismatch after upload: we sent MD5 " + md5 + ", the provider stored " + r.md5()
                  + "; the object was deleted"));
        }
        result = new WriteResult(key, total.count(), r.etag(), md5, total.crc32cHex());
      } catch (YshException e) {
        abortQuietly();
        throw new IOException(e.getMessage(), e);
      } finally {
        closed = true;
      }
    }

    @Override
    public void abort() {
      if (closed && result != null) {
        return;
      }
      closed = true;
      abortQuietly();
    }

    private void abortQuietly() {
      DriverUpload u = upload;
      upload = null;
      if (u != null) {
        try {
          invoker.run("abortUpload", key, true, () -> {
            driver.abortUpload(u);
            return null;
          });
        } catch (YshException ignored) {
          // the original failure matters more; the provider's lifecycle rules clean up the rest
        }
      }
    }

    @Override
    public Optional<WriteResult> result() {
      return Optional.ofNullable(result);
    }
  }

  /** Where upload data comes from; byte arrays and files can be read again for a retry. */
  private interface Source {
    InputStream open() throws IOException;

    boolean reopenable();

    static Source of(byte[] data) {
      return new Source() {
        @Override
        public InputStream open() {
          return new ArraySource(data, 0, data.length);
        }

        @Override
        public boolean reopenable() {
          return true;
        }
      };
    }

    static Source of(Path file) {
      return new Source() {
        @Override
        public InputStream open() throws IOException {
          return new FileSource(file);
        }

        @Override
        public boolean reopenable() {
          return true;
        }
      };
    }

    static Source of(InputStream stream) {
      return new Source() {
        private boolean used;

        @Override
        public InputStream open() throws IOException {
          if (used) {
            throw new IOException("the stream was already consumed by a failed attempt");
          }
          used = true;
          return new java.io.FilterInputStream(stream) {
            @Override
            public void close() {
              // the caller closes its stream
            }
          };
        }

        @Override
        public boolean reopenable() {
          return false;
        }
      };
    }
  }

  /** Builds {@link ObjectStorage}. */
  public static final class Builder {
    private final StorageDriver driver;
    private Telemetry telemetry = Telemetry.defaults();
    private ResiliencePolicy resilience = ResiliencePolicy.defaults();
    private long partSize = DEFAULT_PART_SIZE;
    private long multipartThreshold = -1;
    private boolean verifyChecksums = true;

    private Builder(StorageDriver driver) {
      this.driver = driver;
    }

    /**
     * Sets where observations go (default {@link Telemetry#defaults()}).
     *
     * @param telemetry the telemetry
     * @return this builder
     */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
      return this;
    }

    /**
     * Sets the resilience policy (default {@link ResiliencePolicy#defaults()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder resilience(ResiliencePolicy policy) {
      this.resilience = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the part size of multipart uploads (default 8 MiB; clamped to the provider's limits
     * and grown when a known-length object would need too many parts). Each upload in progress
     * holds one buffer of this size.
     *
     * @param bytes the part size
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when not positive
     */
    public Builder partSize(long bytes) {
      if (bytes <= 0) {
        throw YshException.invalidArgument("part size must be positive, got " + bytes);
      }
      this.partSize = bytes;
      return this;
    }

    /**
     * Sets the size above which known-length data is uploaded in parts (default: the part size).
     *
     * @param bytes the threshold
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when negative
     */
    public Builder multipartThreshold(long bytes) {
      if (bytes < 0) {
        throw YshException.invalidArgument("multipart threshold must be >= 0, got " + bytes);
      }
      this.multipartThreshold = bytes;
      return this;
    }

    /**
     * Turns checksum verification off (on by default); only for benchmarks against raw clients.
     *
     * @param verify whether to verify
     * @return this builder
     */
    public Builder verifyChecksums(boolean verify) {
      this.verifyChecksums = verify;
      return this;
    }

    /**
     * Builds the storage.
     *
     * @return the storage
     */
    public ObjectStorage build() {
      return new ObjectStorage(this);
    }
  }

  private static final class Registry {
    static final DriverRegistry<StorageDriverProvider> INSTANCE =
        DriverRegistry.load("storage", StorageDriverProvider.class, ARTIFACTS);
  }

}
