package io.ysh.queue.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ysh.core.YshException;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.SubscribeOptions;
import io.ysh.queue.Subscriber;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import io.ysh.testkit.server.JavaMainProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Attacks the at-least-once guarantee of a queue driver with the faults a deployment meets: a
 * consumer process killed with SIGKILL while it holds messages, a consumer that simply stops
 * settling (its ack deadline passes), and a broker that crashes and comes back. A driver's test
 * extends it as {@code <Driver>CrashRecoveryTest} against a real server.
 *
 * <p>Every scenario counts what it published, what was acked, what was delivered again and what
 * was lost, asserts that nothing was lost, and prints one line
 * {@code RELIABILITY <driver> <scenario> published=… acked=… redelivered=… lost=…} (plus
 * scenario details) to stdout and to {@code target/reliability/<driver>.txt}.
 *
 * <p>Scenarios run here for every driver:
 * <ul>
 *   <li>{@link #consumerKilledWithSigkillLosesNothing()}: a {@link CrashingConsumer} in its own
 *       JVM receives 100 messages, acks the even ones as they arrive, holds the odd ones and is
 *       killed with SIGKILL (once the broker shows the acks, where it can count them). A fresh
 *       subscriber must receive every held message, with the attempt count the driver documents
 *       ({@link #attemptAfterCrash()}), and acked ∪ redelivered must equal what was published.
 *   <li>{@link #deadLetteringAfterACrashFollowsTheAttemptCount()}: the killed consumer holds 20
 *       messages; a subscriber with {@code maxAttempts=1} must dead-letter all of them when the
 *       driver counts the crash as an attempt, and deliver them normally when it documents that
 *       it cannot.
 * </ul>
 * and, called from the driver's own tests: {@link #assertRedeliveredAfterTheAckDeadline} (for
 * providers with an ack deadline) and {@link #assertSurvivesBrokerRestart} (where the test owns
 * the broker's process).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
public abstract class QueueCrashRecovery {

  private static final Pattern RECEIVED = Pattern.compile("^RECEIVED (\\S+) (\\d+)$");
  private static final Pattern ACKED = Pattern.compile("^ACKED (\\S+)$");
  private static final Pattern HOLDING = Pattern.compile("^HOLDING (\\d+)$");

  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger counter = new AtomicInteger();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  /** Creates the suite. */
  protected QueueCrashRecovery() {}

  // ---------------------------------------------------------------- what a driver's test supplies

  /**
   * The driver's name in the {@code RELIABILITY} lines, such as {@code rabbitmq}.
   *
   * @return the name
   */
  protected abstract String driver();

  /**
   * The URL to publish to the queue (or stream, or topic) named {@code queue}.
   *
   * @param queue a fresh name: lower-case letters, digits and dashes
   * @return the URL
   */
  protected abstract String topicUrl(String queue);

  /**
   * The URL to consume the queue named {@code queue}, with a short ack deadline (visibility
   * timeout) where the provider has one, so that held messages come back quickly. The
   * {@link CrashingConsumer} opens it too.
   *
   * @param queue the queue name
   * @return the URL
   */
  protected abstract String subscriptionUrl(String queue);

  /**
   * The URL to consume the dead-letter destination of {@code queue} (the driver's default
   * {@code deadLetter}).
   *
   * @param queue the queue name
   * @return the URL
   */
  protected abstract String deadLetterUrl(String queue);

  /**
   * The delivery attempt, as the driver's README documents it, of a message that a consumer held
   * when it was killed, delivered to the next consumer (the first delivery is attempt 1).
   *
   * @return 2 for drivers that count the crash, 1 for those that cannot
   */
  protected abstract int attemptAfterCrash();

  /**
   * How many messages of {@code queue} are not acked yet (ready, in flight or delayed), as the
   * broker counts them, or empty when the provider cannot tell. With a count, the suite waits for
   * the killed consumer's acks to reach the broker before it kills it (so acked messages must not
   * come back), and proves "nothing left" by a count of 0; without, by a sentinel message.
   *
   * @param queue the queue name
   * @return the count
   */
  protected OptionalLong messagesLeft(String queue) {
    return OptionalLong.empty();
  }

  /**
   * Whether the broker already records, for the next consumer, everything the consumer about to
   * be killed did besides its acks (which {@link #messagesLeft} covers): the suite waits for it
   * before the kill. True by default; Kafka, whose attempt counts travel in commit metadata,
   * waits until a commit recorded the last delivery.
   *
   * @param queue the queue name
   * @param delivered how many messages the consumer received
   * @return whether to kill now
   */
  protected boolean crashStateRecorded(String queue, int delivered) {
    return true;
  }

  /**
   * The main class run as the consumer to kill: {@link CrashingConsumer} by default; a driver
   * whose subscription needs more than a URL supplies its own, which calls
   * {@link CrashingConsumer#run}.
   *
   * @return the class
   */
  protected Class<?> consumerMain() {
    return CrashingConsumer.class;
  }

  /**
   * Opens a publisher of {@code queue}.
   *
   * @param queue the queue name
   * @return the topic; the suite closes it
   */
  protected Topic openTopic(String queue) {
    return Topic.open(topicUrl(queue));
  }

  /**
   * Opens a consumer of {@code queue} in this JVM.
   *
   * @param queue the queue name
   * @param maxAttempts dead-letter after this many deliveries; 0 for never
   * @return the subscription; the suite closes it
   */
  protected Subscription openSubscription(String queue, int maxAttempts) {
    String url = subscriptionUrl(queue);
    return Subscription.open(maxAttempts == 0 ? url : withParam(url, "maxAttempts", Integer.toString(maxAttempts)));
  }

  /**
   * How long the suite waits for something that should happen; generous, because the test
   * machine may be loaded.
   *
   * @return 90 seconds by default
   */
  protected Duration patience() {
    return Duration.ofSeconds(90);
  }

  // ---------------------------------------------------------------- helpers for subclasses

  /**
   * A fresh queue name, unique for the run: lower-case letters, digits and dashes.
   *
   * @return the name
   */
  protected String freshQueue() {
    return "ysh-cr-" + runId + "-" + counter.incrementAndGet();
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
   * Closes {@code c} after the test.
   *
   * @param <T> the type
   * @param c what to close
   * @return {@code c}
   */
  protected <T extends AutoCloseable> T track(T c) {
    synchronized (toClose) {
      toClose.add(c);
    }
    return c;
  }

  /** Starts this driver's {@code RELIABILITY} lines afresh for the run. */
  @BeforeAll
  void truncateReport() throws IOException {
    Files.deleteIfExists(reportFile());
  }

  private Path reportFile() {
    return Path.of("target", "reliability", driver() + ".txt");
  }

  /** Closes what the test opened, last first. */
  @AfterEach
  void closeAll() {
    List<AutoCloseable> all;
    synchronized (toClose) {
      all = new ArrayList<>(toClose);
      toClose.clear();
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      try {
        all.get(i).close();
      } catch (Exception e) {
        // best effort: the scenario's assertions already ran
      }
    }
  }

  /**
   * Prints one {@code RELIABILITY} line to stdout and appends it to
   * {@code target/reliability/<driver>.txt} (started afresh by each run of the class).
   *
   * @param scenario the scenario's name
   * @param counts name/value pairs, in order; published, acked, redelivered and lost first
   */
  protected void report(String scenario, Map<String, Object> counts) {
    StringBuilder line = new StringBuilder("RELIABILITY ").append(driver()).append(' ').append(scenario);
    counts.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    System.out.println(line);
    try {
      Path file = reportFile();
      Files.createDirectories(file.getParent());
      Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> counts(Object... pairs) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /**
   * Waits until {@code condition} holds, failing after {@link #patience()}.
   *
   * @param what what is awaited, for the failure message
   * @param condition the condition
   */
  protected void await(String what, BooleanSupplier condition) {
    long end = System.nanoTime() + patience().toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        fail("timed out after " + patience() + " waiting until " + what);
      }
      sleep(Duration.ofMillis(50));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private List<String> publish(Topic topic, String prefix, int n) {
    List<Message> batch = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String body = prefix + "-" + i;
      bodies.add(body);
      batch.add(Message.of(body));
    }
    assertThat(topic.publishAll(batch)).as("every publish confirmed").hasSize(n);
    return bodies;
  }

  /**
   * Proves that {@code queue} holds nothing more for {@code sub}: the broker's count reaches 0,
   * or, where the provider cannot count, a sentinel published now is received and nothing else
   * arrives before it. A positive signal either way, so the check cannot pass just because the
   * broker was slow.
   *
   * @param queue the queue name
   * @param sub a consumer of the queue
   * @param what what is being checked, for failure messages
   */
  protected void assertNothingLeft(String queue, Subscription sub, String what) {
    if (messagesLeft(queue).isPresent()) {
      await(what + ": the broker counts 0 messages left in " + queue + " (last count "
          + messagesLeft(queue).getAsLong() + ")", () -> messagesLeft(queue).getAsLong() == 0);
      return;
    }
    String sentinel = queue + "-sentinel-" + UUID.randomUUID();
    try (Topic t = openTopic(queue)) {
      t.publish(Message.of(sentinel));
    }
    List<String> others = new ArrayList<>();
    long end = System.nanoTime() + patience().toNanos();
    while (System.nanoTime() - end < 0) {
      for (ReceivedMessage m : sub.receive(10, Duration.ofSeconds(1))) {
        m.ack();
        if (m.bodyAsString().equals(sentinel)) {
          assertThat(others).as(what + ": delivered before the sentinel published after them").isEmpty();
          return;
        }
        others.add(m.bodyAsString());
      }
    }
    fail(what + ": the sentinel published to " + queue + " never arrived; other messages: " + others);
  }

  // ---------------------------------------------------------------- the consumer process

  /** What the killed consumer reported. */
  private record Crash(Set<String> received, Set<String> acked, Map<String, Integer> firstAttempts, boolean acksConfirmed) {}

  /**
   * Runs a {@link #consumerMain()} on {@code queue} until it holds {@code expected} messages,
   * waits (where the broker can count) until its acks reached the broker, and kills it with
   * SIGKILL.
   */
  private Crash runAndKillConsumer(String queue, int expected, String acks) {
    JavaMainProcess consumer = JavaMainProcess.builder("consumer-" + driver() + "-" + queue, consumerMain())
        .args(List.of(subscriptionUrl(queue), Integer.toString(expected), acks))
        .readyWhen(HOLDING)
        .startupTimeout(patience().plusSeconds(60))
        .start();
    try {
      Set<String> received = new TreeSet<>();
      Set<String> acked = new TreeSet<>();
      Map<String, Integer> attempts = new HashMap<>();
      for (String line : consumer.output()) {
        Matcher r = RECEIVED.matcher(line);
        if (r.matches()) {
          received.add(r.group(1));
          attempts.putIfAbsent(r.group(1), Integer.parseInt(r.group(2)));
        }
        Matcher a = ACKED.matcher(line);
        if (a.matches()) {
          acked.add(a.group(1));
        }
      }
      await("the consumer's deliveries are recorded by the broker", () -> crashStateRecorded(queue, expected));
      boolean confirmed = false;
      if (messagesLeft(queue).isPresent()) {
        long unacked = expected - acked.size();
        await("the killed consumer's " + acked.size() + " acks reached the broker (" + unacked + " messages left; counted "
            + messagesLeft(queue).getAsLong() + ")", () -> messagesLeft(queue).getAsLong() == unacked);
        confirmed = true;
      }
      assertThat(consumer.isAlive()).as("the consumer still holds its messages").isTrue();
      consumer.kill();
      assertThat(consumer.exitCode()).as("killed with SIGKILL").hasValue(137);
      return new Crash(received, acked, attempts, confirmed);
    } finally {
      consumer.close();
    }
  }

  // ---------------------------------------------------------------- scenarios

  /**
   * A consumer in another JVM receives 100 messages, acks the even ones, holds the odd ones and
   * is killed with SIGKILL: a fresh subscriber gets every held message (after the provider's ack
   * deadline or session timeout), with the documented attempt count; acked ∪ redelivered is what
   * was published; nothing is left afterwards.
   */
  @Test
  void consumerKilledWithSigkillLosesNothing() {
    assertKilledConsumerLosesNothing(freshQueue(), "consumerKilledWithSigkill", attemptAfterCrash());
  }

  /**
   * The scenario of {@link #consumerKilledWithSigkillLosesNothing()} on a given queue (which may
   * exist already, set up by the caller), expecting {@code expectedAttempt} for the held messages.
   *
   * @param q the queue
   * @param scenario the scenario's name in the {@code RELIABILITY} line
   * @param expectedAttempt the attempt count of a held message when it comes back
   */
  protected void assertKilledConsumerLosesNothing(String q, String scenario, int expectedAttempt) {
    int n = 100;
    List<String> published;
    try (Topic topic = openTopic(q)) {
      published = publish(topic, q, n);
    }
    Crash crash = runAndKillConsumer(q, n, "even");
    assertThat(crash.received()).as("the consumer received every published message").containsExactlyInAnyOrderElementsOf(published);
    assertThat(crash.firstAttempts().values()).as("first deliveries").allMatch(a -> a == 1);
    Set<String> held = new TreeSet<>(crash.received());
    held.removeAll(crash.acked());

    Subscription fresh = track(openSubscription(q, 0));
    Set<String> redelivered = new TreeSet<>();
    Map<String, Integer> attempts = new HashMap<>();
    long start = System.nanoTime();
    long end = start + patience().toNanos();
    while (!redelivered.containsAll(held) && System.nanoTime() - end < 0) {
      for (ReceivedMessage m : fresh.receive(50, Duration.ofSeconds(1))) {
        redelivered.add(m.bodyAsString());
        attempts.putIfAbsent(m.bodyAsString(), m.deliveryAttempt());
        m.ack();
      }
    }
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    Set<String> delivered = new HashSet<>(crash.acked());
    delivered.addAll(redelivered);
    Set<String> lost = new TreeSet<>(published);
    lost.removeAll(delivered);
    Set<String> ackedAgain = new TreeSet<>(crash.acked());
    ackedAgain.retainAll(redelivered);
    report(scenario, counts("published", n, "acked", crash.acked().size(), "redelivered", redelivered.size(),
        "lost", lost.size(), "held", held.size(), "ackedRedelivered", ackedAgain.size(), "acksConfirmed", crash.acksConfirmed(),
        "redeliveryMs", tookMs));

    assertThat(lost).as("lost messages").isEmpty();
    assertThat(redelivered).as("every held message is delivered again").containsAll(held);
    assertThat(redelivered).as("nothing that was never published").isSubsetOf(published);
    if (crash.acksConfirmed()) {
      assertThat(ackedAgain).as("messages whose acks reached the broker are not delivered again").isEmpty();
    }
    for (String body : held) {
      assertThat(attempts.get(body)).as("delivery attempt of %s after the crash (documented)", body).isEqualTo(expectedAttempt);
    }
    assertNothingLeft(q, fresh, "after the redelivered messages were acked");
  }

  /**
   * The killed consumer held 20 messages; a subscriber with {@code maxAttempts=1} dead-letters all
   * of them when the driver counts the crash as an attempt (attempt 2 > 1), each exactly once and
   * intact, and delivers them normally (attempt 1) when the driver documents that it cannot count
   * it.
   */
  @Test
  void deadLetteringAfterACrashFollowsTheAttemptCount() {
    String q = freshQueue();
    int n = 20;
    List<String> published;
    try (Topic topic = openTopic(q)) {
      published = publish(topic, q, n);
    }
    Subscription dead = track(Subscription.open(deadLetterUrl(q)));
    Crash crash = runAndKillConsumer(q, n, "none");
    assertThat(crash.received()).containsExactlyInAnyOrderElementsOf(published);
    boolean counted = attemptAfterCrash() > 1;

    Subscription fresh = track(openSubscription(q, 1));
    Set<String> delivered = new TreeSet<>();
    Map<String, Integer> inDlq = new HashMap<>();
    long end = System.nanoTime() + patience().toNanos();
    while (System.nanoTime() - end < 0 && (counted ? inDlq.size() < n : delivered.size() < n)) {
      for (ReceivedMessage m : fresh.receive(20, Duration.ofMillis(500))) {
        delivered.add(m.bodyAsString());
        assertThat(m.deliveryAttempt()).as("attempt of %s", m.bodyAsString()).isEqualTo(attemptAfterCrash());
        m.ack();
      }
      for (ReceivedMessage m : dead.receive(20, Duration.ofMillis(counted ? 500 : 1))) {
        inDlq.merge(m.bodyAsString(), 1, Integer::sum);
        m.ack();
      }
    }
    Set<String> seen = new HashSet<>(delivered);
    seen.addAll(inDlq.keySet());
    Set<String> lost = new TreeSet<>(published);
    lost.removeAll(seen);
    report("deadLetterAfterCrash", counts("published", n, "acked", 0, "redelivered", delivered.size(), "lost", lost.size(),
        "deadLettered", inDlq.size(), "crashCounted", counted));

    assertThat(lost).as("lost messages").isEmpty();
    if (counted) {
      assertThat(delivered).as("delivered although the crash made them exceed maxAttempts=1").isEmpty();
      assertThat(inDlq.keySet()).as("every held message dead-lettered").containsExactlyInAnyOrderElementsOf(published);
      assertNothingLeft(q, fresh, "after dead-lettering (gone from the queue)");
      assertNothingLeft(dlqName(q), dead, "in the dead-letter destination (each moved once)");
      assertThat(inDlq.values()).as("moved once each").allMatch(c -> c == 1);
    } else {
      assertThat(delivered).as("delivered again as attempt 1, not dead-lettered").containsExactlyInAnyOrderElementsOf(published);
      assertThat(inDlq).as("nothing dead-lettered").isEmpty();
      assertNothingLeft(q, fresh, "after the redelivered messages were acked");
    }
  }

  /**
   * The name {@link #messagesLeft} and {@link #openTopic} take for the dead-letter destination of
   * {@code queue} (the driver's default {@code deadLetter}).
   *
   * @param queue the queue name
   * @return the dead-letter destination's name
   */
  protected abstract String dlqName(String queue);

  /**
   * For providers with an ack deadline: 50 messages received and then neither acked, nacked nor
   * closed come back to another consumer once the deadline passed (not before), as attempt 2, and
   * nothing is left once that consumer acked them. Call it from a test of the driver's.
   *
   * @param ackDeadline the deadline {@link #subscriptionUrl} sets
   */
  protected void assertRedeliveredAfterTheAckDeadline(Duration ackDeadline) {
    String q = freshQueue();
    int n = 50;
    List<String> published;
    try (Topic topic = openTopic(q)) {
      published = publish(topic, q, n);
    }
    Subscription holder = track(openSubscription(q, 0));
    Map<String, Long> askedAt = new HashMap<>();
    long end = System.nanoTime() + patience().toNanos();
    while (askedAt.size() < n && System.nanoTime() - end < 0) {
      long asked = System.nanoTime();
      for (ReceivedMessage m : holder.receive(n - askedAt.size(), Duration.ofSeconds(1))) {
        assertThat(m.deliveryAttempt()).isEqualTo(1);
        askedAt.putIfAbsent(m.bodyAsString(), asked); // held: no ack, no nack, no close
      }
    }
    assertThat(askedAt.keySet()).as("the first consumer got everything").containsExactlyInAnyOrderElementsOf(published);

    Subscription other = track(openSubscription(q, 0));
    Map<String, Long> earlyMs = new HashMap<>();
    Set<String> again = new TreeSet<>();
    long waitStart = System.nanoTime();
    end = waitStart + patience().toNanos();
    while (again.size() < n && System.nanoTime() - end < 0) {
      for (ReceivedMessage m : other.receive(n, Duration.ofSeconds(1))) {
        long sinceFirstMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - askedAt.getOrDefault(m.bodyAsString(), waitStart));
        if (sinceFirstMs < ackDeadline.toMillis() - 100) {
          earlyMs.put(m.bodyAsString(), sinceFirstMs);
        }
        again.add(m.bodyAsString());
        assertThat(m.deliveryAttempt()).as("attempt of %s after its deadline passed", m.bodyAsString()).isEqualTo(2);
        m.ack();
      }
    }
    Set<String> lost = new TreeSet<>(published);
    lost.removeAll(again);
    report("redeliveryAfterAckDeadline", counts("published", n, "acked", again.size(), "redelivered", again.size(), "lost", lost.size(),
        "ackDeadlineMs", ackDeadline.toMillis(), "redeliveryMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waitStart)));
    assertThat(lost).as("not redelivered after the ack deadline").isEmpty();
    assertThat(earlyMs).as("redelivered before the ack deadline (ms after the first receive began)").isEmpty();
    holder.close(); // gives back its stale deliveries: that must not bring anything back
    assertNothingLeft(q, other, "after the redelivered messages were acked and the first consumer closed");
  }

  /** Stops and starts the broker the test owns. */
  protected interface Broker {

    /**
     * Takes the broker down (kill -9 where its durability allows, else an orderly stop that
     * closes every client connection) and returns once it is down.
     *
     * @throws Exception on failure
     */
    void crash() throws Exception;

    /**
     * Starts it again on the same address, with the data it had, and returns once it serves.
     *
     * @throws Exception on failure
     */
    void start() throws Exception;
  }

  /**
   * A running push subscriber and a publisher across a broker crash and restart: 100 messages
   * confirmed before the crash (up to 8 of them in flight, held by blocked handlers, when it happens),
   * one publish during the outage (it must fail with a retryable {@link YshException} or complete,
   * within {@code outagePublishDeadline}), and 20 messages after the restart (a retryable error
   * while the client reconnects is retried with exponential backoff, as a caller would; a caller
   * hammering a reconnecting client would open the default circuit breaker for 30 s). The same subscriber must deliver
   * every confirmed message without a new {@link Subscription}: nothing confirmed is lost.
   *
   * @param broker the broker's controls
   * @param outagePublishDeadline how long a publish during the outage may take to return
   * @return what happened, for assertions of the driver's own
   * @throws Exception when the broker cannot be stopped or started
   */
  protected RestartOutcome assertSurvivesBrokerRestart(Broker broker, Duration outagePublishDeadline) throws Exception {
    String q = freshQueue();
    Topic topic = track(openTopic(q));
    Subscription sub = track(openSubscription(q, 0));
    Map<String, Integer> handled = new ConcurrentHashMap<>();
    CountDownLatch gate = new CountDownLatch(1);
    AtomicInteger holding = new AtomicInteger();
    Subscriber running = track(sub.subscribe(m -> {
      if (gate.getCount() > 0) {
        holding.incrementAndGet();
        gate.await(patience().toMillis(), TimeUnit.MILLISECONDS);
      }
      handled.merge(m.bodyAsString(), 1, Integer::sum);
    }, new SubscribeOptions(4, 8, Duration.ofSeconds(5), Duration.ofMillis(500))));

    Set<String> confirmed = new LinkedHashSet<>(publish(topic, q + "-before", 100));
    await("4 handlers blocked, with messages in flight", () -> holding.get() >= 4);

    broker.crash();
    String during = q + "-during-0";
    ExecutorService one = Executors.newSingleThreadExecutor();
    long publishStart = System.nanoTime();
    String outcome;
    try {
      Future<String> f = one.submit(() -> topic.publish(Message.of(during)));
      try {
        f.get(outagePublishDeadline.toMillis(), TimeUnit.MILLISECONDS);
        outcome = "confirmed";
        confirmed.add(during);
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).as("a publish during the outage fails with a YshException").isInstanceOf(YshException.class);
        YshException y = (YshException) e.getCause();
        assertThat(y.isRetryable()).as("retryable: " + y.getMessage()).isTrue();
        outcome = y.code().name().toLowerCase(Locale.ROOT);
      } catch (java.util.concurrent.TimeoutException e) {
        f.cancel(true);
        throw new AssertionError("a publish during the outage neither failed nor completed within " + outagePublishDeadline);
      }
    } finally {
      one.shutdownNow();
    }
    long outagePublishMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - publishStart);

    broker.start();
    long restartedAt = System.nanoTime();
    gate.countDown();
    int retries = 0;
    List<String> after = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String body = q + "-after-" + i;
      Duration backoff = Duration.ofSeconds(2);
      while (true) {
        try {
          topic.publish(Message.of(body));
          break;
        } catch (YshException e) {
          // what a caller does while its client reconnects: retry what is retryable, backing off
          if (!e.isRetryable() || System.nanoTime() - restartedAt > patience().toNanos()) {
            throw e;
          }
          retries++;
          sleep(backoff);
          backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(8)) > 0 ? Duration.ofSeconds(8) : backoff.multipliedBy(2);
        }
      }
      after.add(body);
    }
    confirmed.addAll(after);
    long end = System.nanoTime() + patience().toNanos();
    while (!handled.keySet().containsAll(confirmed) && System.nanoTime() - end < 0) {
      sleep(Duration.ofMillis(100));
    }
    long resumedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartedAt);
    Set<String> lost = new TreeSet<>(confirmed);
    lost.removeAll(handled.keySet());
    int duplicates = handled.values().stream().mapToInt(c -> c - 1).sum();
    report("brokerRestart", counts("published", confirmed.size() + (outcome.equals("confirmed") ? 0 : 1), "acked", handled.size(),
        "redelivered", duplicates, "lost", lost.size(), "outagePublish", outcome, "outagePublishMs", outagePublishMs,
        "publishRetriesAfterRestart", retries, "allDeliveredMsAfterRestart", resumedMs));
    assertThat(lost).as("confirmed messages not delivered after the restart (the subscriber must resume by itself)").isEmpty();
    assertThat(running.isRunning()).as("the same subscriber is still running").isTrue();
    return new RestartOutcome(duplicates, outcome);
  }

  /**
   * What {@link #assertSurvivesBrokerRestart} saw.
   *
   * @param duplicates how many handler calls were for a message handled before (redeliveries)
   * @param outagePublish how the publish during the outage ended: {@code confirmed}, or the
   *     lower-case error code
   */
  protected record RestartOutcome(int duplicates, String outagePublish) {}
}
