package io.ysh.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ysh.queue.*}: named {@link io.ysh.queue.Topic} and {@link io.ysh.queue.Subscription}
 * beans. Each entry of {@code topics} gives a bean named {@code <name>Topic}, each entry of
 * {@code subscriptions} one named {@code <name>Subscription}; both carry the qualifier
 * {@code <name>}, so {@code @Qualifier("orders") Topic orders} injects the topic configured under
 * {@code ysh.queue.topics.orders.url}.
 */
@ConfigurationProperties(prefix = "ysh.queue")
public class YshQueueProperties {

  /** Topics by name: ysh.queue.topics.NAME.url. */
  private Map<String, Endpoint> topics = new LinkedHashMap<>();

  /** Subscriptions by name: ysh.queue.subscriptions.NAME.url. */
  private Map<String, Endpoint> subscriptions = new LinkedHashMap<>();

  /** Settings of @YshListener methods by subscription name: ysh.queue.listeners.NAME.max-concurrency etc. */
  private Map<String, Listener> listeners = new LinkedHashMap<>();

  /** Creates empty properties. */
  public YshQueueProperties() {}

  /**
   * The listener settings by subscription name.
   *
   * @return the settings
   */
  public Map<String, Listener> getListeners() {
    return listeners;
  }

  /**
   * Sets the listener settings.
   *
   * @param listeners the settings by subscription name
   */
  public void setListeners(Map<String, Listener> listeners) {
    this.listeners = listeners;
  }

  /** How the {@code @YshListener} methods of one subscription run. */
  public static class Listener {

    /** How many messages are handled at once. */
    private int maxConcurrency = 1;

    /** How long shutdown waits for messages in hand to finish. */
    private java.time.Duration drainTimeout = java.time.Duration.ofSeconds(30);

    /** Creates default settings. */
    public Listener() {}

    /**
     * The concurrency.
     *
     * @return the maximum number of messages handled at once
     */
    public int getMaxConcurrency() {
      return maxConcurrency;
    }

    /**
     * Sets the concurrency.
     *
     * @param maxConcurrency the maximum number of messages handled at once
     */
    public void setMaxConcurrency(int maxConcurrency) {
      this.maxConcurrency = maxConcurrency;
    }

    /**
     * The drain timeout.
     *
     * @return the timeout
     */
    public java.time.Duration getDrainTimeout() {
      return drainTimeout;
    }

    /**
     * Sets the drain timeout.
     *
     * @param drainTimeout the timeout
     */
    public void setDrainTimeout(java.time.Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
    }
  }

  /**
   * The topics by name.
   *
   * @return the topics
   */
  public Map<String, Endpoint> getTopics() {
    return topics;
  }

  /**
   * Sets the topics.
   *
   * @param topics the topics by name
   */
  public void setTopics(Map<String, Endpoint> topics) {
    this.topics = topics;
  }

  /**
   * The subscriptions by name.
   *
   * @return the subscriptions
   */
  public Map<String, Endpoint> getSubscriptions() {
    return subscriptions;
  }

  /**
   * Sets the subscriptions.
   *
   * @param subscriptions the subscriptions by name
   */
  public void setSubscriptions(Map<String, Endpoint> subscriptions) {
    this.subscriptions = subscriptions;
  }

  /** One topic or subscription. */
  public static class Endpoint {

    /**
     * The queue URL, such as mem://orders, rabbitmq://user:pass@host/orders, sqs://queue?region=...,
     * kafka://host:9092/topic or redis-stream://host:6379/stream. The scheme's driver artifact must
     * be on the class path.
     */
    private String url;

    /** Creates an empty endpoint. */
    public Endpoint() {}

    /**
     * The URL.
     *
     * @return the URL, or {@code null}
     */
    public String getUrl() {
      return url;
    }

    /**
     * Sets the URL.
     *
     * @param url the URL
     */
    public void setUrl(String url) {
      this.url = url;
    }
  }
}
