package io.ysh.queue.memory;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.QueueDriverProvider;
import io.ysh.queue.spi.QueueUrls;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Opens {@code mem://name} queues. All topics and subscriptions of one name in a JVM share one
 * queue (competing consumers). Parameters: {@code ackDeadline} (visibility timeout, default 30 s),
 * {@code create} ({@code false} makes a missing queue {@code NOT_FOUND}), {@code deadLetter}
 * (default {@code name.dlq}), plus the portable ones.
 */
public final class MemoryQueueDriverProvider implements QueueDriverProvider {

  static final ConcurrentMap<String, MemoryQueue> QUEUES = new ConcurrentHashMap<>();

  /** Creates the provider (no I/O). */
  public MemoryQueueDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("mem");
  }

  @Override
  public TopicDriver openTopic(ResourceUrl url) {
    return new MemoryTopicDriver(queue(url));
  }

  @Override
  public SubscriptionDriver openSubscription(ResourceUrl url) {
    MemoryQueue q = queue(url);
    Duration deadline = url.durationParam("ackDeadline").orElse(Duration.ofSeconds(30));
    if (deadline.isNegative() || deadline.isZero()) {
      throw YshException.invalidArgument("ackDeadline must be positive");
    }
    String dlq = url.param("deadLetter").orElse(q.name() + ".dlq");
    return new MemorySubscriptionDriver(q, deadline, dlq);
  }

  /**
   * Removes every in-memory queue (for tests).
   */
  public static void reset() {
    QUEUES.clear();
  }

  static MemoryQueue queue(String name) {
    return QUEUES.computeIfAbsent(name, MemoryQueue::new);
  }

  private static MemoryQueue queue(ResourceUrl url) {
    url.requireKnownParams(QueueUrls.known("create"));
    String name = url.host().orElse("");
    if (!url.pathSegments().isEmpty()) {
      name = name + "/" + String.join("/", url.pathSegments());
    }
    if (name.isEmpty()) {
      throw YshException.invalidArgument("mem:// URL needs a queue name, such as mem://orders");
    }
    if (!url.boolParam("create").orElse(true)) {
      MemoryQueue q = QUEUES.get(name);
      if (q == null) {
        throw YshException.builder(ErrorCode.NOT_FOUND).operation("queue.open").provider("mem").resource(name)
            .detail("no in-memory queue named " + name + " (create=false)").build();
      }
      return q;
    }
    return queue(name);
  }
}
