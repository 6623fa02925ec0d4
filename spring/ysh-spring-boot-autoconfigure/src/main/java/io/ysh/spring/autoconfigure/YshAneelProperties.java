package io.ysh.spring.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ysh.aneel.*}: the application's {@link io.ysh.aneel.AneelClient} and tariffs. */
@ConfigurationProperties(prefix = "ysh.aneel")
public class YshAneelProperties {

  /** Whether to create the AneelClient bean (it makes no request until used). */
  private boolean enabled = true;

  /** The portal's URL, such as a simulator's; default https://dadosabertos.aneel.gov.br. */
  private String baseUrl;

  /** Connect timeout of the HTTP client. */
  private Duration connectTimeout;

  /** Read timeout of the HTTP client. */
  private Duration readTimeout;

  /** The tariff calculator bean (YshTariffs). */
  private final Tariffs tariffs = new Tariffs();

  /** Creates default properties. */
  public YshAneelProperties() {}

  /**
   * Whether the client bean is created.
   *
   * @return whether it is
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets whether the client bean is created.
   *
   * @param enabled whether it is
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * The portal's URL.
   *
   * @return the URL, or {@code null} for the real portal
   */
  public String getBaseUrl() {
    return baseUrl;
  }

  /**
   * Sets the portal's URL.
   *
   * @param baseUrl the URL
   */
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * The connect timeout.
   *
   * @return the timeout, or {@code null} for the client's default
   */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the connect timeout.
   *
   * @param connectTimeout the timeout
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * The read timeout.
   *
   * @return the timeout, or {@code null} for the client's default
   */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /**
   * Sets the read timeout.
   *
   * @param readTimeout the timeout
   */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /**
   * The tariff settings.
   *
   * @return the settings
   */
  public Tariffs getTariffs() {
    return tariffs;
  }

  /** {@code ysh.aneel.tariffs.*}. */
  public static class Tariffs {

    /** Whether to create the YshTariffs bean, which downloads the tariff and flag tables on first use. */
    private boolean enabled;

    /** How long a loaded TariffCalculator serves before the tables are downloaded again. */
    private Duration refreshInterval = Duration.ofHours(24);

    /** Creates default settings. */
    public Tariffs() {}

    /**
     * Whether the bean is created.
     *
     * @return whether it is
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the bean is created.
     *
     * @param enabled whether it is
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The refresh interval.
     *
     * @return the interval
     */
    public Duration getRefreshInterval() {
      return refreshInterval;
    }

    /**
     * Sets the refresh interval.
     *
     * @param refreshInterval the interval
     */
    public void setRefreshInterval(Duration refreshInterval) {
      this.refreshInterval = refreshInterval;
    }
  }
}
