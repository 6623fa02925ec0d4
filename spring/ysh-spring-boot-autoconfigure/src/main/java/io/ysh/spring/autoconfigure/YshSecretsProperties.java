package io.ysh.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ysh.secrets.*}: the application's {@link io.ysh.secrets.SecretStore}. */
@ConfigurationProperties(prefix = "ysh.secrets")
public class YshSecretsProperties {

  /**
   * The secret store URL, such as env://?prefix=APP_, file:///run/secrets/, vault://host:8200/secret,
   * awssm://?region=sa-east-1, azurekv://vault-name or gcpsm://project. The scheme's driver artifact
   * must be on the class path.
   */
  private String url;

  /** Creates empty properties. */
  public YshSecretsProperties() {}

  /**
   * The secret store URL.
   *
   * @return the URL, or {@code null}
   */
  public String getUrl() {
    return url;
  }

  /**
   * Sets the secret store URL.
   *
   * @param url the URL
   */
  public void setUrl(String url) {
    this.url = url;
  }
}
