package io.ysh.queue.kafka;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.DriverMessage;
import io.ysh.queue.spi.SubscriptionDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes a topic in a consumer group, at least once.
 *
 * <p><b>Threads.</b> {@link KafkaConsumer} is not thread-safe, so one poll thread owns it: it
 * polls, handles rebalances and commits. Records it fetches go to a bounded hand-out queue that
 * {@link #receiveBatch} takes from; acks and nacks from any thread update per-partition state under
 * one lock, and an ack then asks the poll thread to commit and waits for that commit.
 *
 * <p><b>Acks.</b> Kafka commits a position, not single messages: per partition an {@link AckWindow}
 * tracks out-of-order acks and only the contiguous acked prefix is committed. Offsets acked above
 * it travel in the commit metadata ({@link CommitMetadata}) so the next owner skips them.
 *
 * <p><b>Nack.</b> The nacked record stays in this consumer's memory and is handed out again, with
 * the attempt count increased, once the delay has passed; the partition keeps flowing meanwhile
 * (later records are delivered and can be acked), but the committed position cannot pass the
 * nacked offset. If this consumer goes away first (close, crash, rebalance), the next owner gets
 * the record from the committed position. A partition with {@value #MAX_UNSETTLED_PER_PARTITION}
 * unsettled records (say, behind one record nacked again and again) is paused until that shrinks:
 * other partitions go on. Dead-lettering after {@code maxAttempts} bounds this.
 *
 * <p><b>Attempt counts</b> are kept per offset in memory and, for the next owner, in the commit
 * metadata: the commit after a delivery records the highest delivered offset and the counts of
 * records delivered more than once. A consumer that dies before any commit (kill -9) leaves no
 * trace, and its deliveries count as first attempts again.
 */
final class KafkaSubscriptionDriver implements SubscriptionDriver {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSubscriptionDriver.class);
  static final int MAX_UNSETTLED_PER_PARTITION = 10_000;
  private static final int PREFETCH = 1000;
  private static final Duration POLL = Duration.ofMillis(50);
  private static final long METADATA_COMMIT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaSettings settings;
  private final Admin admin;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final QueueCapabilities caps;
  private final Object lock = new Object();
  private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
  private final PriorityQueue<Delivery> delayed = new PriorityQueue<>(Comparator.comparingLong(d -> d.dueNanos));
  private final LinkedBlockingQueue<Delivery> ready = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<CompletableFuture<Void>> commitRequests = new LinkedBlockingQueue<>();
  private final Thread pollThread;
  private int epochs;
  private long seqs;
  private volatile boolean stopping;
  private volatile Throwable failure;
  private volatile KafkaProducer<byte[], byte[]> deadLetterProducer;
  private long lastCommitNanos = System.nanoTime();

  private KafkaSubscriptionDriver(KafkaSettings settings, Admin admin, KafkaConsumer<byte[], byte[]> consumer, QueueCapabilities caps) {
    this.settings = settings;
    this.admin = admin;
    this.consumer = consumer;
    this.caps = caps;
    this.pollThread = new Thread(this::pollLoop, "ysh-kafka-poll-" + settings.topic + "/" + settings.group);
    pollThread.setDaemon(true);
  }

  static KafkaSubscriptionDriver open(KafkaSettings s) {
    Admin admin = null;
    KafkaConsumer<byte[], byte[]> consumer = null;
    try {
      admin = KafkaTopics.admin(s, "consumer");
      KafkaTopics.ensure(admin, s, s.topic, s.create);
      int limit = Math.min(KafkaCodec.DEFAULT_MAX_REQUEST_SIZE, KafkaTopics.maxMessageBytes(admin, s.topic));
      consumer = new KafkaConsumer<>(consumerProperties(s));
      KafkaSubscriptionDriver d = new KafkaSubscriptionDriver(s, admin, consumer, KafkaCodec.caps(limit));
      d.pollThread.start();
      return d;
    } catch (Exception e) {
      KafkaTopicDriver.closeQuietly(consumer, admin);
      throw KafkaErrors.open(s, e);
    }
  }

  static Map<String, Object> consumerProperties(KafkaSettings s) {
    Map<String, Object> p = s.common("consumer");
    p.put(ConsumerConfig.GROUP_ID_CONFIG, s.group);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    p.putIfAbsent(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  // ------------------------------------------------------------------ state

  /** One assigned partition; guarded by {@link #lock}. */
  private static final class PartitionState {
    final TopicPartition tp;
    final int epoch;
    final AckWindow window;
    final CommitMetadata previous;
    final Map<Long, Delivery> inFlight = new HashMap<>();
    final TreeMap<Long, Integer> deliveries = new TreeMap<>();
    long highestDelivered;
    boolean dirty;

    PartitionState(TopicPartition tp, int epoch, long start, CommitMetadata previous) {
      this.tp = tp;
      this.epoch = epoch;
      this.window = new AckWindow(start);
      this.previous = previous;
      this.highestDelivered = previous.highestDelivered();
    }

    OffsetAndMetadata commitPoint() {
      long at = window.committable();
      if (at < 0) {
        return null;
      }
      TreeMap<Long, Integer> again = new TreeMap<>();
      deliveries.tailMap(at, true).forEach((o, n) -> {
        if (n > 1) {
          again.put(o, n);
        }
      });
      CommitMetadata m = new CommitMetadata(Math.max(highestDelivered, at - 1), window.ackedAboveCommittable(), again);
      return new OffsetAndMetadata(at, m.encode());
    }
  }

  /** A record on its way to a handler (ready, delayed or in flight). */
  private static final class Delivery {
    final TopicPartition tp;
    final int epoch;
    final long offset;
    final Message message;
    final int attempt;
    final long dueNanos;
    long seq;

    Delivery(TopicPartition tp, int epoch, long offset, Message message, int attempt, long dueNanos) {
      this.tp = tp;
      this.epoch = epoch;
      this.offset = offset;
      this.message = message;
      this.attempt = attempt;
      this.dueNanos = dueNanos;
    }
  }

  // ------------------------------------------------------------------ SPI

  @Override
  public String provider() {
    return "kafka";
  }

  @Override
  public String name() {
    return settings.topic + "/" + settings.group;
  }

  @Override
  public QueueCapabilities capabilities() {
    return caps;
  }

  @Override
  public List<DriverMessage> receiveBatch(int max, Duration wait) throws Exception {
    long end = System.nanoTime() + wait.toNanos();
    List<DriverMessage> out = new ArrayList<>();
    while (true) {
      synchronized (lock) {
        long now = System.nanoTime();
        while (out.size() < max && !delayed.isEmpty() && delayed.peek().dueNanos - now <= 0) {
          handOut(delayed.poll(), out);
        }
      }
      Delivery d;
      while (out.size() < max && (d = ready.poll()) != null) {
        synchronized (lock) {
          handOut(d, out);
        }
      }
      if (!out.isEmpty()) {
        return out;
      }
      throwIfFailed();
      long remaining = end - System.nanoTime();
      if (remaining <= 0 || stopping) {
        return out;
      }
      d = ready.poll(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(20)), TimeUnit.NANOSECONDS);
      if (d != null) {
        synchronized (lock) {
          handOut(d, out);
        }
      }
    }
  }

  /** Marks a delivery in flight and adds it to {@code out}, unless its partition was revoked meanwhile. */
  private void handOut(Delivery d, List<DriverMessage> out) {
    PartitionState s = partitions.get(d.tp);
    if (s == null || s.epoch != d.epoch) {
      return;
    }
    d.seq = ++seqs;
    s.inFlight.put(d.offset, d);
    s.deliveries.put(d.offset, d.attempt);
    s.highestDelivered = Math.max(s.highestDelivered, d.offset);
    s.dirty = true;
    String ackId = d.tp.partition() + ":" + d.offset + ":" + d.epoch + ":" + d.seq;
    out.add(new DriverMessage(KafkaCodec.messageId(d.tp.topic(), d.tp.partition(), d.offset), ackId, d.message, d.attempt));
  }

  /** The in-flight delivery a handle names, removed from in-flight; null when stale. */
  private Delivery settle(PartitionState[] stateOut, String ackId) {
    String[] p = ackId.split(":");
    if (p.length != 4) {
      throw YshException.invalidArgument("not a Kafka ack handle: " + ackId);
    }
    TopicPartition tp = new TopicPartition(settings.topic, Integer.parseInt(p[0]));
    long offset = Long.parseLong(p[1]);
    PartitionState s = partitions.get(tp);
    if (s == null || s.epoch != Integer.parseInt(p[2])) {
      return null; // partition revoked since: its next owner redelivers the record
    }
    Delivery d = s.inFlight.get(offset);
    if (d == null || d.seq != Long.parseLong(p[3])) {
      return null;
    }
    s.inFlight.remove(offset);
    stateOut[0] = s;
    return d;
  }

  @Override
  public void ack(List<String> ackIds) throws Exception {
    boolean changed = false;
    synchronized (lock) {
      PartitionState[] s = new PartitionState[1];
      for (String id : ackIds) {
        Delivery d = settle(s, id);
        if (d != null) {
          s[0].deliveries.remove(d.offset);
          s[0].window.ack(d.offset);
          s[0].dirty = true;
          changed = true;
        }
      }
    }
    if (changed) {
      commitNow();
    }
  }

  @Override
  public void nack(List<String> ackIds, Duration delay) {
    long due = System.nanoTime() + delay.toNanos();
    synchronized (lock) {
      PartitionState[] s = new PartitionState[1];
      for (String id : ackIds) {
        Delivery d = settle(s, id);
        if (d != null) {
          delayed.add(new Delivery(d.tp, d.epoch, d.offset, d.message, d.attempt + 1, due));
          s[0].dirty = true;
        }
      }
    }
  }

  @Override
  public void extendDeadline(String ackId, Duration extension) {
    throw YshException.builder(ErrorCode.UNSUPPORTED).operation("queue.extendDeadline").provider("kafka")
        .detail("Kafka has no per-message ack deadline: a delivery stays with its consumer until it is settled or the consumer leaves the group")
        .build();
  }

  @Override
  public void deadLetter(List<DriverMessage> messages) throws Exception {
    KafkaProducer<byte[], byte[]> p = deadLetterProducer();
    KafkaTopicDriver.send(p, settings.deadLetter, messages.stream().map(DriverMessage::message).toList());
    ack(messages.stream().map(DriverMessage::ackId).toList());
  }

  private KafkaProducer<byte[], byte[]> deadLetterProducer() throws Exception {
    KafkaProducer<byte[], byte[]> p = deadLetterProducer;
    if (p == null) {
      synchronized (this) {
        p = deadLetterProducer;
        if (p == null) {
          if (stopping) {
            throw YshException.of(ErrorCode.PRECONDITION_FAILED, "subscription is closing");
          }
          KafkaTopics.ensure(admin, settings, settings.deadLetter, settings.create);
          p = new KafkaProducer<>(KafkaTopicDriver.producerProperties(settings, "dead-letter"));
          deadLetterProducer = p;
        }
      }
    }
    return p;
  }

  /** One {@code DescribeTopics} of the topic through the admin client, bounded by {@code timeout}. */
  @Override
  public void ping(java.time.Duration timeout) throws Exception {
    KafkaTopics.ping(admin, settings.topic, timeout);
  }

  @Override
  public ErrorMapper errorMapper() {
    return KafkaErrors::map;
  }

  /**
   * Hands out the {@link KafkaConsumer} (owned by the poll thread: only thread-safe calls such as
   * {@code metrics()} may be made on it from elsewhere), the {@link Admin} client, or the
   * dead-letter {@link KafkaProducer} once dead-lettering has started.
   */
  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    if (type.isInstance(consumer)) {
      return Optional.of(type.cast(consumer));
    }
    if (type.isInstance(admin)) {
      return Optional.of(type.cast(admin));
    }
    KafkaProducer<byte[], byte[]> p = deadLetterProducer;
    return p != null && type.isInstance(p) ? Optional.of(type.cast(p)) : Optional.empty();
  }

  @Override
  public void close() {
    LOG.debug("{}: closing", name());
    stopping = true;
    try {
      pollThread.join(TimeUnit.SECONDS.toMillis(45));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (pollThread.isAlive()) {
      LOG.warn("Kafka poll thread of {} did not stop in time", name());
    }
    KafkaTopicDriver.closeQuietly(deadLetterProducer, admin);
    LOG.debug("{}: closed", name());
  }

  // ------------------------------------------------------------------ poll thread

  private void throwIfFailed() throws Exception {
    Throwable f = failure;
    if (f != null) {
      throw f instanceof Exception e ? e : new ExecutionException(f);
    }
  }

  /** Asks the poll thread to commit and waits for it. */
  private void commitNow() throws Exception {
    throwIfFailed();
    CompletableFuture<Void> done = new CompletableFuture<>();
    commitRequests.add(done);
    long end = System.nanoTime() + COMMIT_TIMEOUT.plusSeconds(5).toNanos();
    try {
      while (true) {
        try {
          done.get(100, TimeUnit.MILLISECONDS);
          return;
        } catch (TimeoutException e) {
          if (!pollThread.isAlive() && !done.isDone()) {
            // closed (or failed) after the request was queued: nobody will commit it
            throwIfFailed();
            throw YshException.builder(ErrorCode.PRECONDITION_FAILED).detail("subscription " + name() + " is closed").build();
          }
          if (System.nanoTime() - end > 0) {
            throw YshException.builder(ErrorCode.TIMEOUT).detail("Kafka offset commit did not complete in time").retryable(true).cause(e).build();
          }
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    }
  }

  private void pollLoop() {
    try {
      consumer.subscribe(List.of(settings.topic), new Listener());
      while (!stopping) {
        try {
          applyBackpressure();
          ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
          if (!records.isEmpty()) {
            enqueue(records);
          }
          commitIfDue(false);
        } catch (WakeupException e) {
          // not used for control flow; ignore
        } catch (RetriableException e) {
          LOG.debug("retriable Kafka error on {}: {}", name(), e.toString());
          sleepQuietly(100);
        }
      }
      commitIfDue(true);
    } catch (Throwable t) {
      failure = t;
      LOG.warn("Kafka consumer of {} stopped: {}", name(), t.toString());
    } finally {
      CompletableFuture<Void> f;
      while ((f = commitRequests.poll()) != null) {
        f.completeExceptionally(failure != null ? failure : YshException.of(ErrorCode.CANCELLED, "subscription closed"));
      }
      try {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
      } catch (RuntimeException e) {
        LOG.warn("closing the Kafka consumer of {} failed: {}", name(), e.toString());
      }
    }
  }

  private void enqueue(ConsumerRecords<byte[], byte[]> records) {
    synchronized (lock) {
      for (ConsumerRecord<byte[], byte[]> r : records) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        PartitionState s = partitions.get(tp);
        if (s == null) {
          continue;
        }
        if (!s.window.fetched(r.offset())) {
          continue;
        }
        if (s.previous.acked().contains(r.offset())) {
          s.window.ack(r.offset()); // acked by the previous owner above its committed position
          s.dirty = true;
          continue;
        }
        int attempt = s.previous.previousDeliveries(r.offset()) + 1;
        ready.add(new Delivery(tp, s.epoch, r.offset(), KafkaCodec.decode(r), attempt, 0));
      }
    }
  }

  private void applyBackpressure() {
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty()) {
      return;
    }
    boolean full = ready.size() >= PREFETCH;
    List<TopicPartition> pause = new ArrayList<>();
    List<TopicPartition> resume = new ArrayList<>();
    synchronized (lock) {
      for (TopicPartition tp : assigned) {
        PartitionState s = partitions.get(tp);
        boolean stop = full || (s != null && s.window.outstanding() >= MAX_UNSETTLED_PER_PARTITION);
        (stop ? pause : resume).add(tp);
      }
    }
    Set<TopicPartition> paused = consumer.paused();
    pause.removeIf(paused::contains);
    resume.removeIf(tp -> !paused.contains(tp));
    if (!pause.isEmpty()) {
      consumer.pause(pause);
    }
    if (!resume.isEmpty()) {
      consumer.resume(resume);
    }
  }

  /** Commits dirty partitions when an ack waits for it, periodically for metadata, or finally. */
  private void commitIfDue(boolean last) {
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    commitRequests.drainTo(waiting);
    Map<TopicPartition, OffsetAndMetadata> offsets;
    synchronized (lock) {
      boolean periodic = System.nanoTime() - lastCommitNanos >= METADATA_COMMIT_INTERVAL_NANOS;
      if (waiting.isEmpty() && !periodic && !last) {
        return;
      }
      offsets = snapshot(partitions.values(), last);
    }
    lastCommitNanos = System.nanoTime();
    try {
      if (!offsets.isEmpty()) {
        consumer.commitSync(offsets, COMMIT_TIMEOUT);
      }
      waiting.forEach(f -> f.complete(null));
    } catch (KafkaException e) {
      synchronized (lock) {
        for (TopicPartition tp : offsets.keySet()) {
          PartitionState s = partitions.get(tp);
          if (s != null) {
            s.dirty = true;
          }
        }
      }
      waiting.forEach(f -> f.completeExceptionally(e));
      if (!(e instanceof RetriableException) && !isRebalanceFailure(e)) {
        throw e;
      }
      LOG.info("Kafka offset commit on {} failed; acked records may be delivered again: {}", name(), e.toString());
    }
  }

  private static boolean isRebalanceFailure(KafkaException e) {
    return e instanceof org.apache.kafka.clients.consumer.CommitFailedException
        || e instanceof org.apache.kafka.common.errors.RebalanceInProgressException
        || e instanceof org.apache.kafka.common.errors.FencedInstanceIdException;
  }

  /** Offsets (and metadata) of dirty partitions, marking them clean; all partitions when {@code all}. Caller holds the lock. */
  private Map<TopicPartition, OffsetAndMetadata> snapshot(Collection<PartitionState> states, boolean all) {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    for (PartitionState s : states) {
      if (s.dirty || all) {
        OffsetAndMetadata om = s.commitPoint();
        if (om != null) {
          out.put(s.tp, om);
        }
        s.dirty = false;
      }
    }
    return out;
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs on the poll thread, inside {@code poll}. */
  private final class Listener implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
      LOG.debug("{}: partitions revoked {}", name(), revoked);
      Map<TopicPartition, OffsetAndMetadata> offsets;
      synchronized (lock) {
        List<PartitionState> states = new ArrayList<>();
        for (TopicPartition tp : revoked) {
          PartitionState s = partitions.remove(tp);
          if (s != null) {
            states.add(s);
          }
        }
        offsets = snapshot(states, true);
        forget(new HashSet<>(revoked));
      }
      if (!offsets.isEmpty()) {
        try {
          consumer.commitSync(offsets, COMMIT_TIMEOUT);
        } catch (KafkaException e) {
          LOG.info("commit on revocation of {} failed; its records may be delivered again: {}", revoked, e.toString());
        }
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
      synchronized (lock) {
        lost.forEach(partitions::remove);
        forget(new HashSet<>(lost));
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
      LOG.debug("{}: partitions assigned {}", name(), assigned);
      if (assigned.isEmpty()) {
        return;
      }
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(assigned), COMMIT_TIMEOUT);
      synchronized (lock) {
        for (TopicPartition tp : assigned) {
          OffsetAndMetadata om = committed.get(tp);
          CommitMetadata previous = om == null ? CommitMetadata.NONE : CommitMetadata.decode(om.metadata());
          partitions.put(tp, new PartitionState(tp, ++epochs, om == null ? -1 : om.offset(), previous));
        }
      }
    }

    /** Drops deliveries of partitions this consumer no longer owns. Caller holds the lock. */
    private void forget(Set<TopicPartition> gone) {
      ready.removeIf(d -> gone.contains(d.tp));
      delayed.removeIf(d -> gone.contains(d.tp));
    }
  }
}
