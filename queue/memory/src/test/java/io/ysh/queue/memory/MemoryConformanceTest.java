package io.ysh.queue.memory;

import io.ysh.testkit.queue.QueueConformance;
import java.util.List;
import java.util.Optional;

/** Runs the queue conformance suite against the in-memory driver. */
class MemoryConformanceTest extends QueueConformance {

  @Override
  protected String url(String queue) {
    return "mem://" + queue;
  }

  @Override
  protected Optional<String> missingQueueUrl() {
    return Optional.of("mem://never-created-" + System.nanoTime() + "?create=false");
  }

  @Override
  protected List<String> malformedUrls() {
    return List.of("mem://", "mem://q?create=perhaps");
  }
}
