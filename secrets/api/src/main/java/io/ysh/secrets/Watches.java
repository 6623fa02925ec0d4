package io.ysh.secrets;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rotation watchers of one {@link SecretStore}: polling and change detection. */
final class Watches {

  private static final Logger LOG = LoggerFactory.getLogger(Watches.class);

  private final ConcurrentHashMap<String, Watched> byName = new ConcurrentHashMap<>();
  private final Supplier<ScheduledExecutorService> scheduler;
  private final Duration interval;
  private final Consumer<String> poller;

  /**
   * @param scheduler the store's background executor (created lazily)
   * @param interval how often each watched name is reloaded
   * @param poller reloads a name and reports the value through {@link #observed} or
   *     {@link #observedMissing}
   */
  Watches(Supplier<ScheduledExecutorService> scheduler, Duration interval, Consumer<String> poller) {
    this.scheduler = scheduler;
    this.interval = interval;
    this.poller = poller;
  }

  private final class Watched {
    final String name;
    final CopyOnWriteArrayList<Registration> listeners = new CopyOnWriteArrayList<>();
    SecretValue last;
    boolean baselineKnown;
    ScheduledFuture<?> poll;

    Watched(String name) {
      this.name = name;
    }
  }

  private final class Registration implements SecretWatch {
    final Watched watched;
    final SecretListener listener;

    Registration(Watched watched, SecretListener listener) {
      this.watched = watched;
      this.listener = listener;
    }

    @Override
    public String name() {
      return watched.name;
    }

    @Override
    public void close() {
      synchronized (watched) {
        watched.listeners.remove(this);
        if (watched.listeners.isEmpty()) {
          if (watched.poll != null) {
            watched.poll.cancel(false);
          }
          byName.remove(watched.name, watched);
        }
      }
    }

    @Override
    public String toString() {
      return "SecretWatch[" + watched.name + "]";
    }
  }

  /** Registers a listener; {@code baseline} null with {@code known} false when unknown. */
  SecretWatch add(String name, SecretListener listener, SecretValue baseline, boolean known) {
    while (true) {
      Watched w = byName.computeIfAbsent(name, Watched::new);
      synchronized (w) {
        if (byName.get(name) != w) {
          continue;
        }
        Registration r = new Registration(w, listener);
        if (w.listeners.isEmpty()) {
          w.last = baseline;
          w.baselineKnown = known;
          long period = Math.max(1, interval.toMillis());
          w.poll = scheduler.get().scheduleWithFixedDelay(() -> poll(name), period, period, TimeUnit.MILLISECONDS);
        }
        w.listeners.add(r);
        return r;
      }
    }
  }

  boolean isEmpty() {
    return byName.isEmpty();
  }

  private void poll(String name) {
    try {
      poller.accept(name);
    } catch (RuntimeException e) {
      LOG.debug("polling watched secret '{}' failed ({})", name, e.getClass().getSimpleName());
    }
  }

  /** A value of {@code name} was loaded; fires the listeners when it is a new version. */
  void observed(SecretValue value) {
    Watched w = byName.get(value.name());
    if (w == null) {
      return;
    }
    boolean fire;
    synchronized (w) {
      fire = w.baselineKnown && value.differsFrom(w.last);
      w.last = value;
      w.baselineKnown = true;
    }
    if (fire) {
      for (Registration r : w.listeners) {
        scheduler.get().execute(() -> notify(r, value));
      }
    }
  }

  /** The watched secret does not exist (now): its appearance later counts as a rotation. */
  void observedMissing(String name) {
    Watched w = byName.get(name);
    if (w == null) {
      return;
    }
    synchronized (w) {
      w.last = null;
      w.baselineKnown = true;
    }
  }

  private static void notify(Registration r, SecretValue value) {
    if (!r.watched.listeners.contains(r)) {
      return;
    }
    try {
      r.listener.onRotation(value);
    } catch (RuntimeException e) {
      LOG.warn("rotation listener for secret '{}' threw {}", r.watched.name, e.getClass().getName());
    }
  }
}
