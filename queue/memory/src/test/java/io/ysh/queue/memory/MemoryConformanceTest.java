package io.ysh.queue.memory;

import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.conformance.QueueConformance;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Runs the queue conformance suite against the in-memory driver. */
class MemoryConformanceTest extends QueueConformance {

  private static final MemoryQueueDriverProvider PROVIDER = new MemoryQueueDriverProvider();

  @Override
  protected String url(String queue) {
    return "mem://" + queue;
  }

  // Through the URL provider, as Topic.open gets it, rather than MemoryQueues.builder(): the suite then also
  // proves the URL reading of every subscription option; the builder has its own tests.
  @Override
  protected TopicDriver newTopicDriver(String queue) {
    return PROVIDER.openTopic(ResourceUrl.parse(url(queue)));
  }

  @Override
  protected SubscriptionDriver newSubscriptionDriver(SubscriptionSpec spec) {
    return PROVIDER.openSubscription(ResourceUrl.parse(spec.appendTo(url(spec.queue()))));
  }

  @Override
  protected Optional<String> missingQueueUrl() {
    return Optional.of("mem://never-created-" + System.nanoTime() + "?create=false");
  }

  /** Every entry of the queue: the in-memory queue keeps a message until it is acked. */
  @Override
  protected OptionalLong messagesLeft(String queue) {
    MemoryQueue q = MemoryQueueDriverProvider.QUEUES.get(queue);
    return OptionalLong.of(q == null ? 0 : q.size());
  }

  @Override
  protected List<String> malformedUrls() {
    return List.of("mem://", "mem://q?create=perhaps");
  }
}
