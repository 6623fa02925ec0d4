package io.ysh.storage.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ByteRange;
import io.ysh.storage.StorageCapability;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.testkit.server.fault.FaultProxy;
import io.ysh.testkit.server.fault.Toxic;
import io.ysh.testkit.server.fault.Toxic.Direction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network faults under a storage driver, on its real server: every byte between the driver's
 * client and the server passes through a {@link FaultProxy}, which resets, truncates, blackholes
 * or answers {@code 503} in the middle of single PUTs, multipart parts and GET bodies. Each
 * driver's {@code <Driver>NetworkFaultTest} extends this class with a small {@link Harness}.
 *
 * <p>What it holds every driver to (the portable layer retries idempotent calls; these tests run
 * it with 4 attempts and a 2-second attempt timeout):
 *
 * <ul>
 *   <li>reads and part uploads hit by a fault are retried and succeed, and the bytes read back
 *       verify (a GET body cut in the middle is resumed where it stopped, never returned short);
 *   <li>a write either completes, verified, or leaves no object and no pending multipart upload
 *       (counted with {@link Harness#pendingUploads});
 *   <li>a failure that does surface carries a retryable portable code ({@code UNAVAILABLE},
 *       {@code TIMEOUT} or {@code RATE_LIMITED});
 *   <li>a provider's {@code Retry-After} on a 503 is waited for before the retry.
 * </ul>
 *
 * <p>Each test prints one line for the CI summary:
 * {@code RELIABILITY <driver> <test> attempted=N committed=N partial=N faults=N}, where
 * attempted counts the writes (or reads) tried, committed those that completed and verified,
 * partial the objects that are wrong or incomplete plus the multipart uploads left pending, and
 * faults the connections or requests the proxy struck.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StorageNetworkFaults {

  /** The attempt timeout the driver is built with: a blackhole costs one of these. */
  protected static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

  private static final int ATTEMPTS = 4;

  /** A driver's server and how to aim faults at its requests. */
  public interface Harness extends AutoCloseable {

    /**
     * The driver's name in the {@code RELIABILITY} lines, such as {@code s3}.
     *
     * @return the name
     */
    String name();

    /**
     * Where the real server listens; the proxy forwards there.
     *
     * @return the server's address
     * @throws Exception when the server cannot be had (a {@code TestAbortedException} skips)
     */
    InetSocketAddress server() throws Exception;

    /**
     * A driver over an existing, empty bucket, talking to {@code endpoint} (the proxy) instead of
     * the server, whose own retries are off and whose attempts time out after
     * {@code attemptTimeout}. Called once.
     *
     * @param endpoint the proxy's base URI, {@code http://127.0.0.1:<port>}
     * @param attemptTimeout the bound on one attempt
     * @return the driver
     * @throws Exception on failure
     */
    StorageDriver driver(URI endpoint, Duration attemptTimeout) throws Exception;

    /**
     * The part size the suite uses (objects of more than one part go up in parts).
     *
     * @return bytes
     */
    long partSize();

    /**
     * A regular expression found in the request line of a single PUT of {@code key} (and of no
     * other request of that write).
     *
     * @param key the object key
     * @return the pattern
     */
    String singlePut(String key);

    /**
     * A regular expression found in the request line of the upload of part {@code number} of a
     * multipart upload of {@code key}.
     *
     * @param key the object key
     * @param number the part number, from 1
     * @return the pattern
     */
    String partUpload(String key, int number);

    /**
     * A regular expression found in the request line of the request that carries the bytes of
     * {@code key} in a download.
     *
     * @param key the object key
     * @return the pattern
     */
    String dataGet(String key);

    /**
     * The provider's answer when it throttles ({@code 503 SlowDown} for S3, {@code 503
     * ServerBusy} for Azure), with a {@code Retry-After} of {@code seconds}.
     *
     * @param seconds the Retry-After value
     * @return the respond toxic, without a request restriction
     */
    Toxic throttled(int seconds);

    /**
     * How many multipart uploads in progress (on Azure: blobs with uncommitted blocks; on GCS:
     * unfinished resumable sessions) exist under a prefix, asked of the server directly.
     *
     * @param prefix the key prefix
     * @return the count
     * @throws Exception on failure
     */
    int pendingUploads(String prefix) throws Exception;

    /**
     * Whether the driver can cancel an upload it gives up on. When it cannot (GCS: the client
     * library has no call to cancel a resumable session; an unfinalized session is never visible
     * and GCS drops it after a week), the suite still requires that nothing becomes visible, and
     * that each failed attempt leaves at most one pending upload, which it reports as partial.
     *
     * @return true when a failed write must leave no pending upload
     */
    default boolean cancelsFailedUploads() {
      return true;
    }

    /**
     * Whether a part whose upload failed can be sent again within the same multipart upload.
     * When it cannot (GCS: a part is appended to one resumable session, which the client library
     * does not resume), the suite requires instead that the write fail with a retryable error,
     * leave nothing visible, and succeed when the caller writes again.
     *
     * @return true when part uploads are retried
     */
    default boolean retriesParts() {
      return true;
    }

    @Override
    default void close() throws IOException {}
  }

  private Harness harness;
  private FaultProxy proxy;
  /** The storage under test, through the proxy. */
  protected ObjectStorage storage;
  private String prefix;
  private String test;
  private final AtomicInteger counter = new AtomicInteger();

  /** For subclasses. */
  protected StorageNetworkFaults() {}

  /**
   * Creates the harness; called once per test class.
   *
   * @return the harness
   * @throws Exception when it cannot be made (a {@code TestAbortedException} skips the class)
   */
  protected abstract Harness createHarness() throws Exception;

  @BeforeAll
  final void start() throws Exception {
    harness = createHarness();
    InetSocketAddress server = harness.server();
    proxy = FaultProxy.http(harness.name(), server.getHostString(), server.getPort());
    StorageDriver driver = harness.driver(proxy.uri(), ATTEMPT_TIMEOUT);
    storage = ObjectStorage.builder(driver).partSize(harness.partSize()).telemetry(Telemetry.noop())
        .resilience(ResiliencePolicy.builder().attemptTimeout(ATTEMPT_TIMEOUT).totalTimeout(Duration.ofSeconds(60))
            .retry(RetryPolicy.exponential(ATTEMPTS, Duration.ofMillis(100), Duration.ofSeconds(1))).build())
        .build();
  }

  @AfterAll
  final void stop() throws Exception {
    try {
      if (storage != null) {
        storage.close();
      }
      if (proxy != null) {
        proxy.close();
      }
    } finally {
      if (harness != null) {
        harness.close();
      }
    }
  }

  @BeforeEach
  final void before(TestInfo info) {
    prefix = "f" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "/";
    test = info.getTestMethod().map(m -> m.getName()).orElse("?");
  }

  @AfterEach
  final void after() {
    proxy.clear();
    proxy.clearRequests();
  }

  // ------------------------------------------------------------------ single PUT

  @Test
  void resetInTheMiddleOfASinglePutIsRetried() throws Exception {
    String key = prefix + "single";
    byte[] data = random(singleSize(), 1);
    var reset = proxy.add(Toxic.resetAfter(Direction.UPSTREAM, data.length / 3)
        .onRequests(harness.singlePut(key)).times(1));
    storage.put(key, data);
    assertThat(reset.struck()).isEqualTo(1);
    assertThat(proxy.requests(harness.singlePut(key))).as("the PUT was sent again").isGreaterThanOrEqualTo(2);
    report(1, verified(key, data) ? 1 : 0, partial(key, data), reset.struck());
    assertThat(storage.getBytes(key)).isEqualTo(data);
  }

  @Test
  void resetOfACreateOnlyPutSurfacesRetryablyAndLeavesNoObject() throws Exception {
    if (!storage.supports(StorageCapability.IF_NONE_MATCH)) {
      report(0, 0, 0, 0);
      assertThat(catchThrowable(() -> storage.put(prefix + "x", new byte[1], WriteOptions.builder().ifNoneMatchAny()
          .build()))).isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(
              ErrorCode.UNSUPPORTED));
      return;
    }
    String key = prefix + "create-only";
    byte[] data = random(singleSize(), 2);
    WriteOptions createOnly = WriteOptions.builder().ifNoneMatchAny().build();
    var reset = proxy.add(Toxic.resetAfter(Direction.UPSTREAM, data.length / 3)
        .onRequests(harness.singlePut(key)).times(1));
    // a conditional write is not idempotent, so it is not retried: the fault must surface
    Throwable t = catchThrowable(() -> storage.put(key, data, createOnly));
    assertRetryable(t);
    assertThat(storage.exists(key)).as("a reset PUT leaves no object").isFalse();
    int partial = pendingUploads();
    storage.put(key, data, createOnly); // the caller's retry
    report(2, verified(key, data) ? 1 : 0, partial + partial(key, data), reset.struck());
    assertNoPendingUploadsBeyond(partial, 1);
    assertThat(storage.getBytes(key)).isEqualTo(data);
  }

  // ------------------------------------------------------------------ multipart

  @Test
  void resetInTheMiddleOfAPartIsRetried() throws Exception {
    String key = prefix + "parts";
    byte[] data = random((int) (2 * harness.partSize() + harness.partSize() / 2), 3);
    var reset = proxy.add(Toxic.resetAfter(Direction.UPSTREAM, harness.partSize() / 2)
        .onRequests(harness.partUpload(key, 2)).times(1));
    if (!harness.retriesParts()) {
      Throwable t = catchThrowable(() -> storage.put(key, new ByteArrayInputStream(data), data.length,
          WriteOptions.defaults()));
      boolean exists = storage.exists(key);
      int pending = pendingUploads();
      storage.put(key, new ByteArrayInputStream(data), data.length, WriteOptions.defaults()); // the caller's retry
      report(2, verified(key, data) ? 1 : 0, (exists ? 1 : 0) + pending, reset.struck());
      assertRetryable(t);
      assertThat(exists).as("nothing visible after the failed write").isFalse();
      assertNoPendingUploadsBeyond(pending, 1);
      assertThat(storage.getBytes(key)).isEqualTo(data);
      return;
    }
    storage.put(key, new ByteArrayInputStream(data), data.length, WriteOptions.defaults());
    assertThat(reset.struck()).isEqualTo(1);
    assertThat(proxy.requests(harness.partUpload(key, 2))).as("part 2 was sent again").isGreaterThanOrEqualTo(2);
    report(1, verified(key, data) ? 1 : 0, partial(key, data) + pendingUploads(), reset.struck());
    assertThat(storage.getBytes(key)).isEqualTo(data);
    assertThat(pendingUploads()).isZero();
  }

  @Test
  void aPartThatKeepsFailingAbortsTheUploadAndLeavesNothing() throws Exception {
    String key = prefix + "doomed";
    byte[] data = random((int) (2 * harness.partSize() + 1000), 4);
    var reset = proxy.add(Toxic.resetAfter(Direction.UPSTREAM, harness.partSize() / 2)
        .onRequests(harness.partUpload(key, 2)));
    Throwable t = catchThrowable(() -> storage.put(key, new ByteArrayInputStream(data), data.length,
        WriteOptions.defaults()));
    reset.remove();
    int pending = pendingUploads();
    boolean exists = storage.exists(key);
    report(1, 0, pending + (exists ? 1 : 0), reset.struck());
    assertRetryable(t);
    // part 2 was sent again at least once (by the policy, or by a client that resumes itself:
    // OkHttp resends after some connection failures, GCS's client resumes its session once)
    if (harness.retriesParts()) {
      assertThat(reset.struck()).as("part 2 was retried and reset again").isBetween(2, 2 * ATTEMPTS);
    } else {
      assertThat(reset.struck()).as("a broken session is not sent to again").isEqualTo(1);
    }
    assertThat(exists).as("no object").isFalse();
    assertNoPendingUploadsBeyond(pending, 1);
  }

  /**
   * With parts in flight at once (three here), a part that keeps failing fails the write: the
   * other parts stop, and the upload is aborted after they have, so nothing is visible and no
   * multipart upload (no uncommitted block) is left behind. The number of parts in flight never
   * exceeds the configured concurrency.
   */
  @Test
  void aFailingPartAmongConcurrentPartsAbortsTheRestAndLeavesNothing() throws Exception {
    String key = prefix + "concurrent-doomed";
    byte[] data = random((int) (5 * harness.partSize() + 1000), 5);
    CountingDriver counting = new CountingDriver(storage.unwrap(StorageDriver.class), 20);
    ObjectStorage parallel = ObjectStorage.builder(counting).partSize(harness.partSize()).transferConcurrency(3)
        .telemetry(Telemetry.noop()).resilience(ResiliencePolicy.builder().attemptTimeout(ATTEMPT_TIMEOUT)
            .totalTimeout(Duration.ofSeconds(60))
            .retry(RetryPolicy.exponential(ATTEMPTS, Duration.ofMillis(100), Duration.ofSeconds(1))).build())
        .build(); // not closed: that would close the suite's driver; its idle transfer threads end by themselves
    var reset = proxy.add(Toxic.resetAfter(Direction.UPSTREAM, harness.partSize() / 2)
        .onRequests(harness.partUpload(key, 2)));
    Throwable t = catchThrowable(() -> parallel.put(key, data, WriteOptions.defaults()));
    reset.remove();
    int pending = pendingUploads();
    boolean exists = storage.exists(key);
    report(1, 0, pending + (exists ? 1 : 0), reset.struck());
    assertRetryable(t);
    assertThat(exists).as("no object").isFalse();
    assertNoPendingUploadsBeyond(pending, 1);
    assertThat(counting.maxConcurrentParts()).as("parts in flight at once")
        .isBetween(1, counting.concurrentParts() ? 3 : 1);
    assertThat(counting.distinctPartBuffers()).as("part buffers").isLessThanOrEqualTo(3);
  }

  // ------------------------------------------------------------------ GET bodies

  @Test
  void resetInTheMiddleOfAGetBodyIsResumedAndVerified(@TempDir Path dir) throws Exception {
    String key = prefix + "read";
    byte[] data = random(singleSize(), 5);
    storage.put(key, data);
    int attempted = 0;
    int committed = 0;
    int faults = 0;
    for (String way : List.of("getBytes", "stream", "download", "range")) {
      var reset = proxy.add(Toxic.resetAfter(Direction.DOWNSTREAM, data.length / 2)
          .onRequests(harness.dataGet(key)).times(1));
      byte[] read = read(way, key, dir);
      byte[] expected = way.equals("range") ? Arrays.copyOfRange(data, 1000, data.length - 1000) : data;
      attempted++;
      committed += Arrays.equals(read, expected) ? 1 : 0;
      faults += reset.struck();
      assertThat(read).as(way).isEqualTo(expected);
      assertThat(reset.struck()).as(way + ": the body was cut").isEqualTo(1);
      reset.remove();
    }
    report(attempted, committed, attempted - committed, faults);
  }

  @Test
  void aGetBodyEndingEarlyIsResumedNeverReturnedShort(@TempDir Path dir) throws Exception {
    String key = prefix + "short";
    byte[] data = random(singleSize(), 6);
    storage.put(key, data);
    int committed = 0;
    int faults = 0;
    for (String way : List.of("getBytes", "stream", "download")) {
      var cut = proxy.add(Toxic.closeAfter(Direction.DOWNSTREAM, data.length / 2)
          .onRequests(harness.dataGet(key)).times(1));
      byte[] read = read(way, key, dir);
      committed += Arrays.equals(read, data) ? 1 : 0;
      faults += cut.struck();
      assertThat(read).as(way).isEqualTo(data);
      assertThat(cut.struck()).as(way + ": the body was cut").isEqualTo(1);
      cut.remove();
    }
    report(3, committed, 3 - committed, faults);
  }

  private byte[] read(String way, String key, Path dir) throws IOException {
    switch (way) {
      case "getBytes":
        return storage.getBytes(key);
      case "stream":
        try (InputStream in = storage.get(key)) {
          return in.readAllBytes();
        }
      case "download":
        Path file = dir.resolve(UUID.randomUUID() + ".bin");
        storage.download(key, file);
        return Files.readAllBytes(file);
      case "range":
        long size = storage.stat(key).size();
        return storage.getBytes(key, ByteRange.of(1000, size - 2000));
      default:
        throw new IllegalArgumentException(way);
    }
  }

  // ------------------------------------------------------------------ blackholes

  @Test
  void aBlackholedPutIsRetriedAfterTheAttemptTimeout() throws Exception {
    String key = prefix + "dark-put";
    byte[] data = random(singleSize(), 7);
    var hole = proxy.add(Toxic.blackhole(Direction.UPSTREAM).onRequests(harness.singlePut(key)).times(1));
    long start = System.nanoTime();
    storage.put(key, data);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    report(1, verified(key, data) ? 1 : 0, partial(key, data), hole.struck());
    assertThat(hole.struck()).isEqualTo(1);
    assertThat(took).as("the first attempt waited for its timeout").isGreaterThanOrEqualTo(ATTEMPT_TIMEOUT);
    assertThat(storage.getBytes(key)).isEqualTo(data);
  }

  @Test
  void aBlackholedGetIsRetriedAfterTheAttemptTimeout() throws Exception {
    String key = prefix + "dark-get";
    byte[] data = random(singleSize(), 8);
    storage.put(key, data);
    var hole = proxy.add(Toxic.blackhole(Direction.DOWNSTREAM).onRequests(harness.dataGet(key)).times(1));
    long start = System.nanoTime();
    byte[] read = storage.getBytes(key);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    report(1, Arrays.equals(read, data) ? 1 : 0, Arrays.equals(read, data) ? 0 : 1, hole.struck());
    assertThat(read).isEqualTo(data);
    assertThat(hole.struck()).isEqualTo(1);
    assertThat(took).as("the first attempt waited for its timeout").isGreaterThanOrEqualTo(ATTEMPT_TIMEOUT);
  }

  @Test
  void aBlackholeThatNeverLiftsFailsWithARetryableTimeoutAndLeavesNothing() throws Exception {
    String key = prefix + "dark-forever";
    byte[] data = random(singleSize(), 9);
    var hole = proxy.add(Toxic.blackhole(Direction.UPSTREAM).onRequests(harness.singlePut(key)));
    long start = System.nanoTime();
    Throwable t = catchThrowable(() -> storage.put(key, data));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    hole.remove();
    boolean exists = storage.exists(key);
    report(1, 0, (exists ? 1 : 0) + pendingUploads(), hole.struck());
    assertRetryable(t);
    assertThat(((YshException) t).code()).as(t.getMessage()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(hole.struck()).as("every attempt went dark").isBetween(ATTEMPTS, 2 * ATTEMPTS);
    assertThat(took).isLessThan(ATTEMPT_TIMEOUT.multipliedBy(ATTEMPTS).plusSeconds(15));
    assertThat(exists).isFalse();
  }

  // ------------------------------------------------------------------ throttling

  @Test
  void throttlingWithRetryAfterIsWaitedForThenRetried() throws Exception {
    String key = prefix + "throttled";
    byte[] data = random(singleSize(), 10);
    var put = proxy.add(harness.throttled(1).onRequests(harness.singlePut(key)).times(1));
    storage.put(key, data);
    List<FaultProxy.Request> puts = matching(harness.singlePut(key));
    var get = proxy.add(harness.throttled(1).onRequests(harness.dataGet(key)).times(1));
    byte[] read = storage.getBytes(key);
    List<FaultProxy.Request> gets = matching(harness.dataGet(key));
    report(2, (verified(key, data) ? 1 : 0) + (Arrays.equals(read, data) ? 1 : 0), partial(key, data),
        put.struck() + get.struck());
    assertThat(put.struck()).isEqualTo(1);
    assertThat(get.struck()).isEqualTo(1);
    assertThat(read).isEqualTo(data);
    assertThat(puts).hasSize(2);
    assertThat(gets).hasSizeGreaterThanOrEqualTo(2);
    assertThat(Duration.ofNanos(puts.get(1).nanoTime() - puts.get(0).nanoTime()))
        .as("the PUT was retried after Retry-After").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(Duration.ofNanos(gets.get(1).nanoTime() - gets.get(0).nanoTime()))
        .as("the GET was retried after Retry-After").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void throttlingThatPersistsSurfacesAsRateLimited() throws Exception {
    String key = prefix + "throttled-forever";
    byte[] data = random(singleSize(), 11);
    var put = proxy.add(harness.throttled(0).onRequests(harness.singlePut(key)));
    Throwable t = catchThrowable(() -> storage.put(key, data));
    put.remove();
    boolean exists = storage.exists(key);
    report(1, 0, (exists ? 1 : 0) + pendingUploads(), put.struck());
    assertRetryable(t);
    assertThat(((YshException) t).code()).as(t.getMessage()).isEqualTo(ErrorCode.RATE_LIMITED);
    // OkHttp (MinIO) repeats a 503 with Retry-After: 0 once by itself
    assertThat(put.struck()).isBetween(ATTEMPTS, 2 * ATTEMPTS);
    assertThat(exists).isFalse();
  }

  // ------------------------------------------------------------------ helpers

  /** Objects below one part, but large enough that a cut lands well inside the body. */
  private int singleSize() {
    return (int) Math.min(harness.partSize() / 2, 768 * 1024);
  }

  private List<FaultProxy.Request> matching(String regex) {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
    return proxy.requests().stream().filter(r -> p.matcher(r.head()).find()).toList();
  }

  private boolean verified(String key, byte[] data) {
    try {
      return Arrays.equals(storage.getBytes(key), data);
    } catch (YshException e) {
      return false;
    }
  }

  /** 1 when an object exists under the key with other bytes than {@code data}, else 0. */
  private int partial(String key, byte[] data) {
    try {
      return Arrays.equals(storage.getBytes(key), data) ? 0 : 1;
    } catch (YshException e) {
      return e.code() == ErrorCode.NOT_FOUND ? 0 : 1;
    }
  }

  private int pendingUploads() throws Exception {
    return harness.pendingUploads(prefix);
  }

  /** None, or (for a driver that cannot cancel uploads) at most one per failed write. */
  private void assertNoPendingUploadsBeyond(int pending, int failedWrites) {
    if (harness.cancelsFailedUploads()) {
      assertThat(pending).as("no pending multipart upload").isZero();
    } else {
      assertThat(pending).as("at most one abandoned upload per failed write").isLessThanOrEqualTo(failedWrites);
    }
  }

  private static void assertRetryable(Throwable t) {
    assertThat(t).isInstanceOf(YshException.class);
    YshException e = (YshException) t;
    assertThat(e.code()).as(e.getMessage()).isIn(ErrorCode.UNAVAILABLE, ErrorCode.TIMEOUT, ErrorCode.RATE_LIMITED);
    assertThat(e.isRetryable()).as(e.getMessage()).isTrue();
  }

  private void report(int attempted, int committed, int partial, int faults) {
    System.out.println("RELIABILITY " + harness.name() + " " + test + " attempted=" + attempted + " committed="
        + committed + " partial=" + partial + " faults=" + faults);
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }
}
