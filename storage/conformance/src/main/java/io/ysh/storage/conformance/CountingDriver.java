package io.ysh.storage.conformance;

import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.storage.ByteRange;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.SignedUrlMethod;
import io.ysh.storage.StorageCapability;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import io.ysh.storage.spi.ChecksumPlan;
import io.ysh.storage.spi.DriverReader;
import io.ysh.storage.spi.DriverUpload;
import io.ysh.storage.spi.MultipartLimits;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.UploadDigests;
import io.ysh.storage.spi.UploadedPart;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The driver under test, seen through a counter: how many part uploads and ranged reads run at
 * the same time (at most, since {@link #reset()}), and which distinct part buffers the portable
 * layer handed over (its memory). Each part upload and ranged read is held for a few
 * milliseconds first, so that transfers which may overlap do overlap even against a local server.
 * {@link #close()} leaves the real driver open (the suite closes it).
 */
final class CountingDriver implements StorageDriver {

  private final StorageDriver driver;
  private final long holdMillis;
  private final AtomicInteger parts = new AtomicInteger();
  private final AtomicInteger maxParts = new AtomicInteger();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger maxReads = new AtomicInteger();
  private final AtomicInteger rangedReads = new AtomicInteger();
  private final Set<byte[]> buffers = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
  private volatile Consumer<ByteRange> beforeRangedRead = r -> { };

  CountingDriver(StorageDriver driver, long holdMillis) {
    this.driver = driver;
    this.holdMillis = holdMillis;
  }

  void reset() {
    maxParts.set(0);
    maxReads.set(0);
    rangedReads.set(0);
    buffers.clear();
  }

  int maxConcurrentParts() {
    return maxParts.get();
  }

  int maxConcurrentReads() {
    return maxReads.get();
  }

  int rangedReads() {
    return rangedReads.get();
  }

  int distinctPartBuffers() {
    return buffers.size();
  }

  /** Runs before every ranged read (on the reading thread), such as to replace the object meanwhile. */
  void beforeRangedRead(Consumer<ByteRange> hook) {
    this.beforeRangedRead = hook;
  }

  private static void enter(AtomicInteger now, AtomicInteger max) {
    int n = now.incrementAndGet();
    max.accumulateAndGet(n, Math::max);
  }

  private void hold() throws InterruptedException {
    Thread.sleep(holdMillis);
  }

  @Override
  public UploadedPart uploadPart(DriverUpload upload, int partNumber, byte[] data, int length) throws Exception {
    buffers.add(data);
    enter(parts, maxParts);
    try {
      hold();
      return driver.uploadPart(upload, partNumber, data, length);
    } finally {
      parts.decrementAndGet();
    }
  }

  @Override
  public DriverReader read(String key, ByteRange range) throws Exception {
    if (range != null) {
      rangedReads.incrementAndGet();
      beforeRangedRead.accept(range);
    }
    enter(reads, maxReads);
    try {
      hold();
      return driver.read(key, range);
    } finally {
      reads.decrementAndGet();
    }
  }

  @Override
  public String provider() {
    return driver.provider();
  }

  @Override
  public Set<StorageCapability> capabilities() {
    return driver.capabilities();
  }

  @Override
  public MultipartLimits multipartLimits() {
    return driver.multipartLimits();
  }

  @Override
  public ChecksumPlan checksumPlan() {
    return driver.checksumPlan();
  }

  @Override
  public ErrorMapper errorMapper() {
    return driver.errorMapper();
  }

  @Override
  public boolean concurrentParts() {
    return driver.concurrentParts();
  }

  @Override
  public ObjectInfo stat(String key) throws Exception {
    return driver.stat(key);
  }

  @Override
  public WriteResult write(String key, InputStream data, long length, WriteOptions options, UploadDigests digests)
      throws Exception {
    return driver.write(key, data, length, options, digests);
  }

  @Override
  public DriverUpload startUpload(String key, WriteOptions options) throws Exception {
    return driver.startUpload(key, options);
  }

  @Override
  public WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts, UploadDigests digests)
      throws Exception {
    return driver.completeUpload(upload, parts, digests);
  }

  @Override
  public void abortUpload(DriverUpload upload) throws Exception {
    driver.abortUpload(upload);
  }

  @Override
  public void delete(String key) throws Exception {
    driver.delete(key);
  }

  @Override
  public int maxBatchSize() {
    return driver.maxBatchSize();
  }

  @Override
  public Map<String, YshException> deleteBatch(List<String> keys) throws Exception {
    return driver.deleteBatch(keys);
  }

  @Override
  public WriteResult copy(String source, String target) throws Exception {
    return driver.copy(source, target);
  }

  @Override
  public ListPage list(ListOptions options, String pageToken) throws Exception {
    return driver.list(options, pageToken);
  }

  @Override
  public URI signedUrl(String key, SignedUrlMethod method, Duration expiry, String contentType) throws Exception {
    return driver.signedUrl(key, method, expiry, contentType);
  }

  @Override
  public Map<String, String> signedUrlHeaders(SignedUrlMethod method, String contentType) {
    return driver.signedUrlHeaders(method, contentType);
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return driver.unwrap(type);
  }

  @Override
  public void close() {
    // the suite closes the real driver
  }
}
