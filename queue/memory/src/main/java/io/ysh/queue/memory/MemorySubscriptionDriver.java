package io.ysh.queue.memory;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.DriverMessage;
import io.ysh.queue.spi.SubscriptionDriver;
import java.time.Duration;
import java.util.List;

/** Consumes an in-memory queue. */
final class MemorySubscriptionDriver implements SubscriptionDriver {

  private final MemoryQueue queue;
  private final Duration ackDeadline;
  private final String deadLetter;

  MemorySubscriptionDriver(MemoryQueue queue, Duration ackDeadline, String deadLetter) {
    this.queue = queue;
    this.ackDeadline = ackDeadline;
    this.deadLetter = deadLetter;
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
    return MemoryTopicDriver.CAPS;
  }

  @Override
  public List<DriverMessage> receiveBatch(int max, Duration wait) throws InterruptedException {
    return queue.receive(max, wait, ackDeadline);
  }

  @Override
  public void ack(List<String> ackIds) {
    ackIds.forEach(queue::ack);
  }

  @Override
  public void nack(List<String> ackIds, Duration delay) {
    ackIds.forEach(id -> queue.nack(id, delay));
  }

  @Override
  public void extendDeadline(String ackId, Duration extension) {
    queue.extend(ackId, extension);
  }

  @Override
  public void deadLetter(List<DriverMessage> messages) {
    MemoryQueue dlq = MemoryQueueDriverProvider.queue(deadLetter);
    List<Message> copies = messages.stream().map(d -> d.message().toBuilder().deduplicationId(null).build()).toList();
    dlq.publish(copies);
    messages.forEach(d -> queue.ack(d.ackId()));
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
