package io.ysh.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.core.telemetry.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The portable layer's own behaviour, over an in-test driver. */
class SecretStoreTest {

  private static YshException ysh(Runnable r) {
    YshException e = catchThrowableOfType(YshException.class, r::run);
    assertThat(e).isNotNull();
    return e;
  }

  private static SecretStore store(TestDriver d, SecretCachePolicy cache) {
    return SecretStore.builder(d).resilience(ResiliencePolicy.none()).telemetry(Telemetry.noop()).cache(cache).build();
  }

  @Test
  void validNamesPassAndInvalidOnesSayWhy() {
    for (String ok : List.of("a", "db-password", "billing/db/password", "A_B+c=d.e@f", "x".repeat(512))) {
      assertThat(SecretNames.validate(ok)).isEqualTo(ok);
    }
    assertThat(ysh(() -> SecretNames.validate("a b")).getMessage()).contains("whitespace U+0020").contains("index 1");
    assertThat(ysh(() -> SecretNames.validate("a\u0000b")).getMessage()).contains("control character");
    assertThat(ysh(() -> SecretNames.validate("x".repeat(513))).getMessage()).contains("513");
    assertThat(ysh(() -> SecretNames.validate("a/./b")).getMessage()).contains("segments");
    assertThat(ysh(() -> SecretNames.validate("a/..")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(ysh(() -> SecretNames.validate("ção")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void nameValidationNeverAcceptsWhitespaceOrNonAscii() {
    qt().forAll(strings().allPossible().ofLengthBetween(1, 20))
        .checkAssert(s -> {
          boolean portable = s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "/_+=.@-".indexOf(c) >= 0));
          try {
            SecretNames.validate(s);
            assertThat(portable).as("accepted '%s'", s).isTrue();
          } catch (YshException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          }
        });
  }

  @Test
  void concurrentMissesLoadOnce() throws Exception {
    TestDriver d = TestDriver.of(Map.of("hot", "v"));
    d.gate = new CountDownLatch(1);
    try (SecretStore s = store(d, SecretCachePolicy.ttl(Duration.ofMinutes(1)))) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<SecretValue>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> s.get("hot")));
      }
      Thread.sleep(100);
      d.gate.countDown();
      for (Future<SecretValue> f : results) {
        assertThat(f.get(5, TimeUnit.SECONDS).secret().reveal()).isEqualTo("v");
      }
      pool.shutdown();
      assertThat(d.gets.get()).as("single flight").isEqualTo(1);
    }
  }

  @Test
  void staleIsServedOnlyForRetryableErrors() {
    AtomicLong now = new AtomicLong();
    TestDriver d = TestDriver.of(Map.of("k", "v"));
    try (SecretStore s = store(d, SecretCachePolicy.builder().ttl(Duration.ofSeconds(1)).ticker(now::get).build())) {
      s.get("k");
      now.addAndGet(Duration.ofSeconds(2).toNanos());
      d.failWith.set(YshException.of(ErrorCode.PERMISSION_DENIED, "policy changed"));
      assertThat(ysh(() -> s.get("k")).code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
      d.failWith.set(YshException.of(ErrorCode.TIMEOUT, "slow"));
      assertThat(s.get("k").secret().reveal()).isEqualTo("v");
      assertThat(s.cacheStats().staleServed()).isEqualTo(1);
      assertThat(s.cacheStats().loadFailures()).isEqualTo(2);
    }
  }

  @Test
  void aChainDoesNotFallThroughOnErrorsOtherThanNotFound() {
    TestDriver broken = TestDriver.of(Map.of());
    broken.failWith.set(YshException.of(ErrorCode.UNAVAILABLE, "down"));
    SecretStore chain = SecretStore.chain(store(broken, SecretCachePolicy.disabled()), store(TestDriver.of(Map.of("k", "fallback")), SecretCachePolicy.disabled()));
    assertThat(ysh(() -> chain.get("k")).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(chain.provider()).isEqualTo("chain(test,test)");
    chain.close();
    assertThat(broken.closed).as("closing the chain closes its stores").isTrue();
  }

  @Test
  void aChainListsTheDistinctUnionAndIsReadOnly() {
    SecretStore chain = SecretStore.chain(
        store(TestDriver.of(Map.of("a", "1", "b", "2")), SecretCachePolicy.disabled()),
        store(TestDriver.of(Map.of("b", "3", "c", "4")), SecretCachePolicy.disabled()));
    assertThat(chain.list("").toList()).containsExactly("a", "b", "c");
    assertThat(chain.get("b").secret().reveal()).isEqualTo("2");
    assertThat(ysh(() -> chain.delete("a")).code()).isEqualTo(ErrorCode.UNSUPPORTED);
    assertThat(chain.supports(SecretCapability.PUT)).isFalse();
    assertThat(ysh(() -> SecretStore.chain()).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void unsupportedOperationsNameTheCapability() {
    TestDriver readOnly = new TestDriver(EnumSet.of(SecretCapability.LIST));
    try (SecretStore s = store(readOnly, SecretCachePolicy.disabled())) {
      YshException e = ysh(() -> s.put("a", "b"));
      assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
      assertThat(e.getMessage()).contains("PUT").contains("test");
      assertThat(ysh(() -> s.get("a", "1")).getMessage()).contains("VERSIONS");
    }
  }

  @Test
  void putIsNotRetriedButGetIs() {
    TestDriver d = TestDriver.of(Map.of("k", "v"));
    ResiliencePolicy retry = ResiliencePolicy.builder().retry(RetryPolicy.exponential(3, Duration.ofMillis(1), Duration.ofMillis(2))).build();
    try (SecretStore s = SecretStore.builder(d).resilience(retry).telemetry(Telemetry.noop()).build()) {
      d.failWith.set(YshException.of(ErrorCode.UNAVAILABLE, "blip"));
      ysh(() -> s.get("k"));
      assertThat(d.gets.get()).isEqualTo(3);
    }
  }

  @Test
  void watchFiresWhenASecretAppearsAndOnRotation() throws Exception {
    TestDriver d = TestDriver.of(Map.of());
    try (SecretStore s = SecretStore.builder(d).resilience(ResiliencePolicy.none()).telemetry(Telemetry.noop())
        .watchInterval(Duration.ofMillis(20)).build()) {
      List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
      SecretWatch w = s.watch("w", v -> seen.add(v.secret().reveal()));
      d.put("w", Secret.of("first"));
      waitFor(() -> seen.size() == 1);
      d.put("w", Secret.of("second"));
      waitFor(() -> seen.size() == 2);
      assertThat(seen).containsExactly("first", "second");
      w.close();
      d.put("w", Secret.of("third"));
      Thread.sleep(100);
      assertThat(seen).hasSize(2);
    }
  }

  @Test
  void aThrowingListenerKeepsBeingCalled() throws Exception {
    TestDriver d = TestDriver.of(Map.of("w", "0"));
    AtomicReference<String> last = new AtomicReference<>();
    try (SecretStore s = SecretStore.builder(d).resilience(ResiliencePolicy.none()).telemetry(Telemetry.noop())
        .watchInterval(Duration.ofMillis(20)).build()) {
      s.watch("w", v -> {
        last.set(v.secret().reveal());
        throw new IllegalStateException("listener bug with " + v.secret().reveal());
      });
      d.put("w", Secret.of("1"));
      waitFor(() -> "1".equals(last.get()));
      d.put("w", Secret.of("2"));
      waitFor(() -> "2".equals(last.get()));
    }
  }

  @Test
  void jsonBindingErrorsNeverQuoteTheValue() {
    try (SecretStore s = store(TestDriver.of(Map.of("j", "{\"port\": \"s3cr3t-port\"}")), SecretCachePolicy.disabled())) {
      record Conf(int port) {}
      YshException e = ysh(() -> s.getJson("j", Conf.class));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("Conf");
      assertThat(e.getCause()).isNull();
    }
  }

  @Test
  void valuesAndPoliciesPrintNoValue() {
    SecretValue v = SecretValue.builder("n", Secret.of("hidden-value")).version("3").label("a", "b").build();
    assertThat(v.toString()).isEqualTo("SecretValue[name=n, version=3, value=****]");
    assertThat(v).isEqualTo(SecretValue.builder("n", Secret.of("hidden-value")).version("3").label("a", "b").build());
    assertThat(SecretCachePolicy.ttl(Duration.ofSeconds(5)).toString()).contains("PT5S");
    assertThat(ysh(() -> SecretCachePolicy.builder().ttl(Duration.ofSeconds(5)).refreshAhead(Duration.ofSeconds(5)).build()).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void capabilitiesCheckedBeforeTheDriver() {
    TestDriver d = new TestDriver(Set.of());
    try (SecretStore s = store(d, SecretCachePolicy.disabled())) {
      ysh(() -> s.list(""));
      assertThat(d.gets.get()).isZero();
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(10);
    }
  }
}
