package io.ysh.cache.memory;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.ysh.cache.spi.CacheDriver;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.ErrorMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory cache driver: a Caffeine cache of byte arrays with a per-entry deadline. Every
 * single-key operation is one atomic {@link ConcurrentMap} operation ({@code putIfAbsent},
 * {@code compute}); bulk operations are loops (not atomic as a whole, as on Redis).
 *
 * <p>Unbounded by default: entries leave only by TTL, {@code delete} or {@code clear}. With
 * {@link #bounded(long)} Caffeine evicts by size (W-TinyLFU), so a value written may be gone
 * before its TTL, which makes it a local cache rather than a store.
 */
public final class MemoryCacheDriver implements CacheDriver {

  /** Marks an entry without expiry. */
  private static final long NEVER = Long.MAX_VALUE;

  private final com.github.benmanes.caffeine.cache.Cache<String, Entry> store;
  private final ConcurrentMap<String, Entry> map;
  private final Ticker ticker;
  private final AtomicBoolean closed = new AtomicBoolean();

  private record Entry(byte[] value, long deadline) {}

  private MemoryCacheDriver(long maximumSize, Ticker ticker) {
    this.ticker = ticker;
    Caffeine<Object, Object> builder = Caffeine.newBuilder().ticker(ticker);
    if (maximumSize > 0) {
      builder.maximumSize(maximumSize);
    }
    this.store =
        builder
            .expireAfter(
                new Expiry<String, Entry>() {
                  @Override
                  public long expireAfterCreate(String key, Entry entry, long currentTime) {
                    return remaining(entry, currentTime);
                  }

                  @Override
                  public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
                    return remaining(entry, currentTime);
                  }

                  @Override
                  public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
                    return currentDuration;
                  }
                })
            .build();
    this.map = store.asMap();
  }

  /**
   * An unbounded in-memory store.
   *
   * @return the driver
   */
  public static MemoryCacheDriver unbounded() {
    return new MemoryCacheDriver(0, Ticker.systemTicker());
  }

  /**
   * A store that holds at most {@code maximumSize} entries, evicting by Caffeine's policy.
   *
   * @param maximumSize the bound, positive
   * @return the driver
   * @throws YshException {@code INVALID_ARGUMENT} when the bound is not positive
   */
  public static MemoryCacheDriver bounded(long maximumSize) {
    if (maximumSize <= 0) {
      throw YshException.invalidArgument("maxSize must be positive");
    }
    return new MemoryCacheDriver(maximumSize, Ticker.systemTicker());
  }

  private static long remaining(Entry entry, long now) {
    if (entry.deadline == NEVER) {
      return Long.MAX_VALUE;
    }
    return Math.max(0, entry.deadline - now);
  }

  private long deadline(Duration ttl) {
    if (ttl == null) {
      return NEVER;
    }
    long nanos = ttl.toNanos();
    long now = ticker.read();
    return now + nanos < now ? NEVER : now + nanos;
  }

  private boolean live(Entry e) {
    return e != null && (e.deadline == NEVER || e.deadline - ticker.read() > 0);
  }

  @Override
  public String provider() {
    return "memory";
  }

  @Override
  public byte[] get(String key) {
    checkOpen();
    Entry e = store.getIfPresent(key);
    return live(e) ? e.value : null;
  }

  @Override
  public Map<String, byte[]> getAll(List<String> keys) {
    checkOpen();
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String k : keys) {
      Entry e = store.getIfPresent(k);
      if (live(e)) {
        out.put(k, e.value);
      }
    }
    return out;
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    checkOpen();
    map.put(key, new Entry(value, deadline(ttl)));
  }

  @Override
  public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
    checkOpen();
    Entry fresh = new Entry(value, deadline(ttl));
    boolean[] won = {false};
    map.compute(key, (k, old) -> {
      if (live(old)) {
        return old;
      }
      won[0] = true;
      return fresh;
    });
    return won[0];
  }

  @Override
  public void putAll(Map<String, byte[]> entries, Duration ttl) {
    checkOpen();
    long deadline = deadline(ttl);
    entries.forEach((k, v) -> map.put(k, new Entry(v, deadline)));
  }

  @Override
  public boolean delete(String key) {
    checkOpen();
    Entry old = map.remove(key);
    return live(old);
  }

  @Override
  public boolean exists(String key) {
    checkOpen();
    return live(store.getIfPresent(key));
  }

  @Override
  public boolean expire(String key, Duration ttl) {
    checkOpen();
    long deadline = deadline(ttl);
    boolean[] found = {false};
    map.computeIfPresent(key, (k, old) -> {
      if (!live(old)) {
        return null;
      }
      found[0] = true;
      return new Entry(old.value, deadline);
    });
    return found[0];
  }

  @Override
  public long increment(String key, long delta) {
    checkOpen();
    long[] result = new long[1];
    map.compute(key, (k, old) -> {
      long current = 0;
      long deadline = NEVER;
      if (live(old)) {
        deadline = old.deadline;
        current = parseCounter(old.value);
      }
      long next;
      try {
        next = Math.addExact(current, delta);
      } catch (ArithmeticException e) {
        throw YshException.of(ErrorCode.PRECONDITION_FAILED, "increment or decrement would overflow");
      }
      result[0] = next;
      return new Entry(Long.toString(next).getBytes(StandardCharsets.US_ASCII), deadline);
    });
    return result[0];
  }

  private static long parseCounter(byte[] value) {
    String text = new String(value, StandardCharsets.US_ASCII);
    try {
      if (value.length == 0 || value.length > 20) {
        throw new NumberFormatException();
      }
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw YshException.of(ErrorCode.PRECONDITION_FAILED, "value is not an integer or out of range");
    }
  }

  @Override
  public long clear(String prefix) {
    checkOpen();
    AtomicLong removed = new AtomicLong();
    for (String k : map.keySet()) {
      if (k.startsWith(prefix)) {
        Entry old = map.remove(k);
        if (live(old)) {
          removed.incrementAndGet();
        }
      }
    }
    return removed.get();
  }

  @Override
  public ErrorMapper errorMapper() {
    return Errors::classify;
  }

  @Override
  public ResiliencePolicy defaultPolicy() {
    return ResiliencePolicy.none();
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(store) ? Optional.of(type.cast(store)) : Optional.empty();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      store.invalidateAll();
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw YshException.of(ErrorCode.UNAVAILABLE, "the memory cache is closed").toBuilder().retryable(false).build();
    }
  }

  @Override
  public String toString() {
    return "MemoryCacheDriver[" + map.size() + " entries]";
  }
}
