package io.ysh.storage;

import io.ysh.core.Args;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.DriverRegistry;
import io.ysh.core.spi.Invoker;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.core.url.ResourceUrl;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageDriverProvider;
import io.ysh.storage.spi.StorageKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
 * arguments before any network call; computes CRC32C, and MD5 where the driver's
 * {@link io.ysh.storage.spi.ChecksumPlan} asks for it, while uploading and compares them with what the provider
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

  /**
   * The default number of parts of one upload, or ranges of one download, transferred at once: 8.
   * With the default part size an upload holds at most 64 MiB of part buffers.
   */
  public static final int DEFAULT_TRANSFER_CONCURRENCY = 8;

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

  private static final DriverRegistry<StorageDriverProvider> REGISTRY =
      DriverRegistry.load("storage", StorageDriverProvider.class, ARTIFACTS);

  private final StorageDriver driver;
  private final Invoker invoker;
  private final Set<StorageCapability> capabilities;
  private final Uploads uploads;
  private final Downloads downloads;
  private final Transfers transfers;

  private ObjectStorage(StorageDriver driver, Builder b) {
    this.driver = driver;
    this.invoker =
        Invoker.create("storage", driver.provider(), b.telemetry,
            b.resilience != null ? b.resilience : driver.defaultResilience(), driver.errorMapper());
    Set<StorageCapability> caps = EnumSet.noneOf(StorageCapability.class);
    caps.addAll(driver.capabilities());
    this.capabilities = Set.copyOf(caps);
    long threshold = b.multipartThreshold < 0 ? b.partSize : b.multipartThreshold;
    this.transfers = new Transfers(driver.provider());
    this.uploads = new Uploads(driver, invoker, b.verifyChecksums, b.partSize, threshold, b.transferConcurrency,
        transfers);
    this.downloads = new Downloads(driver, invoker, b.verifyChecksums, b.partSize, b.transferConcurrency, transfers);
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
   * Starts building storage for a URL, to set telemetry, resilience or part size; the driver is
   * opened by {@link Builder#build()}.
   *
   * @param url the URL, as in {@link #open(String)}
   * @return a builder
   */
  public static Builder builder(String url) {
    return new Builder(url, null);
  }

  /**
   * Starts building storage over a driver built programmatically (each driver module has a
   * builder, such as {@code S3StorageDriver.builder()}).
   *
   * @param driver the driver; the storage closes it
   * @return a builder
   */
  public static Builder builder(StorageDriver driver) {
    return new Builder(null, Args.notNull(driver, "driver"));
  }

  /**
   * The URL schemes whose drivers are on the class path.
   *
   * @return the schemes
   */
  public static Set<String> availableSchemes() {
    return REGISTRY.schemes();
  }

  // ---------------------------------------------------------------- info

  /**
   * What the driver supports.
   *
   * @return the capabilities
   */
  public Set<StorageCapability> capabilities() {
    return capabilities;
  }

  /**
   * Whether the driver supports a capability.
   *
   * @param capability the capability
   * @return true if supported
   */
  public boolean supports(StorageCapability capability) {
    return capabilities.contains(Args.notNull(capability, "capability"));
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
    Args.notNull(data, "data");
    return write(key, options, UploadSource.of(data), data.length);
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
    StorageKeys.validate(key);
    Args.notNull(file, "file");
    Args.notNull(options, "options");
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .detail("cannot read the file to upload: " + e.getMessage()).operation("storage.put")
          .provider(provider()).cause(e).build();
    }
    return write(key, options, UploadSource.of(file), size);
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
    Args.notNull(data, "data");
    if (length < -1) {
      throw YshException.invalidArgument("length must be >= 0, or -1 when unknown; got " + length);
    }
    return write(key, options, UploadSource.of(data), length);
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
    checkPreconditions(Args.notNull(options, "options"));
    return uploads.openWriter(key, options, -1);
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
    Args.notNull(body, "body");
    ObjectWriter writer = openWriter(key, options);
    try {
      body.writeTo(writer);
    } catch (IOException | RuntimeException e) {
      writer.abort();
      throw Failures.unwrapIo(invoker, "write", key, e);
    }
    try {
      writer.close();
    } catch (IOException e) {
      throw Failures.unwrapIo(invoker, "write", key, e);
    }
    return writer.result().orElseThrow();
  }

  // ---------------------------------------------------------------- reads

  /**
   * Opens an object for reading. The caller closes the stream. When the provider knows the
   * object's MD5, the stream verifies it: a corrupted download throws an {@link IOException}
   * (caused by a {@link YshException}) at the end instead of returning wrong bytes silently.
   * When the connection breaks in the middle (a retryable failure) and the driver supports
   * {@link StorageCapability#RANGE_READ}, the stream reopens the same version of the object (same etag)
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
   *     without {@link StorageCapability#RANGE_READ}
   */
  public InputStream get(String key, ByteRange range) {
    StorageKeys.validate(key);
    Args.notNull(range, "range");
    require(StorageCapability.RANGE_READ, "get");
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
    return downloads.readAll(key, get(key));
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
    return downloads.readAll(key, get(key, range));
  }

  /**
   * Downloads an object to a file, replacing it atomically once the download is complete and
   * verified (a failed download leaves the target untouched). Like {@link Files#copy(Path, Path,
   * java.nio.file.CopyOption...)}, it does not force the file to the storage device: open it
   * and {@link java.nio.channels.FileChannel#force(boolean) force} it where the bytes must
   * survive a power loss.
   *
   * @param key the key
   * @param target the file
   * @return the number of bytes written
   * @throws YshException {@code NOT_FOUND} when there is no such object
   */
  public long download(String key, Path target) {
    Args.notNull(target, "target");
    StorageKeys.validate(key);
    return downloads.download(key, target);
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
   * ({@link StorageCapability#BATCH_DELETE}). Missing keys are not errors. Not atomic: when some
   * deletions fail, the others have happened, and the exception says how many failed.
   *
   * @param keys the keys
   * @throws YshException {@code INVALID_ARGUMENT} for any bad key (before anything is
   *     deleted); otherwise the code of the first failure
   */
  public void deleteAll(Collection<String> keys) {
    Args.notNull(keys, "keys");
    List<String> all = new ArrayList<>(keys.size());
    for (String key : keys) {
      all.add(StorageKeys.validate(key));
    }
    Map<String, YshException> failures = new LinkedHashMap<>();
    if (supports(StorageCapability.BATCH_DELETE) && driver.maxBatchSize() > 1) {
      int batch = driver.maxBatchSize();
      for (int i = 0; i < all.size(); i += batch) {
        List<String> chunk = all.subList(i, Math.min(all.size(), i + batch));
        String resource = chunk.size() + " keys from " + chunk.get(0);
        Map<String, YshException> failed = invoker.call("deleteAll", resource, true, () -> driver.deleteBatch(chunk));
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
   * {@code target}: on the provider's side with {@link StorageCapability#SERVER_SIDE_COPY}, otherwise
   * by streaming it through this JVM.
   *
   * @param source the source key
   * @param target the target key
   * @return the result of the write
   * @throws YshException {@code NOT_FOUND} when the source does not exist
   */
  public WriteResult copy(String source, String target) {
    validateNamed(source, "source");
    validateNamed(target, "target");
    if (supports(StorageCapability.SERVER_SIDE_COPY)) {
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
      throw Failures.unwrapIo(invoker, "copy", source, e);
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
    return list(ListOptions.prefix(Args.notNull(prefix, "prefix")));
  }

  // A key check whose message names the argument (copy has two keys).
  private static void validateNamed(String key, String name) {
    try {
      StorageKeys.validate(key);
    } catch (YshException e) {
      throw e.toBuilder().detail(name + ": " + e.detail()).build();
    }
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
    Args.notNull(options, "options");
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
    Args.notNull(options, "options");
    StorageKeys.validatePrefix(options.prefix());
    if (pageToken != null && pageToken.isEmpty()) {
      throw YshException.invalidArgument("page token must be null for the first page, not empty");
    }
    return invoker.call("list", options.prefix(), true, () -> driver.list(options, pageToken));
  }

  // ---------------------------------------------------------------- signed URLs, escape hatch

  /**
   * A URL that lets anyone holding it read ({@code GET}) or write ({@code PUT}) the object until
   * it expires, with a plain HTTP client, and the headers that client must send with it (for
   * example Azure's {@code x-ms-blob-type: BlockBlob} on a {@code PUT}): hand both to code that
   * does not know the provider.
   *
   * @param key the key
   * @param method {@code GET} or {@code PUT}
   * @param expiry how long the URL is valid: positive, at most {@link #MAX_SIGNED_URL_EXPIRY}
   * @return the URL, its expiry and the required headers
   * @throws YshException {@code UNSUPPORTED} without {@link StorageCapability#SIGNED_URL};
   *     {@code INVALID_ARGUMENT} for a bad expiry
   */
  public SignedUrl signedUrl(String key, SignedUrlMethod method, Duration expiry) {
    return signedUrl(key, method, expiry, null);
  }

  /**
   * As {@link #signedUrl(String, SignedUrlMethod, Duration)}, with the content type a PUT must send
   * (then among the required headers as {@code Content-Type}).
   *
   * @param key the key
   * @param method the method
   * @param expiry the validity
   * @param contentType for PUT, the {@code Content-Type} the uploader must send; or null
   * @return the URL, its expiry and the required headers
   * @throws YshException as {@link #signedUrl(String, SignedUrlMethod, Duration)}
   */
  public SignedUrl signedUrl(String key, SignedUrlMethod method, Duration expiry, String contentType) {
    StorageKeys.validate(key);
    Args.notNull(method, "method");
    if (expiry == null || expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_SIGNED_URL_EXPIRY) > 0) {
      throw YshException.invalidArgument(
          "signed URL expiry must be positive and at most " + MAX_SIGNED_URL_EXPIRY + ", got " + expiry);
    }
    require(StorageCapability.SIGNED_URL, "signedUrl");
    Instant now = Instant.now();
    URI uri = invoker.call("signedUrl", key, true, () -> driver.signedUrl(key, method, expiry, contentType));
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
    Args.notNull(type, "type");
    if (type.isInstance(driver)) {
      return type.cast(driver);
    }
    return driver.unwrap(type).orElseThrow(() -> YshException.invalidArgument(
        "the " + provider() + " storage driver has no " + type.getName() + " to unwrap"));
  }

  /** Closes the driver and stops the transfer threads. */
  @Override
  public void close() {
    transfers.close();
    driver.close();
  }

  @Override
  public String toString() {
    return "ObjectStorage[" + provider() + "]";
  }

  // ---------------------------------------------------------------- internals

  private void require(StorageCapability capability, String operation) {
    if (!supports(capability)) {
      throw YshException.builder(ErrorCode.UNSUPPORTED)
          .detail("the " + provider() + " storage driver does not support " + capability)
          .operation("storage." + operation).provider(provider()).build();
    }
  }

  private void checkPreconditions(WriteOptions options) {
    if (options.ifNoneMatchAny()) {
      require(StorageCapability.IF_NONE_MATCH, "put");
    }
    if (options.ifMatch().isPresent()) {
      require(StorageCapability.IF_MATCH, "put");
    }
  }

  private InputStream open(String key, ByteRange range) {
    StorageKeys.validate(key);
    return downloads.open(key, range);
  }

  private WriteResult write(String key, WriteOptions options, UploadSource source, long length) {
    StorageKeys.validate(key);
    Args.notNull(options, "options");
    checkPreconditions(options);
    return uploads.write(key, options, source, length);
  }

  /**
   * Builds an {@link ObjectStorage} opened by URL ({@link ObjectStorage#builder(String)}) or over a
   * driver ({@link ObjectStorage#builder(StorageDriver)}). Not thread-safe.
   */
  public static final class Builder {
    private final String url;
    private final StorageDriver driver;
    private Telemetry telemetry = Telemetry.defaults();
    private ResiliencePolicy resilience; // null: the driver's default
    private long partSize = DEFAULT_PART_SIZE;
    private long multipartThreshold = -1;
    private int transferConcurrency = DEFAULT_TRANSFER_CONCURRENCY;
    private boolean verifyChecksums = true;

    private Builder(String url, StorageDriver driver) {
      this.url = url;
      this.driver = driver;
    }

    /**
     * Sets where observations go (default {@link Telemetry#defaults()}).
     *
     * @param telemetry the telemetry
     * @return this builder
     */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Args.notNull(telemetry, "telemetry");
      return this;
    }

    /**
     * Sets the resilience policy (default: the driver's {@link StorageDriver#defaultResilience()},
     * which is {@link ResiliencePolicy#defaults()} for remote providers and the same without the
     * circuit breaker for local stores such as {@code file://} and {@code mem://}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder resilience(ResiliencePolicy policy) {
      this.resilience = Args.notNull(policy, "policy");
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
     * Sets how many parts of one multipart upload, or ranges of one {@link ObjectStorage#download
     * download} to a file, are transferred at once (default
     * {@link ObjectStorage#DEFAULT_TRANSFER_CONCURRENCY}, 8). Over a link with a long round trip,
     * one part at a time caps the throughput at about part size / round trip; several in flight
     * multiply it. An upload then holds at most this many part buffers (memory: concurrency ×
     * part size, whatever the object's size or whether its length is known), and a download
     * this many ranges of at most the part size, each streamed to the file through a small buffer.
     * Parts go concurrently only to drivers that take them so
     * ({@link StorageDriver#concurrentParts()}); 1 sends them one after the other.
     *
     * @param transfers at least 1
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when below 1
     */
    public Builder transferConcurrency(int transfers) {
      if (transfers < 1) {
        throw YshException.invalidArgument("transfer concurrency must be at least 1, got " + transfers);
      }
      this.transferConcurrency = transfers;
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
     * Builds the storage, opening the URL's driver.
     *
     * @return the storage
     * @throws YshException as {@link ObjectStorage#open(String)}
     */
    public ObjectStorage build() {
      if (driver != null) {
        return new ObjectStorage(driver, this);
      }
      if (url == null || url.isBlank()) {
        throw YshException.invalidArgument("storage URL must not be null or blank");
      }
      ResourceUrl parsed = ResourceUrl.parse(url);
      StorageDriverProvider provider = REGISTRY.forUrl(parsed);
      return new ObjectStorage(provider.open(parsed), this);
    }
  }

}
