package io.ysh.storage.spi;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.storage.ByteRange;
import io.ysh.storage.Capability;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.SignedUrlMethod;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a storage provider implements: a thin layer over the provider's client.
 * {@link io.ysh.storage.ObjectStorage} does the shared work once and calls these methods.
 *
 * <p>Contracts that hold for every method, so drivers stay thin and behave alike:
 *
 * <ul>
 *   <li>Keys are already validated ({@link StorageKeys#validate}); options are never null.
 *   <li>Methods throw whatever the provider's client throws; {@link #errorMapper()} maps it
 *       exactly once in the portable layer. A driver may also throw an
 *       {@link io.ysh.core.YshException} with the right code directly (local drivers do).
 *   <li>A missing object must surface as {@code NOT_FOUND} (after mapping) from {@link #stat},
 *       {@link #read} and as the source of {@link #copy}; a failed precondition as
 *       {@code PRECONDITION_FAILED}.
 *   <li>Methods for a capability the driver does not declare in {@link #capabilities()} are
 *       never called; they should throw {@code UNSUPPORTED}.
 *   <li>Implementations are thread-safe.
 * </ul>
 */
public interface StorageDriver extends AutoCloseable {

  /**
   * The provider's name for errors and telemetry, such as {@code s3}.
   *
   * @return the name
   */
  String provider();

  /**
   * What this driver supports. Must be accurate: the conformance suite checks that every
   * declared capability works and that every undeclared one fails with {@code UNSUPPORTED}.
   *
   * @return the capabilities
   */
  Set<Capability> capabilities();

  /**
   * The provider's multipart limits.
   *
   * @return the limits
   */
  MultipartLimits multipartLimits();

  /**
   * Whether the portable layer computes the MD5 of uploaded data for this driver (the default).
   * MD5 costs about 2 ms per MiB, a hundred times the CRC32C that is always computed; a driver
   * whose provider neither needs an MD5 nor reports one to compare with (the fs driver, which
   * stores and verifies CRC32C) returns false. Then {@link UploadDigests#md5Hex()} throws,
   * {@link WriteResult#md5()} is the provider's MD5 or {@code null}, and uploads are checked
   * through the CRC32C alone.
   *
   * @return true when uploads should be MD5-hashed
   */
  default boolean wantsMd5() {
    return true;
  }

  /**
   * Whether the portable layer computes the MD5 of one single write of this length (a
   * {@link #write} of known length, not part of a multipart upload): for a driver that checks
   * most writes another way but some by MD5 (the S3 driver sends bodies it holds in memory with
   * their CRC32C, and streams larger ones, whose MD5 ETag is then compared). The portable layer
   * compares that MD5 with {@link WriteResult#md5()} and deletes the object on a mismatch.
   *
   * @param length the number of bytes the write will take
   * @return true when this write should be MD5-hashed; {@link #wantsMd5()} unless overridden
   */
  default boolean wantsMd5(long length) {
    return wantsMd5();
  }

  /**
   * Maps this provider's exceptions to portable ones, falling back to
   * {@link io.ysh.core.Errors#classify(Throwable)}.
   *
   * @return the mapper
   */
  ErrorMapper errorMapper();

  /**
   * The attributes of an object.
   *
   * @param key the key
   * @return its attributes; {@link ObjectInfo#md5()} only if the provider knows the MD5 of the
   *     whole object
   * @throws Exception mapped to {@code NOT_FOUND} when the object does not exist
   */
  ObjectInfo stat(String key) throws Exception;

  /**
   * Opens the object, or a range of it, for reading.
   *
   * @param key the key
   * @param range the range, or null for the whole object; a range starting at or past the end
   *     must give an empty stream, not an error
   * @return the open stream and the object's attributes
   * @throws Exception mapped to {@code NOT_FOUND} when the object does not exist
   */
  DriverReader read(String key, ByteRange range) throws Exception;

  /**
   * Writes a whole object in one call. The data is exactly {@code length} bytes (never
   * unknown: the portable layer buffers or uses multipart otherwise), at most
   * {@link MultipartLimits#maxSinglePutSize()}. The object must not be visible until it is
   * complete; if this throws, no object (and no partial object) may remain.
   *
   * @param key the key
   * @param data the data; the driver reads it to the end and does not close it
   * @param length its exact length
   * @param options content type, metadata and preconditions
   * @return the result; {@link WriteResult#md5()} is the provider's MD5 of what it stored, or
   *     null if it does not report one (the portable layer fills in its own and compares)
   * @throws Exception mapped to {@code PRECONDITION_FAILED} when a precondition fails
   */
  WriteResult write(String key, InputStream data, long length, WriteOptions options) throws Exception;

  /**
   * As {@link #write(String, InputStream, long, WriteOptions)}, with the digests the portable
   * layer computes of {@code data} while the driver reads it. A driver that stores checksums
   * (rather than having the provider compute them) overrides this to take them from
   * {@code digests} once it has read the data to its end, instead of hashing every byte again.
   * The default ignores {@code digests}.
   *
   * @param key the key
   * @param data the data; the driver reads it to the end and does not close it
   * @param length its exact length
   * @param options content type, metadata and preconditions
   * @param digests MD5 and CRC32C of {@code data}, valid once it has been read to its end
   * @return the result, as for the other overload
   * @throws Exception as for the other overload
   */
  default WriteResult write(String key, InputStream data, long length, WriteOptions options, UploadDigests digests)
      throws Exception {
    return write(key, data, length, options);
  }

  /**
   * Starts a multipart upload. Nothing may be visible under the key until
   * {@link #completeUpload}.
   *
   * @param key the key
   * @param options content type, metadata and preconditions (checked at completion at latest)
   * @return the driver's handle of the upload
   * @throws Exception on failure
   */
  DriverUpload startUpload(String key, WriteOptions options) throws Exception;

  /**
   * Uploads one part. Parts come one at a time, numbered from 1 without gaps; all but the last
   * are at least {@link MultipartLimits#minPartSize()} bytes.
   *
   * @param upload the handle from {@link #startUpload}
   * @param partNumber the part number
   * @param data a buffer holding the part; valid only during the call
   * @param length how many bytes of {@code data} belong to the part
   * @return the accepted part
   * @throws Exception on failure
   */
  UploadedPart uploadPart(DriverUpload upload, int partNumber, byte[] data, int length) throws Exception;

  /**
   * Completes an upload: the object becomes visible with all parts in order.
   *
   * @param upload the handle
   * @param parts every part, in order
   * @return the result
   * @throws Exception mapped to {@code PRECONDITION_FAILED} when a precondition fails
   */
  WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts) throws Exception;

  /**
   * As {@link #completeUpload(DriverUpload, List)}, with the digests of the whole object that the
   * portable layer computed over all parts, for drivers that store checksums themselves. The
   * default ignores {@code digests}.
   *
   * @param upload the handle
   * @param parts every part, in order
   * @param digests MD5 and CRC32C of the whole object
   * @return the result
   * @throws Exception as for the other overload
   */
  default WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts, UploadDigests digests)
      throws Exception {
    return completeUpload(upload, parts);
  }

  /**
   * Aborts an upload and frees what the provider holds for it. Must not fail when the upload
   * is already gone.
   *
   * @param upload the handle
   * @throws Exception on failure
   */
  void abortUpload(DriverUpload upload) throws Exception;

  /**
   * Deletes an object. Deleting a missing object must succeed silently.
   *
   * @param key the key
   * @throws Exception on failure
   */
  void delete(String key) throws Exception;

  /**
   * The most keys one {@link #deleteBatch} takes; 1 for drivers without
   * {@link Capability#BATCH_DELETE}.
   *
   * @return the batch size
   */
  default int maxBatchSize() {
    return 1;
  }

  /**
   * Deletes up to {@link #maxBatchSize()} objects in one provider call; missing keys are not
   * failures. Only called with {@link Capability#BATCH_DELETE}.
   *
   * @param keys the keys
   * @return the keys that could not be deleted, with why; empty when all were deleted
   * @throws Exception when the whole call failed
   */
  default Map<String, Exception> deleteBatch(List<String> keys) throws Exception {
    throw new UnsupportedOperationException(provider() + " does not delete in batches");
  }

  /**
   * Copies an object within the bucket on the provider's side, with its content type and
   * metadata. Only called with {@link Capability#SERVER_SIDE_COPY}.
   *
   * @param source the source key
   * @param target the target key
   * @return the target's new attributes (etag at least)
   * @throws Exception mapped to {@code NOT_FOUND} when the source does not exist
   */
  WriteResult copy(String source, String target) throws Exception;

  /**
   * One page of a listing. Entries come in ascending {@link StorageKeys#UTF8_ORDER}, objects and
   * common prefixes merged, at most {@link ListOptions#pageSize()} of them; the token is opaque
   * and only meaningful to this driver with the same options.
   *
   * @param options prefix (validated), delimiter and page size
   * @param pageToken null for the first page
   * @return the page
   * @throws Exception on failure
   */
  ListPage list(ListOptions options, String pageToken) throws Exception;

  /**
   * A URL that lets anyone holding it {@code GET} or {@code PUT} the object until it expires.
   * Only called with {@link Capability#SIGNED_URL}.
   *
   * @param key the key
   * @param method the HTTP method
   * @param expiry how long it is valid, positive, at most 7 days
   * @param contentType for {@code PUT}: the content type the uploader must send, or null
   * @return the URL
   * @throws Exception on failure
   */
  URI signedUrl(String key, SignedUrlMethod method, Duration expiry, String contentType) throws Exception;

  /**
   * The headers, beyond {@code Content-Type} (which the portable layer adds when a content type
   * was signed), that a plain HTTP client must send with a URL from {@link #signedUrl} for the
   * provider to accept the request, such as Azure's {@code x-ms-blob-type: BlockBlob} on a
   * {@code PUT}. The default is none.
   *
   * @param method the HTTP method
   * @param contentType the content type passed to {@link #signedUrl}, or null
   * @return header names and values; empty when none are required
   */
  default Map<String, String> signedUrlHeaders(SignedUrlMethod method, String contentType) {
    return Map.of();
  }

  /**
   * The provider's native client, for what the portable API does not cover.
   *
   * @param <T> the type
   * @param type the class asked for
   * @return the native object, or {@code null} if the driver has none of that type
   */
  <T> T unwrap(Class<T> type);

  /** Releases the driver's resources (clients, thread pools). Idempotent. */
  @Override
  void close();
}
