package io.ysh.cache.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local tier of the Redis driver's near cache: a bounded Caffeine cache whose entries expire
 * with their Redis TTL and are dropped when Redis says a key changed (CLIENT TRACKING
 * invalidation pushes) and, all at once, when the tracked connection drops.
 *
 * <p>Races between a read from Redis and an invalidation are closed with per-key tokens: a read
 * registers a token before it asks Redis and stores what it got only if no invalidation (and no
 * flush) removed the token meanwhile; the check-and-store and the invalidation are atomic per key.
 */
final class NearCache {

  private record Entry(byte[] value, long ttlNanos) {}

  private final Cache<String, Entry> local;
  private final ConcurrentMap<String, Object> pending = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();
  private final AtomicLong invalidations = new AtomicLong();
  private final AtomicLong flushes = new AtomicLong();
  private volatile boolean tracking;

  NearCache(long maxEntries) {
    this.local =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfter(
                new Expiry<String, Entry>() {
                  @Override
                  public long expireAfterCreate(String key, Entry value, long currentTime) {
                    return value.ttlNanos;
                  }

                  @Override
                  public long expireAfterUpdate(String key, Entry value, long currentTime, long currentDuration) {
                    return value.ttlNanos;
                  }

                  @Override
                  public long expireAfterRead(String key, Entry value, long currentTime, long currentDuration) {
                    return currentDuration;
                  }
                })
            .build();
  }

  /** Whether the tracked connection is known to have tracking on; if not, reads bypass the tier. */
  boolean tracking() {
    return tracking;
  }

  long epoch() {
    return epoch.get();
  }

  /** Marks tracking as on (after CLIENT TRACKING ON succeeded), if no flush happened since {@code epochBefore}. */
  boolean trackingEnabled(long epochBefore) {
    synchronized (this) {
      if (epoch.get() != epochBefore) {
        return false;
      }
      local.invalidateAll();
      pending.clear();
      tracking = true;
      return true;
    }
  }

  byte[] get(String key) {
    if (!tracking) {
      return null;
    }
    Entry e = local.getIfPresent(key);
    return e == null ? null : e.value;
  }

  Object beginRead(String key) {
    Object token = new Object();
    pending.put(key, token);
    return token;
  }

  /**
   * Stores what a read got, unless an invalidation or a flush intervened. The token check and the
   * store run inside {@code pending.computeIfPresent}, and {@link #invalidate} runs inside
   * {@code pending.compute} for the same key, so an invalidation is either seen by the check
   * (nothing is stored) or comes after the store (and removes it): it can never fall between.
   */
  void completeRead(String key, Object token, long epochBefore, byte[] value, long pttlMillis) {
    pending.computeIfPresent(key, (k, current) -> {
      if (current != token) {
        return current; // a newer read owns the slot
      }
      if (value != null && tracking && epoch.get() == epochBefore && pttlMillis != -2) {
        long ttl = pttlMillis < 0 ? Long.MAX_VALUE : TimeUnit.MILLISECONDS.toNanos(pttlMillis);
        local.put(k, new Entry(value, ttl));
      }
      return null;
    });
  }

  void invalidate(String key) {
    pending.compute(key, (k, current) -> {
      local.invalidate(k);
      return null;
    });
  }

  void invalidatePrefix(String prefix) {
    pending.keySet().removeIf(k -> k.startsWith(prefix));
    local.asMap().keySet().removeIf(k -> k.startsWith(prefix));
  }

  /** Drops everything: on disconnect (invalidations may be lost) and on a server-wide flush. */
  void flush(boolean trackingLost) {
    synchronized (this) {
      epoch.incrementAndGet();
      if (trackingLost) {
        tracking = false;
      }
      pending.clear();
      local.invalidateAll();
      flushes.incrementAndGet(); // counted last, so a reader that sees the count sees the tier empty
    }
  }

  /** Handles a RESP3 push; called on Lettuce's event loop. */
  void onPush(PushMessage message) {
    if (!"invalidate".equals(message.getType())) {
      return;
    }
    List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
    Object keys = content.size() > 1 ? content.get(1) : null;
    if (keys instanceof List<?> list) {
      for (Object k : list) {
        if (k != null) {
          invalidations.incrementAndGet(); // counted first, so a reader that sees the key gone sees the count
          invalidate(k.toString());
        }
      }
    } else {
      // A null key list means FLUSHDB/FLUSHALL on the server: everything is stale.
      flush(false);
    }
  }

  Cache<String, ?> local() {
    return local;
  }

  long invalidations() {
    return invalidations.get();
  }

  long flushes() {
    return flushes.get();
  }
}
