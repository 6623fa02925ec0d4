package io.ysh.cache.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.cache.Cache;
import io.ysh.cache.conformance.CacheConformance;
import io.ysh.cache.spi.CacheDriver;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import org.junit.jupiter.api.Test;

/** The conformance suite on the in-memory driver, plus its own options. */
class MemoryConformanceTest extends CacheConformance {

  @Override
  protected CacheDriver newDriver() {
    return MemoryCacheDriver.unbounded();
  }

  @Test
  void unwrapGivesTheCaffeineCache() {
    assertThat(cache.unwrap(com.github.benmanes.caffeine.cache.Cache.class)).isNotNull();
  }

  @Test
  void eachMemUrlIsAPrivateStore() {
    try (Cache a = Cache.open("mem://?namespace=x"); Cache b = Cache.open("mem://?namespace=x")) {
      a.strings().put("k", "v");
      assertThat(b.strings().get("k")).isEmpty();
    }
  }

  @Test
  void boundedStoresEvict() {
    try (Cache small = Cache.open("mem://?maxSize=10&namespace=n")) {
      for (int i = 0; i < 1000; i++) {
        small.strings().put("k" + i, "v");
      }
      small.unwrap(com.github.benmanes.caffeine.cache.Cache.class).cleanUp();
      assertThat(small.unwrap(com.github.benmanes.caffeine.cache.Cache.class).estimatedSize()).isLessThanOrEqualTo(10);
    }
  }

  @Test
  void unknownUrlParametersAreRejected() {
    assertThatThrownBy(() -> Cache.open("mem://?maxsize=10"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void closedCacheFails() {
    Cache c = Cache.open("mem://");
    c.close();
    c.close();
    assertThatThrownBy(() -> c.strings().get("k")).isInstanceOf(YshException.class);
  }
}
