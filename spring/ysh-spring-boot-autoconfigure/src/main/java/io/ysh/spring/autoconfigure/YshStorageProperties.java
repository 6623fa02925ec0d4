package io.ysh.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ysh.storage.*}: the application's {@link io.ysh.storage.ObjectStorage}. */
@ConfigurationProperties(prefix = "ysh.storage")
public class YshStorageProperties {

  /**
   * The storage URL, such as file:///srv/data, mem://test, s3://bucket?region=sa-east-1,
   * minio://host:9000/bucket, azblob://account/container or gs://bucket. The scheme's driver
   * artifact must be on the class path.
   */
  private String url;

  /** Creates empty properties. */
  public YshStorageProperties() {}

  /**
   * The storage URL.
   *
   * @return the URL, or {@code null}
   */
  public String getUrl() {
    return url;
  }

  /**
   * Sets the storage URL.
   *
   * @param url the URL
   */
  public void setUrl(String url) {
    this.url = url;
  }
}
