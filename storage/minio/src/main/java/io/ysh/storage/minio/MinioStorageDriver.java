package io.ysh.storage.minio;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsV2Response;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import io.minio.messages.Part;
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
import io.ysh.support.s3.S3ProtocolErrors;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * MinIO and other S3-compatible servers through the MinIO Java SDK.
 *
 * <p>Same behaviour as the S3 driver (it passes the same conformance suite): single PUTs with
 * MD5-ETag verification, multipart uploads driven by the portable layer (parts verified one by
 * one, aborted on failure), ranged GETs, batch deletes, server-side copy (up to 5 GiB), presigned
 * GET/PUT, {@code If-None-Match}/{@code If-Match}. {@link #unwrap(Class)} gives the
 * {@link MinioClient} and the {@link MinioAsyncClient}. Thread-safe.
 */
public final class MinioStorageDriver implements StorageDriver {

  private static final Pattern MD5_ETAG = Pattern.compile("[0-9a-f]{32}");
  private static final Multimap<String, String> NONE = ImmutableMultimap.of();

  private final String bucket;
  private final String region;
  private final MinioClient client;
  private final LowLevel async;
  private final Set<StorageCapability> capabilities;

  /** Exposes the protected page-level listing of the SDK. */
  private static final class LowLevel extends MinioAsyncClient {
    LowLevel(MinioAsyncClient client) {
      super(client);
    }

    @Override
    public void close() {
      // nothing to release: the SDK's HTTP client needs no closing
    }

    ListObjectsV2Response listPage(String bucket, String region, String delimiter, Integer maxKeys, String prefix,
        String token) throws Exception {
      return listObjectsV2Async(bucket, region, delimiter, "url", null, maxKeys, prefix, token, false, false,
          NONE, NONE).get();
    }
  }

  private MinioStorageDriver(Builder b) {
    this.bucket = b.bucket;
    this.region = b.region;
    this.client = MinioClient.builder().endpoint(b.endpoint).region(b.region)
        .credentials(b.accessKey, b.secretKey.reveal()).build();
    MinioAsyncClient plain = MinioAsyncClient.builder().endpoint(b.endpoint).region(b.region)
        .credentials(b.accessKey, b.secretKey.reveal()).build();
    if (b.attemptTimeout != null) {
      long ms = Math.max(1, b.attemptTimeout.toMillis());
      client.setTimeout(ms, ms, ms);
      plain.setTimeout(ms, ms, ms);
    }
    this.async = new LowLevel(plain);
    Set<StorageCapability> caps = EnumSet.of(StorageCapability.SIGNED_URL, StorageCapability.SERVER_SIDE_COPY, StorageCapability.RANGE_READ,
        StorageCapability.BATCH_DELETE);
    if (b.conditionalWrites) {
      caps.add(StorageCapability.IF_NONE_MATCH);
      caps.add(StorageCapability.IF_MATCH);
    }
    this.capabilities = Set.copyOf(caps);
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
    return "minio";
  }

  @Override
  public Set<StorageCapability> capabilities() {
    return capabilities;
  }

  @Override
  public MultipartLimits multipartLimits() {
    return MultipartLimits.S3;
  }

  /** MD5 and CRC32C: MinIO's ETag of a single PUT or a part is its MD5, which the portable layer compares. */
  @Override
  public ChecksumPlan checksumPlan() {
    return ChecksumPlan.MD5_AND_CRC32C;
  }

  @Override
  public ErrorMapper errorMapper() {
    return MinioErrors::map;
  }

  // ------------------------------------------------------------ reads

  @Override
  public ObjectInfo stat(String key) throws Exception {
    StatObjectResponse r = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
    return info(key, r.size(), r.etag(), r.contentType(), r.headers().get("Cache-Control"),
        r.lastModified() == null ? null : r.lastModified().toInstant(), r.userMetadata(),
        r.headers().get("x-amz-server-side-encryption"));
  }

  private static ObjectInfo info(String key, long size, String etag, String contentType, String cacheControl,
      Instant lastModified, Map<String, String> meta, String sse) {
    Map<String, String> lower = new LinkedHashMap<>();
    if (meta != null) {
      meta.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    }
    return new ObjectInfo(key, size, unquote(etag), contentType, cacheControl, lastModified, lower, md5(etag, sse));
  }

  @Override
  public DriverReader read(String key, ByteRange range) throws Exception {
    if (range != null) {
      ObjectInfo info = stat(key);
      long[] r = range.resolve(info.size());
      if (r[1] == r[0]) {
        return new DriverReader(InputStream.nullInputStream(), info, 0);
      }
      GetObjectResponse in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key)
          .offset(r[0]).length(r[1] - r[0]).matchETag(info.etag()).build());
      return new DriverReader(in, info, r[1] - r[0]);
    }
    GetObjectResponse in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
    try {
      var h = in.headers();
      long size = Long.parseLong(Objects.requireNonNull(h.get("Content-Length"), "Content-Length"));
      Map<String, String> meta = new HashMap<>();
      for (String name : h.names()) {
        if (name.toLowerCase(Locale.ROOT).startsWith("x-amz-meta-")) {
          meta.put(name.substring("x-amz-meta-".length()), h.get(name));
        }
      }
      Instant modified = h.getDate("Last-Modified") == null ? null : h.getDate("Last-Modified").toInstant();
      ObjectInfo info = info(key, size, h.get("ETag"), h.get("Content-Type"), h.get("Cache-Control"), modified, meta,
          h.get("x-amz-server-side-encryption"));
      return new DriverReader(in, info, size);
    } catch (RuntimeException e) {
      in.close();
      throw e;
    }
  }

  // ------------------------------------------------------------ writes

  private static Map<String, String> headers(WriteOptions options, boolean conditions) {
    Map<String, String> h = new HashMap<>();
    options.cacheControl().ifPresent(c -> h.put("Cache-Control", c));
    if (conditions && options.ifNoneMatchAny()) {
      h.put("If-None-Match", "*");
    }
    if (conditions) {
      options.ifMatch().ifPresent(e -> h.put("If-Match", quote(e)));
    }
    return h;
  }

  @Override
  public WriteResult write(String key, InputStream data, long length, WriteOptions options, UploadDigests digests)
      throws Exception {
    // one part as large as the object: the SDK then sends a single PUT (never its own multipart)
    long partSize = Math.max(length, 5L << 20);
    ObjectWriteResponse r = client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
        .stream(data, length, partSize).contentType(options.contentType())
        .headers(headers(options, true)).userMetadata(options.metadata()).build());
    return new WriteResult(key, length, unquote(r.etag()), md5(r.etag(), null), null);
  }

  private record Upload(String key, String uploadId, WriteOptions options) implements DriverUpload {}

  private static Multimap<String, String> multimap(Map<String, String> map) {
    ImmutableMultimap.Builder<String, String> b = ImmutableMultimap.builder();
    map.forEach(b::put);
    return b.build();
  }

  @Override
  public DriverUpload startUpload(String key, WriteOptions options) throws Exception {
    Map<String, String> h = headers(options, false);
    h.put("Content-Type", options.contentType());
    options.metadata().forEach((k, v) -> h.put("x-amz-meta-" + k, v));
    var r = async.createMultipartUploadAsync(bucket, region, key, multimap(h), NONE).get();
    return new Upload(key, r.result().uploadId(), options);
  }

  @Override
  public UploadedPart uploadPart(DriverUpload upload, int partNumber, byte[] data, int length) throws Exception {
    Upload u = (Upload) upload;
    byte[] copy = length == data.length ? data : java.util.Arrays.copyOf(data, length);
    var r = async.uploadPartAsync(bucket, region, u.key(), copy, length, u.uploadId(), partNumber, NONE, NONE).get();
    return new UploadedPart(partNumber, r.etag(), md5(r.etag(), null), length);
  }

  @Override
  public WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts, UploadDigests digests)
      throws Exception {
    Upload u = (Upload) upload;
    Part[] completed = parts.stream().map(p -> new Part(p.number(), p.etag())).toArray(Part[]::new);
    ObjectWriteResponse r = async.completeMultipartUploadAsync(bucket, region, u.key(), u.uploadId(), completed,
        multimap(headers(u.options(), true)), NONE).get();
    return new WriteResult(u.key(), parts.stream().mapToLong(UploadedPart::size).sum(), unquote(r.etag()), null, null);
  }

  @Override
  public void abortUpload(DriverUpload upload) throws Exception {
    Upload u = (Upload) upload;
    try {
      async.abortMultipartUploadAsync(bucket, region, u.key(), u.uploadId(), NONE, NONE).get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof ErrorResponseException er && er.response() != null && er.response().code() == 404)) {
        throw e;
      }
    }
  }

  // ------------------------------------------------------------ delete, copy

  @Override
  public void delete(String key) throws Exception {
    client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
  }

  @Override
  public int maxBatchSize() {
    return 1000;
  }

  /** A key the server could not delete comes back with an error code and no HTTP status: classified by code. */
  @Override
  public Map<String, YshException> deleteBatch(List<String> keys) throws Exception {
    List<DeleteObject> objects = keys.stream().map(DeleteObject::new).collect(Collectors.toList());
    Map<String, YshException> failures = new LinkedHashMap<>();
    for (Result<DeleteError> result : client.removeObjects(
        RemoveObjectsArgs.builder().bucket(bucket).objects(objects).build())) {
      DeleteError e = result.get();
      if (!"NoSuchKey".equals(e.code())) {
        String code = e.code() == null ? "" : e.code();
        failures.put(e.objectName(), YshException.builder(S3ProtocolErrors.classify("AccessDenied".equals(code) ? 403 : 500, code))
            .detail("the server did not delete it: " + code + (e.message() == null ? "" : " " + e.message())).build());
      }
    }
    return failures;
  }

  @Override
  public WriteResult copy(String source, String target) throws Exception {
    ObjectWriteResponse r = client.copyObject(CopyObjectArgs.builder().bucket(bucket).object(target)
        .source(CopySource.builder().bucket(bucket).object(source).build()).build());
    return new WriteResult(target, -1, unquote(r.etag()), null, null);
  }

  // ------------------------------------------------------------ list

  @Override
  public ListPage list(ListOptions options, String pageToken) throws Exception {
    ListObjectsV2Response r = async.listPage(bucket, region, options.delimiter(), options.pageSize(),
        options.prefix().isEmpty() ? null : options.prefix(), pageToken);
    var result = r.result();
    // keys are requested URL-encoded (XML cannot carry every character) and decoded here
    java.util.function.UnaryOperator<String> decode = "url".equalsIgnoreCase(result.encodingType())
        ? k -> java.net.URLDecoder.decode(k, java.nio.charset.StandardCharsets.UTF_8) : k -> k;
    List<ListEntry> entries = new ArrayList<>();
    for (Item item : result.contents()) {
      entries.add(ListEntry.object(decode.apply(item.objectName()), item.size(), unquote(item.etag()),
          item.lastModified() == null ? null : item.lastModified().toInstant()));
    }
    for (var prefix : result.commonPrefixes()) {
      entries.add(ListEntry.prefix(decode.apply(prefix.toItem().objectName())));
    }
    entries.sort((a, b) -> StorageKeys.UTF8_ORDER.compare(a.key(), b.key()));
    return new ListPage(entries, result.isTruncated() ? result.nextContinuationToken() : null);
  }

  // ------------------------------------------------------------ signed URLs

  @Override
  public URI signedUrl(String key, SignedUrlMethod method, Duration expiry, String contentType) throws Exception {
    GetPresignedObjectUrlArgs.Builder b = GetPresignedObjectUrlArgs.builder().bucket(bucket).object(key)
        .method(method == SignedUrlMethod.GET ? Method.GET : Method.PUT)
        .expiry((int) Math.max(1, expiry.toSeconds()), TimeUnit.SECONDS);
    if (contentType != null && method == SignedUrlMethod.PUT) {
      b.extraHeaders(Map.of("Content-Type", contentType));
    }
    return URI.create(client.getPresignedObjectUrl(b.build()));
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    if (type == MinioClient.class) {
      return Optional.of(type.cast(client));
    }
    if (type == MinioAsyncClient.class) {
      return Optional.of(type.cast(async));
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    // the SDK's OkHttp client is shared and needs no closing
  }

  @Override
  public String toString() {
    return "MinioStorageDriver[" + bucket + "]";
  }

  private static String unquote(String etag) {
    if (etag == null) {
      return null;
    }
    return etag.length() > 1 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
  }

  private static String quote(String etag) {
    return etag.startsWith("\"") || etag.equals("*") ? etag : "\"" + etag + "\"";
  }

  private static String md5(String etag, String sse) {
    String e = unquote(etag);
    if (e == null || (sse != null && sse.toLowerCase(Locale.ROOT).contains("kms"))) {
      return null;
    }
    e = e.toLowerCase(Locale.ROOT);
    return MD5_ETAG.matcher(e).matches() ? e : null;
  }

  /** Builds a {@link MinioStorageDriver}. Not thread-safe. */
  public static final class Builder {
    private String endpoint;
    private String bucket;
    private String region = "us-east-1";
    private String accessKey;
    private Secret secretKey;
    private boolean conditionalWrites = true;
    private Duration attemptTimeout;

    private Builder() {}

    /**
     * Bounds each wait of one HTTP attempt: connecting, and every wait for the server to accept
     * or send bytes (the MinIO SDK's connect, write and read timeouts; 5 minutes each by default).
     * A server that stops answering then fails the attempt with {@code TIMEOUT}, which the
     * resilience policy retries for idempotent calls. A download that keeps receiving bytes is
     * not cut, however long it takes.
     *
     * @param timeout the timeout, positive
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw YshException.invalidArgument("the attempt timeout must be positive, got " + timeout);
      }
      this.attemptTimeout = timeout;
      return this;
    }

    /**
     * Sets the server (required).
     *
     * @param endpoint such as {@code http://127.0.0.1:9000}
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /**
     * Sets the bucket (required).
     *
     * @param bucket the bucket
     * @return this builder
     */
    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    /**
     * Sets the region (default {@code us-east-1}).
     *
     * @param region the region
     * @return this builder
     */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Sets the credentials (required).
     *
     * @param accessKey the access key
     * @param secretKey the secret key
     * @return this builder
     */
    public Builder credentials(String accessKey, Secret secretKey) {
      this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
      this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
      return this;
    }

    /**
     * Declares whether the server honours {@code If-None-Match}/{@code If-Match} (default true).
     *
     * @param supported whether conditional writes work
     * @return this builder
     */
    public Builder conditionalWrites(boolean supported) {
      this.conditionalWrites = supported;
      return this;
    }

    /**
     * Builds the driver; no network call is made.
     *
     * @return the driver
     * @throws YshException {@code INVALID_ARGUMENT} for missing settings
     */
    public MinioStorageDriver build() {
      if (endpoint == null || endpoint.isBlank()) {
        throw YshException.invalidArgument("the MinIO driver needs an endpoint, such as http://127.0.0.1:9000");
      }
      if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
        throw YshException.invalidArgument("'" + bucket + "' is not a valid bucket name");
      }
      if (accessKey == null || secretKey == null) {
        throw YshException.invalidArgument("the MinIO driver needs credentials (access key and secret key)");
      }
      try {
        URI.create(endpoint).toURL();
      } catch (IllegalArgumentException | java.net.MalformedURLException e) {
        throw YshException.invalidArgument("the MinIO endpoint is not a URL: " + endpoint);
      }
      return new MinioStorageDriver(this);
    }
  }
}
