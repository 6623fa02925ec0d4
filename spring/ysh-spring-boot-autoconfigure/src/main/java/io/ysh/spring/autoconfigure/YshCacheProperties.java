package io.ysh.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ysh.cache.*}: the application's {@link io.ysh.cache.Cache}. */
@ConfigurationProperties(prefix = "ysh.cache")
public class YshCacheProperties {

  /**
   * The cache URL, such as mem://?namespace=app or redis://host:6379/0?namespace=app. The scheme's
   * driver artifact must be on the class path.
   */
  private String url;

  /** The Spring CacheManager over this cache (for @Cacheable). */
  private final SpringCache spring = new SpringCache();

  /** Creates empty properties. */
  public YshCacheProperties() {}

  /**
   * The Spring cache settings.
   *
   * @return the settings
   */
  public SpringCache getSpring() {
    return spring;
  }

  /**
   * The cache URL.
   *
   * @return the URL, or {@code null}
   */
  public String getUrl() {
    return url;
  }

  /**
   * Sets the cache URL.
   *
   * @param url the URL
   */
  public void setUrl(String url) {
    this.url = url;
  }

  /** {@code ysh.cache.spring.*}: the {@code CacheManager} behind {@code @Cacheable}. */
  public static class SpringCache {

    /** Whether to provide a CacheManager over the portable cache when caching is enabled (@EnableCaching). */
    private boolean enabled = true;

    /** Time to live of entries of caches without their own; none means the portable cache's default (or no expiry). */
    private Duration defaultTtl;

    /** Whether caches not listed under caches are created on first use (with default-ttl). */
    private boolean dynamic = true;

    /** Per-cache settings: ysh.cache.spring.caches.NAME.ttl. */
    private Map<String, CacheSpec> caches = new LinkedHashMap<>();

    /** Creates default settings. */
    public SpringCache() {}

    /**
     * Whether the cache manager is provided.
     *
     * @return whether it is
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the cache manager is provided.
     *
     * @param enabled whether it is
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The default time to live.
     *
     * @return the TTL, or {@code null}
     */
    public Duration getDefaultTtl() {
      return defaultTtl;
    }

    /**
     * Sets the default time to live.
     *
     * @param defaultTtl the TTL
     */
    public void setDefaultTtl(Duration defaultTtl) {
      this.defaultTtl = defaultTtl;
    }

    /**
     * Whether unlisted caches are created on first use.
     *
     * @return whether they are
     */
    public boolean isDynamic() {
      return dynamic;
    }

    /**
     * Sets whether unlisted caches are created on first use.
     *
     * @param dynamic whether they are
     */
    public void setDynamic(boolean dynamic) {
      this.dynamic = dynamic;
    }

    /**
     * The per-cache settings.
     *
     * @return the settings by cache name
     */
    public Map<String, CacheSpec> getCaches() {
      return caches;
    }

    /**
     * Sets the per-cache settings.
     *
     * @param caches the settings by cache name
     */
    public void setCaches(Map<String, CacheSpec> caches) {
      this.caches = caches;
    }
  }

  /** One Spring cache. */
  public static class CacheSpec {

    /** Time to live of this cache's entries. */
    private Duration ttl;

    /** Creates empty settings. */
    public CacheSpec() {}

    /**
     * The time to live.
     *
     * @return the TTL, or {@code null} for the default
     */
    public Duration getTtl() {
      return ttl;
    }

    /**
     * Sets the time to live.
     *
     * @param ttl the TTL
     */
    public void setTtl(Duration ttl) {
      this.ttl = ttl;
    }
  }
}
