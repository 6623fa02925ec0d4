package io.ysh.asaas;

import io.ysh.cache.Cache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * De-duplicates webhook events through the portable {@link Cache} (for example Redis), so
 * several instances of a service behind a load balancer process each event once. Uses the
 * cache's atomic put-if-absent with a TTL of 15 days by default (Asaas drops events older than
 * 14). Needs {@code io.ysh:ysh-cache-api} and a cache driver on the classpath (an optional
 * dependency of this module).
 */
public final class CacheWebhookEventStore implements WebhookEventStore {

  private final Cache cache;
  private final Duration ttl;

  /**
   * Creates a store.
   *
   * @param cache the cache; give it a namespace of its own if it is shared
   * @param ttl how long an event id is remembered
   */
  public CacheWebhookEventStore(Cache cache, Duration ttl) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  /**
   * Creates a store remembering ids for 15 days.
   *
   * @param cache the cache
   */
  public CacheWebhookEventStore(Cache cache) {
    this(cache, Duration.ofDays(15));
  }

  @Override
  public boolean markIfNew(String eventId) {
    return cache.strings().putIfAbsent(key(eventId), "1", ttl);
  }

  @Override
  public void forget(String eventId) {
    cache.delete(key(eventId));
  }

  // Event ids contain '&' and may be long: key by a hash.
  private static String key(String eventId) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
      return "asaas-webhook-event:" + HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "CacheWebhookEventStore[" + cache + "]";
  }
}
