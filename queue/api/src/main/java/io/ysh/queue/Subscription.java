package io.ysh.queue;

import io.ysh.core.Args;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.Invoker;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.DriverMessage;
import io.ysh.queue.spi.SubscriptionDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes messages from one queue, stream or subscription, at least once, portably.
 *
 * <pre>{@code
 * try (Subscription orders = Subscription.open("rabbitmq://guest:guest@localhost/orders?maxAttempts=5");
 *      Subscriber running = orders.subscribe(m -> process(m.bodyAsString()), SubscribeOptions.defaults())) {
 *   ...
 * }
 * }</pre>
 *
 * <p><b>Pull</b>: {@link #receive(int, Duration)} returns up to {@code max} messages; each must be
 * settled with {@link ReceivedMessage#ack()} or {@link ReceivedMessage#nack()}. <b>Push</b>:
 * {@link #subscribe(MessageHandler, SubscribeOptions)} runs a handler with bounded concurrency.
 *
 * <p><b>Redelivery.</b> A nacked message comes back after a backoff (exponential in the delivery
 * attempt from the {@code nackDelay} base, 1 s by default), never at once, so a failing handler
 * does not cause a redelivery storm. A message neither acked nor nacked comes back after the
 * provider's ack deadline, or when the consumer's connection dies.
 *
 * <p><b>Dead letters.</b> With {@code maxAttempts=N} (URL) or {@link Builder#maxDeliveryAttempts},
 * a message delivered more than N times is moved to the dead-letter destination ({@code deadLetter}
 * URL parameter; by default the subscription's name plus {@code .dlq}) instead of being returned:
 * by the provider where {@link QueueCapabilities#nativeDeadLetter()}, otherwise by this class. It
 * is never dropped.
 *
 * <p><b>Acks are asynchronous</b>, like Go CDK's: {@link ReceivedMessage#ack()} queues the ack and a
 * background thread sends queued acks in batches within milliseconds. {@link #close()} sends every
 * queued ack before it releases the driver. An ack that never reaches the provider (the process
 * died before the flush, the request failed, or the ack raced with {@code close()}) costs a
 * redelivery after the ack deadline, never a loss: delivery is at least once, so handlers must be
 * idempotent.
 *
 * <p>{@link #close()} closes running subscribers (draining them), nacks pulled messages that were
 * not settled, flushes queued acks, and releases the driver. Thread-safe.
 */
public final class Subscription implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
  /** Not an ack id: wakes the ack thread when closing (compared by identity). */
  private static final String WAKE_UP = new String("wake-up");

  private final SubscriptionDriver driver;
  private final Invoker invoker;
  private final QueueCapabilities caps;
  private final int maxAttempts;
  private final Duration nackDelay;
  private final Set<ReceivedMessage> outstanding = ConcurrentHashMap.newKeySet();
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile AckBatcher ackBatcher;
  private boolean acksClosed; // guarded by this

  private Subscription(SubscriptionDriver driver, ResiliencePolicy policy, Telemetry telemetry, int maxAttempts, Duration nackDelay) {
    this.driver = driver;
    this.caps = driver.capabilities();
    this.invoker = Invoker.create("queue", driver.provider(), telemetry, policy, driver.errorMapper());
    this.maxAttempts = maxAttempts;
    this.nackDelay = nackDelay;
  }

  /**
   * Opens a subscription by URL with the default resilience policy and telemetry.
   *
   * @param url such as {@code mem://orders?maxAttempts=5},
   *     {@code redis-stream://localhost:6379/orders?group=billing}
   * @return the subscription
   * @throws YshException {@code INVALID_ARGUMENT} for a malformed URL, unknown scheme or unknown
   *     parameter, {@code UNSUPPORTED} naming the artifact to add when the driver is missing
   */
  public static Subscription open(String url) {
    return builder(url).build();
  }

  /**
   * Starts building a subscription opened by URL, as {@link #open(String)}; the driver is opened
   * by {@link Builder#build()}. Options set on the builder win over the URL's portable parameters.
   *
   * @param url the URL
   * @return a builder
   */
  public static Builder builder(String url) {
    return new Builder(url, null);
  }

  /**
   * Starts building a subscription over a driver built programmatically (each driver module has a
   * builder, such as {@code RabbitMqQueues.builder()}); the subscription closes the driver.
   *
   * @param driver the driver
   * @return a builder
   */
  public static Builder builder(SubscriptionDriver driver) {
    return new Builder(null, Args.notNull(driver, "driver"));
  }

  /**
   * Receives up to {@code max} messages, waiting up to {@code wait} for the first. May return
   * fewer than available, or none before {@code wait} passed (for example when every message
   * received was dead-lettered).
   *
   * @param max at least 1
   * @param wait how long to wait; zero to return at once
   * @return the messages, each to be acked or nacked
   * @throws YshException {@code INVALID_ARGUMENT} for bad arguments, {@code PRECONDITION_FAILED}
   *     when closed, or the mapped provider failure
   */
  public List<ReceivedMessage> receive(int max, Duration wait) {
    Args.notNull(wait, "wait");
    if (max < 1) {
      throw YshException.invalidArgument("max must be at least 1, was " + max);
    }
    if (wait.isNegative()) {
      throw YshException.invalidArgument("wait must not be negative");
    }
    ensureOpen("receive");
    List<DriverMessage> got = invoker.call("receive", driver.name(), true, () -> driver.receiveBatch(max, wait));
    List<ReceivedMessage> out = new ArrayList<>(got.size());
    List<DriverMessage> dead = new ArrayList<>();
    for (DriverMessage d : got) {
      if (maxAttempts > 0 && !caps.nativeDeadLetter() && d.deliveryAttempt() > maxAttempts) {
        dead.add(d);
      } else {
        ReceivedMessage m = new ReceivedMessage(d, this);
        outstanding.add(m);
        out.add(m);
      }
    }
    if (!dead.isEmpty()) {
      invoker.run("deadLetter", driver.name(), true, () -> {
        driver.deadLetter(dead);
        return null;
      });
      LOG.info("moved {} message(s) from {} to its dead-letter destination after {} attempts", dead.size(), driver.name(), maxAttempts);
    }
    return out;
  }

  /**
   * Starts a push subscription.
   *
   * @param handler called once per delivery; returning acks, throwing nacks
   * @param options concurrency, in-flight limit, drain timeout
   * @return the running subscriber; close it (or this subscription) to stop
   */
  public Subscriber subscribe(MessageHandler handler, SubscribeOptions options) {
    Args.notNull(handler, "handler");
    Args.notNull(options, "options");
    ensureOpen("subscribe");
    Subscriber s = new Subscriber(this, handler, options);
    subscribers.add(s);
    return s;
  }

  /**
   * Starts a push subscription with {@link SubscribeOptions#defaults()}.
   *
   * @param handler the handler
   * @return the running subscriber
   */
  public Subscriber subscribe(MessageHandler handler) {
    return subscribe(handler, SubscribeOptions.defaults());
  }

  /**
   * Checks that the broker answers and (where the driver's call tells) that this subscription
   * exists, with the driver's cheapest real call (nothing is received), bounded by
   * {@code timeout}. Never retried: a health check wants the
   * broker's state now, not after the resilience policy's backoff.
   *
   * @param timeout how long the check may take: positive, at most 5 minutes
   * @throws YshException {@code INVALID_ARGUMENT} for a bad timeout, {@code PRECONDITION_FAILED}
   *     when closed, {@code UNAVAILABLE} when the broker cannot be reached or did not answer within
   *     the timeout, {@code NOT_FOUND} when the subscription does not exist, {@code PERMISSION_DENIED} or
   *     {@code UNAUTHENTICATED} when the credentials are refused, {@code UNSUPPORTED} when the
   *     driver has no such check
   */
  public void ping(Duration timeout) {
    Pings.checkTimeout(timeout);
    ensureOpen("ping");
    Pings.run(invoker, driver.name(), timeout, () -> {
      driver.ping(timeout);
      return null;
    });
  }

  /**
   * {@link #ping(Duration)} with a 5 second timeout.
   *
   * @throws YshException as {@link #ping(Duration)}
   */
  public void ping() {
    ping(Duration.ofSeconds(5));
  }

  /**
   * The driver's name, such as {@code rabbitmq} or {@code sqs}, for health details and logs.
   *
   * @return the provider
   */
  public String provider() {
    return driver.provider();
  }

  /**
   * The driver's limits and features.
   *
   * @return the capabilities
   */
  public QueueCapabilities capabilities() {
    return caps;
  }

  /**
   * The subscription's name.
   *
   * @return the name
   */
  public String name() {
    return driver.name();
  }

  /**
   * After how many deliveries a message is dead-lettered.
   *
   * @return the maximum, 0 when dead-lettering is off
   */
  public int maxDeliveryAttempts() {
    return maxAttempts;
  }

  /**
   * Exposes the native client.
   *
   * @param <T> the type
   * @param type the native type
   * @return the native object
   * @throws YshException {@code UNSUPPORTED} when the driver has nothing of that type
   */
  public <T> T unwrap(Class<T> type) {
    if (Args.notNull(type, "type").isInstance(driver)) {
      return type.cast(driver);
    }
    return driver
        .unwrap(type)
        .orElseThrow(
            () -> YshException.builder(ErrorCode.UNSUPPORTED)
                .operation("queue.unwrap")
                .provider(driver.provider())
                .detail("the " + driver.provider() + " driver has no " + type.getName())
                .build());
  }

  /**
   * Closes subscribers (draining each), nacks unsettled pulled messages, sends every queued ack
   * (waiting for the one in flight), then releases the driver. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (Subscriber s : List.copyOf(subscribers)) {
      s.close();
    }
    for (ReceivedMessage m : List.copyOf(outstanding)) {
      if (m.nackIfPending()) {
        nackQuietly(m);
      }
    }
    AckBatcher b;
    synchronized (this) {
      acksClosed = true; // a late ack must not start a new batcher
      b = ackBatcher;
    }
    if (b != null) {
      b.flushAndStop();
    }
    try {
      driver.close();
    } catch (RuntimeException e) {
      LOG.warn("closing {} subscription {} failed: {}", driver.provider(), driver.name(), e.toString());
    }
  }

  @Override
  public String toString() {
    return "Subscription[" + driver.provider() + ":" + driver.name() + "]";
  }

  Duration backoff(int attempt) {
    int shift = Math.min(Math.max(attempt - 1, 0), 20);
    Duration d = nackDelay.multipliedBy(1L << shift);
    if (d.compareTo(MAX_BACKOFF) > 0) {
      d = MAX_BACKOFF;
    }
    return d;
  }

  void settle(ReceivedMessage m, boolean ack, Duration delay) {
    outstanding.remove(m);
    String ackId = m.delivery().ackId();
    if (ack) {
      AckBatcher b = acks();
      if (b == null || !b.add(ackId)) {
        LOG.warn("{} was acked after {} flushed its acks on close; the ack is not sent and the message will be redelivered", m, driver.name());
      }
    } else {
      Duration d = delay.compareTo(caps.maxNackDelay()) > 0 ? caps.maxNackDelay() : delay;
      invoker.run("nack", driver.name(), true, () -> {
        driver.nack(List.of(ackId), d);
        return null;
      });
    }
  }

  /** The ack batcher, started on first use; null once close() flushed acks and none was ever started. */
  private AckBatcher acks() {
    AckBatcher b = ackBatcher;
    if (b == null) {
      synchronized (this) {
        b = ackBatcher;
        if (b == null && !acksClosed) {
          b = new AckBatcher();
          ackBatcher = b;
        }
      }
    }
    return b;
  }

  /**
   * Sends acks in the background, in batches: whatever accumulated while the previous batch was
   * being sent, up to 1,000 at a time. A failed batch is logged; its messages come back after the
   * ack deadline (at-least-once).
   */
  private final class AckBatcher {
    private final LinkedBlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopping;
    private boolean stopped; // guarded by this: set with the final drain, so no ack slips in after it

    AckBatcher() {
      thread = new Thread(this::loop, "ysh-queue-ack-" + driver.name());
      thread.setDaemon(true);
      thread.start();
    }

    synchronized boolean add(String ackId) {
      if (stopped) {
        return false;
      }
      pending.add(ackId);
      return true;
    }

    private void loop() {
      while (!stopping) {
        try {
          String first = pending.poll(100, TimeUnit.MILLISECONDS);
          if (first != null && first != WAKE_UP) {
            List<String> batch = new ArrayList<>();
            batch.add(first);
            pending.drainTo(batch, 999);
            batch.removeIf(id -> id == WAKE_UP);
            send(batch);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private void send(List<String> batch) {
      try {
        invoker.run("ack", driver.name(), true, () -> {
          driver.ack(batch);
          return null;
        });
      } catch (RuntimeException e) {
        LOG.warn("acking {} message(s) on {} failed; they will be redelivered: {}", batch.size(), driver.name(), e.toString());
      }
    }

    void flushAndStop() {
      stopping = true;
      pending.add(WAKE_UP); // ends a waiting poll at once
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<String> rest = new ArrayList<>();
      synchronized (this) {
        stopped = true;
        pending.drainTo(rest);
      }
      rest.removeIf(id -> id == WAKE_UP);
      for (int i = 0; i < rest.size(); i += 1000) {
        send(rest.subList(i, Math.min(rest.size(), i + 1000)));
      }
    }
  }

  void nackQuietly(ReceivedMessage m) {
    try {
      settle(m, false, Duration.ZERO);
    } catch (RuntimeException e) {
      LOG.warn("nack of {} on close failed; it comes back after the ack deadline: {}", m, e.toString());
    }
  }

  void extend(ReceivedMessage m, Duration extension) {
    if (!caps.extendDeadline()) {
      throw YshException.builder(ErrorCode.UNSUPPORTED)
          .operation("queue.extendDeadline")
          .provider(driver.provider())
          .detail("the " + driver.provider() + " driver cannot extend ack deadlines")
          .build();
    }
    invoker.run("extendDeadline", driver.name(), true, () -> {
      driver.extendDeadline(m.delivery().ackId(), extension);
      return null;
    });
  }

  void unregister(Subscriber s) {
    subscribers.remove(s);
  }

  private void ensureOpen(String op) {
    if (closed.get()) {
      throw YshException.builder(ErrorCode.PRECONDITION_FAILED)
          .operation("queue." + op)
          .provider(driver.provider())
          .detail("subscription " + driver.name() + " is closed")
          .build();
    }
  }

  /**
   * Builds a {@link Subscription} opened by URL ({@link Subscription#builder(String)}) or over a
   * driver ({@link Subscription#builder(SubscriptionDriver)}). Not thread-safe.
   */
  public static final class Builder {
    private final String url;
    private final SubscriptionDriver driver;
    private ResiliencePolicy resilience;
    private Telemetry telemetry = Telemetry.defaults();
    private Integer maxAttempts;
    private Duration nackDelay;

    private Builder(String url, SubscriptionDriver driver) {
      this.url = url;
      this.driver = driver;
    }

    /**
     * Sets the resilience policy (default {@link ResiliencePolicy#defaults()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder resilience(ResiliencePolicy policy) {
      this.resilience = Args.notNull(policy, "policy");
      return this;
    }

    /**
     * Sets the telemetry (default {@link Telemetry#defaults()}).
     *
     * @param telemetry the telemetry
     * @return this builder
     */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Args.notNull(telemetry, "telemetry");
      return this;
    }

    /**
     * Dead-letters messages delivered more than {@code n} times (overrides the URL's
     * {@code maxAttempts}); 0 turns dead-lettering off.
     *
     * @param n the maximum number of deliveries
     * @return this builder
     */
    public Builder maxDeliveryAttempts(int n) {
      if (n < 0) {
        throw YshException.invalidArgument("maxDeliveryAttempts must not be negative");
      }
      this.maxAttempts = n;
      return this;
    }

    /**
     * Sets the base of the nack backoff (overrides the URL's {@code nackDelay}; default 1 s): the
     * n-th delivery's nack waits base × 2^(n-1), at most 10 minutes.
     *
     * @param base the base delay
     * @return this builder
     */
    public Builder nackDelay(Duration base) {
      if (Args.notNull(base, "base").isNegative()) {
        throw YshException.invalidArgument("nackDelay must not be negative");
      }
      this.nackDelay = base;
      return this;
    }

    /**
     * Opens the subscription.
     *
     * @return the subscription
     * @throws YshException as {@link Subscription#open(String)}
     */
    public Subscription build() {
      int attempts = maxAttempts == null ? 0 : maxAttempts;
      Duration base = nackDelay == null ? Duration.ofSeconds(1) : nackDelay;
      SubscriptionDriver d = driver;
      if (d == null) {
        ResourceUrl parsed = ResourceUrl.parse(url);
        if (maxAttempts == null) {
          attempts = parsed.intParam("maxAttempts").orElse(0);
          if (attempts < 0) {
            throw YshException.invalidArgument("maxAttempts must not be negative");
          }
        }
        if (nackDelay == null) {
          base = parsed.durationParam("nackDelay").orElse(base);
        }
        d = QueueRegistry.REGISTRY.forUrl(parsed).openSubscription(parsed);
      }
      return new Subscription(d, resilience == null ? ResiliencePolicy.defaults() : resilience, telemetry, attempts, base);
    }
  }
}
