package io.ysh.queue;

import io.ysh.core.Args;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.Invoker;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes messages to one destination (queue, exchange, topic, stream), portably.
 *
 * <pre>{@code
 * try (Topic orders = Topic.open("rabbitmq://guest:guest@localhost/orders")) {
 *   String id = orders.publish(Message.builder().body("{...}").attribute("type", "created").build());
 * }
 * }</pre>
 *
 * <p>This is the one publish path of every driver: every message is validated against the
 * driver's {@link QueueCapabilities} before anything is sent (size, attribute count, names, values
 * and reserved prefixes, empty body, ordering key and deduplication id, rejected with
 * {@code UNSUPPORTED} where the provider has no such notion); {@link #publishAll} splits a list
 * into batches within the provider's limits (SQS: 10 messages; RabbitMQ: one confirm round per
 * batch); {@link #publishAsync} batches concurrent callers automatically; and the resilience
 * policy retries a failed batch only when every message carries a deduplication id the provider
 * honours. Drivers only send: they neither validate again nor retry on their own. Publishing is
 * at-least-once: a failed publish may have reached the provider.
 *
 * <p>Thread-safe; build one per destination and share it. {@link #close()} waits for pending
 * asynchronous publishes.
 */
public final class Topic implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Topic.class);

  private final TopicDriver driver;
  private final Invoker invoker;
  private final QueueCapabilities caps;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object asyncLock = new Object();
  private final int asyncConcurrency;
  private volatile AsyncBatcher batcher;

  private Topic(TopicDriver driver, ResiliencePolicy policy, Telemetry telemetry, int asyncConcurrency) {
    this.driver = driver;
    this.caps = driver.capabilities();
    this.invoker = Invoker.create("queue", driver.provider(), telemetry, policy, driver.errorMapper());
    this.asyncConcurrency = asyncConcurrency;
  }

  /**
   * Opens a topic by URL with the default resilience policy and telemetry.
   *
   * @param url such as {@code mem://orders}, {@code rabbitmq://host/orders},
   *     {@code redis-stream://host:6379/orders}, {@code sqs://orders?endpoint=…}
   * @return the topic
   * @throws YshException {@code INVALID_ARGUMENT} for a malformed URL or unknown scheme,
   *     {@code UNSUPPORTED} naming the artifact to add when the driver is not on the classpath
   */
  public static Topic open(String url) {
    return builder(url).build();
  }

  /**
   * Starts building a topic opened by URL, as {@link #open(String)}; the driver is opened by
   * {@link Builder#build()}.
   *
   * @param url the URL
   * @return a builder
   */
  public static Builder builder(String url) {
    return new Builder(url, null);
  }

  /**
   * Starts building a topic over a driver built programmatically (each driver module has a
   * builder, such as {@code RabbitMqQueues.builder()}); the topic closes the driver.
   *
   * @param driver the driver
   * @return a builder
   */
  public static Builder builder(TopicDriver driver) {
    return new Builder(null, Args.notNull(driver, "driver"));
  }

  /**
   * Publishes one message and waits until the provider accepted it.
   *
   * @param message the message
   * @return the provider's message id
   * @throws YshException {@code INVALID_ARGUMENT} when the message breaks a limit,
   *     {@code UNSUPPORTED} for an ordering key or deduplication id the provider cannot honour,
   *     {@code NOT_FOUND} for a missing destination, or the mapped provider failure
   */
  public String publish(Message message) {
    return publishAll(List.of(Args.notNull(message, "message"))).get(0);
  }

  /**
   * Publishes messages in as few provider requests as the provider's batch limits allow, and waits
   * until all were accepted. Every message is validated before the first is sent.
   *
   * @param messages the messages, at least one
   * @return the provider's message ids, in order
   * @throws YshException as {@link #publish}; when a batch fails, earlier batches stay published
   */
  public List<String> publishAll(List<Message> messages) {
    ensureOpen();
    Args.notNull(messages, "messages");
    if (messages.isEmpty()) {
      return List.of();
    }
    for (int i = 0; i < messages.size(); i++) {
      Problem problem = problem(Args.notNull(messages.get(i), "message"));
      if (problem != null) {
        throw messages.size() == 1 ? problem.exception(driver.provider())
            : problem.inBatch(i).exception(driver.provider());
      }
    }
    List<String> ids = new ArrayList<>(messages.size());
    for (List<Message> batch : batches(messages)) {
      ids.addAll(sendBatch(batch));
    }
    return ids;
  }

  /**
   * Publishes without blocking. Concurrent calls are gathered into provider batches.
   *
   * @param message the message
   * @return a future completing with the provider's message id, or exceptionally with a
   *     {@link YshException}; validation failures complete it exceptionally at once
   */
  public CompletableFuture<String> publishAsync(Message message) {
    try {
      ensureOpen();
      Problem problem = problem(Args.notNull(message, "message"));
      if (problem != null) {
        throw problem.exception(driver.provider());
      }
    } catch (YshException e) {
      return CompletableFuture.failedFuture(e);
    }
    AsyncBatcher b = batcher;
    if (b == null) {
      synchronized (asyncLock) {
        b = batcher;
        if (b == null) {
          b = new AsyncBatcher();
          batcher = b;
        }
      }
    }
    return b.submit(message);
  }

  /**
   * Checks that the broker answers and (where the driver's call tells) that this destination
   * exists, with the driver's cheapest real call (nothing is published), bounded by
   * {@code timeout}. Never retried: a health check wants the
   * broker's state now, not after the resilience policy's backoff.
   *
   * @param timeout how long the check may take: positive, at most 5 minutes
   * @throws YshException {@code INVALID_ARGUMENT} for a bad timeout, {@code PRECONDITION_FAILED}
   *     when closed, {@code UNAVAILABLE} when the broker cannot be reached or did not answer within
   *     the timeout, {@code NOT_FOUND} when the destination does not exist, {@code PERMISSION_DENIED} or
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
   * The destination's name.
   *
   * @return the name
   */
  public String name() {
    return driver.name();
  }

  /**
   * Exposes the native client, for what the portable API does not cover.
   *
   * @param <T> the type
   * @param type such as {@code com.rabbitmq.client.Connection} or
   *     {@code software.amazon.awssdk.services.sqs.SqsClient}
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

  /** Waits for pending asynchronous publishes (up to 30 seconds), then releases the driver. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    AsyncBatcher b = batcher;
    if (b != null) {
      b.shutdown();
    }
    try {
      driver.close();
    } catch (RuntimeException e) {
      LOG.warn("closing {} topic {} failed: {}", driver.provider(), driver.name(), e.toString());
    }
  }

  @Override
  public String toString() {
    return "Topic[" + driver.provider() + ":" + driver.name() + "]";
  }

  private List<String> sendBatch(List<Message> batch) {
    boolean idempotent = caps.deduplication() && batch.stream().allMatch(m -> m.deduplicationId().isPresent());
    List<String> ids = invoker.call("publish", driver.name(), idempotent, () -> driver.sendBatch(batch));
    if (ids == null || ids.size() != batch.size()) {
      throw YshException.builder(ErrorCode.INTERNAL)
          .operation("queue.publish")
          .provider(driver.provider())
          .detail("driver returned " + (ids == null ? "no" : ids.size()) + " ids for " + batch.size() + " messages")
          .build();
    }
    return ids;
  }

  List<List<Message>> batches(List<Message> messages) {
    List<List<Message>> out = new ArrayList<>();
    List<Message> current = new ArrayList<>();
    long bytes = 0;
    for (Message m : messages) {
      int size = m.encodedSize();
      if (!current.isEmpty() && (current.size() >= caps.maxBatchMessages() || bytes + size > caps.maxBatchBytes())) {
        out.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(m);
      bytes += size;
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /** Why a message cannot be published through this driver. */
  private record Problem(ErrorCode code, String detail) {

    static Problem invalid(String detail) {
      return new Problem(ErrorCode.INVALID_ARGUMENT, detail);
    }

    Problem inBatch(int index) {
      return new Problem(code, "message " + index + " of the batch: " + detail + " (nothing of the batch was sent)");
    }

    YshException exception(String provider) {
      return YshException.builder(code).operation("queue.publish").provider(provider).detail(detail).build();
    }
  }

  /** Why a message cannot be published through this driver, or null when it can. */
  private Problem problem(Message m) {
    if (m.bodySize() == 0 && !caps.emptyBodyAllowed()) {
      return Problem.invalid("the " + driver.provider() + " provider rejects empty message bodies" + where());
    }
    if (m.attributes().size() > caps.maxAttributes()) {
      return Problem.invalid("message has " + m.attributes().size() + " attributes; at most " + caps.maxAttributes() + " allowed" + where());
    }
    for (Map.Entry<String, String> e : m.attributes().entrySet()) {
      String name = e.getKey();
      if (name.isEmpty()) {
        return Problem.invalid("attribute names must not be empty" + where());
      }
      if (name.startsWith("x-ysh-")) {
        return Problem.invalid("attribute names starting with x-ysh- are reserved for the SDK" + where());
      }
      String reserved = caps.reservedPrefixOf(name);
      if (reserved != null) {
        return Problem.invalid("attribute names starting with '" + reserved + "' (in any case) are reserved by " + driver.provider() + where());
      }
      if (Message.utf8Length(name) > caps.maxAttributeNameLength()) {
        return Problem.invalid("attribute name of " + Message.utf8Length(name) + " bytes exceeds " + caps.maxAttributeNameLength() + where());
      }
      int valueBytes = Message.utf8Length(e.getValue());
      if (valueBytes > caps.maxAttributeValueBytes()) {
        return Problem.invalid("attribute '" + name + "' value of " + valueBytes + " bytes exceeds " + caps.maxAttributeValueBytes() + where());
      }
    }
    if (m.orderingKey().isPresent()) {
      if (!caps.orderingKeys()) {
        return new Problem(ErrorCode.UNSUPPORTED, "ordering keys are not supported by " + driver.provider() + where());
      }
      int keyBytes = Message.utf8Length(m.orderingKey().get());
      if (keyBytes == 0) {
        return Problem.invalid("ordering key must not be empty" + where());
      }
      if (keyBytes > caps.maxOrderingKeyBytes()) {
        return Problem.invalid("ordering key of " + keyBytes + " bytes exceeds " + caps.maxOrderingKeyBytes() + where());
      }
    }
    if (m.deduplicationId().isPresent()) {
      if (!caps.deduplication()) {
        return new Problem(ErrorCode.UNSUPPORTED, "deduplication ids are not supported by " + driver.provider() + where());
      }
      if (m.deduplicationId().get().isEmpty()) {
        return Problem.invalid("deduplication id must not be empty" + where());
      }
    }
    int size = m.encodedSize();
    if (size > caps.maxMessageBytes()) {
      return Problem.invalid("message of " + size + " bytes (body and attributes) exceeds the " + driver.provider()
          + " limit of " + caps.maxMessageBytes() + " bytes" + where());
    }
    return null;
  }

  /** Names this topic in validation messages; built only when a message is rejected. */
  private String where() {
    return " (" + driver.provider() + ":" + driver.name() + ")";
  }

  private void ensureOpen() {
    ensureOpen("publish");
  }

  private void ensureOpen(String op) {
    if (closed.get()) {
      throw YshException.builder(ErrorCode.PRECONDITION_FAILED)
          .operation("queue." + op)
          .provider(driver.provider())
          .detail("topic " + driver.name() + " is closed")
          .build();
    }
  }

  private record Pending(Message message, CompletableFuture<String> future) {}

  /** Gathers asynchronous publishes into batches; a bounded number of batches in flight. */
  private final class AsyncBatcher {
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Semaphore inFlight = new Semaphore(asyncConcurrency);
    private final ExecutorService senders;
    private final Thread dispatcher;
    private volatile boolean stopping;

    AsyncBatcher() {
      senders = Executors.newFixedThreadPool(asyncConcurrency, r -> {
        Thread t = new Thread(r, "ysh-queue-publish-" + driver.name());
        t.setDaemon(true);
        return t;
      });
      dispatcher = new Thread(this::loop, "ysh-queue-batcher-" + driver.name());
      dispatcher.setDaemon(true);
      dispatcher.start();
    }

    CompletableFuture<String> submit(Message m) {
      CompletableFuture<String> f = new CompletableFuture<>();
      queue.add(new Pending(m, f));
      return f;
    }

    private void loop() {
      List<Pending> batch = new ArrayList<>();
      while (!stopping || !queue.isEmpty()) {
        try {
          Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          inFlight.acquire();
          batch.add(first);
          long bytes = first.message().encodedSize();
          Pending next;
          while (batch.size() < caps.maxBatchMessages() && (next = queue.peek()) != null
              && bytes + next.message().encodedSize() <= caps.maxBatchBytes()) {
            batch.add(queue.poll());
            bytes += next.message().encodedSize();
          }
          List<Pending> toSend = List.copyOf(batch);
          batch.clear();
          senders.execute(() -> send(toSend));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      for (Pending p : batch) {
        p.future().completeExceptionally(YshException.of(ErrorCode.CANCELLED, "topic closed"));
      }
    }

    private void send(List<Pending> batch) {
      try {
        List<String> ids = sendBatch(batch.stream().map(Pending::message).toList());
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).future().complete(ids.get(i));
        }
      } catch (RuntimeException e) {
        YshException y = e instanceof YshException ye ? ye : invoker.map("publish", driver.name(), e);
        batch.forEach(p -> p.future().completeExceptionally(y));
      } finally {
        inFlight.release();
      }
    }

    void shutdown() {
      stopping = true;
      try {
        dispatcher.join(30_000);
        senders.shutdown();
        if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
          senders.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        senders.shutdownNow();
      }
      Pending p;
      while ((p = queue.poll()) != null) {
        p.future().completeExceptionally(YshException.of(ErrorCode.CANCELLED, "topic closed before the message was sent"));
      }
    }
  }

  /**
   * Builds a {@link Topic} opened by URL ({@link Topic#builder(String)}) or over a driver
   * ({@link Topic#builder(TopicDriver)}). Not thread-safe.
   */
  public static final class Builder {
    private final String url;
    private final TopicDriver driver;
    private ResiliencePolicy resilience;
    private Telemetry telemetry = Telemetry.defaults();
    private int asyncConcurrency = 4;

    private Builder(String url, TopicDriver driver) {
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
     * Sets how many batches {@link Topic#publishAsync} may have in flight (default 4).
     *
     * @param n at least 1
     * @return this builder
     */
    public Builder asyncConcurrency(int n) {
      if (n < 1) {
        throw YshException.invalidArgument("asyncConcurrency must be at least 1");
      }
      this.asyncConcurrency = n;
      return this;
    }

    /**
     * Opens the topic.
     *
     * @return the topic
     * @throws YshException as {@link Topic#open(String)}
     */
    public Topic build() {
      TopicDriver d = driver;
      if (d == null) {
        ResourceUrl parsed = ResourceUrl.parse(url);
        d = QueueRegistry.REGISTRY.forUrl(parsed).openTopic(parsed);
      }
      return new Topic(d, resilience == null ? ResiliencePolicy.defaults() : resilience, telemetry, asyncConcurrency);
    }
  }
}
