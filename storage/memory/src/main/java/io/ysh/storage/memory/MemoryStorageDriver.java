package io.ysh.storage.memory;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.storage.ByteRange;
import io.ysh.storage.StorageCapability;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import io.ysh.storage.spi.DriverReader;
import io.ysh.storage.spi.DriverUpload;
import io.ysh.storage.spi.ChecksumPlan;
import io.ysh.storage.spi.MultipartLimits;
import io.ysh.storage.spi.SortedListing;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageKeys;
import io.ysh.storage.spi.UploadDigests;
import io.ysh.storage.spi.UploadedPart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps objects in this JVM's heap. {@code mem://name} opens the bucket of that name, shared by
 * everything in the JVM that opens the same name; {@link #create()} makes a private one.
 *
 * <p>Writes, conditional writes and deletes are atomic. Every object is held in memory, so
 * "constant memory" does not apply to this driver. No signed URLs. Thread-safe.
 */
public final class MemoryStorageDriver implements StorageDriver {

  private static final ConcurrentMap<String, ConcurrentSkipListMap<String, Entry>> BUCKETS =
      new ConcurrentHashMap<>();

  private final ConcurrentSkipListMap<String, Entry> objects;

  private record Entry(
      byte[] data, String md5, String contentType, String cacheControl, Map<String, String> metadata,
      Instant lastModified) {}

  private record Upload(String key, WriteOptions options, ByteArrayOutputStream buffer) implements DriverUpload {}

  private MemoryStorageDriver(ConcurrentSkipListMap<String, Entry> objects) {
    this.objects = objects;
  }

  /**
   * A private, empty bucket.
   *
   * @return the driver
   */
  public static MemoryStorageDriver create() {
    return new MemoryStorageDriver(new ConcurrentSkipListMap<>(StorageKeys.UTF8_ORDER));
  }

  /**
   * The bucket of that name in this JVM, created empty on first use.
   *
   * @param name the bucket's name
   * @return the driver
   */
  public static MemoryStorageDriver named(String name) {
    return new MemoryStorageDriver(
        BUCKETS.computeIfAbsent(name, n -> new ConcurrentSkipListMap<>(StorageKeys.UTF8_ORDER)));
  }

  /**
   * Flips one bit of a stored object without updating its checksum, so tests can check that
   * corrupted downloads fail. Not for production use.
   *
   * @param key the key
   * @return false if there is no such (non-empty) object
   */
  public boolean corruptForTesting(String key) {
    Entry e = objects.get(key);
    if (e == null || e.data().length == 0) {
      return false;
    }
    byte[] copy = e.data().clone();
    copy[copy.length / 2] ^= 1;
    objects.put(key, new Entry(copy, e.md5(), e.contentType(), e.cacheControl(), e.metadata(), e.lastModified()));
    return true;
  }

  @Override
  public String provider() {
    return "memory";
  }

  @Override
  public Set<StorageCapability> capabilities() {
    return EnumSet.of(StorageCapability.SERVER_SIDE_COPY, StorageCapability.IF_NONE_MATCH, StorageCapability.IF_MATCH,
        StorageCapability.RANGE_READ, StorageCapability.BATCH_DELETE);
  }

  @Override
  public MultipartLimits multipartLimits() {
    return MultipartLimits.LOCAL;
  }

  /** MD5 and CRC32C, as a remote provider's: the MD5 this driver keeps is the portable layer's. */
  @Override
  public ChecksumPlan checksumPlan() {
    return ChecksumPlan.MD5_AND_CRC32C;
  }

  @Override
  public ErrorMapper errorMapper() {
    return ErrorMapper.defaults();
  }

  @Override
  public ObjectInfo stat(String key) {
    return info(key, get(key));
  }

  private Entry get(String key) {
    Entry e = objects.get(key);
    if (e == null) {
      throw YshException.of(ErrorCode.NOT_FOUND, "no object under this key");
    }
    return e;
  }

  private static ObjectInfo info(String key, Entry e) {
    return new ObjectInfo(key, e.data().length, e.md5(), e.contentType(), e.cacheControl(), e.lastModified(),
        e.metadata(), e.md5());
  }

  @Override
  public DriverReader read(String key, ByteRange range) {
    Entry e = get(key);
    long[] r = range == null ? new long[] {0, e.data().length} : range.resolve(e.data().length);
    int from = (int) r[0];
    int to = (int) r[1];
    return new DriverReader(new ByteArrayInputStream(e.data(), from, to - from), info(key, e), to - from);
  }

  @Override
  public WriteResult write(String key, InputStream data, long length, WriteOptions options, UploadDigests digests)
      throws Exception {
    byte[] bytes = data.readNBytes((int) length);
    return store(key, bytes, options, digests.md5Hex());
  }

  private WriteResult store(String key, byte[] bytes, WriteOptions options, String md5) {
    Entry entry = new Entry(bytes, md5, options.contentType(), options.cacheControl().orElse(null),
        options.metadata(), Instant.now());
    objects.compute(key, (k, existing) -> {
      if (options.ifNoneMatchAny() && existing != null) {
        throw YshException.of(ErrorCode.PRECONDITION_FAILED, "the key exists (if-none-match: *)");
      }
      if (options.ifMatch().isPresent()
          && (existing == null || !existing.md5().equals(unquote(options.ifMatch().get())))) {
        throw YshException.of(ErrorCode.PRECONDITION_FAILED, "the object's ETag does not match (if-match)");
      }
      return entry;
    });
    return new WriteResult(key, bytes.length, md5, md5, null);
  }

  private static String unquote(String etag) {
    return etag.startsWith("\"") && etag.endsWith("\"") && etag.length() > 1 ? etag.substring(1, etag.length() - 1) : etag;
  }

  @Override
  public DriverUpload startUpload(String key, WriteOptions options) {
    return new Upload(key, options, new ByteArrayOutputStream());
  }

  @Override
  public UploadedPart uploadPart(DriverUpload upload, int partNumber, byte[] data, int length) {
    ((Upload) upload).buffer().write(data, 0, length);
    return new UploadedPart(partNumber, null, md5(java.util.Arrays.copyOf(data, length)), length);
  }

  @Override
  public WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts, UploadDigests digests) {
    Upload u = (Upload) upload;
    return store(u.key(), u.buffer().toByteArray(), u.options(), digests.md5Hex());
  }

  @Override
  public void abortUpload(DriverUpload upload) {
    ((Upload) upload).buffer().reset();
  }

  @Override
  public void delete(String key) {
    objects.remove(key);
  }

  @Override
  public int maxBatchSize() {
    return 1000;
  }

  @Override
  public Map<String, YshException> deleteBatch(List<String> keys) {
    keys.forEach(objects::remove);
    return Map.of();
  }

  @Override
  public WriteResult copy(String source, String target) {
    Entry e = get(source);
    objects.put(target, new Entry(e.data(), e.md5(), e.contentType(), e.cacheControl(), e.metadata(), Instant.now()));
    return new WriteResult(target, e.data().length, e.md5(), e.md5(), null);
  }

  @Override
  public ListPage list(ListOptions options, String pageToken) {
    return SortedListing.page(objects, options, pageToken,
        (k, e) -> ListEntry.object(k, e.data().length, e.md5(), e.lastModified()));
  }

  @Override
  public void close() {
    // nothing to release: the bucket lives as long as the JVM
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
