package io.ysh.queue.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.SubscribeOptions;
import io.ysh.queue.Subscriber;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import io.ysh.testkit.gen.YshGenerators;
import io.ysh.testkit.server.fault.FaultProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The conformance suite every queue driver runs against a real server: extend it in a test named
 * {@code <Driver>ConformanceTest} and implement {@link #newTopicDriver(String)} and
 * {@link #newSubscriptionDriver(SubscriptionSpec)}, which return <em>drivers</em>; the suite
 * builds every {@link Topic} and {@link Subscription} over them itself (as Go CDK's
 * {@code drivertest} harnesses do), with the portable options of the test. {@link #url(String)}
 * gives the same queue as a URL, for the tests of opening by URL.
 *
 * <pre>{@code
 * class MemoryConformanceTest extends QueueConformance {
 *   private static final MemoryQueueDriverProvider PROVIDER = new MemoryQueueDriverProvider();
 *
 *   @Override
 *   protected String url(String queue) {
 *     return "mem://" + queue;
 *   }
 *
 *   @Override
 *   protected TopicDriver newTopicDriver(String queue) {
 *     return PROVIDER.openTopic(ResourceUrl.parse(url(queue)));
 *   }
 *
 *   @Override
 *   protected SubscriptionDriver newSubscriptionDriver(SubscriptionSpec spec) {
 *     return PROVIDER.openSubscription(ResourceUrl.parse(spec.appendTo(url(spec.queue()))));
 *   }
 * }
 * }</pre>
 *
 * <p>Every test uses fresh queue names (a random prefix per test), so the suite can run against a
 * broker shared with other tests. It checks, for every driver: a round trip with attributes; 1,000
 * messages published in batches and received exactly once when acked; nack → redelivery after the
 * requested delay with a higher attempt count; a throwing handler → redelivery; dead-lettering after
 * N attempts without loss; a consumer closed without draining → redelivery to a new consumer;
 * per-key ordering where claimed (and {@code UNSUPPORTED} where not); deduplication where claimed;
 * graceful drain and bounded concurrency of push subscribers; a message at the provider's size limit
 * and a clear error above it; attribute and body validation before sending; unknown parameters and
 * malformed URLs; {@code ping} on a live topic and subscription (and {@code UNAVAILABLE} within
 * its timeout once the broker is unreachable, where {@link #brokerAddress()} is given);
 * and arbitrary Unicode and binary bodies (QuickTheories properties).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class QueueConformance {

  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger counter = new AtomicInteger();

  /** Creates the suite. */
  protected QueueConformance() {
    // Load the generators' class up front: property tests run last, and a class path entry
    // rebuilt meanwhile (a shared working tree) should not turn into a NoClassDefFoundError.
    YshGenerators.byteArrays(0, 1);
  }

  /**
   * What the suite asks of a subscription's driver: the destination and the settings a driver
   * applies itself. The portable settings ({@code maxAttempts} counting, the nack backoff) are
   * applied by the suite on the {@link Subscription} it builds; {@code maxAttempts} is given here
   * too for drivers that hand dead-lettering to their provider.
   *
   * @param queue the queue (or stream, or topic and its subscription) name
   * @param ackDeadline the ack deadline (visibility timeout) to use, for providers that have one
   * @param maxAttempts deliveries before dead-lettering, 0 for none
   * @param deadLetter the dead-letter destination's name, when the test names one
   */
  public record SubscriptionSpec(String queue, Duration ackDeadline, int maxAttempts, Optional<String> deadLetter) {

    /**
     * Checks the components.
     *
     * @param queue the queue name
     * @param ackDeadline the ack deadline
     * @param maxAttempts deliveries before dead-lettering, 0 for none
     * @param deadLetter the dead-letter destination's name
     */
    public SubscriptionSpec {
      java.util.Objects.requireNonNull(queue, "queue");
      java.util.Objects.requireNonNull(ackDeadline, "ackDeadline");
      java.util.Objects.requireNonNull(deadLetter, "deadLetter");
    }

    /**
     * A queue URL with these settings appended as the portable parameters {@code ackDeadline},
     * {@code maxAttempts} (when not 0) and {@code deadLetter} (when given), for drivers opened
     * through their URL provider.
     *
     * @param url the queue's URL
     * @return the URL with the parameters
     */
    public String appendTo(String url) {
      String u = withParam(url, "ackDeadline", ackDeadline.toMillis() + "ms");
      if (maxAttempts != 0) {
        u = withParam(u, "maxAttempts", Integer.toString(maxAttempts));
      }
      if (deadLetter.isPresent()) {
        u = withParam(u, "deadLetter", deadLetter.get());
      }
      return u;
    }
  }

  /**
   * The URL of a queue (or stream, or topic and its subscription) named {@code queue}, with the
   * driver's own parameters, for the tests of opening by URL (unknown and malformed parameters);
   * the suite appends parameters with {@code ?} or {@code &}.
   *
   * @param queue a fresh name: letters, digits and dashes
   * @return the URL
   */
  protected abstract String url(String queue);

  /**
   * A new publisher driver of the queue named {@code queue}, creating the destination if the
   * provider needs it. A message published through it must reach a subscription on the same name
   * even when the subscription is opened after the publish. The suite closes it with the topic.
   *
   * @param queue a fresh name: letters, digits and dashes
   * @return the driver
   */
  protected abstract TopicDriver newTopicDriver(String queue);

  /**
   * A new consumer driver of the queue {@code spec.queue()}, with the spec's ack deadline and
   * dead-letter settings. The suite closes it with the subscription.
   *
   * @param spec the queue and its settings
   * @return the driver
   */
  protected abstract SubscriptionDriver newSubscriptionDriver(SubscriptionSpec spec);

  /**
   * The ack deadline (visibility timeout) the suite asks for with {@code ackDeadline}; short, so
   * abandoned deliveries come back quickly. Drivers whose provider has no deadline ignore it.
   *
   * @return 3 seconds by default
   */
  protected Duration ackDeadline() {
    return Duration.ofSeconds(3);
  }

  /**
   * How long the suite waits for something that should happen.
   *
   * @return 30 seconds by default
   */
  protected Duration patience() {
    return Duration.ofSeconds(30);
  }

  /**
   * A URL naming a destination that does not exist and is not created on open, or empty when the
   * driver always creates destinations.
   *
   * @return the URL
   */
  protected Optional<String> missingQueueUrl() {
    return Optional.empty();
  }

  /**
   * Malformed URLs of this driver (no destination name, a path where none belongs, a bad value for
   * one of the driver's parameters…): opening each as a topic and as a subscription must fail with
   * {@code INVALID_ARGUMENT} before anything is sent. Empty by default.
   *
   * @return the URLs
   */
  protected List<String> malformedUrls() {
    return List.of();
  }

  /**
   * How many messages of {@code queue} are not acked yet (ready, in flight or delayed), as the
   * broker counts them, or empty when the provider cannot tell. The suite's "nothing left" checks
   * wait for this count to reach 0, a positive signal that acked messages are gone for good (an
   * ack lost on the way would show up as a message still in flight, invisible until its
   * deadline); without a count they use a sentinel message published afterwards, which shows
   * that nothing else was <em>visible</em>. Empty by default.
   *
   * @param queue the queue (or stream, or topic and its subscription) name
   * @return the count
   */
  protected OptionalLong messagesLeft(String queue) {
    return OptionalLong.empty();
  }

  /**
   * A native type {@code unwrap} must hand out, or empty when the driver has none.
   *
   * @return the type
   */
  protected Optional<Class<?>> nativeType() {
    return Optional.empty();
  }

  /**
   * The broker's address, for the unreachable-broker ping test: the suite puts a
   * {@link FaultProxy} in front of it, opens drivers through the proxy with
   * {@link #newTopicDriverVia} and {@link #newSubscriptionDriverVia}, then closes the proxy. Empty
   * (the default) skips that test, for drivers with no broker (memory) or no way to redirect one.
   *
   * @return the broker's host and port
   */
  protected Optional<java.net.InetSocketAddress> brokerAddress() {
    return Optional.empty();
  }

  /**
   * A publisher driver of {@code queue} that reaches the broker at {@code host:port} instead of
   * its real address (with the same credentials). Called only when {@link #brokerAddress()} is
   * present.
   *
   * @param queue the queue name
   * @param host the proxy's host
   * @param port the proxy's port
   * @return the driver
   */
  protected TopicDriver newTopicDriverVia(String queue, String host, int port) {
    throw new UnsupportedOperationException("brokerAddress() is set but newTopicDriverVia is not overridden");
  }

  /**
   * A consumer driver of {@code queue} that reaches the broker at {@code host:port} instead of its
   * real address (with the same credentials). Called only when {@link #brokerAddress()} is present.
   *
   * @param queue the queue name
   * @param host the proxy's host
   * @param port the proxy's port
   * @return the driver
   */
  protected SubscriptionDriver newSubscriptionDriverVia(String queue, String host, int port) {
    throw new UnsupportedOperationException("brokerAddress() is set but newSubscriptionDriverVia is not overridden");
  }

  /** Closes what the test opened. */
  @AfterEach
  void closeAll() {
    List<AutoCloseable> all = new ArrayList<>(toClose);
    Collections.reverse(all);
    toClose.clear();
    for (AutoCloseable c : all) {
      try {
        c.close();
      } catch (Exception e) {
        // best effort
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * A fresh queue name, unique for the run.
   *
   * @return the name
   */
  protected String freshQueue() {
    return "ysh-qc-" + runId + "-" + counter.incrementAndGet();
  }

  /**
   * Appends a query parameter to a URL.
   *
   * @param url the URL
   * @param name the parameter
   * @param value the value
   * @return the URL with the parameter
   */
  protected static String withParam(String url, String name, String value) {
    return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
  }

  /**
   * Opens a topic for the test (closed after it).
   *
   * @param queue the queue name
   * @return the topic
   */
  protected Topic topic(String queue) {
    Topic t = Topic.builder(newTopicDriver(queue)).resilience(ResiliencePolicy.defaults()).telemetry(Telemetry.noop()).build();
    toClose.add(t);
    return t;
  }

  /**
   * Opens a subscription for the test (closed after it), with the suite's ack deadline, a
   * 100 ms nack backoff base and no dead-lettering.
   *
   * @param queue the queue name
   * @return the subscription
   */
  protected Subscription subscription(String queue) {
    return subscription(new SubscriptionSpec(queue, ackDeadline(), 0, Optional.empty()));
  }

  /**
   * Opens a subscription for the test (closed after it) with the given settings and a 100 ms
   * nack backoff base: the one place the suite wires a subscription driver into the portable type.
   *
   * @param spec the queue and its settings
   * @return the subscription
   */
  protected Subscription subscription(SubscriptionSpec spec) {
    Subscription s = Subscription.builder(newSubscriptionDriver(spec)).telemetry(Telemetry.noop())
        .maxDeliveryAttempts(spec.maxAttempts()).nackDelay(Duration.ofMillis(100)).build();
    toClose.add(s);
    return s;
  }

  private List<ReceivedMessage> receiveAtLeast(Subscription s, int n) {
    List<ReceivedMessage> got = new ArrayList<>();
    long end = System.nanoTime() + patience().toNanos();
    while (got.size() < n && System.nanoTime() < end) {
      got.addAll(s.receive(n - got.size(), Duration.ofMillis(500)));
    }
    assertThat(got).as("messages received within %s", patience()).hasSizeGreaterThanOrEqualTo(n);
    return got;
  }

  private ReceivedMessage receiveOne(Subscription s) {
    return receiveAtLeast(s, 1).get(0);
  }

  private void await(String what, BooleanSupplier condition) {
    long end = System.nanoTime() + patience().toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("timed out after " + patience() + " waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  /**
   * Proves that {@code queue} holds nothing more for {@code sub}: the broker's count
   * ({@link #messagesLeft}) reaches 0, or, where the provider cannot count, a sentinel published
   * now is received and nothing else arrives before it. A positive signal either way, so the
   * check cannot pass merely because the broker was slow.
   */
  private void assertNothingLeft(String queue, Subscription sub, String what) {
    if (messagesLeft(queue).isPresent()) {
      await(what + " (the broker counts 0 messages left in " + queue + ")", () -> messagesLeft(queue).getAsLong() == 0);
      return;
    }
    String sentinel = "sentinel-" + UUID.randomUUID();
    Topic t = topic(queue);
    Message.Builder b = Message.builder().body(sentinel);
    if (t.capabilities().orderingKeys()) {
      b.orderingKey("sentinel");
    }
    t.publish(b.build());
    List<String> others = new ArrayList<>();
    long end = System.nanoTime() + patience().toNanos();
    while (System.nanoTime() < end) {
      for (ReceivedMessage m : sub.receive(10, Duration.ofMillis(500))) {
        m.ack();
        if (m.bodyAsString().equals(sentinel)) {
          assertThat(others).as(what + ": delivered before a sentinel published after them").isEmpty();
          return;
        }
        others.add(m.bodyAsString());
      }
    }
    fail(what + ": a sentinel published to " + queue + " did not arrive within " + patience() + "; other messages: " + others);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }

  private static void assertCode(Runnable r, ErrorCode code) {
    assertThatThrownBy(r::run)
        .isInstanceOf(YshException.class)
        .satisfies(e -> assertThat(((YshException) e).code()).as(e.getMessage()).isEqualTo(code));
  }

  // ---------------------------------------------------------------- tests

  /** A message comes back with body, attributes, an id and attempt 1; acked, it is gone. */
  @Test
  void publishAndReceiveRoundTripWithAttributes() {
    String q = freshQueue();
    Topic topic = topic(q);
    Subscription sub = subscription(q);
    Message sent = Message.builder().body("{\"order\":42}").attribute("type", "order.created").attribute("região", "São Paulo ☀").build();
    String id = topic.publish(sent);
    assertThat(id).isNotBlank();

    ReceivedMessage got = receiveOne(sub);
    assertThat(got.bodyAsString()).isEqualTo("{\"order\":42}");
    assertThat(got.attributes()).containsExactlyInAnyOrderEntriesOf(sent.attributes());
    assertThat(got.deliveryAttempt()).isEqualTo(1);
    assertThat(got.id()).isNotBlank();
    got.ack();
    got.ack(); // idempotent
    assertCode(got::nack, ErrorCode.PRECONDITION_FAILED);
    assertNothingLeft(q, sub, "the acked message is gone");
  }

  /** 1,000 messages published with publishAll arrive exactly once each when acked. */
  @Test
  void thousandMessagesInBatchesAreReceivedExactlyOnceWhenAcked() {
    String q = freshQueue();
    Topic topic = topic(q);
    List<Message> batch = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      batch.add(Message.builder().body("m-" + i).attribute("i", Integer.toString(i)).build());
    }
    List<String> ids = topic.publishAll(batch);
    assertThat(ids).hasSize(1000);

    Subscription sub = subscription(q);
    Map<String, Integer> seen = new HashMap<>();
    long end = System.nanoTime() + patience().toNanos() * 2;
    while (seen.size() < 1000 && System.nanoTime() < end) {
      for (ReceivedMessage m : sub.receive(100, Duration.ofMillis(500))) {
        seen.merge(m.bodyAsString(), 1, Integer::sum);
        assertThat(m.attributes().get("i")).isEqualTo(m.bodyAsString().substring(2));
        m.ack();
      }
    }
    assertThat(seen).hasSize(1000);
    assertThat(seen.values()).allMatch(n -> n == 1);
    assertNothingLeft(q, sub, "nothing left after acking all");
  }

  /** publishAsync gathers concurrent publishes; every future completes with an id. */
  @Test
  void asyncPublishesAreAllDelivered() {
    String q = freshQueue();
    Topic topic = topic(q);
    List<CompletableFuture<String>> futures = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      futures.add(topic.publishAsync(Message.of("a-" + i)));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    assertThat(futures).allSatisfy(f -> assertThat(f.join()).isNotBlank());
    Subscription sub = subscription(q);
    Set<String> bodies = new HashSet<>();
    for (ReceivedMessage m : receiveAtLeast(sub, 50)) {
      bodies.add(m.bodyAsString());
      m.ack();
    }
    assertThat(bodies).hasSize(50);
  }

  /** A nacked message comes back after the delay asked for, not at once, with attempt 2. */
  @Test
  void nackRedeliversAfterTheDelayWithAHigherAttempt() {
    String q = freshQueue();
    topic(q).publish(Message.of("again"));
    Subscription sub = subscription(q);
    ReceivedMessage first = receiveOne(sub);
    assertThat(first.deliveryAttempt()).isEqualTo(1);
    long nackedAt = System.nanoTime();
    first.nack(Duration.ofMillis(1500));
    assertThat(sub.receive(1, Duration.ofMillis(200))).as("no immediate redelivery after nack(1.5s)").isEmpty();

    ReceivedMessage second = receiveOne(sub);
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nackedAt);
    assertThat(second.bodyAsString()).isEqualTo("again");
    assertThat(second.deliveryAttempt()).isEqualTo(2);
    assertThat(elapsedMs).as("redelivery delay").isGreaterThanOrEqualTo(1000);
    second.ack();
  }

  /** A handler that throws gets the message again, with the attempt count increased. */
  @Test
  void handlerExceptionCausesRedelivery() throws Exception {
    String q = freshQueue();
    topic(q).publish(Message.of("flaky"));
    Subscription sub = subscription(q);
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    Subscriber s =
        sub.subscribe(
            m -> {
              attempts.add(m.deliveryAttempt());
              if (m.deliveryAttempt() == 1) {
                throw new IllegalStateException("first attempt fails");
              }
              done.countDown();
            },
            SubscribeOptions.defaults().withPollWait(Duration.ofMillis(200)).withDrainTimeout(Duration.ofSeconds(5)));
    assertThat(done.await(patience().toMillis(), TimeUnit.MILLISECONDS)).as("redelivered and handled").isTrue();
    s.close();
    assertThat(attempts).containsExactly(1, 2);
    assertThat(s.failedCount()).isEqualTo(1);
    assertNothingLeft(q, sub, "acked after success");
  }

  /** After N failed deliveries the message is in the dead-letter destination, intact, and gone from the queue. */
  @Test
  void deadLettersAfterMaxAttempts() {
    String q = freshQueue();
    String dlq = q + "-dlq";
    Message sent = Message.builder().body("poison").attribute("kind", "bad").build();
    Subscription dead = subscription(dlq);
    topic(q).publish(sent);
    Subscription sub = subscription(new SubscriptionSpec(q, ackDeadline(), 2, Optional.of(dlq)));
    assertThat(sub.maxDeliveryAttempts()).isEqualTo(2);

    List<Integer> attempts = new ArrayList<>();
    long end = System.nanoTime() + patience().toNanos();
    List<ReceivedMessage> inDlq = new ArrayList<>();
    while (inDlq.isEmpty() && System.nanoTime() < end) {
      for (ReceivedMessage m : sub.receive(1, Duration.ofMillis(300))) {
        attempts.add(m.deliveryAttempt());
        m.nack(Duration.ZERO);
      }
      inDlq.addAll(dead.receive(1, Duration.ofMillis(100)));
    }
    assertThat(inDlq).as("message in the dead-letter destination").hasSize(1);
    assertThat(inDlq.get(0).bodyAsString()).isEqualTo("poison");
    assertThat(inDlq.get(0).attributes()).containsEntry("kind", "bad");
    inDlq.get(0).ack();
    assertThat(attempts).containsExactly(1, 2);
    assertNothingLeft(q, sub, "gone from the original queue");
    assertNothingLeft(dlq, dead, "moved once: no second copy in the dead-letter destination");
  }

  /** A pulled message not settled when its subscription closes goes to the next consumer. */
  @Test
  void unsettledPulledMessageIsRedeliveredToANewConsumerAfterClose() {
    String q = freshQueue();
    topic(q).publish(Message.of("orphan"));
    Subscription first = subscription(q);
    ReceivedMessage m = receiveOne(first);
    assertThat(m.deliveryAttempt()).isEqualTo(1);
    first.close();

    Subscription second = subscription(q);
    ReceivedMessage again = receiveOne(second);
    assertThat(again.bodyAsString()).isEqualTo("orphan");
    assertThat(again.deliveryAttempt()).isGreaterThanOrEqualTo(2);
    again.ack();
    assertCode(m::ack, ErrorCode.PRECONDITION_FAILED);
  }

  /** A push consumer closed without drain (handler still running) does not ack; a new consumer gets the message. */
  @Test
  void consumerClosedWithoutDrainLeavesTheMessageForANewConsumer() throws Exception {
    String q = freshQueue();
    topic(q).publish(Message.of("interrupted"));
    Subscription first = subscription(q);
    CountDownLatch started = new CountDownLatch(1);
    Subscriber s =
        first.subscribe(
            m -> {
              started.countDown();
              Thread.sleep(60_000);
            },
            SubscribeOptions.defaults().withPollWait(Duration.ofMillis(200)));
    assertThat(started.await(patience().toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    s.close(Duration.ZERO);
    assertThat(s.handledCount()).isZero();
    first.close();

    Subscription second = subscription(q);
    ReceivedMessage again = receiveOne(second);
    assertThat(again.bodyAsString()).isEqualTo("interrupted");
    assertThat(again.deliveryAttempt()).isGreaterThanOrEqualTo(2);
    again.ack();
  }

  /** close() lets running handlers finish (their messages are acked) and gives back the rest. */
  @Test
  void closeDrainsRunningHandlersAndGivesBackTheRest() throws Exception {
    String q = freshQueue();
    Topic topic = topic(q);
    for (int i = 0; i < 6; i++) {
      topic.publish(Message.of("d-" + i));
    }
    Subscription sub = subscription(q);
    CountDownLatch twoStarted = new CountDownLatch(2);
    Set<String> finished = ConcurrentHashMap.newKeySet();
    Subscriber s =
        sub.subscribe(
            m -> {
              twoStarted.countDown();
              Thread.sleep(500);
              finished.add(m.bodyAsString());
            },
            new SubscribeOptions(2, 6, Duration.ofSeconds(20), Duration.ofMillis(200)));
    assertThat(twoStarted.await(patience().toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    sub.close(); // closes the subscriber, draining it
    assertThat(s.isRunning()).isFalse();
    assertThat(finished).as("running handlers finished during the drain").hasSizeGreaterThanOrEqualTo(2);
    assertThat(s.handledCount()).isEqualTo(finished.size());

    Subscription next = subscription(q);
    Set<String> rest = new HashSet<>();
    for (ReceivedMessage m : receiveAtLeast(next, 6 - finished.size())) {
      rest.add(m.bodyAsString());
      m.ack();
    }
    assertThat(rest).doesNotContainAnyElementsOf(finished);
    Set<String> all = new HashSet<>(finished);
    all.addAll(rest);
    assertThat(all).hasSize(6);
  }

  /** No more handlers run at once than maxConcurrency, and every message is handled. */
  @Test
  void pushSubscriptionBoundsConcurrency() throws Exception {
    String q = freshQueue();
    List<Message> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(Message.of("c-" + i));
    }
    topic(q).publishAll(batch);
    Subscription sub = subscription(q);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    Set<String> handled = ConcurrentHashMap.newKeySet();
    Subscriber s =
        sub.subscribe(
            m -> {
              int now = running.incrementAndGet();
              peak.accumulateAndGet(now, Math::max);
              Thread.sleep(30);
              handled.add(m.bodyAsString());
              running.decrementAndGet();
            },
            new SubscribeOptions(3, 5, Duration.ofSeconds(10), Duration.ofMillis(200)));
    await("30 messages handled", () -> handled.size() == 30);
    s.close();
    assertThat(peak.get()).isBetween(1, 3);
    assertNothingLeft(q, sub, "every handled message was acked");
  }

  /** Messages with one ordering key arrive in publish order where the driver claims ordering; elsewhere keys are rejected. */
  @Test
  void orderingKeysAreHonouredWhereClaimed() {
    String q = freshQueue();
    Topic topic = topic(q);
    if (!topic.capabilities().orderingKeys()) {
      assertCode(() -> topic.publish(Message.builder().body("x").orderingKey("k").build()), ErrorCode.UNSUPPORTED);
      return;
    }
    List<Message> batch = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      batch.add(Message.builder().body(Integer.toString(i)).orderingKey("key-" + (i % 3)).build());
    }
    topic.publishAll(batch);
    Subscription sub = subscription(q);
    Map<String, List<Integer>> byKey = new LinkedHashMap<>();
    int total = 0;
    long end = System.nanoTime() + patience().toNanos();
    while (total < 60 && System.nanoTime() < end) {
      for (ReceivedMessage m : sub.receive(10, Duration.ofMillis(500))) {
        assertThat(m.orderingKey()).isPresent();
        byKey.computeIfAbsent(m.orderingKey().get(), k -> new ArrayList<>()).add(Integer.parseInt(m.bodyAsString()));
        m.ack();
        total++;
      }
    }
    assertThat(total).isEqualTo(60);
    assertThat(byKey).hasSize(3);
    byKey.values().forEach(list -> assertThat(list).hasSize(20).isSorted());
  }

  /** A repeated deduplication id is delivered once where claimed; elsewhere it is rejected. */
  @Test
  void deduplicationIdsAreHonouredWhereClaimed() {
    String q = freshQueue();
    Topic topic = topic(q);
    Message m = Message.builder().body("once").deduplicationId("dedup-1").orderingKey(topic.capabilities().orderingKeys() ? "g" : null).build();
    if (!topic.capabilities().deduplication()) {
      assertCode(() -> topic.publish(m), ErrorCode.UNSUPPORTED);
      return;
    }
    topic.publish(m);
    topic.publish(m);
    Subscription sub = subscription(q);
    receiveOne(sub).ack();
    assertNothingLeft(q, sub, "the repeated publish was suppressed");
  }

  /**
   * extendDeadline keeps a message from other consumers past its original deadline where claimed,
   * and is UNSUPPORTED elsewhere. The holder extends by one deadline every quarter of a deadline
   * while another consumer polls until 1.5 deadlines after the receive; the gap between two
   * extensions is measured, so a stalled machine is reported as such rather than as a driver bug.
   * Then the holder closes (giving the message back) and the other consumer must get it: the
   * watch was not blind.
   */
  @Test
  void extendDeadlineWhereClaimed() {
    String q = freshQueue();
    topic(q).publish(Message.of("slow"));
    Subscription sub = subscription(q);
    ReceivedMessage m = receiveOne(sub);
    long receivedAt = System.nanoTime();
    if (!sub.capabilities().extendDeadline()) {
      assertCode(() -> m.extendDeadline(Duration.ofSeconds(10)), ErrorCode.UNSUPPORTED);
      m.ack();
      return;
    }
    Subscription other = subscription(q);
    Duration deadline = ackDeadline();
    long watchUntil = receivedAt + deadline.multipliedBy(3).dividedBy(2).toNanos();
    long lastExtended = receivedAt;
    long longestGapMs = 0;
    while (System.nanoTime() < watchUntil) {
      m.extendDeadline(deadline); // drivers may cap extensions at the ack deadline: one deadline from now is what all give
      long now = System.nanoTime();
      longestGapMs = Math.max(longestGapMs, TimeUnit.NANOSECONDS.toMillis(now - lastExtended));
      lastExtended = now;
      List<ReceivedMessage> stolen = other.receive(1, deadline.dividedBy(4));
      if (!stolen.isEmpty()) {
        assertThat(longestGapMs).as("the machine stalled longer than a deadline between two extensions; cannot judge").isLessThan(deadline.toMillis());
        fail("delivered to another consumer " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - receivedAt)
            + " ms after the first receive, although extended every " + deadline.dividedBy(4).toMillis() + " ms (longest gap " + longestGapMs + " ms)");
      }
    }
    sub.close(); // gives the message back: the other consumer must see it now
    ReceivedMessage again = receiveOne(other);
    assertThat(again.bodyAsString()).isEqualTo("slow");
    again.ack();
  }

  /** A message at the size limit round-trips; one byte more fails before sending with INVALID_ARGUMENT. */
  @Test
  void largestMessageRoundTripsAndALargerOneIsRejected() {
    String q = freshQueue();
    Topic topic = topic(q);
    int limit = topic.capabilities().maxMessageBytes();
    byte[] body = new byte[limit];
    new java.util.Random(7).nextBytes(body);
    topic.publish(Message.of(body));
    Subscription sub = subscription(q);
    ReceivedMessage got = receiveOne(sub);
    assertThat(got.body()).isEqualTo(body);
    got.ack();

    assertThatThrownBy(() -> topic.publish(Message.of(new byte[limit + 1])))
        .isInstanceOf(YshException.class)
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining(Integer.toString(limit));
  }

  /** Attribute limits, reserved names and empty bodies are checked before anything is sent. */
  @Test
  void invalidMessagesAreRejectedBeforeSending() {
    String q = freshQueue();
    Topic topic = topic(q);
    QueueCapabilities caps = topic.capabilities();
    Message.Builder tooMany = Message.builder().body("x");
    for (int i = 0; i <= caps.maxAttributes(); i++) {
      tooMany.attribute("a" + i, "v");
    }
    assertCode(() -> topic.publish(tooMany.build()), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> topic.publish(Message.builder().body("x").attribute("n".repeat(caps.maxAttributeNameLength() + 1), "v").build()), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> topic.publish(Message.builder().body("x").attribute("big", "v".repeat(caps.maxAttributeValueBytes() + 1)).build()), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> topic.publish(Message.builder().body("x").attribute("x-ysh-attempt", "1").build()), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> topic.publishAll(List.of(Message.of("ok"), Message.of(new byte[caps.maxMessageBytes() + 1]))), ErrorCode.INVALID_ARGUMENT);
    if (caps.emptyBodyAllowed()) {
      topic.publish(Message.of(new byte[0]));
    } else {
      assertCode(() -> topic.publish(Message.of(new byte[0])), ErrorCode.INVALID_ARGUMENT);
    }
    Subscription sub = subscription(q);
    if (caps.emptyBodyAllowed()) {
      ReceivedMessage empty = receiveOne(sub);
      assertThat(empty.body()).as("the empty message").isEmpty();
      empty.ack();
    }
    assertNothingLeft(q, sub, "only the empty message was sent; the valid message of a rejected batch was not sent either");
    assertCode(() -> sub.receive(0, Duration.ZERO), ErrorCode.INVALID_ARGUMENT);
  }

  /** Typos in URL parameters fail on open instead of being ignored. */
  @Test
  void unknownUrlParametersAreRejected() {
    String u = withParam(url(freshQueue()), "noSuchParameter", "1");
    assertCode(() -> Topic.open(u).close(), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> Subscription.open(u).close(), ErrorCode.INVALID_ARGUMENT);
  }

  /** Malformed URLs and bad values of the portable parameters fail on open, with INVALID_ARGUMENT. */
  @Test
  void malformedUrlsAreRejectedOnOpen() {
    for (String u : malformedUrls()) {
      assertThatThrownBy(() -> Topic.open(u).close()).as(u)
          .isInstanceOf(YshException.class)
          .satisfies(e -> assertThat(((YshException) e).code()).as(u + ": " + e.getMessage()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
      assertThatThrownBy(() -> Subscription.open(u).close()).as(u)
          .isInstanceOf(YshException.class)
          .satisfies(e -> assertThat(((YshException) e).code()).as(u + ": " + e.getMessage()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
    String base = url(freshQueue());
    for (String[] bad : new String[][] {{"maxAttempts", "many"}, {"maxAttempts", "-1"}, {"nackDelay", "soon"}}) {
      String u = withParam(base, bad[0], bad[1]);
      assertThatThrownBy(() -> Subscription.open(u).close()).as(u)
          .isInstanceOf(YshException.class)
          .satisfies(e -> assertThat(((YshException) e).code()).as(u + ": " + e.getMessage()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
  }

  /**
   * A missing destination is NOT_FOUND. A driver that gives no {@link #missingQueueUrl()} thereby
   * claims that it always creates destinations on open: then a destination never seen before is
   * checked to work at once, publish to receive.
   */
  @Test
  void unknownQueueIsNotFound() {
    Optional<String> missing = missingQueueUrl();
    if (missing.isEmpty()) {
      String q = "never-seen-" + freshQueue();
      try (Topic t = Topic.open(url(q)); Subscription sub = Subscription.open(url(q))) {
        t.publish(Message.of("created on open"));
        ReceivedMessage m = receiveOne(sub);
        assertThat(m.bodyAsString()).isEqualTo("created on open");
        m.ack();
      }
      return;
    }
    assertCode(() -> {
      try (Topic t = Topic.open(missing.get())) {
        t.publish(Message.of("x"));
      }
    }, ErrorCode.NOT_FOUND);
  }

  /**
   * ping answers on a live topic and subscription (the driver's own check, not the SPI's
   * {@code UNSUPPORTED} default), sends and consumes nothing, and says PRECONDITION_FAILED once
   * closed.
   */
  @Test
  void pingAnswersOnALiveTopicAndSubscription() {
    String q = freshQueue();
    Topic topic = topic(q);
    Subscription sub = subscription(q);
    topic.ping(Duration.ofSeconds(10));
    sub.ping(Duration.ofSeconds(10));
    topic.publish(Message.of("after ping"));
    sub.ping();
    ReceivedMessage m = receiveOne(sub);
    assertThat(m.bodyAsString()).isEqualTo("after ping");
    assertThat(m.deliveryAttempt()).isEqualTo(1);
    m.ack();
    topic.close();
    sub.close();
    assertCode(topic::ping, ErrorCode.PRECONDITION_FAILED);
    assertCode(sub::ping, ErrorCode.PRECONDITION_FAILED);
  }

  /**
   * ping through a proxy that is then closed (the broker is gone) fails with UNAVAILABLE within
   * its timeout and a little slack, for a topic and a subscription; skipped without
   * {@link #brokerAddress()}.
   */
  @Test
  void pingOnAnUnreachableBrokerIsUnavailableWithinTheTimeout() {
    Optional<java.net.InetSocketAddress> broker = brokerAddress();
    org.junit.jupiter.api.Assumptions.assumeTrue(broker.isPresent(), "the driver names no broker address");
    String q = freshQueue();
    FaultProxy proxy = FaultProxy.tcp("broker", broker.get().getHostString(), broker.get().getPort());
    toClose.add(proxy);
    Topic topic = Topic.builder(newTopicDriverVia(q, "127.0.0.1", proxy.port()))
        .resilience(ResiliencePolicy.defaults()).telemetry(Telemetry.noop()).build();
    toClose.add(topic);
    Subscription sub = Subscription.builder(newSubscriptionDriverVia(q, "127.0.0.1", proxy.port()))
        .telemetry(Telemetry.noop()).build();
    toClose.add(sub);
    topic.ping(Duration.ofSeconds(10));
    sub.ping(Duration.ofSeconds(10));
    proxy.close();
    Duration timeout = Duration.ofSeconds(2);
    for (Runnable ping : List.<Runnable>of(() -> topic.ping(timeout), () -> sub.ping(timeout))) {
      long start = System.nanoTime();
      assertCode(ping::run, ErrorCode.UNAVAILABLE);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusSeconds(3));
    }
  }

  /** unwrap hands out the native client, and UNSUPPORTED for anything else. */
  @Test
  void unwrapExposesTheNativeClient() {
    String q = freshQueue();
    Topic topic = topic(q);
    Subscription sub = subscription(q);
    nativeType().ifPresent(type -> {
      assertThat(topic.unwrap(type)).isInstanceOf(type);
      assertThat(sub.unwrap(type)).isInstanceOf(type);
    });
    assertCode(() -> topic.unwrap(StringBuilder.class), ErrorCode.UNSUPPORTED);
  }

  /** Arbitrary binary bodies come back byte for byte. */
  @Test
  void arbitraryBinaryBodiesRoundTrip() {
    String q = freshQueue();
    Topic topic = topic(q);
    Subscription sub = subscription(q);
    int min = topic.capabilities().emptyBodyAllowed() ? 0 : 1;
    qt().withExamples(25).withShrinkCycles(20).forAll(YshGenerators.byteArrays(min, 2048)).checkAssert(body -> {
      topic.publish(Message.of(body));
      ReceivedMessage got = receiveOne(sub);
      got.ack();
      assertThat(got.body()).isEqualTo(body);
    });
  }

  /** Arbitrary Unicode text (bodies and attribute values) comes back unchanged. */
  @Test
  void arbitraryUnicodeRoundTrips() {
    String q = freshQueue();
    Topic topic = topic(q);
    Subscription sub = subscription(q);
    qt().withExamples(25).withShrinkCycles(20).forAll(YshGenerators.unicodeStrings(64)).checkAssert(text -> {
      String body = topic.capabilities().emptyBodyAllowed() || !text.isEmpty() ? text : "·";
      String attr = unicodeAttributeSafe(text);
      Message.Builder b = Message.builder().body(body);
      if (!attr.isEmpty()) {
        b.attribute("text", attr);
      }
      topic.publish(b.build());
      ReceivedMessage got = receiveOne(sub);
      got.ack();
      assertThat(got.bodyAsString()).isEqualTo(body);
      assertThat(got.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
      if (!attr.isEmpty()) {
        assertThat(got.attributes()).containsEntry("text", attr);
      }
    });
  }

  /**
   * Which part of an arbitrary string the driver's provider can carry in an attribute value; by
   * default all of it. SQS, for example, accepts only XML characters.
   *
   * @param text the text
   * @return the part to use, possibly empty to skip the attribute
   */
  protected String unicodeAttributeSafe(String text) {
    return text;
  }
}
