package io.ysh.queue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import io.ysh.queue.spi.DriverMessage;
import io.ysh.queue.spi.SubscriptionDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Acks are sent in the background (Go CDK style). These tests pin down what that may cost: an ack
 * that never reached the queue (the process died before the flush, or the ack failed) only means
 * the message is delivered again after its deadline, never lost; and {@code close()} flushes every
 * queued ack before it releases the driver, so a clean shutdown causes no redelivery at all.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryAckFlushTest {

  /** The real in-memory driver, with acks that can be held back (a process about to die) or counted. */
  static final class GatedAcks implements SubscriptionDriver {
    final SubscriptionDriver real;
    final CountDownLatch release = new CountDownLatch(1);
    final boolean hold;
    final AtomicInteger acked = new AtomicInteger();
    volatile boolean closed;

    GatedAcks(String url, boolean hold) {
      this.real = new MemoryQueueDriverProvider().openSubscription(ResourceUrl.parse(url));
      this.hold = hold;
    }

    @Override
    public String provider() {
      return real.provider();
    }

    @Override
    public String name() {
      return real.name();
    }

    @Override
    public QueueCapabilities capabilities() {
      return real.capabilities();
    }

    @Override
    public List<DriverMessage> receiveBatch(int max, Duration wait) throws Exception {
      return real.receiveBatch(max, wait);
    }

    @Override
    public void ack(List<String> ackIds) throws Exception {
      if (hold) {
        release.await();
        throw YshException.of(ErrorCode.UNAVAILABLE, "the process died before this ack was sent");
      }
      if (closed) {
        throw new IllegalStateException("ack after the driver was closed");
      }
      real.ack(ackIds);
      acked.addAndGet(ackIds.size());
    }

    @Override
    public void nack(List<String> ackIds, Duration delay) throws Exception {
      real.nack(ackIds, delay);
    }

    @Override
    public void extendDeadline(String ackId, Duration extension) throws Exception {
      real.extendDeadline(ackId, extension);
    }

    @Override
    public void deadLetter(List<DriverMessage> messages) throws Exception {
      real.deadLetter(messages);
    }

    @Override
    public ErrorMapper errorMapper() {
      return real.errorMapper();
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
      return real.unwrap(type);
    }

    @Override
    public void close() {
      closed = true;
      real.close();
    }
  }

  private static Subscription over(SubscriptionDriver d) {
    return Subscription.builder(d).resilience(ResiliencePolicy.none()).telemetry(Telemetry.noop()).build();
  }

  @Test
  void anAckThatNeverReachedTheQueueMeansRedeliveryNotLoss() {
    String url = "mem://ack-crash-" + UUID.randomUUID() + "?ackDeadline=500ms";
    try (Topic t = Topic.open(url)) {
      t.publish(Message.of("precious"));
    }
    GatedAcks dying = new GatedAcks(url, true);
    Subscription doomed = over(dying);
    ReceivedMessage m = doomed.receive(1, Duration.ofSeconds(5)).get(0);
    m.ack(); // returns at once: the ack is only queued
    assertThat(m.isSettled()).isTrue();
    // The process "dies" here: the queued ack is never sent, and the subscription is never closed.

    try (Subscription next = Subscription.open(url)) {
      List<ReceivedMessage> again = new ArrayList<>();
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (again.isEmpty() && System.nanoTime() < end) {
        again.addAll(next.receive(1, Duration.ofMillis(500)));
      }
      assertThat(again).as("redelivered after the ack deadline").hasSize(1);
      assertThat(again.get(0).bodyAsString()).isEqualTo("precious");
      assertThat(again.get(0).deliveryAttempt()).isEqualTo(2);
      again.get(0).ack();
    }
    dying.release.countDown();
    doomed.close(); // the held ack fails; it is logged, nothing else happens
  }

  /**
   * The deadline is long (a minute), so that no message can come back while the test is still
   * receiving on a slow machine: every one of the 2,500 is delivered once, and "nothing comes
   * back" is the queue's own count of unacked entries reaching 0, not a wait.
   */
  @Test
  void closeFlushesEveryQueuedAckBeforeReleasingTheDriver() {
    String name = "ack-flush-" + UUID.randomUUID();
    String url = "mem://" + name + "?ackDeadline=60s";
    List<Message> batch = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      batch.add(Message.of("m" + i));
    }
    try (Topic t = Topic.open(url)) {
      t.publishAll(batch);
    }
    GatedAcks counting = new GatedAcks(url, false);
    Subscription sub = over(counting);
    java.util.Set<String> received = new java.util.HashSet<>();
    int deliveries = 0;
    while (received.size() < 2500) {
      for (ReceivedMessage m : sub.receive(500, Duration.ofSeconds(1))) {
        m.ack();
        received.add(m.bodyAsString());
        deliveries++;
      }
    }
    assertThat(deliveries).as("each delivered once").isEqualTo(2500);
    sub.close(); // must send every ack queued above before the driver closes
    assertThat(counting.acked.get()).isEqualTo(2500);
    assertThat(MemoryQueueDriverProvider.QUEUES.get(name).size()).as("nothing left to come back after the deadline").isZero();
  }
}
