package io.ysh.spring.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ysh.asaas.webhook.*}: the Asaas webhook endpoint. It is created when
 * {@code auth-token} or {@code auth-token-secret} is set; keep the token out of configuration
 * files by naming its secret with {@code auth-token-secret}.
 */
@ConfigurationProperties(prefix = "ysh.asaas.webhook")
public class YshAsaasWebhookProperties {

  /** The path Asaas posts to (Spring MVC or WebFlux, whichever the application runs). */
  private String path = "/asaas/webhook";

  /** The token configured on the webhook in Asaas (32 to 255 characters). Prefer auth-token-secret. */
  private String authToken;

  /** The name of the secret holding the webhook's token in the configured secret store (ysh.secrets.url). */
  private String authTokenSecret;

  /**
   * The name of a configured topic (ysh.queue.topics.NAME.url) to publish each verified event to
   * before answering 200. Without it, each event is published as a Spring application event
   * (PaymentEvent or OtherEvent) to the listeners, synchronously, before answering 200.
   */
  private String topic;

  /** The largest body accepted (512 KiB by default, at least 1024); larger ones are answered 413 without being parsed. */
  private int maxBodyBytes = 524288;

  /** How long an event id is remembered against redeliveries, in the Cache bean when there is one. */
  private Duration dedupeTtl = Duration.ofDays(15);

  /** Creates default properties. */
  public YshAsaasWebhookProperties() {}

  /**
   * The path.
   *
   * @return the path
   */
  public String getPath() {
    return path;
  }

  /**
   * Sets the path.
   *
   * @param path the path, starting with '/'
   */
  public void setPath(String path) {
    this.path = path;
  }

  /**
   * The token.
   *
   * @return the token, or {@code null}
   */
  public String getAuthToken() {
    return authToken;
  }

  /**
   * Sets the token.
   *
   * @param authToken the token
   */
  public void setAuthToken(String authToken) {
    this.authToken = authToken;
  }

  /**
   * The name of the token's secret.
   *
   * @return the name, or {@code null}
   */
  public String getAuthTokenSecret() {
    return authTokenSecret;
  }

  /**
   * Sets the name of the token's secret.
   *
   * @param authTokenSecret the name
   */
  public void setAuthTokenSecret(String authTokenSecret) {
    this.authTokenSecret = authTokenSecret;
  }

  /**
   * The topic's name.
   *
   * @return the name, or {@code null} for application events
   */
  public String getTopic() {
    return topic;
  }

  /**
   * Sets the topic's name.
   *
   * @param topic the name of a configured topic
   */
  public void setTopic(String topic) {
    this.topic = topic;
  }

  /**
   * The body limit.
   *
   * @return bytes
   */
  public int getMaxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Sets the body limit.
   *
   * @param maxBodyBytes bytes, at least 1024
   */
  public void setMaxBodyBytes(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * How long event ids are remembered.
   *
   * @return the time
   */
  public Duration getDedupeTtl() {
    return dedupeTtl;
  }

  /**
   * Sets how long event ids are remembered.
   *
   * @param dedupeTtl the time, positive
   */
  public void setDedupeTtl(Duration dedupeTtl) {
    this.dedupeTtl = dedupeTtl;
  }
}
