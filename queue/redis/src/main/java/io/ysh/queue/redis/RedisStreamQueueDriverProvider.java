package io.ysh.queue.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.ysh.core.YshException;
import io.ysh.core.url.HostAndPort;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.QueueDriverProvider;
import io.ysh.queue.spi.QueueUrls;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Opens {@code redis-stream://[user:password@]host[:port]/stream} URLs. Parameters: {@code db}
 * (default 0), {@code tls} (default false), {@code group} (consumer group, default {@code ysh};
 * created at the start of the stream when missing), {@code consumer} (default a random name per
 * subscription), {@code ackDeadline} (idle time after which another consumer claims a delivery,
 * default 30 s; also the longest nack delay and deadline extension), {@code maxLen} (approximate
 * stream cap on publish, default none), {@code create} (false: a missing stream is
 * {@code NOT_FOUND}), {@code deadLetter} (default {@code stream.dlq}), plus the portable ones.
 */
public final class RedisStreamQueueDriverProvider implements QueueDriverProvider {

  static final Set<String> PARAMS = QueueUrls.known("db", "tls", "group", "consumer", "maxLen", "create");

  private static volatile ClientResources resources;

  /** Creates the provider (no I/O). */
  public RedisStreamQueueDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("redis-stream");
  }

  @Override
  public TopicDriver openTopic(ResourceUrl url) {
    Settings s = new Settings(url);
    return RedisErrors.open(s, () -> new RedisStreamTopicDriver(s));
  }

  @Override
  public SubscriptionDriver openSubscription(ResourceUrl url) {
    Settings s = new Settings(url);
    return RedisErrors.open(s, () -> new RedisStreamSubscriptionDriver(s));
  }

  static ClientResources resources() {
    ClientResources r = resources;
    if (r == null) {
      synchronized (RedisStreamQueueDriverProvider.class) {
        r = resources;
        if (r == null) {
          r = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
          resources = r;
        }
      }
    }
    return r;
  }

  /** Parsed URL. */
  static final class Settings {
    final RedisURI uri;
    final String stream;
    final String group;
    final String consumer;
    final Duration ackDeadline;
    final Long maxLen;
    final boolean create;
    final String deadLetter;

    Settings(ResourceUrl url) {
      url.requireKnownParams(PARAMS);
      HostAndPort hp = url.singleHost("Redis server");
      if (url.pathSegments().size() != 1 || url.pathSegments().get(0).isEmpty()) {
        throw YshException.invalidArgument("redis-stream:// URL needs /stream, such as redis-stream://localhost:6379/orders");
      }
      stream = url.pathSegments().get(0);
      RedisURI.Builder b = RedisURI.builder().withHost(hp.host()).withPort(hp.port() > 0 ? hp.port() : 6379)
          .withDatabase(url.intParam("db").orElse(0)).withSsl(url.boolParam("tls").orElse(false))
          .withTimeout(Duration.ofSeconds(10));
      if (url.password().isPresent()) {
        char[] pw = url.password().get().reveal().toCharArray();
        if (url.username().isPresent()) {
          b.withAuthentication(url.username().get(), pw);
        } else {
          b.withPassword(pw);
        }
      }
      uri = b.build();
      group = url.param("group").orElse("ysh");
      consumer = url.param("consumer").orElse("ysh-" + UUID.randomUUID());
      ackDeadline = url.durationParam("ackDeadline").orElse(Duration.ofSeconds(30));
      if (ackDeadline.toMillis() < 1) {
        throw YshException.invalidArgument("ackDeadline must be at least 1 ms");
      }
      maxLen = url.intParam("maxLen").map(Integer::longValue).orElse(null);
      create = url.boolParam("create").orElse(true);
      deadLetter = url.param("deadLetter").orElse(stream + ".dlq");
    }
  }
}
