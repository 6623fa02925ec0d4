package io.ysh.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ysh.cache.*}: the application's {@link io.ysh.cache.Cache}. */
@ConfigurationProperties(prefix = "ysh.cache")
public class YshCacheProperties {

  /**
   * The cache URL, such as mem://?namespace=app or redis://host:6379/0?namespace=app. The scheme's
   * driver artifact must be on the class path.
   */
  private String url;

  /** Creates empty properties. */
  public YshCacheProperties() {}

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
}
