package io.ysh.spring.autoconfigure;

import io.ysh.cache.Cache;
import io.ysh.core.YshException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;

/**
 * A {@link YshCacheManager} over the {@link Cache} bean, when the application enables caching
 * ({@code @EnableCaching}), has no {@link CacheManager} of its own and has not set
 * {@code ysh.cache.spring.enabled=false}. Runs before Spring Boot's cache auto-configuration, which
 * then backs off.
 */
@AutoConfiguration(
    after = YshCacheAutoConfiguration.class,
    beforeName = {
        "org.springframework.boot.autoconfigure.cache.CacheAutoConfiguration",
        "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration"
    })
@ConditionalOnClass({CacheManager.class, Cache.class})
@ConditionalOnBean(type = "org.springframework.cache.interceptor.CacheAspectSupport")
@ConditionalOnProperty(prefix = "ysh.cache.spring", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(YshCacheProperties.class)
public class YshSpringCacheAutoConfiguration {

  /** Creates the configuration. */
  public YshSpringCacheAutoConfiguration() {}

  /**
   * The cache manager.
   *
   * @param cache the portable cache
   * @param properties {@code ysh.cache.*}
   * @return the manager
   * @throws YshConfigurationException for a TTL that is not positive
   */
  @Bean
  @ConditionalOnBean(Cache.class)
  @ConditionalOnMissingBean(CacheManager.class)
  public YshCacheManager cacheManager(Cache cache, YshCacheProperties properties) {
    YshCacheProperties.SpringCache s = properties.getSpring();
    Duration defaultTtl = s.getDefaultTtl();
    check("ysh.cache.spring.default-ttl", defaultTtl);
    Map<String, Duration> ttls = new LinkedHashMap<>();
    s.getCaches().forEach((name, spec) -> {
      check("ysh.cache.spring.caches." + name + ".ttl", spec.getTtl());
      ttls.put(name, spec.getTtl());
    });
    try {
      return new YshCacheManager(cache, ttls, defaultTtl, s.isDynamic());
    } catch (YshException e) {
      throw new YshConfigurationException("ysh.cache.spring.caches", e.getMessage(), e);
    }
  }

  private static void check(String property, Duration ttl) {
    if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
      throw new YshConfigurationException(property, "must be a positive duration, was " + ttl, null);
    }
  }
}
