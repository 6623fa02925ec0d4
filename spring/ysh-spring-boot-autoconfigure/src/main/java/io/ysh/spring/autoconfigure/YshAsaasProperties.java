package io.ysh.spring.autoconfigure;

import io.ysh.asaas.AsaasEnvironment;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ysh.asaas.*}: the application's {@link io.ysh.asaas.AsaasClient}. The client is created
 * when {@code api-key} or {@code api-key-secret} is set; the API key itself is best kept out of
 * the configuration files: name it with {@code api-key-secret} and let the configured
 * {@link io.ysh.secrets.SecretStore} provide it.
 */
@ConfigurationProperties(prefix = "ysh.asaas")
public class YshAsaasProperties {

  /** The Asaas environment, SANDBOX or PRODUCTION; checked against the API key's prefix. Without it: SANDBOX, or no check when base-url is set. */
  private AsaasEnvironment environment;

  /** A base URL instead of the environment's, such as a simulator's (http://127.0.0.1:PORT/v3). */
  private String baseUrl;

  /** The API key itself. Prefer api-key-secret, which reads it from the secret store. */
  private String apiKey;

  /** The name of the secret holding the API key in the configured secret store (ysh.secrets.url). */
  private String apiKeySecret;

  /** Connect timeout of the HTTP client. */
  private Duration connectTimeout;

  /** Read timeout of the HTTP client. */
  private Duration readTimeout;

  /** Timeout of one create POST (Asaas advises at least 60 s for card charges). */
  private Duration createTimeout;

  /** Appended to the User-Agent header, such as my-service/1.2. */
  private String userAgentSuffix;

  /** Creates default properties. */
  public YshAsaasProperties() {}

  /**
   * The environment.
   *
   * @return the environment
   */
  public AsaasEnvironment getEnvironment() {
    return environment;
  }

  /**
   * Sets the environment.
   *
   * @param environment the environment
   */
  public void setEnvironment(AsaasEnvironment environment) {
    this.environment = environment;
  }

  /**
   * The base URL override.
   *
   * @return the URL, or {@code null}
   */
  public String getBaseUrl() {
    return baseUrl;
  }

  /**
   * Sets the base URL override.
   *
   * @param baseUrl the URL
   */
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * The API key.
   *
   * @return the key, or {@code null}
   */
  public String getApiKey() {
    return apiKey;
  }

  /**
   * Sets the API key.
   *
   * @param apiKey the key
   */
  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  /**
   * The name of the secret holding the API key.
   *
   * @return the name, or {@code null}
   */
  public String getApiKeySecret() {
    return apiKeySecret;
  }

  /**
   * Sets the name of the secret holding the API key.
   *
   * @param apiKeySecret the name
   */
  public void setApiKeySecret(String apiKeySecret) {
    this.apiKeySecret = apiKeySecret;
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
   * The create timeout.
   *
   * @return the timeout, or {@code null} for the client's default
   */
  public Duration getCreateTimeout() {
    return createTimeout;
  }

  /**
   * Sets the create timeout.
   *
   * @param createTimeout the timeout
   */
  public void setCreateTimeout(Duration createTimeout) {
    this.createTimeout = createTimeout;
  }

  /**
   * The User-Agent suffix.
   *
   * @return the suffix, or {@code null}
   */
  public String getUserAgentSuffix() {
    return userAgentSuffix;
  }

  /**
   * Sets the User-Agent suffix.
   *
   * @param userAgentSuffix the suffix
   */
  public void setUserAgentSuffix(String userAgentSuffix) {
    this.userAgentSuffix = userAgentSuffix;
  }
}
