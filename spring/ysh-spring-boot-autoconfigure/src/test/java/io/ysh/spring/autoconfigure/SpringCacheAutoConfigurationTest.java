package io.ysh.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.cache.Cache;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The CacheManager over the portable cache: @Cacheable, @CacheEvict, per-cache TTLs, back-off. */
class SpringCacheAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          YshTelemetryAutoConfiguration.class, YshCacheAutoConfiguration.class, YshSpringCacheAutoConfiguration.class));

  /** A service whose results are cached. */
  public interface Quotes {
    /**
     * A quote.
     *
     * @param id the id
     * @return the quote
     */
    String quote(String id);

    /**
     * A quote that may be absent.
     *
     * @param id the id
     * @return {@code null}
     */
    String missing(String id);

    /**
     * Forgets a quote.
     *
     * @param id the id
     */
    void forget(String id);

    /**
     * How many times a method body ran.
     *
     * @return the count
     */
    int calls();
  }

  static final class CountingQuotes implements Quotes {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    @Cacheable("quotes")
    public String quote(String id) {
      return "quote-" + id + "-" + calls.incrementAndGet();
    }

    @Override
    @Cacheable("quotes")
    public String missing(String id) {
      calls.incrementAndGet();
      return null;
    }

    @Override
    @CacheEvict("quotes")
    public void forget(String id) {}

    @Override
    public int calls() {
      return calls.get();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableCaching
  static class CachingApp {
    @Bean
    Quotes quotes() {
      return new CountingQuotes();
    }
  }

  @Test
  void cacheableHitsThePortableCacheInItsOwnNamespace() {
    runner.withUserConfiguration(CachingApp.class)
        .withPropertyValues("ysh.cache.url=mem://?namespace=app")
        .run(ctx -> {
          assertThat(ctx.getBean(CacheManager.class)).isInstanceOf(YshCacheManager.class);
          Quotes q = ctx.getBean(Quotes.class);
          String first = q.quote("1");
          assertThat(q.quote("1")).isEqualTo(first);
          assertThat(q.calls()).isEqualTo(1);
          assertThat(ctx.getBean(Cache.class).namespace("quotes").exists("1")).isTrue();

          q.forget("1");
          assertThat(ctx.getBean(Cache.class).namespace("quotes").exists("1")).isFalse();
          assertThat(q.quote("1")).isNotEqualTo(first);
          assertThat(q.calls()).isEqualTo(2);

          assertThat(q.missing("x")).isNull();
          assertThat(q.missing("x")).isNull();
          assertThat(q.calls()).as("null is cached too").isEqualTo(3);
        });
  }

  @Test
  void perCacheTtlExpiresEntries() {
    runner.withUserConfiguration(CachingApp.class)
        .withPropertyValues("ysh.cache.url=mem://?namespace=ttl", "ysh.cache.spring.caches.quotes.ttl=300ms",
            "ysh.cache.spring.default-ttl=1h")
        .run(ctx -> {
          YshCacheManager manager = ctx.getBean(YshCacheManager.class);
          assertThat(manager.getCacheNames()).contains("quotes");
          assertThat(((YshSpringCache) manager.getCache("quotes")).ttl()).hasMillis(300);
          assertThat(((YshSpringCache) manager.getCache("other")).ttl()).hasHours(1);
          Quotes q = ctx.getBean(Quotes.class);
          q.quote("1");
          q.quote("1");
          assertThat(q.calls()).isEqualTo(1);
          Thread.sleep(600);
          q.quote("1");
          assertThat(q.calls()).isEqualTo(2);
        });
  }

  @Test
  void staticManagerKnowsOnlyConfiguredCaches() {
    runner.withUserConfiguration(CachingApp.class)
        .withPropertyValues("ysh.cache.url=mem://?namespace=static", "ysh.cache.spring.dynamic=false",
            "ysh.cache.spring.caches.quotes.ttl=1m")
        .run(ctx -> {
          assertThat(ctx.getBean(CacheManager.class).getCache("quotes")).isNotNull();
          assertThat(ctx.getBean(CacheManager.class).getCache("unknown")).isNull();
        });
  }

  @Test
  void noCachingNoManager() {
    runner.withPropertyValues("ysh.cache.url=mem://?namespace=none")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(CacheManager.class));
  }

  @Test
  void disabledOrUserManagerBacksOff() {
    runner.withUserConfiguration(CachingApp.class)
        .withPropertyValues("ysh.cache.url=mem://?namespace=off", "ysh.cache.spring.enabled=false")
        .run(ctx -> {
          // nothing else in this context offers a CacheManager, so @EnableCaching finds none
          assertThat(ctx).hasFailed();
          assertThat(ctx.getStartupFailure()).hasMessageContaining("CacheManager");
        });
    runner.withUserConfiguration(CachingApp.class)
        .withBean(CacheManager.class, ConcurrentMapCacheManager::new)
        .withPropertyValues("ysh.cache.url=mem://?namespace=mine")
        .run(ctx -> assertThat(ctx.getBean(CacheManager.class)).isInstanceOf(ConcurrentMapCacheManager.class));
  }

  @Test
  void nonPositiveTtlFailsNamingTheProperty() {
    runner.withUserConfiguration(CachingApp.class)
        .withPropertyValues("ysh.cache.url=mem://?namespace=bad", "ysh.cache.spring.caches.quotes.ttl=0s")
        .run(ctx -> {
          assertThat(ctx).hasFailed();
          assertThat(new YshConfigurationFailureAnalyzer().analyze(ctx.getStartupFailure()).getDescription())
              .contains("ysh.cache.spring.caches.quotes.ttl");
        });
  }
}
