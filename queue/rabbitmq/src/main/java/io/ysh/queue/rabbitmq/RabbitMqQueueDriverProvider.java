package io.ysh.queue.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.ysh.core.YshException;
import io.ysh.core.url.HostAndPort;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.QueueDriverProvider;
import io.ysh.queue.spi.QueueUrls;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.util.List;
import java.util.Set;

/**
 * Opens {@code rabbitmq://[user:password@]host[:port]/[vhost/]queue} URLs (vhost {@code /} by
 * default; write {@code %2F} for it explicitly). Parameters: {@code declare} (default true: declare
 * the durable queue with the dead-letter exchange {@code queue.dlx}, and retry queues per nack delay
 * as needed; false: the queue and {@code queue.retry} must exist, else {@code NOT_FOUND}), {@code prefetch} (default 100), {@code deadLetter} (default
 * {@code queue.dlq}), {@code confirmTimeout} (default 30 s), {@code tls} (default false), plus the
 * portable ones ({@code ackDeadline} is ignored: RabbitMQ deliveries stay with the consumer until
 * its channel closes).
 */
public final class RabbitMqQueueDriverProvider implements QueueDriverProvider {

  static final Set<String> PARAMS = QueueUrls.known("declare", "prefetch", "confirmTimeout", "tls");

  /** Creates the provider (no I/O). */
  public RabbitMqQueueDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("rabbitmq");
  }

  @Override
  public TopicDriver openTopic(ResourceUrl url) {
    Settings s = Settings.of(url);
    return RabbitMqErrors.open(s, () -> new RabbitMqTopicDriver(s, connect(s)));
  }

  @Override
  public SubscriptionDriver openSubscription(ResourceUrl url) {
    Settings s = Settings.of(url);
    return RabbitMqErrors.open(s, () -> new RabbitMqSubscriptionDriver(s, connect(s)));
  }

  static Connection connect(Settings s) throws Exception {
    ConnectionFactory f = new ConnectionFactory();
    f.setHost(s.host);
    f.setPort(s.port);
    f.setVirtualHost(s.vhost);
    f.setUsername(s.user);
    f.setPassword(s.password);
    f.setAutomaticRecoveryEnabled(true);
    f.setConnectionTimeout(10_000);
    if (s.tls) {
      f.useSslProtocol();
    }
    return f.newConnection("ysh-queue:" + s.queue);
  }

  /** Parsed URL. */
  static final class Settings {
    final String host;
    final int port;
    final String vhost;
    final String user;
    final String password;
    final String queue;
    final boolean declare;
    final int prefetch;
    final String deadLetter;
    final long confirmTimeoutMs;
    final boolean tls;

    private Settings(ResourceUrl url) {
      url.requireKnownParams(PARAMS);
      HostAndPort hp = url.singleHost("RabbitMQ broker");
      tls = url.boolParam("tls").orElse(false);
      host = hp.host();
      port = hp.port() > 0 ? hp.port() : (tls ? 5671 : 5672);
      user = url.username().orElse("guest");
      password = url.password().map(p -> p.reveal()).orElse("guest");
      List<String> segs = url.pathSegments();
      if (segs.size() == 1 && !segs.get(0).isEmpty()) {
        vhost = "/";
        queue = segs.get(0);
      } else if (segs.size() == 2 && !segs.get(1).isEmpty()) {
        vhost = segs.get(0).isEmpty() ? "/" : segs.get(0);
        queue = segs.get(1);
      } else {
        throw YshException.invalidArgument("rabbitmq:// URL needs /queue or /vhost/queue, such as rabbitmq://localhost/orders");
      }
      declare = url.boolParam("declare").orElse(true);
      prefetch = url.intParam("prefetch").orElse(100);
      if (prefetch < 1 || prefetch > 65535) {
        throw YshException.invalidArgument("prefetch must be between 1 and 65535");
      }
      deadLetter = url.param("deadLetter").orElse(queue + ".dlq");
      confirmTimeoutMs = url.durationParam("confirmTimeout").map(d -> d.toMillis()).orElse(30_000L);
    }

    static Settings of(ResourceUrl url) {
      return new Settings(url);
    }

    /** The retry queue with {@code declare=false}: per-message TTL, declared by the user. */
    String retryQueue() {
      return queue + ".retry";
    }

    /**
     * The retry queue for one delay with {@code declare=true}: its queue-wide TTL is the delay, so
     * every message in it expires in publish order and a long delay never holds back a short one.
     */
    String retryQueue(long delayMs) {
      return queue + ".retry." + delayMs + "ms";
    }

    /** The fanout exchange a declared queue dead-letters into; the dead-letter queue is bound to it. */
    String deadLetterExchange() {
      return deadLetterExchange(queue);
    }

    static String deadLetterExchange(String queue) {
      return queue + ".dlx";
    }
  }
}
