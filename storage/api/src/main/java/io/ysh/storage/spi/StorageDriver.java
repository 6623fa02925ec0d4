package io.ysh.storage.spi;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.storage.ByteRange;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.SignedUrlMethod;
import io.ysh.storage.StorageCapability;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a storage provider implements: a thin layer over the provider's client.
 * {@link io.ysh.storage.ObjectStorage} does the shared work once (validation, capability checks,
 * checksums while streaming and their comparison, multipart slicing and abort on failure,
 * download verification, retries, telemetry, error mapping) and calls only these methods.
 *
 * <p>What the portable layer guarantees to every method:
 *
 * <ul>
 *   <li>Keys are valid ({@link StorageKeys#validate}) and listing prefixes too
 *       ({@link StorageKeys#validatePrefix}); no argument is {@code null} unless a method says so.
 *   <li>A method that needs a {@link StorageCapability} is only called when
 *       {@link #capabilities()} declares it.
 *   <li>Nothing is called after {@link #close()}.
 * </ul>
 *
 * <p>What every method must do:
 *
 * <ul>
 *   <li>Throw whatever the provider's client throws; {@link #errorMapper()} maps it exactly once,
 *       in the portable layer. A driver may also throw an {@link YshException} with the right code
 *       directly (local drivers do); it passes through unchanged.
 *   <li>Report a missing object as {@code NOT_FOUND} (after mapping) from {@link #stat},
 *       {@link #read} and as the source of {@link #copy}; a failed precondition as
 *       {@code PRECONDITION_FAILED}.
 *   <li>Be thread-safe. The portable layer retries reads, deletes, listings and the writes whose
 *       data it can produce again, so those must be safe to repeat.
 * </ul>
 *
 * <p>Optional fast paths are interfaces the driver's own objects implement: {@link BufferWrites}
 * and {@link ChannelWrites} on the driver, {@link FileRegion} on the stream of a
 * {@link DriverReader}.
 */
public interface StorageDriver extends AutoCloseable {

  /**
   * The provider's name for errors and telemetry, such as {@code s3}. Constant.
   *
   * @return the name, non-null
   */
  String provider();

  /**
   * What this driver supports. Constant, and accurate: the conformance suite checks that every
   * declared capability works and that every undeclared one fails with {@code UNSUPPORTED}.
   *
   * @return the capabilities, non-null
   */
  Set<StorageCapability> capabilities();

  /**
   * The provider's multipart limits, which decide between {@link #write} and a multipart upload
   * and size the parts. Constant.
   *
   * @return the limits, non-null
   */
  MultipartLimits multipartLimits();

  /**
   * Which MD5s the portable layer computes of uploads, beyond the CRC32C it always computes.
   * Constant.
   *
   * @return the plan, non-null: {@link ChecksumPlan#MD5_AND_CRC32C} for providers that report the
   *     MD5 of what they stored, {@link ChecksumPlan#CRC32C_ONLY} for drivers that keep the CRC32C
   */
  ChecksumPlan checksumPlan();

  /**
   * Maps this provider's exceptions to portable ones, falling back to
   * {@link io.ysh.core.Errors#classify(Throwable)} for what it does not know.
   *
   * @return the mapper, non-null
   */
  ErrorMapper errorMapper();

  /**
   * The attributes of an object.
   *
   * @param key the key
   * @return its attributes, non-null; {@link ObjectInfo#crc32c()} and {@link ObjectInfo#md5()}
   *     only when the provider knows them for the whole object
   * @throws Exception mapped to {@code NOT_FOUND} when the object does not exist
   */
  ObjectInfo stat(String key) throws Exception;

  /**
   * Opens the object, or a range of it, for reading.
   *
   * @param key the key
   * @param range the range, or {@code null} for the whole object; a range starting at or past the
   *     end must give an empty stream, not an error
   * @return the open stream and the attributes of the version it reads, non-null
   * @throws Exception mapped to {@code NOT_FOUND} when the object does not exist
   */
  DriverReader read(String key, ByteRange range) throws Exception;

  /**
   * Writes a whole object in one call. The object must not be visible until it is complete; if
   * this throws, no object (and no partial object) may remain under the key.
   *
   * @param key the key
   * @param data exactly {@code length} bytes; the driver reads it to its end and does not close it
   * @param length the exact length (never unknown: the portable layer uses a multipart upload
   *     then), at most {@link MultipartLimits#maxSinglePutSize()}
   * @param options content type, metadata and preconditions
   * @param digests the CRC32C (and MD5, per {@link #checksumPlan()}) of {@code data}, complete
   *     once the driver has read it to its end
   * @return the result, non-null; {@link WriteResult#md5()} is the provider's MD5 of what it
   *     stored, or {@code null} when it reports none (the portable layer compares it with its own
   *     and fills in size and CRC32C)
   * @throws Exception mapped to {@code PRECONDITION_FAILED} when a precondition fails
   */
  WriteResult write(String key, InputStream data, long length, WriteOptions options, UploadDigests digests)
      throws Exception;

  /**
   * Starts a multipart upload. Nothing may be visible under the key until
   * {@link #completeUpload}.
   *
   * @param key the key
   * @param options content type, metadata and preconditions (checked at completion at latest)
   * @return the driver's handle of the upload, non-null
   * @throws Exception the provider's failure
   */
  DriverUpload startUpload(String key, WriteOptions options) throws Exception;

  /**
   * Whether {@link #uploadPart} may be called for several parts of one upload at the same time,
   * from different threads (and so in any order, numbers without gaps in the end): true when the
   * provider stores each part on its own (S3's parts, Azure's staged blocks) and the driver keeps
   * no per-upload state that the calls share unsafely. The default, false, gets the parts one at
   * a time, in order (a resumable session that appends, a local file). Constant.
   *
   * @return true when parts may be uploaded concurrently
   */
  default boolean concurrentParts() {
    return false;
  }

  /**
   * The resilience policy an {@link io.ysh.storage.ObjectStorage} applies over this driver when
   * its builder is given none. The default is {@link ResiliencePolicy#defaults()}, without the
   * circuit breaker for a local driver (one whose {@link #multipartLimits()} stream single puts,
   * such as {@link MultipartLimits#LOCAL}): a breaker protects callers and a remote provider from
   * each other while the provider is in trouble, and a local store's failures are answers about
   * single objects (a file refused as foreign, one replaced under a read), which must not stop
   * every other object's calls for the breaker's open time.
   *
   * @return the policy, non-null
   */
  default ResiliencePolicy defaultResilience() {
    ResiliencePolicy defaults = ResiliencePolicy.defaults();
    return multipartLimits().singlePutStreams() ? defaults.toBuilder().circuitBreaker(null).build() : defaults;
  }

  /**
   * Uploads one part. Parts come one at a time, in order, unless {@link #concurrentParts()}; they
   * are numbered from 1 without gaps; all but the last
   * are at least {@link MultipartLimits#minPartSize()} bytes and none is more than
   * {@link MultipartLimits#maxPartSize()}. A part whose upload is interrupted (the thread's
   * interrupt: another part failed) may fail in any way; the upload is aborted afterwards.
   *
   * @param upload the handle from {@link #startUpload}
   * @param partNumber the part number
   * @param data a buffer holding the part; valid only during the call, not to be modified
   * @param length how many bytes of {@code data}, from index 0, belong to the part
   * @return the accepted part, non-null
   * @throws Exception the provider's failure
   */
  UploadedPart uploadPart(DriverUpload upload, int partNumber, byte[] data, int length) throws Exception;

  /**
   * Completes an upload: the object becomes visible with all parts in order, atomically.
   *
   * @param upload the handle
   * @param parts every part, in order, as {@link #uploadPart} returned them
   * @param digests the CRC32C (and MD5, per {@link #checksumPlan()}) of the whole object,
   *     complete; a driver that stores or sends the object's checksum takes it from here
   * @return the result, non-null, as for {@link #write}
   * @throws Exception mapped to {@code PRECONDITION_FAILED} when a precondition fails
   */
  WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts, UploadDigests digests) throws Exception;

  /**
   * Aborts an upload and frees what the provider holds for it, leaving nothing visible. Must not
   * fail when the upload is already gone.
   *
   * @param upload the handle
   * @throws Exception the provider's failure
   */
  void abortUpload(DriverUpload upload) throws Exception;

  /**
   * Deletes an object. Deleting a missing object must succeed silently.
   *
   * @param key the key
   * @throws Exception the provider's failure
   */
  void delete(String key) throws Exception;

  /**
   * The most keys one {@link #deleteBatch} takes. The default, 1, means no batches.
   *
   * @return the batch size, at least 1
   */
  default int maxBatchSize() {
    return 1;
  }

  /**
   * Deletes up to {@link #maxBatchSize()} objects in one provider call; missing keys are not
   * failures. Only called with {@link StorageCapability#BATCH_DELETE}.
   *
   * @param keys the keys, non-empty, distinct
   * @return the keys that could not be deleted, each with a portable error saying why (the
   *     provider's per-key code classified by the driver, its exception as the cause when it has
   *     one); empty when all were deleted; never null
   * @throws Exception when the whole call failed
   */
  default Map<String, YshException> deleteBatch(List<String> keys) throws Exception {
    throw YshException.of(ErrorCode.UNSUPPORTED, provider() + " does not delete in batches");
  }

  /**
   * Copies an object within the bucket on the provider's side, with its content type, cache
   * control and metadata, replacing any object under {@code target}. Only called with
   * {@link StorageCapability#SERVER_SIDE_COPY}; without it the portable layer streams the copy.
   *
   * @param source the source key
   * @param target the target key
   * @return the target's new attributes, non-null (etag at least; size {@code -1} when unknown)
   * @throws Exception mapped to {@code NOT_FOUND} when the source does not exist
   */
  WriteResult copy(String source, String target) throws Exception;

  /**
   * One page of a listing. Entries come in ascending {@link StorageKeys#UTF8_ORDER}, objects and
   * common prefixes merged, at most {@link ListOptions#pageSize()} of them, across pages too; the
   * token is opaque and only meaningful to this driver with the same options.
   *
   * @param options prefix (validated), delimiter (or {@code null}) and page size
   * @param pageToken {@code null} for the first page, else the previous page's token
   * @return the page, non-null; its token is {@code null} on the last page
   * @throws Exception the provider's failure; a malformed token should map to {@code INVALID_ARGUMENT}
   */
  ListPage list(ListOptions options, String pageToken) throws Exception;

  /**
   * A URL that lets anyone holding it {@code GET} or {@code PUT} the object until it expires.
   * Only called with {@link StorageCapability#SIGNED_URL}.
   *
   * @param key the key
   * @param method the HTTP method
   * @param expiry how long it is valid: positive, at most 7 days
   * @param contentType for {@code PUT}: the content type the uploader must send, or {@code null}
   * @return the URL, non-null
   * @throws Exception the provider's failure
   */
  default URI signedUrl(String key, SignedUrlMethod method, Duration expiry, String contentType) throws Exception {
    throw YshException.of(ErrorCode.UNSUPPORTED, "the " + provider() + " storage driver cannot sign URLs");
  }

  /**
   * The headers, beyond {@code Content-Type} (which the portable layer adds when a content type
   * was signed), that a plain HTTP client must send with a URL from {@link #signedUrl} for the
   * provider to accept the request, such as Azure's {@code x-ms-blob-type: BlockBlob} on a
   * {@code PUT}. The default is none.
   *
   * @param method the HTTP method
   * @param contentType the content type passed to {@link #signedUrl}, or {@code null}
   * @return header names and values, non-null; empty when none are required
   */
  default Map<String, String> signedUrlHeaders(SignedUrlMethod method, String contentType) {
    return Map.of();
  }

  /**
   * A native object this driver holds (its client), for what the portable API does not cover.
   * The portable {@link io.ysh.storage.ObjectStorage#unwrap} answers for the driver itself
   * before asking.
   *
   * @param <T> the type
   * @param type the class asked for, non-null
   * @return the native object, or empty when the driver has none of that type (the default)
   */
  default <T> Optional<T> unwrap(Class<T> type) {
    return Optional.empty();
  }

  /** Releases the driver's resources (clients, thread pools). Idempotent; must not throw. */
  @Override
  void close();
}
