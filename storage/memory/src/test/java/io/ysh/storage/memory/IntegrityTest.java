package io.ysh.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ByteRange;
import io.ysh.storage.StorageCapability;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import io.ysh.storage.spi.ChecksumPlan;
import io.ysh.storage.spi.DriverReader;
import io.ysh.storage.spi.DriverUpload;
import io.ysh.storage.spi.MultipartLimits;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.UploadDigests;
import io.ysh.storage.spi.UploadedPart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The portable layer's integrity checks, with a driver that lies about what it stored (a faithful
 * stand-in for a provider that corrupts data in transit; no real server misbehaves on demand).
 */
class IntegrityTest {

  /** Delegates to the memory driver but reports a wrong MD5 for writes and parts. */
  static class LyingDriver implements StorageDriver {
    final MemoryStorageDriver delegate = MemoryStorageDriver.create();
    final MultipartLimits limits;

    LyingDriver(MultipartLimits limits) {
      this.limits = limits;
    }

    @Override public String provider() { return "lying"; }
    @Override public Set<StorageCapability> capabilities() { return delegate.capabilities(); }
    @Override public MultipartLimits multipartLimits() { return limits; }
    @Override public ChecksumPlan checksumPlan() { return delegate.checksumPlan(); }
    @Override public ErrorMapper errorMapper() { return delegate.errorMapper(); }
    @Override public ObjectInfo stat(String key) { return delegate.stat(key); }
    @Override public DriverReader read(String key, ByteRange range) { return delegate.read(key, range); }

    @Override
    public WriteResult write(String key, InputStream data, long length, WriteOptions options, UploadDigests digests)
        throws Exception {
      WriteResult r = delegate.write(key, data, length, options, digests);
      return new WriteResult(key, r.size(), r.etag(), "00000000000000000000000000000000", null);
    }

    @Override public DriverUpload startUpload(String key, WriteOptions options) { return delegate.startUpload(key, options); }

    @Override
    public UploadedPart uploadPart(DriverUpload upload, int partNumber, byte[] data, int length) {
      UploadedPart p = delegate.uploadPart(upload, partNumber, data, length);
      return new UploadedPart(p.number(), p.etag(), "11111111111111111111111111111111", p.size());
    }

    @Override public WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts, UploadDigests digests) { return delegate.completeUpload(upload, parts, digests); }
    @Override public void abortUpload(DriverUpload upload) { delegate.abortUpload(upload); }
    @Override public void delete(String key) { delegate.delete(key); }
    @Override public WriteResult copy(String source, String target) { return delegate.copy(source, target); }
    @Override public ListPage list(ListOptions options, String pageToken) { return delegate.list(options, pageToken); }
    @Override public void close() {}
  }

  private static ObjectStorage storage(LyingDriver driver) {
    return ObjectStorage.builder(driver).partSize(1024).telemetry(Telemetry.noop()).resilience(ResiliencePolicy.none()).build();
  }

  @Test
  void singleWriteWhoseStoredChecksumDiffersFailsAndLeavesNothing() {
    LyingDriver driver = new LyingDriver(MultipartLimits.LOCAL);
    Throwable t = catchThrowable(() -> storage(driver).put("k", new byte[] {1, 2, 3}));
    assertThat(t).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
      assertThat(e.getMessage()).contains("checksum mismatch");
    });
    assertThat(storage(driver).exists("k")).isFalse();
  }

  @Test
  void partWhoseStoredChecksumDiffersAbortsTheUpload() {
    LyingDriver driver = new LyingDriver(new MultipartLimits(1, 1 << 20, 10_000, 1 << 20, false, Long.MAX_VALUE));
    Throwable t = catchThrowable(() ->
        storage(driver).put("big", new ByteArrayInputStream(new byte[5000]), -1, WriteOptions.defaults()));
    assertThat(t).isInstanceOfSatisfying(YshException.class, e -> assertThat(e.getMessage()).contains("checksum mismatch on part 1"));
    assertThat(storage(driver).exists("big")).isFalse();
  }

  @Test
  void aDownloadShorterOrLongerThanAnnouncedFailsInsteadOfReturningIt() throws Exception {
    for (int delivered : new int[] {9, 11}) {
      LyingDriver driver = new LyingDriver(MultipartLimits.LOCAL) {
        @Override
        public DriverReader read(String key, ByteRange range) {
          DriverReader real = delegate.read(key, range);
          return new DriverReader(new ByteArrayInputStream(new byte[delivered]), real.info(), real.length());
        }
      };
      ObjectStorage.builder(driver.delegate).build().put("ten", new byte[10]);
      String expected = "download ended after " + delivered + " of 10 bytes";
      Throwable whole = catchThrowable(() -> storage(driver).getBytes("ten"));
      assertThat(whole).as("%d bytes delivered", delivered).isInstanceOfSatisfying(YshException.class,
          e -> assertThat(e.getMessage()).contains(expected));
      Throwable streamed = catchThrowable(() -> readAll(storage(driver).get("ten")));
      assertThat(streamed).as("%d bytes delivered", delivered).hasRootCauseInstanceOf(YshException.class)
          .hasStackTraceContaining(expected);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      byte[] buf = new byte[4];
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
