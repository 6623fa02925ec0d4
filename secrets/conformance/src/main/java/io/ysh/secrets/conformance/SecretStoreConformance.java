package io.ysh.secrets.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.secrets.SecretCachePolicy;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretStore;
import io.ysh.secrets.SecretValue;
import io.ysh.secrets.SecretWatch;
import io.ysh.secrets.memory.InMemorySecretDriver;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.testkit.gen.YshGenerators;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.core.Gen;

/**
 * The conformance suite every secrets driver runs: extend it in a test named
 * {@code <Driver>ConformanceTest} and implement {@link #newDriver()}.
 *
 * <pre>{@code
 * class AzureConformanceTest extends SecretStoreConformance {
 *   @Override
 *   protected SecretDriver newDriver() {
 *     return AzureSecretDriver.builder(vaultUrl, credential).build();
 *   }
 * }
 * }</pre>
 *
 * <p>The harness returns <em>drivers</em>, as Go CDK's {@code drivertest.Harness.MakeDriver}
 * does; the suite builds every {@link SecretStore} over them itself (no retries, no telemetry,
 * the cache policy of the test) and wraps each driver to count its calls and to simulate an
 * outage.
 *
 * <p>It checks, for every driver: latest and versioned reads, {@code NOT_FOUND} for a missing
 * name, {@code INVALID_ARGUMENT} for bad names, lazily paged listing by prefix, new versions on
 * put, delete, JSON field access, the cache (TTL, refresh-ahead in the background,
 * stale-if-error while the backend is down, invalidate, rotation watch), chain precedence, and
 * property tests that Unicode and binary values round-trip. Every capability a driver declares
 * is exercised, and every capability it does not declare must fail with {@code UNSUPPORTED}
 * (checked both ways).
 *
 * <p>Tests use names under a random prefix ({@link #prefix()}) and delete them afterwards, so
 * the suite can share a backend with other tests. Read-only drivers (environment variables)
 * override {@link #writeOutOfBand} and {@link #deleteOutOfBand} to create secrets the way an
 * operator would. Drivers whose server can be stopped and restarted mid-test override
 * {@link #stopBackend()} and {@link #restoreBackend()}; by default the suite simulates an
 * unreachable backend by failing the driver's calls with {@code UNAVAILABLE}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SecretStoreConformance {

  private final String prefix = "ysh-ct-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "-";
  private final AtomicBoolean simulatedOutage = new AtomicBoolean();
  private final Set<String> written = new LinkedHashSet<>();
  private final List<SecretStore> perTest = new ArrayList<>();
  private SecretStore plain;
  private InstrumentedSecretDriver plainDriver;
  private SecretStore writer;

  /** For subclasses. */
  protected SecretStoreConformance() {}

  /**
   * Opens a new driver over the backend under test; the suite calls it once per store it builds
   * and closes the store (hence the driver) when done.
   *
   * @return a new driver
   */
  protected abstract SecretDriver newDriver();

  /**
   * Creates or rotates a secret as an operator or a rotation job would, bypassing the stores the
   * suite tests. The default writes through a separate uncached store's {@code put}; drivers
   * without {@link SecretCapability#PUT} must override it.
   *
   * @param name the secret name
   * @param value the value
   */
  protected void writeOutOfBand(String name, Secret value) {
    writer().put(name, value);
  }

  /**
   * Removes a secret the suite created. The default deletes through a separate store when the
   * driver can delete, else does nothing.
   *
   * @param name the secret name
   * @return whether the secret was removed (false when the driver cannot delete)
   */
  protected boolean deleteOutOfBand(String name) {
    if (writer().supports(SecretCapability.DELETE)) {
      writer().delete(name);
      return true;
    }
    return false;
  }

  /**
   * The page size the driver lists with, so the suite can check that listing pages; 0 when
   * unknown (the check is then skipped). Configure drivers with a small page size (2 or 3).
   *
   * @return names per page, or 0
   */
  protected int pageSize() {
    return 0;
  }

  /** Makes the backend unreachable. The default simulates it in the suite's drivers. */
  protected void stopBackend() {
    simulatedOutage.set(true);
  }

  /** Undoes {@link #stopBackend()}. */
  protected void restoreBackend() {
    simulatedOutage.set(false);
  }

  /**
   * The text values the Unicode property test writes (non-empty). Defaults to
   * {@link YshGenerators#unicodeStrings(int)} of up to 48 code points.
   *
   * @return the generator
   */
  protected Gen<String> textValues() {
    return YshGenerators.unicodeStrings(48).assuming(s -> !s.isEmpty());
  }

  /**
   * How many examples each property test tries; lower it for slow backends.
   *
   * @return the number of examples
   */
  protected int examples() {
    return 25;
  }

  /**
   * The random prefix of every name this suite instance uses.
   *
   * @return the prefix
   */
  protected final String prefix() {
    return prefix;
  }

  /**
   * A new store over a new driver with the given cache policy, no retries and no telemetry;
   * closed after the test.
   *
   * @param cache the cache policy
   * @return the store
   */
  protected final SecretStore newStore(SecretCachePolicy cache) {
    SecretStore s = build(cache, null);
    perTest.add(s);
    return s;
  }

  private SecretStore build(SecretCachePolicy cache, AtomicReference<InstrumentedSecretDriver> driverOut) {
    InstrumentedSecretDriver d = new InstrumentedSecretDriver(newDriver(), simulatedOutage);
    if (driverOut != null) {
      driverOut.set(d);
    }
    return SecretStore.builder(d)
        .resilience(ResiliencePolicy.none())
        .telemetry(Telemetry.noop())
        .cache(cache)
        .watchInterval(Duration.ofMillis(100))
        .build();
  }

  private SecretStore store() {
    if (plain == null) {
      AtomicReference<InstrumentedSecretDriver> d = new AtomicReference<>();
      plain = build(SecretCachePolicy.disabled(), d);
      plainDriver = d.get();
    }
    return plain;
  }

  private SecretStore writer() {
    if (writer == null) {
      writer = SecretStore.builder(newDriver()).resilience(ResiliencePolicy.none()).telemetry(Telemetry.noop()).build();
    }
    return writer;
  }

  private String name(String suffix) {
    return prefix + suffix;
  }

  private void write(String name, String value) {
    write(name, Secret.of(value));
  }

  private void write(String name, Secret value) {
    written.add(name);
    writeOutOfBand(name, value);
  }

  private boolean has(SecretCapability c) {
    return store().supports(c);
  }

  private static YshException ysh(Runnable call) {
    YshException e = catchThrowableOfType(YshException.class, call::run);
    assertThat(e).as("expected a YshException").isNotNull();
    return e;
  }

  /**
   * Retries an assertion every 20 ms until it passes or the time is up (then its last failure is
   * thrown).
   *
   * @param atMost how long to keep trying
   * @param assertion the assertion
   */
  protected static void eventually(Duration atMost, Runnable assertion) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError | RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  @AfterEach
  void cleanUpAfterEach() {
    restoreBackend();
    simulatedOutage.set(false);
    for (SecretStore s : perTest) {
      s.close();
    }
    perTest.clear();
    for (String n : written) {
      try {
        deleteOutOfBand(n);
      } catch (RuntimeException e) {
        // best effort
      }
    }
    written.clear();
  }

  @AfterAll
  void closeStores() {
    if (plain != null) {
      plain.close();
    }
    if (writer != null) {
      writer.close();
    }
  }

  // --- reads ------------------------------------------------------------------------------

  @Test
  void getReturnsTheLatestValue() {
    String n = name("latest");
    write(n, "first");
    write(n, "second");
    SecretValue v = store().get(n);
    assertThat(v.name()).isEqualTo(n);
    assertThat(v.secret().reveal()).isEqualTo("second");
    assertThat(v.version().isPresent()).as("version present iff VERSIONS").isEqualTo(has(SecretCapability.VERSIONS));
  }

  @Test
  void getByVersionReturnsThatVersionOrIsUnsupported() {
    String n = name("versioned");
    write(n, "v-one");
    SecretValue first = store().get(n);
    write(n, "v-two");
    if (has(SecretCapability.VERSIONS)) {
      String v1 = first.version().orElseThrow();
      SecretValue latest = store().get(n);
      assertThat(latest.version()).isPresent().isNotEqualTo(Optional.of(v1));
      assertThat(store().get(n, v1).secret().reveal()).isEqualTo("v-one");
      assertThat(store().get(n, latest.version().get()).secret().reveal()).isEqualTo("v-two");
    } else {
      assertThat(ysh(() -> store().get(n, "1")).code()).isEqualTo(ErrorCode.UNSUPPORTED);
    }
  }

  @Test
  void missingNameIsNotFound() {
    String n = name("does-not-exist");
    YshException e = ysh(() -> store().get(n));
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(e.getMessage()).contains(n);
    assertThat(store().getOptional(n)).isEmpty();
  }

  @Test
  void badNamesAreInvalidArgument() {
    for (String bad : new String[] {"", " ", "a b", "../up", "x//y", "tab\tname", "/lead"}) {
      assertThat(ysh(() -> store().get(bad)).code()).as("name '%s'", bad).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
    assertThat(ysh(() -> store().get(null)).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  // --- list -------------------------------------------------------------------------------

  @Test
  void listReturnsExactlyTheNamesWithThePrefixAcrossPages() {
    String listPrefix = name("list-");
    Set<String> expected = new LinkedHashSet<>();
    for (int i = 0; i < 5; i++) {
      expected.add(listPrefix + "n" + i);
    }
    if (!has(SecretCapability.LIST)) {
      assertThat(ysh(() -> store().list(listPrefix)).code()).isEqualTo(ErrorCode.UNSUPPORTED);
      return;
    }
    for (String n : expected) {
      write(n, "listed");
    }
    write(name("other"), "not listed");
    store(); // make sure the instrumented driver exists
    int before = plainDriver.lists.get();
    Set<String> listed = store().list(listPrefix).collect(Collectors.toCollection(LinkedHashSet::new));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    if (pageSize() > 0) {
      int pages = plainDriver.lists.get() - before;
      assertThat(pages).as("list pages fetched with page size %d", pageSize())
          .isGreaterThanOrEqualTo((expected.size() + pageSize() - 1) / pageSize());
    }
    assertThat(store().list(name("no-such-prefix-")).count()).isZero();
  }

  @Test
  void listIsLazy() {
    store();
    int before = plainDriver.lists.get();
    if (!has(SecretCapability.LIST)) {
      assertThat(ysh(() -> store().list(name("lazy-"))).code()).isEqualTo(ErrorCode.UNSUPPORTED);
      assertThat(plainDriver.lists.get()).as("refused before reaching the driver").isEqualTo(before);
      return;
    }
    java.util.stream.Stream<String> names = store().list(name("lazy-"));
    assertThat(plainDriver.lists.get()).as("no page fetched before the stream is consumed").isEqualTo(before);
    names.close();
  }

  // --- writes -----------------------------------------------------------------------------

  @Test
  void putCreatesANewVersionOrIsUnsupported() {
    String n = name("put");
    written.add(n);
    if (!has(SecretCapability.PUT)) {
      assertThat(ysh(() -> store().put(n, "x")).code()).isEqualTo(ErrorCode.UNSUPPORTED);
      return;
    }
    Optional<String> v1 = store().put(n, "one");
    Optional<String> v2 = store().put(n, "two");
    assertThat(v1.isPresent()).as("put returns a version iff VERSIONS").isEqualTo(has(SecretCapability.VERSIONS));
    if (has(SecretCapability.VERSIONS)) {
      assertThat(v2).isPresent().isNotEqualTo(v1);
      assertThat(store().get(n).version()).isEqualTo(v2);
      assertThat(store().get(n, v1.get()).secret().reveal()).isEqualTo("one");
    }
    assertThat(store().get(n).secret().reveal()).isEqualTo("two");
  }

  @Test
  void deleteRemovesTheSecretOrIsUnsupported() {
    String n = name("delete");
    write(n, "doomed");
    if (!has(SecretCapability.DELETE)) {
      assertThat(ysh(() -> store().delete(n)).code()).isEqualTo(ErrorCode.UNSUPPORTED);
      return;
    }
    store().delete(n);
    assertThat(ysh(() -> store().get(n)).code()).isEqualTo(ErrorCode.NOT_FOUND);
    store().delete(n); // deleting a missing secret is not an error
  }

  @Test
  void binaryValuesNeedTheCapability() {
    byte[] notUtf8 = {(byte) 0xff, 0, (byte) 0xc3, 0x28};
    String n = name("binary-check");
    written.add(n);
    if (has(SecretCapability.PUT) && !has(SecretCapability.BINARY_VALUES)) {
      YshException e = ysh(() -> store().put(n, Secret.ofBytes(notUtf8)));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains("UTF-8");
    } else if (has(SecretCapability.BINARY_VALUES)) {
      write(n, Secret.ofBytes(notUtf8));
      assertThat(store().get(n).secret().revealBytes()).isEqualTo(notUtf8);
    } else {
      assertThat(ysh(() -> store().put(n, Secret.ofBytes(notUtf8))).code()).isEqualTo(ErrorCode.UNSUPPORTED);
    }
    if (!has(SecretCapability.BINARY_VALUES)) {
      assertThat(store().getOptional(n)).as("a refused value leaves nothing behind").isEmpty();
    }
  }

  // --- JSON -------------------------------------------------------------------------------

  @Test
  void jsonFieldsAreReadable() {
    String n = name("json");
    write(n, "{\"username\":\"app\",\"password\":\"s3cr3t-ção\",\"port\":5432}");
    assertThat(store().getField(n, "password").reveal()).isEqualTo("s3cr3t-ção");
    assertThat(store().getField(n, "port").reveal()).isEqualTo("5432");
    @SuppressWarnings("unchecked")
    Map<String, Object> map = store().getJson(n, Map.class);
    assertThat(map).containsEntry("username", "app");
    assertThat(ysh(() -> store().getField(n, "missing")).code()).isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void nonJsonValueFailsWithoutEchoingIt() {
    String n = name("not-json");
    write(n, "hunter2-not-json");
    YshException e = ysh(() -> store().getField(n, "password"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).doesNotContain("hunter2");
    assertThat(e.getCause()).isNull();
  }

  // --- cache ------------------------------------------------------------------------------

  @Test
  void cacheServesWithinTheTtlAndSeesRotationAfterIt() {
    AtomicLong now = new AtomicLong();
    SecretStore cached = newStore(SecretCachePolicy.builder().ttl(Duration.ofSeconds(10)).refreshAhead(Duration.ZERO).ticker(now::get).build());
    String n = name("ttl");
    write(n, "before");
    assertThat(cached.get(n).secret().reveal()).isEqualTo("before");
    write(n, "after");
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(cached.get(n).secret().reveal()).as("fresh entry served from the cache").isEqualTo("before");
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(cached.get(n).secret().reveal()).as("rotation seen after the TTL").isEqualTo("after");
    assertThat(cached.cacheStats().hits()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void refreshAheadReloadsInTheBackground() {
    AtomicLong now = new AtomicLong();
    SecretStore cached = newStore(
        SecretCachePolicy.builder().ttl(Duration.ofSeconds(10)).refreshAhead(Duration.ofSeconds(5)).ticker(now::get).build());
    String n = name("refresh");
    write(n, "old");
    assertThat(cached.get(n).secret().reveal()).isEqualTo("old");
    write(n, "new");
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    assertThat(cached.get(n).secret().reveal()).as("a read in the window answers at once").isEqualTo("old");
    eventually(Duration.ofSeconds(20), () -> assertThat(cached.get(n).secret().reveal()).isEqualTo("new"));
    assertThat(cached.cacheStats().refreshes()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void staleIfErrorServesTheLastValueForABoundedTimeWhileTheBackendIsDown() {
    AtomicLong now = new AtomicLong();
    SecretStore cached = newStore(SecretCachePolicy.builder()
        .ttl(Duration.ofSeconds(10)).refreshAhead(Duration.ZERO).staleIfError(Duration.ofSeconds(60)).ticker(now::get).build());
    String n = name("stale");
    write(n, "last-known");
    assertThat(cached.get(n).secret().reveal()).isEqualTo("last-known");
    stopBackend();
    try {
      now.addAndGet(Duration.ofSeconds(20).toNanos());
      assertThat(cached.get(n).secret().reveal()).as("stale value while the backend is down").isEqualTo("last-known");
      assertThat(cached.cacheStats().staleServed()).isGreaterThanOrEqualTo(1);
      now.addAndGet(Duration.ofSeconds(60).toNanos());
      YshException e = ysh(() -> cached.get(n));
      assertThat(e.isRetryable()).as("backend down is a retryable error: %s", e).isTrue();
    } finally {
      restoreBackend();
    }
    // A restarted server may take a reconnect backoff to be seen again (gRPC channels do).
    eventually(Duration.ofSeconds(20), () -> assertThat(cached.get(n).secret().reveal()).isEqualTo("last-known"));
  }

  @Test
  void notFoundIsNeverHiddenByTheCache() {
    AtomicLong now = new AtomicLong();
    SecretStore cached = newStore(SecretCachePolicy.builder().ttl(Duration.ofSeconds(10)).ticker(now::get).build());
    String n = name("vanishing");
    write(n, "here");
    cached.get(n);
    if (deleteOutOfBand(n)) {
      now.addAndGet(Duration.ofSeconds(11).toNanos());
      Optional<SecretValue> after = cached.getOptional(n);
      assertThat(after).as("a deleted secret is not served stale").isEmpty();
      return;
    }
    // Nothing here can delete: check the other half, a NOT_FOUND is passed through the cache
    // unchanged and is not served once the secret exists and the TTL has passed.
    String later = name("vanishing-later");
    YshException missing = ysh(() -> cached.get(later));
    assertThat(missing.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(missing.getMessage()).contains(later);
    write(later, "now here");
    now.addAndGet(Duration.ofSeconds(11).toNanos());
    assertThat(cached.get(later).secret().reveal()).isEqualTo("now here");
  }

  @Test
  void invalidateForcesAReload() {
    AtomicLong now = new AtomicLong();
    SecretStore cached = newStore(SecretCachePolicy.builder().ttl(Duration.ofHours(1)).ticker(now::get).build());
    String n = name("invalidate");
    write(n, "a");
    assertThat(cached.get(n).secret().reveal()).isEqualTo("a");
    write(n, "b");
    assertThat(cached.get(n).secret().reveal()).isEqualTo("a");
    cached.invalidate(n);
    assertThat(cached.get(n).secret().reveal()).isEqualTo("b");
  }

  @Test
  void watchIsCalledWhenANewVersionAppears() {
    SecretStore cached = newStore(SecretCachePolicy.builder().ttl(Duration.ofMillis(200)).build());
    String n = name("watched");
    write(n, "v1");
    AtomicReference<SecretValue> seen = new AtomicReference<>();
    try (SecretWatch w = cached.watch(n, seen::set)) {
      assertThat(w.name()).isEqualTo(n);
      write(n, "v2");
      eventually(Duration.ofSeconds(15), () -> assertThat(seen.get()).isNotNull());
      assertThat(seen.get().secret().reveal()).isEqualTo("v2");
    }
  }

  // --- chain ------------------------------------------------------------------------------

  @Test
  void chainAnswersWithTheFirstStoreThatHasTheName() {
    String shared = name("chained");
    String onlyBackend = name("chained-backend-only");
    write(shared, "from-backend");
    write(onlyBackend, "backend");
    SecretStore override = SecretStore.builder(InMemorySecretDriver.of(Map.of(shared, "from-override"))).build();
    SecretStore chain = SecretStore.chain(override, newStore(SecretCachePolicy.disabled()));
    perTest.add(chain);
    assertThat(chain.get(shared).secret().reveal()).isEqualTo("from-override");
    assertThat(chain.get(onlyBackend).secret().reveal()).isEqualTo("backend");
    assertThat(ysh(() -> chain.get(name("in-no-store"))).code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(ysh(() -> chain.put(shared, "x")).code()).isEqualTo(ErrorCode.UNSUPPORTED);

    SecretStore reversed =
        SecretStore.chain(newStore(SecretCachePolicy.disabled()), SecretStore.builder(InMemorySecretDriver.of(Map.of(shared, "from-override"))).build());
    perTest.add(reversed);
    assertThat(reversed.get(shared).secret().reveal()).isEqualTo("from-backend");
  }

  // --- properties -------------------------------------------------------------------------

  @Test
  void unicodeValuesRoundTrip() {
    String n = name("unicode");
    qt().withExamples(examples())
        .forAll(textValues())
        .checkAssert(
            text -> {
              write(n, text);
              String back = store().get(n).secret().reveal();
              assertThat(back.getBytes(StandardCharsets.UTF_8)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            });
  }

  @Test
  void binaryValuesRoundTrip() {
    String n = name("bytes");
    if (!has(SecretCapability.BINARY_VALUES)) {
      // Without the capability, every non-UTF-8 value (0xFF never occurs in UTF-8) is refused
      // before the driver sees it, and nothing is stored.
      written.add(n);
      ErrorCode refusal = has(SecretCapability.PUT) ? ErrorCode.INVALID_ARGUMENT : ErrorCode.UNSUPPORTED;
      qt().withExamples(examples())
          .forAll(YshGenerators.byteArrays(0, 255).map(SecretStoreConformance::withInvalidUtf8))
          .checkAssert(
              bytes -> {
                assertThat(ysh(() -> store().put(n, Secret.ofBytes(bytes))).code()).isEqualTo(refusal);
                assertThat(store().getOptional(n)).isEmpty();
              });
      return;
    }
    qt().withExamples(examples())
        .forAll(YshGenerators.byteArrays(1, 256))
        .checkAssert(
            bytes -> {
              write(n, Secret.ofBytes(bytes));
              assertThat(store().get(n).secret().revealBytes()).isEqualTo(bytes);
            });
  }

  private static byte[] withInvalidUtf8(byte[] bytes) {
    byte[] b = new byte[bytes.length + 1];
    b[0] = (byte) 0xff;
    System.arraycopy(bytes, 0, b, 1, bytes.length);
    return b;
  }

  // --- hygiene ----------------------------------------------------------------------------

  @Test
  void valuesNeverPrintThemselves() {
    String n = name("printed");
    write(n, "do-not-print-me");
    SecretValue v = store().get(n);
    assertThat(v.toString()).doesNotContain("do-not-print-me").contains(n);
    assertThat(v.secret().toString()).doesNotContain("do-not-print-me");
    assertThat(store().toString()).doesNotContain("do-not-print-me");
  }

  @Test
  void unwrapOfAnUnrelatedTypeIsUnsupported() {
    assertThat(ysh(() -> store().unwrap(java.util.concurrent.Executor.class)).code()).isEqualTo(ErrorCode.UNSUPPORTED);
  }

  @Test
  void capabilitiesAreStable() {
    assertThatThrownBy(() -> store().capabilities().add(SecretCapability.PUT)).isInstanceOf(UnsupportedOperationException.class);
  }
}
