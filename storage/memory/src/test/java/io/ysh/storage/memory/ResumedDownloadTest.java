package io.ysh.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ByteRange;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.ObjectStorage;
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
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the portable layer picks a download up again when the provider's stream breaks in the
 * middle, with a driver whose streams fail on cue (the network version of these cases runs on real
 * servers in each remote driver's {@code <Driver>NetworkFaultTest}).
 */
class ResumedDownloadTest {

  private static final byte[] DATA = new byte[300_000];

  static {
    new Random(7).nextBytes(DATA);
  }

  /** The memory driver, whose read streams fail after the next {@code cuts} byte counts. */
  private static final class Flaky implements StorageDriver {
    final MemoryStorageDriver inner = MemoryStorageDriver.create();
    final List<Long> cuts = new ArrayList<>();
    final List<ByteRange> reads = new ArrayList<>();
    boolean truncate;
    boolean ranges = true;
    Consumer<String> beforeRead = k -> { };

    @Override
    public DriverReader read(String key, ByteRange range) throws Exception {
      beforeRead.accept(key);
      reads.add(range);
      DriverReader r = inner.read(key, range);
      if (cuts.isEmpty()) {
        return r;
      }
      long cut = cuts.remove(0);
      InputStream failing = new FilterInputStream(r.stream()) {
        long passed;

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (passed >= cut) {
            if (truncate) {
              return -1;
            }
            throw new SocketException("Connection reset");
          }
          int n = super.read(b, off, (int) Math.min(len, cut - passed));
          if (n > 0) {
            passed += n;
          }
          return n;
        }
      };
      return new DriverReader(failing, r.info(), r.length());
    }

    @Override
    public String provider() {
      return "flaky";
    }

    @Override
    public Set<StorageCapability> capabilities() {
      Set<StorageCapability> caps = EnumSet.copyOf(inner.capabilities());
      if (!ranges) {
        caps.remove(StorageCapability.RANGE_READ);
      }
      return caps;
    }

    @Override
    public MultipartLimits multipartLimits() {
      return inner.multipartLimits();
    }

    @Override
    public ChecksumPlan checksumPlan() {
      return inner.checksumPlan();
    }

    @Override
    public ErrorMapper errorMapper() {
      return inner.errorMapper();
    }

    @Override
    public ObjectInfo stat(String key) throws Exception {
      return inner.stat(key);
    }

    @Override
    public WriteResult write(String key, InputStream data, long length, WriteOptions options, UploadDigests digests)
        throws Exception {
      return inner.write(key, data, length, options, digests);
    }

    @Override
    public DriverUpload startUpload(String key, WriteOptions options) throws Exception {
      return inner.startUpload(key, options);
    }

    @Override
    public UploadedPart uploadPart(DriverUpload upload, int partNumber, byte[] data, int length) throws Exception {
      return inner.uploadPart(upload, partNumber, data, length);
    }

    @Override
    public WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts, UploadDigests digests)
        throws Exception {
      return inner.completeUpload(upload, parts, digests);
    }

    @Override
    public void abortUpload(DriverUpload upload) throws Exception {
      inner.abortUpload(upload);
    }

    @Override
    public void delete(String key) throws Exception {
      inner.delete(key);
    }

    @Override
    public WriteResult copy(String source, String target) throws Exception {
      return inner.copy(source, target);
    }

    @Override
    public ListPage list(ListOptions options, String pageToken) throws Exception {
      return inner.list(options, pageToken);
    }

    @Override
    public URI signedUrl(String key, SignedUrlMethod method, Duration expiry, String contentType) throws Exception {
      return inner.signedUrl(key, method, expiry, contentType);
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
      return inner.unwrap(type);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  private static ObjectStorage storage(Flaky driver, int attempts) {
    ObjectStorage s = ObjectStorage.builder(driver).telemetry(Telemetry.noop())
        .resilience(ResiliencePolicy.builder().retry(RetryPolicy.exponential(attempts, Duration.ofMillis(1),
            Duration.ofMillis(5))).build()).build();
    s.put("k", DATA);
    return s;
  }

  @Test
  void aStreamResetInTheMiddleIsResumedAtTheByteItStopped(@TempDir Path dir) throws IOException {
    Flaky driver = new Flaky();
    try (ObjectStorage s = storage(driver, 3)) {
      driver.cuts.addAll(List.of(100_000L, 50_000L));
      assertThat(s.getBytes("k")).isEqualTo(DATA);
      assertThat(driver.reads).containsExactly(null, ByteRange.of(100_000, 200_000), ByteRange.of(150_000, 150_000));

      driver.reads.clear();
      driver.cuts.add(1L);
      try (InputStream in = s.get("k")) {
        assertThat(in.readAllBytes()).isEqualTo(DATA);
      }
      driver.cuts.add(123_456L);
      s.download("k", dir.resolve("file"));
      assertThat(Files.readAllBytes(dir.resolve("file"))).isEqualTo(DATA);
    }
  }

  @Test
  void aRangeIsResumedWithinTheRange() {
    Flaky driver = new Flaky();
    try (ObjectStorage s = storage(driver, 3)) {
      driver.cuts.add(10_000L);
      assertThat(s.getBytes("k", ByteRange.of(1_000, 50_000))).isEqualTo(Arrays.copyOfRange(DATA, 1_000, 51_000));
      assertThat(driver.reads).containsExactly(ByteRange.of(1_000, 50_000), ByteRange.of(11_000, 40_000));
      driver.reads.clear();
      driver.cuts.add(100L);
      assertThat(s.getBytes("k", ByteRange.suffix(1_000))).isEqualTo(Arrays.copyOfRange(DATA, 299_000, 300_000));
      assertThat(driver.reads).containsExactly(ByteRange.suffix(1_000), ByteRange.of(299_100, 900));
    }
  }

  @Test
  void aStreamThatEndsEarlyIsResumedNotReturnedShort() {
    Flaky driver = new Flaky();
    driver.truncate = true;
    try (ObjectStorage s = storage(driver, 3)) {
      driver.cuts.add(200_000L);
      assertThat(s.getBytes("k")).isEqualTo(DATA);
    }
  }

  @Test
  void failuresWithoutProgressStopAfterThePolicysAttempts() {
    Flaky driver = new Flaky();
    try (ObjectStorage s = storage(driver, 3)) {
      driver.cuts.addAll(List.of(1_000L, 0L, 0L, 0L));
      Throwable t = catchThrowable(() -> s.getBytes("k"));
      assertThat(t).isInstanceOfSatisfying(YshException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(e.isRetryable()).isTrue();
      });
      assertThat(driver.reads).as("the first read and two reopenings").hasSize(3);
    }
  }

  @Test
  void anObjectReplacedMeanwhileFailsInsteadOfMixingVersions() {
    Flaky driver = new Flaky();
    try (ObjectStorage s = storage(driver, 3)) {
      driver.cuts.add(100_000L);
      driver.beforeRead = key -> {
        if (driver.reads.size() == 1) {
          byte[] other = DATA.clone();
          other[200_000] ^= 1;
          s.put("k", other);
        }
      };
      Throwable t = catchThrowable(() -> s.getBytes("k"));
      assertThat(t).isInstanceOfSatisfying(YshException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(e.getMessage()).contains("changed");
      });
    }
  }

  @Test
  void withoutRangeReadsTheFailureSurfaces() {
    Flaky driver = new Flaky();
    driver.ranges = false;
    try (ObjectStorage s = storage(driver, 3)) {
      driver.cuts.add(100_000L);
      Throwable t = catchThrowable(() -> s.getBytes("k"));
      assertThat(t).isInstanceOfSatisfying(YshException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
      assertThat(driver.reads).hasSize(1);
    }
  }
}
