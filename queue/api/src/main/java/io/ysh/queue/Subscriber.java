package io.ysh.queue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running push subscription, returned by {@link Subscription#subscribe}. One thread fetches
 * messages while fewer than {@link SubscribeOptions#maxInFlight()} are unsettled; at most
 * {@link SubscribeOptions#maxConcurrency()} handlers run at once. A handler that returns acks its
 * message (unless it settled it itself); one that throws nacks it with the subscription's backoff.
 *
 * <p>{@link #close()} drains: it stops fetching, nacks messages whose handler has not started,
 * waits up to the drain timeout for running handlers, then interrupts the rest and nacks their
 * messages (a handler that finishes after that cannot ack). Thread-safe.
 */
public final class Subscriber implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);

  private final Subscription subscription;
  private final MessageHandler handler;
  private final SubscribeOptions options;
  private final Semaphore inFlight;
  private final ThreadPoolExecutor workers;
  private final Thread fetcher;
  private final Set<ReceivedMessage> unsettled = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean running = true;
  private volatile boolean draining;

  Subscriber(Subscription subscription, MessageHandler handler, SubscribeOptions options) {
    this.subscription = subscription;
    this.handler = handler;
    this.options = options;
    this.inFlight = new Semaphore(options.maxInFlight());
    this.workers =
        new ThreadPoolExecutor(
            options.maxConcurrency(),
            options.maxConcurrency(),
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "ysh-queue-handler-" + subscription.name());
              t.setDaemon(true);
              return t;
            });
    this.fetcher = new Thread(this::fetchLoop, "ysh-queue-fetch-" + subscription.name());
    this.fetcher.setDaemon(true);
    this.fetcher.start();
  }

  /**
   * How many handler calls returned normally.
   *
   * @return the count
   */
  public long handledCount() {
    return handled.get();
  }

  /**
   * How many handler calls threw.
   *
   * @return the count
   */
  public long failedCount() {
    return failed.get();
  }

  /**
   * Whether the subscriber is still fetching.
   *
   * @return false once closing started
   */
  public boolean isRunning() {
    return running;
  }

  private void fetchLoop() {
    while (running) {
      int permits = 0;
      try {
        if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
        permits = 1 + inFlight.drainPermits();
        if (!running) {
          break;
        }
        List<ReceivedMessage> batch = subscription.receive(permits, options.pollWait());
        for (ReceivedMessage m : batch) {
          unsettled.add(m);
          permits--;
          workers.execute(() -> handle(m));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        if (!running) {
          break;
        }
        LOG.warn("receiving from {} failed, retrying in 1 s: {}", subscription.name(), e.toString());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      } finally {
        if (permits > 0) {
          inFlight.release(permits);
        }
      }
    }
  }

  private void handle(ReceivedMessage m) {
    try {
      if (draining) {
        settleQuietly(m, false);
        return;
      }
      try {
        handler.handle(m);
        handled.incrementAndGet();
        if (!m.isSettled()) {
          settleQuietly(m, true);
        }
      } catch (Throwable t) {
        // An interrupted handler (drain deadline passed) must still be able to give its message back.
        Thread.interrupted();
        failed.incrementAndGet();
        LOG.debug("handler failed for {}: {}", m, t.toString());
        if (!m.isSettled()) {
          settleQuietly(m, false);
        }
        if (t instanceof Error e && !(t instanceof AssertionError)) {
          throw e;
        }
      }
    } finally {
      unsettled.remove(m);
      inFlight.release();
    }
  }

  private void settleQuietly(ReceivedMessage m, boolean ack) {
    try {
      if (ack) {
        m.ack();
      } else if (draining) {
        m.nack(Duration.ZERO);
      } else {
        m.nack();
      }
    } catch (RuntimeException e) {
      LOG.warn("{} of {} failed: {}", ack ? "ack" : "nack", m, e.toString());
    }
  }

  /** Drains with the options' drain timeout; see the class description. */
  @Override
  public void close() {
    close(options.drainTimeout());
  }

  /**
   * Drains with an explicit timeout; {@link Duration#ZERO} interrupts running handlers at once and
   * nacks every unsettled message.
   *
   * @param drainTimeout how long running handlers may take to finish
   */
  public void close(Duration drainTimeout) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    running = false;
    draining = true;
    try {
      fetcher.join(options.pollWait().toMillis() + 5_000);
      workers.shutdown();
      if (!workers.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
    for (ReceivedMessage m : List.copyOf(unsettled)) {
      if (m.nackIfPending()) {
        subscription.nackQuietly(m);
      }
    }
    subscription.unregister(this);
  }

  @Override
  public String toString() {
    return "Subscriber[" + subscription.name() + ", " + options + "]";
  }
}
