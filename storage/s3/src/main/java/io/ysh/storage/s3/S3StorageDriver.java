package io.ysh.storage.s3;

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
import io.ysh.storage.spi.DriverUpload;
import io.ysh.storage.spi.BufferWrites;
import io.ysh.storage.spi.ChecksumPlan;
import io.ysh.storage.spi.MultipartLimits;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageKeys;
import io.ysh.storage.spi.UploadDigests;
import io.ysh.storage.spi.UploadedPart;
import io.ysh.support.aws.AwsClientConfig;
import io.ysh.support.s3.S3ProtocolErrors;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Amazon S3 and S3-compatible servers through the AWS SDK v2 {@link S3Client}.
 *
 * <p>Single PUTs up to the multipart threshold, multipart uploads above it and for streams of
 * unknown length (aborted on failure); ranged GETs; batch deletes of 1,000 keys; server-side copy
 * (objects up to 5 GiB); {@code If-None-Match: *} and {@code If-Match} on PUT and on
 * CompleteMultipartUpload; presigned GET and PUT URLs.
 *
 * <p><strong>Integrity.</strong> Single PUTs of in-memory bodies (up to 16 MiB, which covers
 * every single PUT under the default multipart threshold) send the CRC32C the portable layer
 * computed, as {@code x-amz-checksum-crc32c} (S3 checks it on receipt and refuses a corrupted
 * body) and as the user metadata {@code ysh-crc32c} (reserved; never shown in
 * {@link ObjectInfo#metadata()}): whole-object downloads are verified against it. So this driver
 * asks the portable layer for no MD5 there (an MD5 costs ~2 ms per MiB, a CRC32C a hundredth of
 * that). On an S3-compatible server that ignores {@code x-amz-checksum-crc32c} a body corrupted in
 * transit is stored, but the next download of it fails the CRC32C check instead of returning wrong
 * bytes. Bodies the caller holds in an array are sent as they are, whatever their size
 * ({@link BufferWrites}); other bodies over 16 MiB (a raised multipart threshold) are streamed,
 * and for single writes over 16 MiB {@link #checksumPlan()} asks the portable layer for the MD5,
 * which it compares with the ETag S3 answers: a mismatch deletes the object and fails with
 * {@code INTERNAL}. Multipart
 * uploads send each part's CRC32C and complete with the whole object's as a full-object checksum,
 * which S3 checks and keeps; whole downloads of multipart objects are verified against it (one
 * HEAD each); the parts' MD5 ETags are then not compared with an MD5 of each part (S3 has checked
 * the part's CRC32C already); see {@link Builder#multipartChecksums(boolean)} for servers without
 * it, whose parts are checked by their MD5 ETag. Objects
 * written by other tools are verified against their MD5 ETag when it is one.
 *
 * <p>{@link #unwrap(Class)} gives the {@link S3Client} and the {@link S3Presigner}. Thread-safe.
 */
public final class S3StorageDriver implements StorageDriver, BufferWrites {

  private static final Pattern MD5_ETAG = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern CRC32C_HEX = Pattern.compile("[0-9a-f]{8}");
  private static final Pattern MULTIPART_ETAG = Pattern.compile("[0-9a-f]{32}-[0-9]+");
  /** The user metadata key (x-amz-meta-ysh-crc32c) under which single PUTs store their CRC32C. */
  static final String CRC32C_METADATA = "ysh-crc32c";
  private static final long SMALL_BODY = 16L << 20;
  private static final ChecksumPlan CHECKSUM_PLAN = new ChecksumPlan(SMALL_BODY, false);

  private final String bucket;
  private final S3Client client;
  private final S3Presigner presigner;
  private final boolean ownsClient;
  private final Set<StorageCapability> capabilities;
  private final boolean multipartChecksums;

  private S3StorageDriver(Builder b) {
    this.bucket = b.bucket;
    this.multipartChecksums = b.multipartChecksums;
    AwsClientConfig aws = b.awsConfig;
    if (b.client != null) {
      this.client = b.client;
      this.ownsClient = false;
    } else {
      S3ClientBuilder cb = aws.configure(S3Client.builder(), b.attemptTimeout)
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(b.pathStyle).build())
          // the portable layer computes and verifies MD5/CRC32C itself; stay compatible with S3-like servers
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
      if (!b.payloadSigningOverHttp) {
        cb.putAuthScheme(new UnsignedPayloadOverHttp());
      }
      this.client = cb.build();
      this.ownsClient = true;
    }
    S3Presigner.Builder pb = S3Presigner.builder()
        .region(aws.region())
        .credentialsProvider(aws.credentialsProvider())
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(b.pathStyle).build());
    aws.endpoint().ifPresent(pb::endpointOverride);
    this.presigner = pb.build();
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
    return "s3";
  }

  @Override
  public Set<StorageCapability> capabilities() {
    return capabilities;
  }

  @Override
  public MultipartLimits multipartLimits() {
    return MultipartLimits.S3;
  }

  /**
   * An MD5 only for single PUTs over 16 MiB, which are streamed without a CRC32C when the body is
   * not already in memory (S3's ETag of such a PUT is its MD5); none for the rest, whose CRC32C S3
   * checks on receipt (see the class javadoc).
   */
  @Override
  public ChecksumPlan checksumPlan() {
    return CHECKSUM_PLAN;
  }

  @Override
  public ErrorMapper errorMapper() {
    return S3Errors::map;
  }

  // ------------------------------------------------------------ reads

  @Override
  public ObjectInfo stat(String key) {
    HeadObjectResponse r = client.headObject(h -> h.bucket(bucket).key(key));
    return new ObjectInfo(key, r.contentLength(), unquote(r.eTag()), r.contentType(), r.cacheControl(),
        r.lastModified(), userMetadata(r.metadata()), md5(r.eTag(), r.serverSideEncryptionAsString()),
        crc32c(r.metadata()));
  }

  @Override
  public DriverReader read(String key, ByteRange range) {
    if (range != null && !range.isSuffix() && range.length() == 0) {
      return new DriverReader(InputStream.nullInputStream(), stat(key), 0);
    }
    GetObjectRequest.Builder req = GetObjectRequest.builder().bucket(bucket).key(key);
    if (range != null) {
      req.range(range.httpHeader());
    }
    ResponseInputStream<GetObjectResponse> in;
    try {
      in = client.getObject(req.build());
    } catch (S3Exception e) {
      if (range != null && e.statusCode() == 416) {
        return new DriverReader(InputStream.nullInputStream(), stat(key), 0); // past the end: empty
      }
      throw e;
    }
    GetObjectResponse r = in.response();
    long size = r.contentLength();
    if (r.contentRange() != null) {
      String total = r.contentRange().substring(r.contentRange().lastIndexOf('/') + 1);
      size = "*".equals(total) ? size : Long.parseLong(total);
    }
    String crc32c = crc32c(r.metadata());
    // a read from the start (a whole download, or the first range of a ranged one) learns the
    // whole object's CRC32C too, to verify the whole download against
    boolean fromStart = range == null || (!range.isSuffix() && range.offset() == 0);
    if (crc32c == null && fromStart && multipartChecksums && MULTIPART_ETAG.matcher(unquote(r.eTag())).matches()) {
      crc32c = fullObjectCrc32c(key, r.eTag());
    }
    ObjectInfo info = new ObjectInfo(key, size, unquote(r.eTag()), r.contentType(), r.cacheControl(),
        r.lastModified(), userMetadata(r.metadata()), md5(r.eTag(), r.serverSideEncryptionAsString()), crc32c);
    return new DriverReader(in, info, r.contentLength());
  }

  // ------------------------------------------------------------ writes

  /**
   * Reads bodies up to 16 MiB into memory and sends them as {@link #writeBuffer} does: the SDK then
   * signs the body in one pass instead of streaming aws-chunked signatures, which S3-compatible
   * servers handle slowly. Larger ones are streamed without a checksum header; the portable layer
   * compares its MD5 with the ETag ({@link #checksumPlan()}).
   */
  @Override
  public WriteResult write(String key, InputStream data, long length, WriteOptions options, UploadDigests digests)
      throws java.io.IOException {
    if (length <= SMALL_BODY) {
      ByteBuffer bytes = ByteBuffer.wrap(data.readNBytes((int) length));
      return putBuffer(key, bytes, options, digests);
    }
    PutObjectRequest.Builder req = putRequest(key, length, options);
    var r = client.putObject(req.build(), RequestBody.fromInputStream(data, length));
    return new WriteResult(key, length, unquote(r.eTag()), md5(r.eTag(), r.serverSideEncryptionAsString()), null);
  }

  /**
   * Sends the caller's array as it is, with the portable layer's CRC32C twice: as
   * {@code x-amz-checksum-crc32c}, which S3 checks on receipt (a corrupted upload is rejected), and
   * as the user metadata {@value #CRC32C_METADATA}, which every GET returns at no cost so that
   * downloads can be verified against it. (Asking S3 for its own copy with
   * {@code x-amz-checksum-mode} costs the server ~0.1 ms more per GET, measured on an
   * S3-compatible server: more than an MD5 of a small object.)
   */
  @Override
  public WriteResult writeBuffer(String key, ByteBuffer data, WriteOptions options, UploadDigests digests) {
    return putBuffer(key, data, options, digests);
  }

  private WriteResult putBuffer(String key, ByteBuffer bytes, WriteOptions options, UploadDigests digests) {
    long length = bytes.remaining();
    PutObjectRequest.Builder req = putRequest(key, length, options);
    String crc32c = digests.crc32cHex();
    Map<String, String> metadata = new LinkedHashMap<>(options.metadata());
    metadata.put(CRC32C_METADATA, crc32c);
    req.metadata(metadata).checksumCRC32C(base64(crc32c));
    RequestBody body = RequestBody.fromContentProvider(contentOf(bytes), length, options.contentType());
    var r = client.putObject(req.build(), body);
    return new WriteResult(key, length, unquote(r.eTag()), md5(r.eTag(), r.serverSideEncryptionAsString()), null);
  }

  private PutObjectRequest.Builder putRequest(String key, long length, WriteOptions options) {
    checkMetadata(options);
    PutObjectRequest.Builder req = PutObjectRequest.builder().bucket(bucket).key(key)
        .contentType(options.contentType()).contentLength(length).metadata(options.metadata());
    options.cacheControl().ifPresent(req::cacheControl);
    if (options.ifNoneMatchAny()) {
      req.ifNoneMatch("*");
    }
    options.ifMatch().ifPresent(e -> req.ifMatch(quote(e)));
    return req;
  }

  private static String crc32cHex(ByteBuffer bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }

  /** The bytes of a heap buffer, for the SDK, without copying them. */
  private static ContentStreamProvider contentOf(ByteBuffer bytes) {
    byte[] array = bytes.array();
    int offset = bytes.arrayOffset() + bytes.position();
    int length = bytes.remaining();
    if (offset == 0 && length == array.length) {
      return ContentStreamProvider.fromByteArrayUnsafe(array);
    }
    return () -> new ByteArrayInputStream(array, offset, length);
  }

  private static void checkMetadata(WriteOptions options) {
    if (options.metadata().containsKey(CRC32C_METADATA)) {
      throw YshException.invalidArgument("the user metadata key '" + CRC32C_METADATA
          + "' is reserved by the S3 driver (it holds the object's CRC32C)");
    }
  }

  /** A multipart upload; with full-object checksums, the CRC32C (base64) of each part sent. */
  private record Upload(String key, String uploadId, WriteOptions options, Map<Integer, String> partCrcs)
      implements DriverUpload {}

  /** Parts are independent requests on the upload id; the part checksums go into a concurrent map. */
  @Override
  public boolean concurrentParts() {
    return true;
  }

  @Override
  public DriverUpload startUpload(String key, WriteOptions options) {
    checkMetadata(options);
    var r = client.createMultipartUpload(c -> {
      c.bucket(bucket).key(key).contentType(options.contentType()).metadata(options.metadata());
      options.cacheControl().ifPresent(c::cacheControl);
      if (multipartChecksums) {
        c.checksumAlgorithm(ChecksumAlgorithm.CRC32_C).checksumType(ChecksumType.FULL_OBJECT);
      }
    });
    return new Upload(key, r.uploadId(), options, new ConcurrentHashMap<>());
  }

  @Override
  public UploadedPart uploadPart(DriverUpload upload, int partNumber, byte[] data, int length) {
    Upload u = (Upload) upload;
    String crc = multipartChecksums ? base64(crc32cHex(ByteBuffer.wrap(data, 0, length))) : null;
    // the part buffer as it is, not copied (fromByteBuffer copies it): with several parts in flight
    // the memory an upload holds stays one buffer per part
    var r = client.uploadPart(p -> p.bucket(bucket).key(u.key()).uploadId(u.uploadId()).partNumber(partNumber)
            .contentLength((long) length).checksumCRC32C(crc),
        RequestBody.fromContentProvider(contentOf(ByteBuffer.wrap(data, 0, length)), length,
            "application/octet-stream"));
    if (crc != null) {
      u.partCrcs().put(partNumber, crc);
      // S3 checked the part against the CRC32C sent with it (and refused it otherwise, BadDigest):
      // no MD5 of the part for the portable layer to compare with the ETag, a second check of the
      // same bytes that costs ~1.4 ms per MiB (a third of the client's CPU of a large upload)
      return new UploadedPart(partNumber, r.eTag(), null, length);
    }
    return new UploadedPart(partNumber, r.eTag(), md5(r.eTag(), r.serverSideEncryptionAsString()), length);
  }

  /**
   * Completes the upload; with full-object checksums, sends the CRC32C of the whole object, which
   * S3 checks against the parts it holds and keeps for downloads to be verified against.
   */
  @Override
  public WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts, UploadDigests digests) {
    Upload u = (Upload) upload;
    List<CompletedPart> completed = parts.stream()
        .map(p -> CompletedPart.builder().partNumber(p.number()).eTag(p.etag())
            .checksumCRC32C(u.partCrcs().get(p.number())).build())
        .collect(Collectors.toList());
    var r = client.completeMultipartUpload(c -> {
      c.bucket(bucket).key(u.key()).uploadId(u.uploadId())
          .multipartUpload(CompletedMultipartUpload.builder().parts(completed).build());
      if (multipartChecksums) {
        c.checksumCRC32C(base64(digests.crc32cHex())).checksumType(ChecksumType.FULL_OBJECT);
      }
      if (u.options().ifNoneMatchAny()) {
        c.ifNoneMatch("*");
      }
      u.options().ifMatch().ifPresent(e -> c.ifMatch(quote(e)));
    });
    long size = parts.stream().mapToLong(UploadedPart::size).sum();
    return new WriteResult(u.key(), size, unquote(r.eTag()), null, null);
  }

  @Override
  public void abortUpload(DriverUpload upload) {
    Upload u = (Upload) upload;
    try {
      client.abortMultipartUpload(a -> a.bucket(bucket).key(u.key()).uploadId(u.uploadId()));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
    }
  }

  // ------------------------------------------------------------ delete, copy

  @Override
  public void delete(String key) {
    client.deleteObject(d -> d.bucket(bucket).key(key));
  }

  @Override
  public int maxBatchSize() {
    return 1000;
  }

  /**
   * One DeleteObjects request in quiet mode. A key S3 could not delete comes back with an error
   * code and no HTTP status: it is classified by code (an unknown one as a server-side failure,
   * as S3 reports those).
   */
  @Override
  public Map<String, YshException> deleteBatch(List<String> keys) {
    List<ObjectIdentifier> ids = keys.stream().map(k -> ObjectIdentifier.builder().key(k).build())
        .collect(Collectors.toList());
    DeleteObjectsResponse r = client.deleteObjects(d -> d.bucket(bucket)
        .delete(Delete.builder().objects(ids).quiet(true).build()));
    Map<String, YshException> failures = new LinkedHashMap<>();
    for (S3Error e : r.errors()) {
      if ("NoSuchKey".equals(e.code())) {
        continue;
      }
      String code = e.code() == null ? "" : e.code();
      failures.put(e.key(), YshException.builder(S3ProtocolErrors.classify("AccessDenied".equals(code) ? 403 : 500, code))
          .detail("S3 did not delete it: " + code + (e.message() == null ? "" : " " + e.message())).build());
    }
    return failures;
  }

  @Override
  public WriteResult copy(String source, String target) {
    CopyObjectResponse r = client.copyObject(c -> c.sourceBucket(bucket).sourceKey(source)
        .destinationBucket(bucket).destinationKey(target).metadataDirective(MetadataDirective.COPY));
    String etag = r.copyObjectResult() == null ? null : r.copyObjectResult().eTag();
    return new WriteResult(target, -1, unquote(etag), null, null);
  }

  // ------------------------------------------------------------ list

  @Override
  public ListPage list(ListOptions options, String pageToken) {
    ListObjectsV2Request.Builder req = ListObjectsV2Request.builder().bucket(bucket).maxKeys(options.pageSize());
    if (!options.prefix().isEmpty()) {
      req.prefix(options.prefix());
    }
    if (options.delimiter() != null) {
      req.delimiter(options.delimiter());
    }
    if (pageToken != null) {
      req.continuationToken(pageToken);
    }
    ListObjectsV2Response r = client.listObjectsV2(req.build());
    List<ListEntry> entries = new ArrayList<>();
    r.contents().forEach(o -> entries.add(ListEntry.object(o.key(), o.size(), unquote(o.eTag()), o.lastModified())));
    r.commonPrefixes().forEach(p -> entries.add(ListEntry.prefix(p.prefix())));
    entries.sort((a, b) -> StorageKeys.UTF8_ORDER.compare(a.key(), b.key()));
    String next = Boolean.TRUE.equals(r.isTruncated()) ? r.nextContinuationToken() : null;
    return new ListPage(entries, next);
  }

  // ------------------------------------------------------------ signed URLs

  @Override
  public URI signedUrl(String key, SignedUrlMethod method, Duration expiry, String contentType) throws Exception {
    if (method == SignedUrlMethod.GET) {
      return presigner.presignGetObject(p -> p.signatureDuration(expiry)
          .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toURI();
    }
    return presigner.presignPutObject(p -> p.signatureDuration(expiry)
        .putObjectRequest(g -> {
          g.bucket(bucket).key(key);
          if (contentType != null) {
            g.contentType(contentType);
          }
        })).url().toURI();
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    if (type.isInstance(client)) {
      return Optional.of(type.cast(client));
    }
    return type.isInstance(presigner) ? Optional.of(type.cast(presigner)) : Optional.empty();
  }

  @Override
  public void close() {
    presigner.close();
    if (ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "S3StorageDriver[" + bucket + "]";
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

  /**
   * The full-object CRC32C S3 keeps for a multipart object uploaded with one (one HEAD, only for
   * whole downloads of multipart objects, which are at least 5 MiB); null when it has none, or
   * when the object changed since the GET (its ETag no longer matches).
   */
  private String fullObjectCrc32c(String key, String etag) {
    HeadObjectResponse h;
    try {
      h = client.headObject(b -> b.bucket(bucket).key(key).ifMatch(etag).checksumMode(ChecksumMode.ENABLED));
    } catch (S3Exception e) {
      if (e.statusCode() == 412 || e.statusCode() == 404) {
        return null;
      }
      throw e;
    }
    if (h.checksumType() != ChecksumType.FULL_OBJECT || h.checksumCRC32C() == null) {
      return null;
    }
    byte[] crc = Base64.getDecoder().decode(h.checksumCRC32C());
    return crc.length == 4 ? HexFormat.of().formatHex(crc) : null;
  }

  /** Base64 of the 4 big-endian bytes of a CRC32C given as 8 hex digits, as S3 wants it. */
  private static String base64(String crc32cHex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(crc32cHex));
  }

  /** The CRC32C this driver stored in the user metadata, if it is well formed. */
  static String crc32c(Map<String, String> metadata) {
    String v = metadata.get(CRC32C_METADATA);
    return v != null && CRC32C_HEX.matcher(v).matches() ? v : null;
  }

  /** The user metadata without the driver's own entry. */
  static Map<String, String> userMetadata(Map<String, String> metadata) {
    if (!metadata.containsKey(CRC32C_METADATA)) {
      return metadata;
    }
    Map<String, String> user = new LinkedHashMap<>(metadata);
    user.remove(CRC32C_METADATA);
    return user;
  }

  /** The MD5 an ETag stands for: only for plain (not multipart, not SSE-KMS) objects. */
  private static String md5(String etag, String sse) {
    String e = unquote(etag);
    if (e == null || (sse != null && sse.toLowerCase(Locale.ROOT).contains("kms"))) {
      return null;
    }
    e = e.toLowerCase(Locale.ROOT);
    return MD5_ETAG.matcher(e).matches() ? e : null;
  }

  /**
   * SigV4 as the SDK's own, except that a request with a body to a plain-HTTP endpoint is signed
   * as over HTTPS: {@code x-amz-content-sha256: UNSIGNED-PAYLOAD} instead of a SHA-256 of the body
   * ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: a SHA-256 and an HMAC per 128 KiB chunk, checked
   * again by the server), which is what the SDK's own async client does over HTTP. The signature
   * does not cover the scheme; the host header it covers is the one sent (a default port 80 is
   * signed as 443 is over HTTPS: without the port, as the HTTP client sends it).
   */
  private static final class UnsignedPayloadOverHttp implements AwsV4AuthScheme {
    private final AwsV4AuthScheme sdk = AwsV4AuthScheme.create();
    private final AwsV4HttpSigner signer = new Signer(sdk.signer());

    @Override
    public String schemeId() {
      return sdk.schemeId();
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
      return sdk.identityProvider(providers);
    }

    @Override
    public AwsV4HttpSigner signer() {
      return signer;
    }

    private record Signer(AwsV4HttpSigner sdk) implements AwsV4HttpSigner {
      @Override
      public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        SdkHttpRequest http = request.request();
        if (!"http".equals(http.protocol()) || request.payload().isEmpty()) {
          return sdk.sign(request);
        }
        SdkHttpRequest.Builder asHttps = http.toBuilder().protocol("https");
        if (http.port() == 80) {
          asHttps.port(443);
        }
        SignedRequest signed = sdk.sign(request.copy(r -> r.request(asHttps.build())));
        return signed.copy(r -> r.request(signed.request().toBuilder().protocol("http").port(http.port()).build()));
      }

      @Override
      public java.util.concurrent.CompletableFuture<AsyncSignedRequest> signAsync(
          AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        return sdk.signAsync(request); // this driver's client is synchronous
      }
    }
  }

  /** Builds an {@link S3StorageDriver}. Not thread-safe. */
  public static final class Builder {
    private String bucket;
    private AwsClientConfig.Builder aws = AwsClientConfig.builder();
    private boolean pathStyle;
    private boolean conditionalWrites = true;
    private boolean multipartChecksums = true;
    private boolean payloadSigningOverHttp = true;
    private Duration attemptTimeout = Duration.ofMinutes(5);
    private S3Client client;
    private AwsClientConfig awsConfig;

    private Builder() {}

    /**
     * Sets the bucket (required).
     *
     * @param bucket the bucket name
     * @return this builder
     */
    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    /**
     * Sets the region (default: {@code AWS_REGION}, the {@code aws.region} system property or
     * the profile's region; with an endpoint and none of those, {@code us-east-1}; otherwise
     * {@link #build()} fails).
     *
     * @param region such as {@code sa-east-1}
     * @return this builder
     */
    public Builder region(String region) {
      aws.region(region);
      return this;
    }

    /**
     * An S3-compatible server instead of AWS (most need {@link #pathStyle(boolean)}).
     *
     * @param endpoint such as {@code http://127.0.0.1:9000}
     * @return this builder
     */
    public Builder endpoint(URI endpoint) {
      aws.endpoint(endpoint);
      return this;
    }

    /**
     * Uses path-style URLs ({@code host/bucket/key}), which most S3-compatible servers need.
     *
     * @param pathStyle true for path style
     * @return this builder
     */
    public Builder pathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
      return this;
    }

    /**
     * Declares whether the server honours {@code If-None-Match}/{@code If-Match} on writes
     * (default true, as Amazon S3 does). Set false for servers that ignore them: the portable
     * layer then refuses conditional writes with {@code UNSUPPORTED} instead of silently
     * overwriting.
     *
     * @param supported whether conditional writes work
     * @return this builder
     */
    public Builder conditionalWrites(boolean supported) {
      this.conditionalWrites = supported;
      return this;
    }

    /**
     * Declares whether the server keeps full-object CRC32C checksums of multipart uploads (default
     * true, as Amazon S3 does since 2025). The driver then uploads every part with
     * its CRC32C and completes with the whole object's, which S3 checks, and verifies whole
     * downloads of multipart objects against it (one extra HEAD each); each part is checked by
     * S3 against its CRC32C, not by the client against an MD5 ETag. Set false for servers that
     * refuse the checksum headers or report a wrong full-object checksum: each part is then
     * compared with its MD5 ETag when the server answers one, and multipart downloads are
     * checked for length only.
     *
     * @param supported whether full-object checksums of multipart uploads work
     * @return this builder
     */
    public Builder multipartChecksums(boolean supported) {
      this.multipartChecksums = supported;
      return this;
    }

    /**
     * Whether the bodies of requests to a plain-HTTP endpoint are signed (default true, as the
     * AWS SDK's synchronous client does): their SHA-256, in 128 KiB chunks each with its own
     * signature, which the client computes and the server checks again. False sends them as
     * over HTTPS, {@code UNSIGNED-PAYLOAD}, as the SDK's asynchronous client (and so its
     * TransferManager) does over HTTP: less CPU on both sides for large uploads. The signature
     * then no longer binds the body: someone who can change traffic on the path (which plain
     * HTTP never prevents; responses are not signed either) could replace a body with another
     * of the same CRC32C. Accidental damage is still caught: every part and single PUT carries
     * its CRC32C in a signed header, which the server checks. HTTPS endpoints are not affected
     * (TLS protects the body, and the SDK does not sign it there either), nor is a client given
     * to {@link #client(S3Client)}.
     *
     * @param sign false to send request bodies to an {@code http://} endpoint unsigned
     * @return this builder
     */
    public Builder payloadSigningOverHttp(boolean sign) {
      this.payloadSigningOverHttp = sign;
      return this;
    }

    /**
     * Sets static credentials (otherwise the AWS default provider chain is used).
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @return this builder
     */
    public Builder credentials(String accessKeyId, Secret secretAccessKey) {
      aws.credentials(accessKeyId, secretAccessKey);
      return this;
    }

    /**
     * Sets a credentials provider (otherwise the AWS default provider chain is used).
     *
     * @param provider the provider
     * @return this builder
     */
    public Builder credentialsProvider(AwsCredentialsProvider provider) {
      aws.credentialsProvider(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /**
     * Takes credentials from a named profile of the shared AWS config and credentials files (the
     * URL's {@code profile=}).
     *
     * @param profile the profile name
     * @return this builder
     */
    public Builder profile(String profile) {
      aws.profile(Objects.requireNonNull(profile, "profile"));
      return this;
    }

    /**
     * Assumes an IAM role through STS with the other credentials (the URL's {@code roleArn=} and
     * {@code externalId=}); the temporary credentials are refreshed before they expire.
     *
     * @param roleArn such as {@code arn:aws:iam::123456789012:role/ysh-writer}
     * @param externalId the external id the role's trust policy requires, or null
     * @return this builder
     */
    public Builder assumeRole(String roleArn, String externalId) {
      aws.assumeRole(Objects.requireNonNull(roleArn, "roleArn"), externalId);
      return this;
    }

    /**
     * Sets the timeout of one HTTP attempt (default 5 minutes, for large parts on slow links).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Uses an existing client (which the driver will not close) instead of building one.
     *
     * @param client the client
     * @return this builder
     */
    public Builder client(S3Client client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Starts from region, endpoint and credentials as a URL gave them ({@link AwsClientConfig#fromUrl}). */
    Builder aws(AwsClientConfig.Builder fromUrl) {
      this.aws = fromUrl;
      return this;
    }

    /**
     * Builds the driver; no network call is made.
     *
     * @return the driver
     * @throws YshException {@code INVALID_ARGUMENT} for a missing or malformed bucket, no region
     *     found (see {@link AwsClientConfig}), an unknown AWS region, or a malformed endpoint
     */
    public S3StorageDriver build() {
      if (bucket == null || bucket.isBlank()) {
        throw YshException.invalidArgument("the S3 bucket must not be null or empty");
      }
      if (!bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
        throw YshException.invalidArgument("'" + bucket + "' is not a valid S3 bucket name (3-63 characters:"
            + " lower-case letters, digits, dots and hyphens)");
      }
      this.awsConfig = aws.build();
      return new S3StorageDriver(this);
    }
  }
}
