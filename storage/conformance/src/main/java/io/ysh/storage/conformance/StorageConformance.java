package io.ysh.storage.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ByteRange;
import io.ysh.storage.StorageCapability;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.ObjectWriter;
import io.ysh.storage.SignedUrl;
import io.ysh.storage.SignedUrlMethod;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.testkit.gen.YshGenerators;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance suite of storage drivers, in the shape of Go CDK's {@code drivertest}: one
 * abstract JUnit 5 class that every driver's {@code <Driver>ConformanceTest} extends with a tiny
 * {@link Harness} that returns the <em>driver</em>; the suite builds the {@link ObjectStorage}
 * over it (with the harness's part size, no telemetry and no retries) and closes it at the end.
 * It runs against a real server (or the closest faithful stand-in, said in the subclass's
 * javadoc).
 *
 * <pre>{@code
 * class MemoryConformanceTest extends StorageConformance {
 *   @Override
 *   protected Harness createHarness() {
 *     MemoryStorageDriver driver = MemoryStorageDriver.named("conformance-" + UUID.randomUUID());
 *     return new Harness() {
 *       public StorageDriver driver() {
 *         return driver;
 *       }
 *
 *       public long partSize() {
 *         return 64 * 1024;
 *       }
 *     };
 *   }
 * }
 * }</pre>
 *
 * <p>It asserts the portable behaviour of {@link ObjectStorage}: round trips of empty, 1-byte,
 * multipart and unknown-length objects; content type, cache control and metadata; ranges;
 * paginated listings with prefixes and delimiters; overwrite; conditional writes; idempotent
 * delete; copy; signed URLs fetched with a plain HTTP client; awkward keys; {@code NOT_FOUND}
 * paths; concurrent writers; streams that fail half-way leaving nothing behind; integrity
 * checks; and each declared {@link StorageCapability} in both directions (declared works, undeclared
 * fails with {@code UNSUPPORTED}).
 *
 * <p>One harness (one bucket) serves the whole class; every test writes under its own random
 * prefix, so tests are independent and may run in any order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StorageConformance {

  /** What a driver's test supplies: the driver to test and optional hooks. */
  public interface Harness extends AutoCloseable {

    /**
     * The driver under test, over an empty bucket. Called once; the suite builds the
     * {@link ObjectStorage} over it and closes that storage, hence the driver, after the class.
     *
     * @return the driver
     * @throws Exception when it cannot be made (a {@code TestAbortedException} skips the class)
     */
    StorageDriver driver() throws Exception;

    /**
     * The part size the suite builds the storage with; the suite writes objects larger than it.
     *
     * @return the part size in bytes
     */
    long partSize();

    /**
     * The native client type {@link ObjectStorage#unwrap(Class)} must hand out.
     *
     * @return the class, or empty when the driver has none
     */
    default Optional<Class<?>> nativeClientType() {
      return Optional.empty();
    }

    /**
     * Corrupts a stored object behind the driver's back (flipping a byte without updating the
     * stored checksum), to check that downloads are verified.
     *
     * @param key the key
     * @return false when the harness cannot do that (the test is then skipped)
     * @throws Exception on failure
     */
    default boolean corrupt(String key) throws Exception {
      return false;
    }

    /**
     * How many multipart uploads are in progress under a key prefix, to check that failures
     * leave none behind.
     *
     * @param prefix the key prefix
     * @return the count, or empty when the harness cannot tell
     * @throws Exception on failure
     */
    default OptionalInt pendingUploads(String prefix) throws Exception {
      return OptionalInt.empty();
    }

    /**
     * How many examples each property test tries (0 skips them; only cheap drivers run them).
     *
     * @return the number of examples
     */
    default int propertyExamples() {
      return 0;
    }

    /**
     * Releases what the harness holds besides the driver (the suite has closed the storage and
     * the driver by then).
     *
     * @throws java.io.IOException on failure
     */
    @Override
    default void close() throws IOException {}
  }

  private Harness harness;
  private StorageDriver driver;
  /** The storage under test. */
  protected ObjectStorage storage;
  /** A fresh key prefix for each test, ending with {@code /}. */
  protected String prefix;
  private final AtomicInteger counter = new AtomicInteger();

  /** For subclasses. */
  protected StorageConformance() {}

  /**
   * Creates the harness of the driver under test; called once per test class.
   *
   * @return the harness
   * @throws Exception when it cannot be created (a {@code TestAbortedException} skips the class)
   */
  protected abstract Harness createHarness() throws Exception;

  @BeforeAll
  final void startHarness() throws Exception {
    harness = createHarness();
    driver = harness.driver();
    storage = portable(driver);
  }

  @AfterAll
  final void stopHarness() throws Exception {
    try {
      if (storage != null) {
        storage.close();
      }
    } finally {
      if (harness != null) {
        harness.close();
      }
    }
  }

  // The one place the suite wires a driver into the portable type: no telemetry, no retries (a
  // retry could hide a driver's failure), the harness's part size.
  private ObjectStorage portable(StorageDriver d) {
    return ObjectStorage.builder(d).partSize(harness.partSize())
        .telemetry(Telemetry.noop()).resilience(ResiliencePolicy.none()).build();
  }

  @BeforeEach
  final void newPrefix() {
    prefix = "c" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "/";
  }

  /**
   * The harness, for driver-specific tests in subclasses.
   *
   * @return the harness
   */
  protected Harness harness() {
    return harness;
  }

  // ------------------------------------------------------------------ round trips

  @Test
  void emptyObjectRoundTrips() {
    WriteResult r = storage.put(prefix + "empty", new byte[0]);
    assertThat(r.size()).isZero();
    assertThat(storage.getBytes(prefix + "empty")).isEmpty();
    assertThat(storage.stat(prefix + "empty").size()).isZero();
  }

  @Test
  void oneByteObjectRoundTrips() {
    storage.put(prefix + "one", new byte[] {42});
    assertThat(storage.getBytes(prefix + "one")).containsExactly(42);
  }

  @Test
  void knownLengthStreamLargerThanPartSizeRoundTripsInParts() throws Exception {
    byte[] data = random(2 * (int) harness.partSize() + 123, 1);
    WriteResult r = storage.put(prefix + "big", new ByteArrayInputStream(data), data.length, WriteOptions.defaults());
    assertThat(r.size()).isEqualTo(data.length);
    assertChecksums(r, data);
    assertSameBytes(storage.get(prefix + "big"), data);
    assertThat(storage.stat(prefix + "big").size()).isEqualTo(data.length);
  }

  @Test
  void unknownLengthStreamOfSeveralPartsRoundTrips() throws Exception {
    byte[] data = random(2 * (int) harness.partSize() + 7, 2);
    WriteResult r = storage.put(prefix + "unknown", new TrickleStream(data), -1, WriteOptions.defaults());
    assertThat(r.size()).isEqualTo(data.length);
    assertChecksums(r, data);
    assertSameBytes(storage.get(prefix + "unknown"), data);
  }

  // ------------------------------------------------------------------ concurrent transfers

  /**
   * Large objects from an array, a file and a stream of unknown length go up with at most the
   * configured number of parts in flight (several at once when the driver takes parts
   * concurrently, one at a time otherwise), through at most that many part buffers; a download to
   * a file reads ranges concurrently (remote drivers with ranged reads) and gives the same bytes,
   * verified.
   */
  @Test
  void largeObjectsGoUpInConcurrentPartsAndDownInConcurrentRanges(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    int concurrency = 3;
    long part = harness.partSize();
    byte[] data = random((int) (4 * part + part / 2), 41);
    Path file = dir.resolve("source");
    Files.write(file, data);
    CountingDriver counting = new CountingDriver(driver, 30);
    boolean localDriver = driver.multipartLimits().singlePutStreams();
    try (ObjectStorage parallel = ObjectStorage.builder(counting).partSize(part).transferConcurrency(concurrency)
        .telemetry(Telemetry.noop()).resilience(ResiliencePolicy.none()).build()) {
      for (String source : List.of("array", "file", "stream")) {
        counting.reset();
        String key = prefix + source;
        WriteResult r = switch (source) {
          case "array" -> parallel.put(key, data, WriteOptions.defaults());
          case "file" -> parallel.put(key, file, WriteOptions.defaults());
          default -> parallel.put(key, new TrickleStream(data), -1, WriteOptions.defaults());
        };
        assertThat(r.size()).isEqualTo(data.length);
        assertChecksums(r, data);
        boolean inParts = !localDriver || source.equals("stream");
        if (inParts && driver.concurrentParts()) {
          assertThat(counting.maxConcurrentParts()).as(source + ": parts in flight at once")
              .isBetween(2, concurrency);
        } else if (inParts) {
          assertThat(counting.maxConcurrentParts()).as(source + ": parts one at a time").isEqualTo(1);
        }
        assertThat(counting.distinctPartBuffers()).as(source + ": part buffers held").isLessThanOrEqualTo(concurrency);
        assertSameBytes(storage.get(key), data);
      }
      counting.reset();
      Path target = dir.resolve("target");
      assertThat(parallel.download(prefix + "stream", target)).isEqualTo(data.length);
      assertThat(md5(Files.readAllBytes(target))).isEqualTo(md5(data));
      if (!localDriver && driver.capabilities().contains(StorageCapability.RANGE_READ)) {
        assertThat(counting.rangedReads()).as("ranges read").isGreaterThanOrEqualTo(5);
        assertThat(counting.maxConcurrentReads()).as("ranges in flight at once").isBetween(2, concurrency);
      }
    }
    OptionalInt pending = harness.pendingUploads(prefix);
    if (pending.isPresent()) {
      assertThat(pending.getAsInt()).as("multipart uploads left behind").isZero();
    }
  }

  /**
   * A download in concurrent ranges whose object is replaced after the first range fails with a
   * retryable {@code UNAVAILABLE} naming the change, and leaves the target file as it was, with no
   * temporary file behind: no mix of two versions is ever written.
   */
  @Test
  void aRangedDownloadOfAnObjectReplacedMeanwhileFailsAndLeavesTheTargetAlone(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    long part = harness.partSize();
    String key = prefix + "replaced";
    byte[] first = random((int) (2 * part + part / 2), 42);
    byte[] second = random(first.length, 43);
    storage.put(key, first);
    Path target = dir.resolve("target");
    Files.writeString(target, "the previous content");
    CountingDriver counting = new CountingDriver(driver, 0);
    java.util.concurrent.atomic.AtomicBoolean replaced = new java.util.concurrent.atomic.AtomicBoolean();
    counting.beforeRangedRead(range -> {
      if (range.offset() > 0 && replaced.compareAndSet(false, true)) {
        storage.put(key, second);
      }
    });
    try (ObjectStorage parallel = ObjectStorage.builder(counting).partSize(part).transferConcurrency(2)
        .telemetry(Telemetry.noop()).resilience(ResiliencePolicy.none()).build()) {
      if (driver.multipartLimits().singlePutStreams() || !driver.capabilities().contains(StorageCapability.RANGE_READ)) {
        // one stream of one version: nothing to mix
        assertThat(parallel.download(key, target)).isEqualTo(first.length);
        assertThat(counting.rangedReads()).isZero();
        assertThat(md5(Files.readAllBytes(target))).isEqualTo(md5(first));
        return;
      }
      Throwable t = catchThrowable(() -> parallel.download(key, target));
      assertThat(replaced).isTrue();
      assertThat(t).isInstanceOfSatisfying(YshException.class, e -> {
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("changed");
      });
    }
    assertThat(Files.readString(target)).isEqualTo("the previous content");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("target");
    }
  }

  @Test
  void unknownLengthStreamSmallerThanOnePartRoundTrips() throws Exception {
    byte[] data = random(1000, 3);
    storage.put(prefix + "small", new TrickleStream(data), -1, WriteOptions.defaults());
    assertThat(storage.getBytes(prefix + "small")).isEqualTo(data);
  }

  @Test
  void unknownLengthEmptyStreamWritesAnEmptyObject() {
    storage.put(prefix + "nothing", new ByteArrayInputStream(new byte[0]), -1, WriteOptions.defaults());
    assertThat(storage.getBytes(prefix + "nothing")).isEmpty();
  }

  @Test
  void writeResultCarriesChecksumsOfTheBytesSent() {
    byte[] data = "checksums".getBytes(StandardCharsets.UTF_8);
    WriteResult r = storage.put(prefix + "sum", data);
    assertChecksums(r, data);
    assertThat(r.etag()).isNotBlank();
  }

  @Test
  void fileUploadAndDownloadRoundTrip(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    byte[] data = random(100_000, 4);
    Path source = dir.resolve("source.bin");
    Files.write(source, data);
    storage.put(prefix + "file", source, WriteOptions.defaults());
    Path target = dir.resolve("target.bin");
    assertThat(storage.download(prefix + "file", target)).isEqualTo(data.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(data);
  }

  @Test
  void overwriteReplacesContentAndEtag() {
    WriteResult first = storage.put(prefix + "k", "one".getBytes(StandardCharsets.UTF_8));
    WriteResult second = storage.put(prefix + "k", "two!".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(storage.getBytes(prefix + "k"), StandardCharsets.UTF_8)).isEqualTo("two!");
    assertThat(second.etag()).isNotEqualTo(first.etag());
    assertThat(storage.stat(prefix + "k").size()).isEqualTo(4);
  }

  // ------------------------------------------------------------------ metadata

  @Test
  void contentTypeCacheControlAndMetadataAreStored() {
    WriteOptions options = WriteOptions.builder().contentType("text/plain; charset=utf-8")
        .cacheControl("max-age=60").metadata("owner", "ysh").metadata("invoiceid", "NF 123").build();
    storage.put(prefix + "meta", "hello".getBytes(StandardCharsets.UTF_8), options);
    ObjectInfo info = storage.stat(prefix + "meta");
    assertThat(info.key()).isEqualTo(prefix + "meta");
    assertThat(info.size()).isEqualTo(5);
    // providers may drop the optional whitespace after ';' (S3Proxy does); nothing else may change
    assertThat(info.contentType().replace("; ", ";")).isEqualTo("text/plain;charset=utf-8");
    assertThat(info.cacheControl()).isEqualTo("max-age=60");
    assertThat(info.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("owner", "ysh", "invoiceid", "NF 123"));
    assertThat(info.etag()).isNotBlank();
    assertThat(info.lastModified()).isNotNull();
  }

  @Test
  void unportableMetadataKeysAreRefusedUpFront() {
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> WriteOptions.builder().metadata("Invoice-Id", "1"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> WriteOptions.builder().metadata("invoice_id", "1"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> WriteOptions.builder().metadata("k", "não ascii"));
  }

  @Test
  void contentTypeDefaultsToOctetStream() {
    storage.put(prefix + "plain", new byte[] {1, 2});
    assertThat(storage.stat(prefix + "plain").contentType()).isEqualTo("application/octet-stream");
  }

  @Test
  void statEtagMatchesWriteEtagAndMd5WhenKnown() {
    byte[] data = "etag".getBytes(StandardCharsets.UTF_8);
    WriteResult r = storage.put(prefix + "e", data);
    ObjectInfo info = storage.stat(prefix + "e");
    assertThat(info.etag()).isEqualTo(r.etag());
    info.md5Hex().ifPresent(m -> assertThat(m).isEqualTo(md5(data)));
  }

  // ------------------------------------------------------------------ not found, exists, delete

  @Test
  void missingKeyIsNotFoundForGetStatAndGetBytes() {
    String key = prefix + "missing";
    assertCode(ErrorCode.NOT_FOUND, () -> storage.stat(key));
    assertCode(ErrorCode.NOT_FOUND, () -> storage.getBytes(key));
    assertCode(ErrorCode.NOT_FOUND, () -> storage.get(key).close());
    assertThat(storage.exists(key)).isFalse();
  }

  @Test
  void notFoundErrorNamesOperationProviderAndKey() {
    Throwable t = catchThrowable(() -> storage.stat(prefix + "nope"));
    assertThat(t).isInstanceOf(YshException.class);
    YshException e = (YshException) t;
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.operation()).isPresent();
    assertThat(e.getMessage()).contains("nope");
  }

  @Test
  void existsTurnsTrueAfterPutAndFalseAfterDelete() {
    String key = prefix + "x";
    assertThat(storage.exists(key)).isFalse();
    storage.put(key, new byte[] {1});
    assertThat(storage.exists(key)).isTrue();
    storage.delete(key);
    assertThat(storage.exists(key)).isFalse();
  }

  @Test
  void deletingMissingKeyIsNotAnError() {
    String kept = prefix + "kept";
    String missing = prefix + "never-existed";
    storage.put(kept, new byte[] {7});
    storage.delete(missing);
    storage.delete(missing);
    assertThat(storage.exists(missing)).as("a delete of a missing key creates nothing").isFalse();
    assertThat(storage.list(prefix).map(ListEntry::key)).as("nothing else touched, no marker left")
        .containsExactly(kept);
    assertThat(storage.getBytes(kept)).containsExactly(7);
    storage.delete(kept);
    storage.delete(kept);
    assertThat(storage.exists(kept)).isFalse();
    assertThat(storage.list(prefix).count()).isZero();
  }

  @Test
  void deleteAllRemovesManyKeysAndIgnoresMissingOnes() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      keys.add(prefix + "d/" + i);
      storage.put(prefix + "d/" + i, new byte[] {(byte) i});
    }
    keys.add(prefix + "d/missing");
    storage.deleteAll(keys);
    assertThat(storage.list(prefix).collect(Collectors.toList())).isEmpty();
  }

  @Test
  void deleteAllRejectsAnInvalidKeyBeforeDeletingAnything() {
    storage.put(prefix + "keep", new byte[] {1});
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.deleteAll(List.of(prefix + "keep", "../bad")));
    assertThat(storage.exists(prefix + "keep")).isTrue();
  }

  // ------------------------------------------------------------------ ranges

  @Test
  void rangeReadsReturnTheRequestedBytes() {
    assumeTrue(storage.supports(StorageCapability.RANGE_READ));
    byte[] data = "0123456789".getBytes(StandardCharsets.US_ASCII);
    String key = prefix + "range";
    storage.put(key, data);
    assertThat(text(storage.getBytes(key, ByteRange.of(2, 3)))).isEqualTo("234");
    assertThat(text(storage.getBytes(key, ByteRange.from(7)))).isEqualTo("789");
    assertThat(text(storage.getBytes(key, ByteRange.suffix(4)))).isEqualTo("6789");
    assertThat(text(storage.getBytes(key, ByteRange.suffix(40)))).isEqualTo("0123456789");
    assertThat(text(storage.getBytes(key, ByteRange.of(8, 100)))).isEqualTo("89");
    assertThat(storage.getBytes(key, ByteRange.of(3, 0))).isEmpty();
    assertThat(storage.getBytes(key, ByteRange.from(10))).isEmpty();
    assertThat(storage.getBytes(key, ByteRange.of(50, 5))).isEmpty();
  }

  @Test
  void rangeOfMissingObjectIsNotFound() {
    assumeTrue(storage.supports(StorageCapability.RANGE_READ));
    assertCode(ErrorCode.NOT_FOUND, () -> storage.getBytes(prefix + "none", ByteRange.of(0, 2)));
  }

  @Test
  void negativeRangesAreInvalidArguments() {
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ByteRange.of(-1, 2));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ByteRange.of(0, -2));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ByteRange.suffix(0));
  }

  // ------------------------------------------------------------------ conditional writes

  @Test
  void ifNoneMatchCreatesOnlyWhenAbsentOrIsUnsupported() {
    String key = prefix + "create-only";
    WriteOptions createOnly = WriteOptions.builder().ifNoneMatchAny().build();
    if (!storage.supports(StorageCapability.IF_NONE_MATCH)) {
      assertCode(ErrorCode.UNSUPPORTED, () -> storage.put(key, new byte[] {1}, createOnly));
      assertThat(storage.exists(key)).isFalse();
      return;
    }
    storage.put(key, "first".getBytes(StandardCharsets.UTF_8), createOnly);
    assertCode(ErrorCode.PRECONDITION_FAILED,
        () -> storage.put(key, "second".getBytes(StandardCharsets.UTF_8), createOnly));
    assertThat(text(storage.getBytes(key))).isEqualTo("first");
  }

  @Test
  void ifMatchUpdatesOnlyTheExpectedVersionOrIsUnsupported() {
    String key = prefix + "cas";
    WriteResult v1 = storage.put(key, "v1".getBytes(StandardCharsets.UTF_8));
    if (!storage.supports(StorageCapability.IF_MATCH)) {
      assertCode(ErrorCode.UNSUPPORTED,
          () -> storage.put(key, new byte[] {1}, WriteOptions.builder().ifMatch(v1.etag()).build()));
      assertThat(text(storage.getBytes(key))).isEqualTo("v1");
      return;
    }
    WriteResult v2 = storage.put(key, "v2".getBytes(StandardCharsets.UTF_8),
        WriteOptions.builder().ifMatch(v1.etag()).build());
    assertCode(ErrorCode.PRECONDITION_FAILED, () -> storage.put(key, "v3".getBytes(StandardCharsets.UTF_8),
        WriteOptions.builder().ifMatch(v1.etag()).build()));
    assertThat(text(storage.getBytes(key))).isEqualTo("v2");
    assertThat(v2.etag()).isNotEqualTo(v1.etag());
  }

  @Test
  void ifNoneMatchAppliesToMultipartUploadsToo() throws Exception {
    assumeTrue(storage.supports(StorageCapability.IF_NONE_MATCH));
    String key = prefix + "big-create-only";
    storage.put(key, "first".getBytes(StandardCharsets.UTF_8));
    byte[] data = random((int) harness.partSize() + 10, 5);
    assertCode(ErrorCode.PRECONDITION_FAILED, () -> storage.put(key, new ByteArrayInputStream(data), -1,
        WriteOptions.builder().ifNoneMatchAny().build()));
    assertThat(text(storage.getBytes(key))).isEqualTo("first");
  }

  // ------------------------------------------------------------------ copy

  @Test
  void copyCopiesContentTypeAndMetadata() {
    WriteOptions options = WriteOptions.builder().contentType("application/json").metadata("a", "b").build();
    storage.put(prefix + "src", "{}".getBytes(StandardCharsets.UTF_8), options);
    storage.copy(prefix + "src", prefix + "dst");
    assertThat(text(storage.getBytes(prefix + "dst"))).isEqualTo("{}");
    ObjectInfo info = storage.stat(prefix + "dst");
    assertThat(info.contentType()).isEqualTo("application/json");
    assertThat(info.metadata()).containsEntry("a", "b");
    assertThat(storage.exists(prefix + "src")).isTrue();
  }

  @Test
  void copyOfMissingSourceIsNotFound() {
    assertCode(ErrorCode.NOT_FOUND, () -> storage.copy(prefix + "no-src", prefix + "dst"));
    assertThat(storage.exists(prefix + "dst")).isFalse();
  }

  // ------------------------------------------------------------------ listing

  @Test
  void listingPaginatesLazilyOverMoreKeysThanOnePage() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      String key = prefix + "p/" + String.format("%02d", i);
      keys.add(key);
      storage.put(key, new byte[] {(byte) i});
    }
    List<String> listed = storage.list(new ListOptions(prefix + "p/", null, 3))
        .map(ListEntry::key).collect(Collectors.toList());
    assertThat(listed).containsExactlyElementsOf(keys);
    assertThat(storage.list(new ListOptions(prefix + "p/", null, 3)).limit(2).count()).isEqualTo(2);
  }

  @Test
  void pageApiReturnsAnOpaqueTokenUntilTheLastPage() {
    for (int i = 0; i < 5; i++) {
      storage.put(prefix + "q" + i, new byte[] {1, 2, 3});
    }
    ListOptions options = new ListOptions(prefix, null, 2);
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ListPage page = storage.listPage(options, token);
      assertThat(page.entries()).hasSizeLessThanOrEqualTo(2);
      page.entries().forEach(e -> seen.add(e.key()));
      token = page.nextPageToken();
      pages++;
    } while (token != null && pages < 10);
    assertThat(seen).containsExactly(prefix + "q0", prefix + "q1", prefix + "q2", prefix + "q3", prefix + "q4");
    assertThat(pages).isBetween(3, 4);
  }

  @Test
  void listingReportsSizesAndCommonPrefixesSeparately() {
    storage.put(prefix + "a.txt", new byte[3]);
    storage.put(prefix + "dir1/x", new byte[1]);
    storage.put(prefix + "dir1/y/z", new byte[1]);
    storage.put(prefix + "dir2/x", new byte[1]);
    storage.put(prefix + "z.txt", new byte[5]);
    List<ListEntry> entries = storage.list(ListOptions.prefix(prefix).withDelimiter("/")).collect(Collectors.toList());
    assertThat(entries).extracting(ListEntry::key)
        .containsExactly(prefix + "a.txt", prefix + "dir1/", prefix + "dir2/", prefix + "z.txt");
    assertThat(entries).extracting(ListEntry::isPrefix).containsExactly(false, true, true, false);
    assertThat(entries.get(0).size()).isEqualTo(3);
    assertThat(entries.get(3).size()).isEqualTo(5);
    List<String> under = storage.list(ListOptions.prefix(prefix + "dir1/").withDelimiter("/"))
        .map(ListEntry::key).collect(Collectors.toList());
    assertThat(under).containsExactly(prefix + "dir1/x", prefix + "dir1/y/");
  }

  @Test
  void delimiterListingPaginatesOverPrefixes() {
    for (int i = 0; i < 5; i++) {
      storage.put(prefix + "g" + i + "/a", new byte[1]);
      storage.put(prefix + "g" + i + "/b", new byte[1]);
    }
    storage.put(prefix + "h", new byte[1]);
    List<String> listed = storage.list(new ListOptions(prefix, "/", 2)).map(ListEntry::key).collect(Collectors.toList());
    assertThat(listed).containsExactly(prefix + "g0/", prefix + "g1/", prefix + "g2/", prefix + "g3/", prefix + "g4/",
        prefix + "h");
  }

  @Test
  void listingAnEmptyPrefixReturnsNothing() {
    assertThat(storage.list(prefix + "nothing-here/").collect(Collectors.toList())).isEmpty();
    assertThat(storage.listPage(ListOptions.prefix(prefix), null).entries()).isEmpty();
  }

  // ------------------------------------------------------------------ keys

  /** Keys that break naive URL encoding, path handling or UTF-8 handling. */
  protected static final List<String> AWKWARD_KEYS = List.of(
      "with space", "plus+sign", "percent%20encoded", "percent%", "hash#tag", "question?mark", "amp&er=sand",
      "quote'\"s", "acentuação/çãé", "日本語/キー", "emoji 🚀☀️", "tilde~and!bang", "paren(1)[2]{3}", "semi;colon:c",
      "dots.in.the.middle", "a/b/c/d/e/f", "comma,star*", "at@dollar$", "pipe|caret^`back`", "<angle>");

  @Test
  void awkwardKeysRoundTripUnchangedAndListVerbatim() {
    for (String k : AWKWARD_KEYS) {
      storage.put(prefix + k, k.getBytes(StandardCharsets.UTF_8));
    }
    for (String k : AWKWARD_KEYS) {
      assertThat(text(storage.getBytes(prefix + k))).as(k).isEqualTo(k);
      assertThat(storage.stat(prefix + k).key()).as(k).isEqualTo(prefix + k);
    }
    List<String> listed = storage.list(prefix).map(ListEntry::key).collect(Collectors.toList());
    assertThat(listed).containsExactlyInAnyOrderElementsOf(
        AWKWARD_KEYS.stream().map(k -> prefix + k).collect(Collectors.toList()));
    assertThat(listed).isSortedAccordingTo(io.ysh.storage.spi.StorageKeys.UTF8_ORDER);
    storage.deleteAll(listed); // in provider batches where the driver has them
    assertThat(storage.list(prefix).collect(Collectors.toList())).isEmpty();
  }

  @Test
  void invalidKeysAreRejectedBeforeAnyProviderCall() {
    List<String> bad = new ArrayList<>(List.of("", "../etc/passwd", "a/../b", "/absolute", "a//b", "trailing/",
        "back\\slash", "nul\u0000byte", "dot/./x", "ctrl\u0007", "x".repeat(1025)));
    for (String key : bad) {
      assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.put(key, new byte[] {1}));
      assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.getBytes(key));
      assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.delete(key));
    }
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.put(null, new byte[] {1}));
    assertThat(storage.list("").anyMatch(e -> e.key().contains("passwd") || e.key().contains("back"))).isFalse();
  }

  @Test
  void longestValidKeyRoundTrips() {
    StringBuilder b = new StringBuilder(prefix);
    while (b.length() < 1024) {
      int n = Math.min(100, 1024 - b.length());
      b.append("k".repeat(n));
      if (b.length() < 1022) {
        b.append('/');
      }
    }
    String key = b.toString();
    assertThat(key.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
    storage.put(key, new byte[] {7});
    assertThat(storage.getBytes(key)).containsExactly(7);
  }

  // ------------------------------------------------------------------ failures leave nothing

  @Test
  void streamThatFailsHalfWayLeavesNothingBehind() throws Exception {
    int size = 2 * (int) harness.partSize() + 1;
    String known = prefix + "fail-known";
    String unknown = prefix + "fail-unknown";
    Throwable t1 = catchThrowable(() -> storage.put(known, new FailingStream(size), size + 10L, WriteOptions.defaults()));
    Throwable t2 = catchThrowable(() -> storage.put(unknown, new FailingStream(size), -1, WriteOptions.defaults()));
    assertThat(t1).isInstanceOf(YshException.class).hasMessageContaining("upload");
    assertThat(t2).isInstanceOf(YshException.class).hasMessageContaining("upload");
    assertThat(storage.exists(known)).isFalse();
    assertThat(storage.exists(unknown)).isFalse();
    assertNoPendingUploads();
  }

  @Test
  void streamShorterThanAnnouncedLengthIsInvalidAndWritesNothing() {
    String key = prefix + "short";
    assertCode(ErrorCode.INVALID_ARGUMENT,
        () -> storage.put(key, new ByteArrayInputStream(new byte[10]), 20, WriteOptions.defaults()));
    assertThat(storage.exists(key)).isFalse();
  }

  @Test
  void writerCommitsOnCloseAndAbortLeavesNothing() throws Exception {
    byte[] data = random((int) harness.partSize() + 100, 6);
    try (ObjectWriter w = storage.openWriter(prefix + "w", WriteOptions.builder().contentType("text/csv").build())) {
      for (int i = 0; i < data.length; i += 1000) {
        w.write(data, i, Math.min(1000, data.length - i));
      }
    }
    assertThat(storage.getBytes(prefix + "w")).isEqualTo(data);
    assertThat(storage.stat(prefix + "w").contentType()).isEqualTo("text/csv");

    ObjectWriter aborted = storage.openWriter(prefix + "aborted", WriteOptions.defaults());
    aborted.write(data);
    aborted.abort();
    aborted.close();
    assertThat(aborted.result()).isEmpty();
    assertThat(storage.exists(prefix + "aborted")).isFalse();

    Throwable t = catchThrowable(() -> storage.write(prefix + "callback", WriteOptions.defaults(), out -> {
      out.write(data);
      throw new IOException("producer failed");
    }));
    assertThat(t).isInstanceOf(YshException.class);
    assertThat(storage.exists(prefix + "callback")).isFalse();
    WriteResult ok = storage.write(prefix + "callback", WriteOptions.defaults(), out -> out.write(new byte[] {1, 2}));
    assertThat(ok.size()).isEqualTo(2);
    assertNoPendingUploads();
  }

  @Test
  void corruptedDownloadFailsInsteadOfReturningWrongBytes() throws Exception {
    String key = prefix + "corrupt";
    byte[] data = random(4096, 7);
    storage.put(key, data);
    assumeTrue(harness.corrupt(key), "this harness cannot corrupt stored objects");
    ObjectInfo info = storage.stat(key);
    assertThat(info.crc32cHex().or(info::md5Hex)).as("a checksum to verify downloads against").isPresent();
    Throwable t = catchThrowable(() -> storage.getBytes(key));
    assertThat(t).isInstanceOf(YshException.class).hasMessageContaining("checksum mismatch");
    assertThat(((YshException) t).code()).isEqualTo(ErrorCode.INTERNAL);
  }

  /**
   * A corrupted object of several parts downloaded in concurrent ranges (where the driver reads
   * ranges): the whole-object check, which hashes the ranges back from the file while later ones
   * still download, must refuse it and leave the target as it was.
   */
  @Test
  void corruptedObjectDownloadedInRangesFailsAndLeavesTheTargetUntouched(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    long part = harness.partSize();
    String key = prefix + "corrupt-ranges";
    byte[] data = random((int) (3 * part + part / 3), 9);
    storage.put(key, data);
    assumeTrue(harness.corrupt(key), "this harness cannot corrupt stored objects");
    Path target = dir.resolve("target.bin");
    Files.write(target, new byte[] {42});
    // through a wrapper: closing this second ObjectStorage must not close the suite's driver
    try (ObjectStorage parallel = ObjectStorage.builder(new CountingDriver(driver, 0)).partSize(part)
        .transferConcurrency(3).telemetry(Telemetry.noop()).resilience(ResiliencePolicy.none()).build()) {
      Throwable t = catchThrowable(() -> parallel.download(key, target));
      assertThat(t).isInstanceOf(YshException.class).hasMessageContaining("checksum mismatch");
      assertThat(((YshException) t).code()).isEqualTo(ErrorCode.INTERNAL);
    }
    assertThat(Files.readAllBytes(target)).containsExactly(42);
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(target);
    }
  }

  @Test
  void corruptedDownloadToAFileFailsAndLeavesTheTargetUntouched() throws Exception {
    String key = prefix + "corrupt-download";
    byte[] data = random(300_000, 8);
    storage.put(key, data);
    assumeTrue(harness.corrupt(key), "this harness cannot corrupt stored objects");
    Path dir = Files.createTempDirectory("ysh-conformance-download");
    Path target = dir.resolve("target.bin");
    Files.write(target, new byte[] {42});
    try {
      Throwable t = catchThrowable(() -> storage.download(key, target));
      assertThat(t).isInstanceOf(YshException.class).hasMessageContaining("checksum mismatch");
      assertThat(((YshException) t).code()).isEqualTo(ErrorCode.INTERNAL);
      assertThat(Files.readAllBytes(target)).containsExactly(42);
      try (var left = Files.list(dir)) {
        assertThat(left).containsExactly(target);
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  void concurrentWritersToDifferentKeysAllSucceed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 4; i++) {
            storage.put(prefix + "t" + thread + "/" + i, ("" + thread + i).getBytes(StandardCharsets.UTF_8));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(storage.list(prefix).count()).isEqualTo(32);
    assertThat(text(storage.getBytes(prefix + "t5/3"))).isEqualTo("53");
  }

  // ------------------------------------------------------------------ signed URLs

  @Test
  void signedUrlsWorkWithAPlainHttpClientOrAreUnsupported() throws Exception {
    String key = prefix + "signed é+%.txt";
    byte[] data = "signed content".getBytes(StandardCharsets.UTF_8);
    storage.put(key, data);
    if (!storage.supports(StorageCapability.SIGNED_URL)) {
      assertCode(ErrorCode.UNSUPPORTED, () -> storage.signedUrl(key, SignedUrlMethod.GET, Duration.ofMinutes(5)));
      return;
    }
    HttpClient http = HttpClient.newHttpClient();
    URI get = storage.signedUrl(key, SignedUrlMethod.GET, Duration.ofMinutes(5)).uri();
    HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(get).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo(data);

    String putKey = prefix + "uploaded via url";
    // the client knows nothing about the provider: it sends exactly the headers the storage says
    // are required (Azure needs x-ms-blob-type on a PUT through a SAS URL)
    SignedUrl put = storage.signedUrl(putKey, SignedUrlMethod.PUT, Duration.ofMinutes(5));
    assertThat(put.method()).isEqualTo(SignedUrlMethod.PUT);
    assertThat(put.expiresAt()).isAfter(java.time.Instant.now());
    assertThat(put.toString()).doesNotContain(put.uri().getRawQuery());
    HttpRequest.Builder request = HttpRequest.newBuilder(put.uri()).PUT(HttpRequest.BodyPublishers.ofByteArray(data));
    put.requiredHeaders().forEach(request::header);
    HttpResponse<String> sent = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isBetween(200, 299);
    assertThat(storage.getBytes(putKey)).isEqualTo(data);

    SignedUrl presignedGet = storage.signedUrl(putKey, SignedUrlMethod.GET, Duration.ofMinutes(5));
    HttpRequest.Builder getRequest = HttpRequest.newBuilder(presignedGet.uri()).GET();
    presignedGet.requiredHeaders().forEach(getRequest::header);
    assertThat(http.send(getRequest.build(), HttpResponse.BodyHandlers.ofByteArray()).body()).isEqualTo(data);
  }

  @Test
  void presignedPutWithAContentTypeRequiresThatContentType() throws Exception {
    String key = prefix + "typed via url.json";
    if (!storage.supports(StorageCapability.SIGNED_URL)) {
      assertCode(ErrorCode.UNSUPPORTED, () -> storage.signedUrl(key, SignedUrlMethod.PUT, Duration.ofMinutes(5)));
      return;
    }
    SignedUrl put = storage.signedUrl(key, SignedUrlMethod.PUT, Duration.ofMinutes(5), "application/json");
    assertThat(put.requiredHeaders()).containsEntry("Content-Type", "application/json");
    HttpRequest.Builder request = HttpRequest.newBuilder(put.uri())
        .PUT(HttpRequest.BodyPublishers.ofByteArray("{}".getBytes(StandardCharsets.UTF_8)));
    put.requiredHeaders().forEach(request::header);
    HttpResponse<String> sent = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isBetween(200, 299);
    assertThat(storage.getBytes(key)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    assertThat(storage.stat(key).contentType()).isEqualTo("application/json");
  }

  @Test
  void signedUrlExpiryMustBePositiveAndBounded() {
    String key = prefix + "s";
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.signedUrl(key, SignedUrlMethod.GET, Duration.ZERO));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.signedUrl(key, SignedUrlMethod.GET, Duration.ofSeconds(-5)));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.signedUrl(key, SignedUrlMethod.GET, Duration.ofDays(8)));
  }

  // ------------------------------------------------------------------ capabilities, escape hatch

  @Test
  void unwrapHandsOutTheNativeClient() {
    harness.nativeClientType().ifPresent(type -> assertThat(storage.unwrap(type)).isInstanceOf(type));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.unwrap(java.util.concurrent.locks.Lock.class));
  }

  /**
   * Declared, {@link StorageCapability#SERVER_SIDE_COPY} means the provider copies: the driver's
   * {@code copy} runs and no byte is read through this JVM. Undeclared (the declaration removed
   * from the same driver), the portable layer streams the object and never calls {@code copy}.
   * Either way the copy is complete.
   */
  @Test
  void serverSideCopyDeclarationHolds() {
    byte[] data = random(3000, 9);
    WriteOptions typed = WriteOptions.builder().contentType("text/csv").metadata(Map.of("origin", "copy-test")).build();
    storage.put(prefix + "c1", data, typed);
    boolean declared = storage.supports(StorageCapability.SERVER_SIDE_COPY);
    for (boolean declare : new boolean[] {declared, false}) {
      String target = prefix + "c2-" + declare;
      List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (ObjectStorage observed = portable(recording(driver, calls, declare))) {
        observed.copy(prefix + "c1", target);
      }
      if (declare) {
        assertThat(calls).as("server-side copy declared: the driver copies").containsOnlyOnce("copy")
            .as("server-side copy declared: no byte streamed through the JVM").doesNotContain("read");
      } else {
        assertThat(calls).as("server-side copy not declared: the portable layer streams").doesNotContain("copy")
            .contains("read");
      }
      assertThat(storage.getBytes(target)).isEqualTo(data);
      ObjectInfo info = storage.stat(target);
      assertThat(info.contentType()).isEqualTo("text/csv");
      assertThat(info.metadata()).containsEntry("origin", "copy-test");
    }
  }

  // The driver seen through its SPI interface alone, recording the methods called; close is not
  // passed on (the suite's own storage still uses the driver), and SERVER_SIDE_COPY is removed
  // from the capabilities unless declareCopy.
  private static StorageDriver recording(StorageDriver d, List<String> calls, boolean declareCopy) {
    java.lang.reflect.InvocationHandler handler = (proxy, method, args) -> {
      calls.add(method.getName());
      if (method.getName().equals("close") && method.getParameterCount() == 0) {
        return null;
      }
      if (method.getName().equals("capabilities") && method.getParameterCount() == 0 && !declareCopy) {
        Set<StorageCapability> caps = java.util.EnumSet.noneOf(StorageCapability.class);
        caps.addAll(d.capabilities());
        caps.remove(StorageCapability.SERVER_SIDE_COPY);
        return Set.copyOf(caps);
      }
      try {
        return method.invoke(d, args);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (StorageDriver) java.lang.reflect.Proxy.newProxyInstance(
        StorageDriver.class.getClassLoader(), new Class<?>[] {StorageDriver.class}, handler);
  }

  // ------------------------------------------------------------------ properties

  @Test
  void arbitraryBytesRoundTrip() {
    int examples = harness.propertyExamples();
    assumeTrue(examples > 0, "property tests run on the local drivers only");
    AtomicInteger n = new AtomicInteger();
    qt().withExamples(examples).withShrinkCycles(50).forAll(YshGenerators.byteArrays(0, 5000)).checkAssert(data -> {
      String key = prefix + "bytes-" + n.incrementAndGet();
      WriteResult r = storage.put(key, data);
      assertChecksums(r, data);
      assertThat(storage.getBytes(key)).isEqualTo(data);
      storage.delete(key);
    });
  }

  @Test
  void arbitraryValidKeysRoundTrip() {
    int examples = harness.propertyExamples();
    assumeTrue(examples > 0, "property tests run on the local drivers only");
    qt().withExamples(examples).withShrinkCycles(50).forAll(YshGenerators.objectKeys()).checkAssert(k -> {
      String key = k.getBytes(StandardCharsets.UTF_8).length + prefix.length() <= 1024 ? prefix + k : k;
      byte[] data = key.getBytes(StandardCharsets.UTF_8);
      storage.put(key, data);
      try {
        assertThat(storage.getBytes(key)).isEqualTo(data);
        assertThat(storage.stat(key).key()).isEqualTo(key);
        String parent = key.contains("/") ? key.substring(0, key.lastIndexOf('/') + 1) : "";
        assertThat(storage.list(ListOptions.prefix(parent).withDelimiter("/")).map(ListEntry::key))
            .contains(key);
      } finally {
        storage.delete(key);
      }
    });
  }

  // ------------------------------------------------------------------ helpers

  private void assertNoPendingUploads() throws Exception {
    OptionalInt pending = harness.pendingUploads(prefix);
    if (pending.isPresent()) {
      assertThat(pending.getAsInt()).as("multipart uploads left behind").isZero();
    }
  }

  /**
   * Asserts that a call fails with a {@link YshException} of a code.
   *
   * @param code the expected code
   * @param call the call
   */
  protected static void assertCode(ErrorCode code, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(YshException.class,
        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
  }

  /**
   * Deterministic pseudo-random bytes.
   *
   * @param size how many
   * @param seed the seed
   * @return the bytes
   */
  protected static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void assertSameBytes(InputStream in, byte[] expected) throws IOException {
    try (in) {
      assertThat(md5(in.readAllBytes())).isEqualTo(md5(expected));
    }
  }

  /**
   * Checks the checksums of a write: the CRC32C always; the MD5 whenever the driver's checksum plan
   * asks for one everywhere ({@link io.ysh.storage.spi.ChecksumPlan#md5Uploads()}), else only when
   * the provider reported one.
   *
   * @param r the result
   * @param data the bytes written
   */
  protected void assertChecksums(WriteResult r, byte[] data) {
    assertThat(r.crc32c()).isEqualTo(crc32c(data));
    if (storage.unwrap(StorageDriver.class).checksumPlan().md5Uploads()) {
      assertThat(r.md5()).isEqualTo(md5(data));
    } else {
      r.md5Hex().ifPresent(m -> assertThat(m).isEqualTo(md5(data)));
    }
  }

  /**
   * MD5 as lower-case hex.
   *
   * @param data the bytes
   * @return the hex digest
   */
  protected static String md5(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String crc32c(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data);
    return String.format("%08x", c.getValue());
  }

  /** Returns its data in small uneven reads, like a network stream of unknown length. */
  private static final class TrickleStream extends InputStream {
    private final byte[] data;
    private int pos;

    TrickleStream(byte[] data) {
      this.data = data;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 7919), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  /** Returns {@code failAt} bytes, then throws. */
  private static final class FailingStream extends InputStream {
    private final int failAt;
    private int pos;

    FailingStream(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= failAt) {
        throw new IOException("connection reset by the producer");
      }
      int n = Math.min(len, failAt - pos);
      pos += n;
      return n;
    }
  }
}
