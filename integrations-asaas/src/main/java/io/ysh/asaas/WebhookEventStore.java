package io.ysh.asaas;

import java.time.Duration;

/**
 * Remembers which webhook events were already handled, so an event delivered twice is
 * processed once. Implementations must make {@link #markIfNew(String)} atomic: when two
 * deliveries of one event race, exactly one call returns true.
 *
 * <p>Provided: {@link #inMemory()} (one JVM) and {@link CacheWebhookEventStore} (the portable
 * Cache, e.g. Redis, shared by every instance of a service).
 */
public interface WebhookEventStore {

  /**
   * Records an event id if it is not recorded yet.
   *
   * @param eventId the event id
   * @return true when the id was new (process the event), false for a duplicate
   */
  boolean markIfNew(String eventId);

  /**
   * Forgets an event id, so a redelivery is processed again (called when processing failed).
   *
   * @param eventId the event id
   */
  void forget(String eventId);

  /**
   * An in-memory store keeping the last 100,000 ids for 15 days (Asaas drops events older than
   * 14 days).
   *
   * @return a new store
   */
  static WebhookEventStore inMemory() {
    return new InMemoryWebhookEventStore(100_000, Duration.ofDays(15));
  }

  /**
   * An in-memory store with explicit bounds.
   *
   * @param maxEntries ids kept at most (the oldest are evicted first)
   * @param ttl how long an id is remembered
   * @return a new store
   */
  static WebhookEventStore inMemory(int maxEntries, Duration ttl) {
    return new InMemoryWebhookEventStore(maxEntries, ttl);
  }
}
