package io.ysh.queue.kafka;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Topic lookup, creation and limits through the Admin client. */
final class KafkaTopics {

  static final long ADMIN_TIMEOUT_SECONDS = 30;

  private KafkaTopics() {}

  static Admin admin(KafkaSettings s, String role) {
    Map<String, Object> p = s.common(role + "-admin");
    p.putIfAbsent("default.api.timeout.ms", 30_000);
    p.putIfAbsent("request.timeout.ms", 15_000);
    return Admin.create(p);
  }

  /**
   * Makes sure {@code topic} exists: creates it when allowed, else fails with NOT_FOUND.
   *
   * @return true when the topic was created by this call
   */
  static boolean ensure(Admin admin, KafkaSettings s, String topic, boolean create) throws Exception {
    if (exists(admin, topic)) {
      return false;
    }
    if (!create) {
      throw KafkaErrors.notFound(s, topic);
    }
    try {
      admin.createTopics(Set.of(new NewTopic(topic, Optional.of(s.partitions), Optional.empty())))
          .all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
      // created concurrently: fine, but it may not be visible yet either
    }
    // CreateTopics returns before every broker's metadata cache has the topic; calls right after
    // it (DescribeConfigs, the producer's first metadata request) could still see it as unknown.
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(ADMIN_TIMEOUT_SECONDS);
    while (!exists(admin, topic)) {
      if (System.nanoTime() - end > 0) {
        throw new UnknownTopicOrPartitionException("topic " + topic + " was created but is not visible yet");
      }
      Thread.sleep(50);
    }
    return true;
  }

  static boolean exists(Admin admin, String topic) throws Exception {
    try {
      admin.describeTopics(Set.of(topic)).allTopicNames().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw e;
    }
  }

  /**
   * The driver's reachability check: one {@code DescribeTopics} of {@code topic} through the
   * driver's admin client, with the request's own timeout set to {@code timeout} (a missing topic
   * is {@code UnknownTopicOrPartitionException}, an unreachable cluster a Kafka
   * {@code TimeoutException}).
   */
  static void ping(Admin admin, String topic, java.time.Duration timeout) throws Exception {
    int ms = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    org.apache.kafka.common.KafkaFuture<?> f = admin
        .describeTopics(Set.of(topic), new org.apache.kafka.clients.admin.DescribeTopicsOptions().timeoutMs(ms))
        .allTopicNames();
    try {
      f.get(ms, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    } catch (java.util.concurrent.TimeoutException e) {
      f.cancel(true);
      throw e;
    }
  }

  /** The topic's {@code max.message.bytes} (its own override, else the broker's {@code message.max.bytes}). */
  static int maxMessageBytes(Admin admin, String topic) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config c;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        c = admin.describeConfigs(Set.of(r)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(r);
        break;
      } catch (ExecutionException e) {
        // a topic just created (here or by someone else) may not have reached the broker answering yet
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() - end > 0) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
    ConfigEntry e = c == null ? null : c.get("max.message.bytes");
    if (e == null || e.value() == null) {
      return KafkaCodec.DEFAULT_MAX_REQUEST_SIZE;
    }
    return Integer.parseInt(e.value());
  }
}
