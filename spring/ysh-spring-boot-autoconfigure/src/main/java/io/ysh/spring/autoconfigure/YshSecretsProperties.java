package io.ysh.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /** What {@code spring.config.import=ysh-secrets:} loads into the Environment. */
  private final Import imports = new Import();

  /** Creates empty properties. */
  public YshSecretsProperties() {}

  /**
   * The settings of {@code spring.config.import=ysh-secrets:}.
   *
   * @return the settings
   */
  public Import getImport() {
    return imports;
  }

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

  /**
   * {@code ysh.secrets.import.*}: which secrets {@code spring.config.import=ysh-secrets:} loads as
   * properties, and how. Read at import time, from the files and sources loaded before the import.
   */
  public static class Import {

    /**
     * The secret names to load. Each becomes the property named property-prefix + the name with
     * every '/' turned into '.' (db/password is db.password). When empty, every name the store
     * lists under list-prefix is loaded (stores that cannot list then fail the import).
     */
    private List<String> keys = new ArrayList<>();

    /** With no keys, load only the names the store lists under this prefix (empty: every name). */
    private String listPrefix = "";

    /** Prepended to every property name, for example "app.secrets." (empty: none). */
    private String propertyPrefix = "";

    /**
     * Whether to watch the loaded secrets while the application runs: a rotated secret updates its
     * property (Environment.getProperty sees the new value) and publishes a YshSecretRotatedEvent.
     */
    private boolean refresh = true;

    /** How often watched secrets are read again to detect a rotation. */
    private Duration refreshInterval = Duration.ofMinutes(1);

    /** Creates default settings. */
    public Import() {}

    /**
     * The secret names to load.
     *
     * @return the names, empty to list the store
     */
    public List<String> getKeys() {
      return keys;
    }

    /**
     * Sets the secret names to load.
     *
     * @param keys the names
     */
    public void setKeys(List<String> keys) {
      this.keys = keys == null ? new ArrayList<>() : keys;
    }

    /**
     * The listing prefix used when no keys are given.
     *
     * @return the prefix
     */
    public String getListPrefix() {
      return listPrefix;
    }

    /**
     * Sets the listing prefix.
     *
     * @param listPrefix the prefix
     */
    public void setListPrefix(String listPrefix) {
      this.listPrefix = listPrefix == null ? "" : listPrefix;
    }

    /**
     * The prefix of the property names.
     *
     * @return the prefix
     */
    public String getPropertyPrefix() {
      return propertyPrefix;
    }

    /**
     * Sets the prefix of the property names.
     *
     * @param propertyPrefix the prefix
     */
    public void setPropertyPrefix(String propertyPrefix) {
      this.propertyPrefix = propertyPrefix == null ? "" : propertyPrefix;
    }

    /**
     * Whether rotations are watched.
     *
     * @return true to watch
     */
    public boolean isRefresh() {
      return refresh;
    }

    /**
     * Sets whether rotations are watched.
     *
     * @param refresh true to watch
     */
    public void setRefresh(boolean refresh) {
      this.refresh = refresh;
    }

    /**
     * How often watched secrets are read again.
     *
     * @return the interval
     */
    public Duration getRefreshInterval() {
      return refreshInterval;
    }

    /**
     * Sets how often watched secrets are read again.
     *
     * @param refreshInterval the interval, positive
     */
    public void setRefreshInterval(Duration refreshInterval) {
      this.refreshInterval = refreshInterval;
    }
  }
}
