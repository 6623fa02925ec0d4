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

  /** Creates empty properties. */
  public YshQueueProperties() {}

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
