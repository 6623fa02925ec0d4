package io.ysh.examples;

import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.SubscribeOptions;
import io.ysh.queue.Subscriber;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Queue: a worker with bounded concurrency, dead letters and graceful shutdown.
 *
 * <ul>
 *   <li>at most 4 handlers run at once ({@link SubscribeOptions#withMaxConcurrency});
 *   <li>a handler that throws nacks its message, which comes back with backoff; after
 *       {@code maxAttempts} deliveries it moves to the dead-letter queue ({@code <queue>.dlq}),
 *       body and attributes intact, never dropped;
 *   <li>{@link Subscriber#close(Duration)} stops fetching, lets running handlers finish, and hands
 *       the messages no handler started back to the queue, where the next worker finds them.
 * </ul>
 *
 * <pre>
 * mvn -q -DskipTests -Pdemo -pl examples -am verify -Dysh.demo.main=io.ysh.examples.QueueWorkerExample
 * YSH_QUEUE_URL=rabbitmq://guest:guest@127.0.0.1/orders (same command; the DLQ is orders.dlq)
 * </pre>
 */
public final class QueueWorkerExample {

  private static final int MAX_CONCURRENCY = 4;

  private final PrintStream out;
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger maxActive = new AtomicInteger();
  private final Set<String> done = ConcurrentHashMap.newKeySet();
  private final AtomicInteger poisonAttempts = new AtomicInteger();

  /**
   * An example.
   *
   * @param out where the report goes
   */
  public QueueWorkerExample(PrintStream out) {
    this.out = out;
  }

  /**
   * What the example saw.
   *
   * @param published how many orders were published
   * @param processed how many distinct orders were handled successfully
   * @param deadLettered the ids found on the dead-letter queue
   * @param poisonAttempts how many times the poison orders were tried
   * @param maxConcurrent the most handlers seen running at once
   * @param startedBeforeShutdown slow orders whose handler had started when shutdown began
   * @param finishedAfterShutdown of those, how many finished (graceful: all)
   * @param pickedUpAfterRestart slow orders handled by the next worker
   */
  public record Result(int published, int processed, List<String> deadLettered, int poisonAttempts, int maxConcurrent,
      int startedBeforeShutdown, int finishedAfterShutdown, int pickedUpAfterRestart) {}

  /**
   * Runs on {@code YSH_QUEUE_URL} (default {@code mem://ysh-example-orders}).
   *
   * @param args ignored
   * @throws Exception if it fails
   */
  public static void main(String[] args) throws Exception {
    String queue = System.getenv().getOrDefault("YSH_QUEUE_URL", "mem://ysh-example-orders");
    new QueueWorkerExample(System.out).run(queue, 24);
  }

  /**
   * Publishes {@code orders} orders (every seventh is poison) to {@code queueUrl}, works them off,
   * reads the dead letters, then shows a graceful shutdown with slow orders.
   *
   * @param queueUrl the queue, without parameters
   * @param orders how many orders
   * @return what happened
   * @throws Exception if it fails
   */
  public Result run(String queueUrl, int orders) throws Exception {
    String subUrl = queueUrl + "?maxAttempts=3&nackDelay=50ms";
    SubscribeOptions options = SubscribeOptions.defaults().withMaxConcurrency(MAX_CONCURRENCY)
        .withPollWait(Duration.ofMillis(200)).withDrainTimeout(Duration.ofSeconds(10));
    List<String> poison = new ArrayList<>();
    try (Topic topic = Topic.open(queueUrl);
        Subscription sub = Subscription.open(subUrl);
        Subscription dlq = Subscription.open(queueUrl + ".dlq")) {
      List<Message> batch = new ArrayList<>();
      for (int i = 1; i <= orders; i++) {
        boolean bad = i % 7 == 0;
        if (bad) {
          poison.add("order-" + i);
        }
        batch.add(Message.builder().body("{\"order\":" + i + "}").attribute("id", "order-" + i)
            .attribute("poison", String.valueOf(bad)).build());
      }
      topic.publishAll(batch);
      out.printf("published %d orders (%d poison) to %s%n", orders, poison.size(), topic.name());

      long t0 = System.nanoTime();
      try (Subscriber worker = sub.subscribe(this::handle, options)) {
        QuickStartDemo.waitFor(() -> done.size() >= orders - poison.size(), Duration.ofSeconds(30));
        List<String> dead = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (dead.size() < poison.size() && System.nanoTime() < deadline) {
          for (ReceivedMessage m : dlq.receive(10, Duration.ofMillis(500))) {
            dead.add(m.attributes().get("id"));
            m.ack();
          }
        }
        out.printf("worked off %d orders in %d ms with at most %d handlers at once (limit %d)%n", done.size(),
            (System.nanoTime() - t0) / 1_000_000, maxActive.get(), MAX_CONCURRENCY);
        out.printf("dead letters after %d attempts each: %s (poison tried %d times in all)%n", 3, dead, poisonAttempts.get());

        Shutdown s = gracefulShutdown(topic, sub, worker, options);
        return new Result(orders, done.size() - s.total, dead, poisonAttempts.get(), maxActive.get(), s.started, s.finished,
            s.pickedUp);
      }
    }
  }

  private record Shutdown(int total, int started, int finished, int pickedUp) {}

  private final Set<String> slowStarted = ConcurrentHashMap.newKeySet();
  private final Set<String> slowFinished = ConcurrentHashMap.newKeySet();

  private Shutdown gracefulShutdown(Topic topic, Subscription sub, Subscriber worker, SubscribeOptions options) throws Exception {
    int slow = 12;
    List<Message> batch = new ArrayList<>();
    for (int i = 1; i <= slow; i++) {
      batch.add(Message.builder().body("{\"slow\":" + i + "}").attribute("id", "slow-" + i).attribute("slow", "true").build());
    }
    topic.publishAll(batch);
    QuickStartDemo.waitFor(() -> slowStarted.size() >= 2, Duration.ofSeconds(10));
    worker.close(Duration.ofSeconds(10));   // stop fetching; running handlers finish; the rest goes back
    Set<String> startedAtClose = Set.copyOf(slowStarted);
    int finished = (int) startedAtClose.stream().filter(slowFinished::contains).count();
    out.printf("shutdown with %d slow orders started: %d finished before close returned, none interrupted%n",
        startedAtClose.size(), finished);
    Subscriber next = sub.subscribe(this::handle, options);
    try {
      QuickStartDemo.waitFor(() -> slowFinished.size() >= slow, Duration.ofSeconds(30));
    } finally {
      next.close();
    }
    int pickedUp = slow - startedAtClose.size();
    out.printf("the next worker picked up the other %d: %d/%d slow orders done, none lost%n", pickedUp, slowFinished.size(), slow);
    return new Shutdown(slow, startedAtClose.size(), finished, pickedUp);
  }

  private void handle(ReceivedMessage m) throws Exception {
    int now = active.incrementAndGet();
    maxActive.accumulateAndGet(now, Math::max);
    try {
      String id = m.attributes().get("id");
      if ("true".equals(m.attributes().get("poison"))) {
        poisonAttempts.incrementAndGet();
        throw new IllegalArgumentException(id + ": unknown product code");   // nack -> retry -> dead letter
      }
      if ("true".equals(m.attributes().get("slow"))) {
        slowStarted.add(id);
        Thread.sleep(300);
        slowFinished.add(id);
      } else {
        Thread.sleep(15);   // the "work"
      }
      done.add(id);   // idempotent: a redelivered order is recorded once
    } finally {
      active.decrementAndGet();
    }
  }

  @Override
  public String toString() {
    return "QueueWorkerExample[maxConcurrency=" + MAX_CONCURRENCY + "]";
  }
}
