package io.ysh.queue.memory;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.List;

/** Publishes to an in-memory queue. */
final class MemoryTopicDriver implements TopicDriver {

  static final QueueCapabilities CAPS =
      QueueCapabilities.builder()
          .maxMessageBytes(256 * 1024)
          .maxBatchMessages(1000)
          .maxBatchBytes(16L * 1024 * 1024)
          .maxAttributes(50)
          .maxAttributeNameLength(256)
          .maxAttributeValueBytes(4096)
          .emptyBodyAllowed(true)
          .orderingKeys(true)
          .deduplication(true)
          .extendDeadline(true)
          .maxNackDelay(Duration.ofHours(12))
          .nativeDeadLetter(false)
          .build();

  private final MemoryQueue queue;

  MemoryTopicDriver(MemoryQueue queue) {
    this.queue = queue;
  }

  @Override
  public String provider() {
    return "mem";
  }

  @Override
  public String name() {
    return queue.name();
  }

  @Override
  public QueueCapabilities capabilities() {
    return CAPS;
  }

  @Override
  public List<String> sendBatch(List<Message> batch) {
    return queue.publish(batch);
  }

  @Override
  public ErrorMapper errorMapper() {
    return ErrorMapper.defaults();
  }


  /** The queue lives in this process: while the driver is open it is reachable. */
  @Override
  public void ping(Duration timeout) {}

  @Override
  public void close() {}
}
