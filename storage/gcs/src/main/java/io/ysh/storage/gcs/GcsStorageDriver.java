package io.ysh.storage.gcs;

import com.google.api.gax.paging.Page;
import com.google.auth.Credentials;
import com.google.auth.ServiceAccountSigner;
import com.google.cloud.NoCredentials;
import com.google.cloud.ReadChannel;
import com.google.cloud.ServiceOptions;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BlobWriteSession;
import com.google.cloud.storage.BlobWriteSessionConfigs;
import com.google.cloud.storage.HttpStorageOptions;
import com.google.cloud.storage.CopyWriter;
import com.google.cloud.storage.HttpMethod;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageBatch;
import com.google.cloud.storage.StorageBatchResult;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.storage.ByteRange;
import io.ysh.storage.StorageCapability;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.SignedUrlMethod;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import io.ysh.storage.spi.DriverReader;
import io.ysh.storage.spi.ChecksumPlan;
import io.ysh.storage.spi.DriverUpload;
import io.ysh.storage.spi.MultipartLimits;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageKeys;
import io.ysh.storage.spi.UploadDigests;
import io.ysh.storage.spi.UploadedPart;
import io.ysh.support.gcp.GcpCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Google Cloud Storage driver, on {@code google-cloud-storage} (JSON API over HTTP).
 *
 * <p>How the portable model maps onto GCS:
 *
 * <ul>
 *   <li><b>ETag = generation.</b> The portable entity tag of an object is its GCS generation
 *       (decimal), which changes on every write of the data and is what GCS preconditions compare.
 *       {@code ifMatch(etag)} becomes {@code ifGenerationMatch(etag)}; an etag that is not a
 *       generation can match no object and fails with {@code PRECONDITION_FAILED} without a call.
 *       {@code ifNoneMatchAny()} becomes {@code ifGenerationMatch(0)} ({@code doesNotExist}).
 *   <li><b>Every upload is a resumable upload</b> ({@link Storage#writer}): the data streams in
 *       chunks of {@link Builder#chunkSize(int)} bytes (the only buffer), the object appears
 *       only when the session is finalized, and an abandoned session never becomes visible
 *       (GCS discards it after a week). Portable multipart uploads are one resumable session:
 *       each part is appended, completion finalizes, abort abandons. Preconditions are checked
 *       when the session starts and again when it is finalized.
 *   <li><b>Integrity:</b> GCS reports the MD5 of every non-composite object, which the portable
 *       layer compares with its own after an upload, and the CRC32C of every object (composite
 *       ones included), which {@link #stat} and {@link #read} report: the portable layer verifies
 *       whole downloads against it. Reads pin the generation that {@code stat} saw, so a
 *       concurrent overwrite cannot mix versions.
 *   <li><b>Copy</b> is a server-side rewrite (repeated until done for large objects), with the
 *       source's content type, cache control and metadata, pinned to the source generation.
 *   <li><b>Batch delete</b> sends up to 100 deletions in one JSON batch request.
 *   <li><b>Signed URLs</b> are V4 signatures made offline with the service account's key (or
 *       IAM signBlob for credentials that sign remotely, such as the metadata server's);
 *       {@link StorageCapability#SIGNED_URL} is declared only for credentials that can sign.
 * </ul>
 *
 * <p>Retries belong to the portable layer's resilience policy: the client's own retries are off.
 * A single write that fails is retried as a new session. A portable part, though, is appended to
 * the one session of its upload, which only the client could resume (from the offset the session
 * reports), and {@code BlobWriteSession} never resends a chunk: a part whose chunk fails breaks
 * its session, later appends fail at once (sending the bytes again could duplicate them), and the
 * write fails with a retryable error; the session is abandoned (the client has no call to cancel
 * it; GCS never shows it and drops it after a week).
 */
public final class GcsStorageDriver implements StorageDriver {

  /** GCS JSON batch requests take at most 100 calls. */
  static final int MAX_BATCH = 100;

  /** GCS limits: parts are appended to one resumable session; objects up to 5 TiB. */
  private static final MultipartLimits LIMITS =
      new MultipartLimits(1, Integer.MAX_VALUE - 64, Integer.MAX_VALUE, 5L << 40, false, 5L << 40);

  private static final Duration FINALIZE_TIMEOUT = Duration.ofMinutes(1);

  private final String bucket;
  private final Storage storage;
  private final String signingHost;
  private final Set<StorageCapability> capabilities;
  private final AtomicBoolean closed = new AtomicBoolean();

  private GcsStorageDriver(Builder b) {
    this.bucket = b.bucket;
    StorageOptions.Builder ob = b.baseOptions != null ? b.baseOptions.toBuilder() : StorageOptions.http();
    if (ob instanceof HttpStorageOptions.Builder http) {
      http.setBlobWriteSessionConfig(BlobWriteSessionConfigs.getDefault().withChunkSize(b.chunkSize));
    }
    // retries belong to the portable layer's resilience policy
    ob.setRetrySettings(ServiceOptions.getNoRetrySettings());
    if (b.projectId != null) {
      ob.setProjectId(b.projectId);
    }
    if (b.credentials != null) {
      ob.setCredentials(b.credentials);
    }
    if (b.host != null) {
      ob.setHost(b.host);
    }
    if (b.connectTimeout != null || b.readTimeout != null) {
      HttpTransportOptions.Builder t = HttpTransportOptions.newBuilder();
      if (b.connectTimeout != null) {
        t.setConnectTimeout(millis(b.connectTimeout));
      }
      if (b.readTimeout != null) {
        t.setReadTimeout(millis(b.readTimeout));
      }
      ob.setTransportOptions(t.build());
    }
    StorageOptions options = ob.build();
    this.storage = options.getService();
    this.signingHost = b.host;
    Set<StorageCapability> caps = EnumSet.of(StorageCapability.SERVER_SIDE_COPY, StorageCapability.IF_NONE_MATCH, StorageCapability.IF_MATCH,
        StorageCapability.RANGE_READ, StorageCapability.BATCH_DELETE);
    // credentials are resolved by now (application default ones too): declare signing only when they can
    if (options.getCredentials() instanceof ServiceAccountSigner) {
      caps.add(StorageCapability.SIGNED_URL);
    }
    this.capabilities = Set.copyOf(caps);
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
  }

  /**
   * Starts building a driver.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String provider() {
    return "gcs";
  }

  @Override
  public Set<StorageCapability> capabilities() {
    return capabilities;
  }

  @Override
  public MultipartLimits multipartLimits() {
    return LIMITS;
  }

  /** MD5 and CRC32C: GCS reports the MD5 of what it stored, which the portable layer compares. */
  @Override
  public ChecksumPlan checksumPlan() {
    return ChecksumPlan.MD5_AND_CRC32C;
  }

  @Override
  public ErrorMapper errorMapper() {
    return GcsErrors::map;
  }

  // ------------------------------------------------------------ reads

  @Override
  public ObjectInfo stat(String key) {
    return info(key, blob(key));
  }

  private Blob blob(String key) {
    Blob blob = storage.get(BlobId.of(bucket, key));
    if (blob == null) {
      throw YshException.builder(ErrorCode.NOT_FOUND).detail("no object '" + key + "' in gs://" + bucket).build();
    }
    return blob;
  }

  @Override
  public DriverReader read(String key, ByteRange range) throws IOException {
    Blob blob = blob(key);
    ObjectInfo info = info(key, blob);
    long start = 0;
    long end = info.size();
    if (range != null) {
      long[] r = range.resolve(info.size());
      start = r[0];
      end = r[1];
    }
    if (start >= end) {
      return new DriverReader(InputStream.nullInputStream(), info, 0);
    }
    // pin the generation stat saw: the bytes then always belong to the MD5 reported
    BlobId id = blob.getGeneration() == null ? blob.getBlobId() : BlobId.of(bucket, key, blob.getGeneration());
    ReadChannel channel = storage.reader(id, Storage.BlobSourceOption.shouldReturnRawInputStream(true));
    try {
      if (start > 0) {
        channel.seek(start);
      }
      if (end < info.size()) {
        channel.limit(end);
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new DriverReader(Channels.newInputStream(channel), info, end - start);
  }

  // ------------------------------------------------------------ writes

  @Override
  public WriteResult write(String key, InputStream data, long length, WriteOptions options, UploadDigests digests)
      throws IOException {
    GcsUpload upload = startUpload(key, options);
    boolean done = false;
    try {
      byte[] buffer = new byte[(int) Math.min(Math.max(length, 1), 64 * 1024)];
      long remaining = length;
      while (remaining > 0) {
        int n = data.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (n < 0) {
          throw YshException.invalidArgument(
              "the stream ended after " + (length - remaining) + " of the " + length + " bytes announced");
        }
        upload.append(buffer, n);
        remaining -= n;
      }
      WriteResult r = upload.finish();
      done = true;
      return r;
    } finally {
      if (!done) {
        upload.abandon();
      }
    }
  }

  @Override
  public GcsUpload startUpload(String key, WriteOptions options) throws IOException {
    BlobInfo.Builder info = BlobInfo.newBuilder(targetId(key, options)).setContentType(options.contentType());
    options.cacheControl().ifPresent(info::setCacheControl);
    if (!options.metadata().isEmpty()) {
      info.setMetadata(options.metadata());
    }
    List<Storage.BlobWriteOption> opts = new ArrayList<>();
    if (options.ifNoneMatchAny()) {
      opts.add(Storage.BlobWriteOption.doesNotExist());
    } else if (options.ifMatch().isPresent()) {
      opts.add(Storage.BlobWriteOption.generationMatch());
    }
    BlobWriteSession session = storage.blobWriteSession(info.build(), opts.toArray(new Storage.BlobWriteOption[0]));
    try {
      return new GcsUpload(key, session, session.open());
    } catch (IOException e) {
      throw unwrapIo(e);
    }
  }

  /** The target of a write: with the expected generation when the write is conditional on it. */
  private BlobId targetId(String key, WriteOptions options) {
    if (options.ifMatch().isPresent() && !options.ifNoneMatchAny()) {
      return BlobId.of(bucket, key, generationOf(key, options.ifMatch().get()));
    }
    return BlobId.of(bucket, key);
  }

  private static long generationOf(String key, String etag) {
    String e = etag.startsWith("\"") && etag.endsWith("\"") && etag.length() > 1
        ? etag.substring(1, etag.length() - 1) : etag;
    try {
      long generation = Long.parseLong(e);
      if (generation > 0) {
        return generation;
      }
    } catch (NumberFormatException ignored) {
      // falls through: no GCS object has such an etag
    }
    throw YshException.builder(ErrorCode.PRECONDITION_FAILED)
        .detail("if-match etag '" + etag + "' is not a GCS generation, so it matches no version of '" + key + "'")
        .build();
  }

  @Override
  public UploadedPart uploadPart(DriverUpload upload, int partNumber, byte[] data, int length) throws IOException {
    ((GcsUpload) upload).append(data, length);
    return new UploadedPart(partNumber, null, null, length);
  }

  @Override
  public WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts, UploadDigests digests)
      throws IOException {
    return ((GcsUpload) upload).finish();
  }

  @Override
  public void abortUpload(DriverUpload upload) {
    ((GcsUpload) upload).abandon();
  }

  /** One resumable upload session; the object appears when it is finalized. */
  final class GcsUpload implements DriverUpload {
    private final String key;
    private final BlobWriteSession session;
    private final WritableByteChannel channel;
    private IOException failure;

    GcsUpload(String key, BlobWriteSession session, WritableByteChannel channel) {
      this.key = key;
      this.session = session;
      this.channel = channel;
    }

    @Override
    public String key() {
      return key;
    }

    void append(byte[] data, int length) throws IOException {
      if (failure != null) {
        // the session is broken past the client's resume: appending again could only send these
        // bytes twice, so every later attempt fails as the first did (the write is then aborted)
        throw failure;
      }
      ByteBuffer buffer = ByteBuffer.wrap(data, 0, length);
      try {
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException | RuntimeException e) {
        failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        if (e instanceof IOException io) {
          throw unwrapIo(io);
        }
        throw e;
      }
    }

    WriteResult finish() throws IOException {
      try {
        channel.close();
      } catch (IOException e) {
        throw unwrapIo(e);
      }
      BlobInfo info;
      try {
        info = session.getResult().get(FINALIZE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while finalizing the upload of '" + key + "'", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IOException("finalizing the upload of '" + key + "' failed", e.getCause());
      } catch (TimeoutException e) {
        throw new IOException("the upload of '" + key + "' was closed but GCS did not confirm it", e);
      }
      return new WriteResult(key, info.getSize() == null ? -1 : info.getSize(), etag(info), md5Hex(info), null);
    }

    /**
     * Abandons the session without finalizing it: GCS never shows an unfinalized upload and
     * discards the session after a week. The client has no call to cancel a session early.
     */
    void abandon() {
      // deliberately not channel.close(): that would finalize a partial object
    }
  }

  /** The client wraps service failures in IOExceptions; the StorageException says more. */
  private static IOException unwrapIo(IOException e) {
    if (e.getCause() instanceof StorageException se) {
      throw se;
    }
    return e;
  }

  // ------------------------------------------------------------ delete, copy

  @Override
  public void delete(String key) {
    storage.delete(BlobId.of(bucket, key)); // false when missing: not an error
  }

  @Override
  public int maxBatchSize() {
    return MAX_BATCH;
  }

  /** One JSON batch; a deletion the answer says nothing about is reported as {@code UNAVAILABLE}. */
  @Override
  public Map<String, YshException> deleteBatch(List<String> keys) {
    if (keys.size() > MAX_BATCH) {
      throw new IllegalArgumentException("at most " + MAX_BATCH + " keys per batch, got " + keys.size());
    }
    StorageBatch batch = storage.batch();
    Map<String, StorageBatchResult<Boolean>> results = new LinkedHashMap<>();
    for (String key : keys) {
      results.put(key, batch.delete(BlobId.of(bucket, key)));
    }
    batch.submit();
    Map<String, YshException> failed = new LinkedHashMap<>();
    results.forEach((key, result) -> {
      if (!result.completed()) {
        failed.put(key, YshException.of(ErrorCode.UNAVAILABLE, "the GCS batch answer had no result for this deletion"));
        return;
      }
      try {
        result.get(); // true, or false when it was missing
      } catch (StorageException e) {
        if (e.getCode() != 404) {
          failed.put(key, GcsErrors.map(e));
        }
      }
    });
    return failed;
  }

  @Override
  public WriteResult copy(String source, String target) {
    Blob src = blob(source);
    BlobInfo.Builder to = BlobInfo.newBuilder(BlobId.of(bucket, target)).setContentType(src.getContentType())
        .setCacheControl(src.getCacheControl()).setContentEncoding(src.getContentEncoding())
        .setContentDisposition(src.getContentDisposition()).setContentLanguage(src.getContentLanguage());
    if (src.getMetadata() != null && !src.getMetadata().isEmpty()) {
      to.setMetadata(src.getMetadata());
    }
    Storage.CopyRequest.Builder request = Storage.CopyRequest.newBuilder()
        .setSource(src.getGeneration() == null ? src.getBlobId() : BlobId.of(bucket, source, src.getGeneration()))
        .setTarget(to.build());
    if (src.getGeneration() != null) {
      request.setSourceOptions(Storage.BlobSourceOption.generationMatch(src.getGeneration()));
    }
    CopyWriter writer = storage.copy(request.build());
    Blob result = writer.getResult(); // repeats the rewrite until it is done
    return new WriteResult(target, result.getSize() == null ? -1 : result.getSize(), etag(result), md5Hex(result),
        crc32cHex(result));
  }

  // ------------------------------------------------------------ list

  @Override
  public ListPage list(ListOptions options, String pageToken) {
    List<Storage.BlobListOption> opts = new ArrayList<>();
    if (!options.prefix().isEmpty()) {
      opts.add(Storage.BlobListOption.prefix(options.prefix()));
    }
    if (options.delimiter() != null) {
      opts.add(Storage.BlobListOption.delimiter(options.delimiter()));
    }
    opts.add(Storage.BlobListOption.pageSize(options.pageSize()));
    if (pageToken != null) {
      opts.add(Storage.BlobListOption.pageToken(pageToken));
    }
    Page<Blob> page = storage.list(bucket, opts.toArray(new Storage.BlobListOption[0]));
    List<ListEntry> entries = new ArrayList<>();
    for (Blob b : page.getValues()) {
      if (b.isDirectory()) {
        entries.add(ListEntry.prefix(b.getName()));
      } else {
        entries.add(ListEntry.object(b.getName(), b.getSize() == null ? 0 : b.getSize(), etag(b), updated(b)));
      }
    }
    // GCS returns a page's objects and its prefixes in two lists; the portable page merges them
    entries.sort((a, b) -> StorageKeys.UTF8_ORDER.compare(a.key(), b.key()));
    String next = page.getNextPageToken();
    return new ListPage(entries, next == null || next.isEmpty() ? null : next);
  }

  // ------------------------------------------------------------ signed URLs, escape hatch

  @Override
  public URI signedUrl(String key, SignedUrlMethod method, Duration expiry, String contentType) throws Exception {
    BlobInfo.Builder info = BlobInfo.newBuilder(BlobId.of(bucket, key));
    List<Storage.SignUrlOption> opts = new ArrayList<>();
    opts.add(Storage.SignUrlOption.withV4Signature());
    opts.add(Storage.SignUrlOption.httpMethod(method == SignedUrlMethod.PUT ? HttpMethod.PUT : HttpMethod.GET));
    if (method == SignedUrlMethod.PUT && contentType != null) {
      // V4 signs extension headers; the uploader must then send exactly this Content-Type
      opts.add(Storage.SignUrlOption.withExtHeaders(Map.of("Content-Type", contentType)));
    }
    if (signingHost != null) {
      opts.add(Storage.SignUrlOption.withHostName(signingHost));
    }
    Credentials credentials = storage.getOptions().getCredentials();
    if (!(credentials instanceof ServiceAccountSigner)) {
      throw YshException.builder(ErrorCode.UNSUPPORTED)
          .detail("signing a GCS URL needs service-account credentials (a key, or credentials that sign"
              + " through IAM); these are " + (credentials == null ? "none" : credentials.getClass().getSimpleName()))
          .build();
    }
    return storage.signUrl(info.build(), expiry.toSeconds(), TimeUnit.SECONDS,
        opts.toArray(new Storage.SignUrlOption[0])).toURI();
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(storage) ? Optional.of(type.cast(storage)) : Optional.empty();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        storage.close();
      } catch (Exception ignored) {
        // nothing to release that matters at shutdown
      }
    }
  }

  @Override
  public String toString() {
    return "GcsStorageDriver[gs://" + bucket + "]";
  }

  // ------------------------------------------------------------ mapping

  private static ObjectInfo info(String key, BlobInfo b) {
    String contentType = b.getContentType() == null ? WriteOptions.DEFAULT_CONTENT_TYPE : b.getContentType();
    return new ObjectInfo(key, b.getSize() == null ? 0 : b.getSize(), etag(b), contentType, b.getCacheControl(),
        updated(b), b.getMetadata() == null ? Map.of() : withoutNulls(b.getMetadata()), md5Hex(b), crc32cHex(b));
  }

  private static Map<String, String> withoutNulls(Map<String, String> metadata) {
    Map<String, String> m = new LinkedHashMap<>();
    metadata.forEach((k, v) -> {
      if (k != null && v != null) {
        m.put(k, v);
      }
    });
    return m;
  }

  static String etag(BlobInfo b) {
    return b.getGeneration() == null ? null : Long.toString(b.getGeneration());
  }

  private static Instant updated(BlobInfo b) {
    return b.getUpdateTimeOffsetDateTime() == null ? null : b.getUpdateTimeOffsetDateTime().toInstant();
  }

  static String md5Hex(BlobInfo b) {
    return base64ToHex(b.getMd5());
  }

  /** The stored CRC32C as 8 hex digits, or null when GCS did not report a well-formed one. */
  static String crc32cHex(BlobInfo b) {
    String hex = base64ToHex(b.getCrc32c());
    return hex == null || hex.length() != 8 ? null : hex;
  }

  private static String base64ToHex(String base64) {
    if (base64 == null || base64.isEmpty()) {
      return null;
    }
    try {
      return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Builds a {@link GcsStorageDriver}. Not thread-safe. */
  public static final class Builder {
    private String bucket;
    private String projectId;
    private Credentials credentials;
    private String host;
    private Duration connectTimeout;
    private Duration readTimeout;
    private int chunkSize = 16 << 20;
    private StorageOptions baseOptions;

    private Builder() {}

    /**
     * Sets the bucket (required).
     *
     * @param bucket the bucket name, such as {@code invoices}
     * @return this builder
     */
    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    /**
     * Sets the project (default: the credentials' project, or the environment's).
     *
     * @param projectId the project id
     * @return this builder
     */
    public Builder projectId(String projectId) {
      this.projectId = requireText(projectId, "project id");
      return this;
    }

    /**
     * Authenticates with a service-account key (the JSON file Google issues). Such credentials
     * also sign URLs offline. Default: Application Default Credentials, resolved by
     * {@link #build()} ({@code UNAUTHENTICATED} when there are none).
     *
     * @param serviceAccountJson the key file's content
     * @return this builder
     */
    public Builder credentials(Secret serviceAccountJson) {
      this.credentials = GcpCredentials.fromJson(Objects.requireNonNull(serviceAccountJson, "serviceAccountJson"));
      return this;
    }

    /**
     * Authenticates with credentials built elsewhere (workload identity, impersonation...).
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Sends no credentials, for emulators. Signed URLs are then not
     * supported.
     *
     * @return this builder
     */
    public Builder noCredentials() {
      this.credentials = NoCredentials.getInstance();
      return this;
    }

    /**
     * Points the client at another endpoint, such as an emulator's {@code http://127.0.0.1:4443}.
     * Signed URLs name this host too.
     *
     * @param endpoint scheme, host and port
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      String e = requireText(endpoint, "endpoint");
      URI uri;
      try {
        uri = URI.create(e);
      } catch (IllegalArgumentException ex) {
        throw YshException.invalidArgument("GCS endpoint is not a URL: " + e);
      }
      if (uri.getScheme() == null || uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw YshException.invalidArgument("GCS endpoint must be an http(s) URL such as http://127.0.0.1:4443, got " + e);
      }
      this.host = e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
      return this;
    }

    /**
     * The connect timeout of each HTTP request (default: the client library's).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connect timeout");
      return this;
    }

    /**
     * Sets the read timeout of each HTTP request (the longest silence while waiting for data).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "read timeout");
      return this;
    }

    /**
     * Sets the resumable-upload chunk size: the one buffer of an upload, and how much is sent per
     * request. GCS wants multiples of 256 KiB; default 16 MiB.
     *
     * @param bytes a positive multiple of 256 KiB
     * @return this builder
     */
    public Builder chunkSize(int bytes) {
      if (bytes <= 0 || bytes % (256 * 1024) != 0) {
        throw YshException.invalidArgument("GCS chunk size must be a positive multiple of 256 KiB, got " + bytes);
      }
      this.chunkSize = bytes;
      return this;
    }

    /**
     * Starts from these client options instead of the defaults, for settings this builder does
     * not cover (such as an in-process fake's options). The builder's own settings
     * override them; the client's retries are always turned off.
     *
     * @param options the base options
     * @return this builder
     */
    public Builder storageOptions(StorageOptions options) {
      this.baseOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Builds the driver. Does no network I/O, except what Application Default Credentials do to
     * find credentials when none were given (such as asking the metadata server on Google Cloud).
     *
     * @return the driver
     * @throws YshException {@code INVALID_ARGUMENT} when the bucket is missing or invalid;
     *     {@code UNAUTHENTICATED} when no credentials were given and none are found by Application
     *     Default Credentials
     */
    public GcsStorageDriver build() {
      if (bucket == null || bucket.isBlank()) {
        throw YshException.invalidArgument("GCS needs a bucket: gs://my-bucket");
      }
      if (!validBucket(bucket)) {
        throw YshException.invalidArgument("'" + bucket + "' is not a valid GCS bucket name (3-63 characters of"
            + " lower-case letters, digits, '-', '_' and '.', starting and ending with a letter or digit)");
      }
      if (baseOptions != null && !(baseOptions instanceof HttpStorageOptions)) {
        throw YshException.invalidArgument("the GCS driver uses the JSON API: pass HttpStorageOptions (StorageOptions.http()),"
            + " not " + baseOptions.getClass().getSimpleName());
      }
      if (credentials == null && baseOptions == null) {
        credentials = applicationDefault();
      }
      return new GcsStorageDriver(this);
    }

    /** Resolves Application Default Credentials now, so their absence is a clear error, not a 401 later. */
    private static Credentials applicationDefault() {
      return GcpCredentials.applicationDefault("pass credentials(...) to the builder; for an emulator, use anonymous=true");
    }

    static boolean validBucket(String name) {
      // dotted names may be up to 222 characters, in parts of at most 63
      if (name.length() < 3 || name.length() > 222) {
        return false;
      }
      if (!name.matches("[a-z0-9][a-z0-9._-]*[a-z0-9]") || name.startsWith("goog")) {
        return false;
      }
      for (String part : name.split("\\.")) {
        if (part.isEmpty() || part.length() > 63) {
          return false;
        }
      }
      return name.contains(".") || name.length() <= 63;
    }

    private static String requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw YshException.invalidArgument("GCS " + what + " must not be blank");
      }
      return value;
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw YshException.invalidArgument("GCS " + what + " must be positive, got " + d);
      }
      return d;
    }
  }
}
