package io.ysh.secrets;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache layer of {@link SecretStore}: TTL, refresh-ahead, stale-if-error, single-flight
 * loads. The latest value of a name is keyed by the name itself, so a hit allocates nothing.
 */
final class SecretCache {

  private static final Logger LOG = LoggerFactory.getLogger(SecretCache.class);

  /** Loads one secret version from the backend (through the invoker). */
  interface Loader {
    SecretValue load(String name, String version);
  }

  /** Told about every value loaded for the latest version of a name. */
  interface Observer {
    void loaded(SecretValue value);
  }

  private record VersionKey(String name, String version) {}

  private static final class Entry {
    final SecretValue value;
    final long loadedAt;
    final AtomicBoolean refreshing = new AtomicBoolean();

    Entry(SecretValue value, long loadedAt) {
      this.value = value;
      this.loadedAt = loadedAt;
    }
  }

  private final SecretCachePolicy policy;
  private final Loader loader;
  private final Observer observer;
  private final Executor background;
  private final LongSupplier ticker;
  private final long ttl;
  private final long refreshAt;
  private final long staleUntil;
  private final String provider;
  private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Object, CompletableFuture<SecretValue>> inflight = new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder loads = new LongAdder();
  private final LongAdder loadFailures = new LongAdder();
  private final LongAdder staleServed = new LongAdder();
  private final LongAdder refreshes = new LongAdder();

  SecretCache(SecretCachePolicy policy, String provider, Loader loader, Observer observer, Executor background) {
    this.policy = policy;
    this.provider = provider;
    this.loader = loader;
    this.observer = observer;
    this.background = background;
    this.ticker = policy.ticker();
    this.ttl = nanos(policy.ttl());
    long ahead = nanos(policy.refreshAhead());
    this.refreshAt = ahead <= 0 ? Long.MAX_VALUE : ttl - ahead;
    this.staleUntil = saturatedAdd(ttl, nanos(policy.staleIfError()));
  }

  /** Reads through the cache; {@code version} null for the latest. */
  SecretValue get(String name, String version) {
    Object key = version == null ? name : new VersionKey(name, version);
    Entry e = entries.get(key);
    long now = ticker.getAsLong();
    if (e != null) {
      long age = now - e.loadedAt;
      if (age < ttl) {
        hits.increment();
        if (age >= refreshAt && e.refreshing.compareAndSet(false, true)) {
          refreshInBackground(key, name, version, e);
        }
        return e.value;
      }
    }
    misses.increment();
    try {
      return load(key, name, version);
    } catch (YshException failure) {
      Entry stale = entries.get(key);
      if (stale != null
          && servesStale(failure)
          && ticker.getAsLong() - stale.loadedAt < staleUntil) {
        staleServed.increment();
        LOG.warn(
            "serving stale secret '{}'{} from the {} cache after a backend failure ({}); age {} ms, stale-if-error {}",
            name,
            stale.value.version().map(v -> " (version " + v + ")").orElse(""),
            provider,
            failure.code(),
            (ticker.getAsLong() - stale.loadedAt) / 1_000_000,
            policy.staleIfError());
        return stale.value;
      }
      if (failure.code() == ErrorCode.NOT_FOUND) {
        entries.remove(key);
      }
      throw failure;
    }
  }

  /** Loads the latest value now, bypassing freshness; used by watch polling. */
  SecretValue reload(String name) {
    refreshes.increment();
    return load(name, name, null);
  }

  void invalidate(String name) {
    entries.keySet().removeIf(k -> k.equals(name) || (k instanceof VersionKey v && v.name().equals(name)));
  }

  void invalidateAll() {
    entries.clear();
  }

  SecretCacheStats stats() {
    return new SecretCacheStats(
        hits.sum(), misses.sum(), loads.sum(), loadFailures.sum(), staleServed.sum(), refreshes.sum());
  }

  private static boolean servesStale(YshException failure) {
    return failure.isRetryable()
        || failure.code() == ErrorCode.UNAVAILABLE
        || failure.code() == ErrorCode.TIMEOUT
        || failure.code() == ErrorCode.RATE_LIMITED;
  }

  private void refreshInBackground(Object key, String name, String version, Entry entry) {
    refreshes.increment();
    try {
      background.execute(
          () -> {
            try {
              load(key, name, version);
            } catch (YshException failure) {
              LOG.warn("background refresh of secret '{}' from {} failed ({}); the cached value stays until its TTL",
                  name, provider, failure.code());
            } catch (RuntimeException failure) {
              LOG.warn("background refresh of secret '{}' from {} failed ({})", name, provider,
                  failure.getClass().getSimpleName());
            } finally {
              entry.refreshing.set(false);
            }
          });
    } catch (RuntimeException rejected) {
      entry.refreshing.set(false);
    }
  }

  private SecretValue load(Object key, String name, String version) {
    CompletableFuture<SecretValue> mine = new CompletableFuture<>();
    CompletableFuture<SecretValue> running = inflight.putIfAbsent(key, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
    try {
      SecretValue value = loader.load(name, version);
      loads.increment();
      store(key, value);
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error failure) {
      loadFailures.increment();
      mine.completeExceptionally(failure);
      throw failure;
    } finally {
      inflight.remove(key, mine);
    }
  }

  private void store(Object key, SecretValue value) {
    if (entries.size() >= policy.maxEntries() && !entries.containsKey(key)) {
      Iterator<Object> it = entries.keySet().iterator();
      if (it.hasNext()) {
        it.next();
        it.remove();
      }
    }
    entries.put(key, new Entry(value, ticker.getAsLong()));
    if (key instanceof String) {
      observer.loaded(value);
    }
  }

  private static long nanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
