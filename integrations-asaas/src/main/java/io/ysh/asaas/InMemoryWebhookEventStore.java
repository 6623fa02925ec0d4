package io.ysh.asaas;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded, expiring, synchronized id set; see {@link WebhookEventStore#inMemory()}. */
final class InMemoryWebhookEventStore implements WebhookEventStore {

  private final int maxEntries;
  private final long ttlNanos;
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

  InMemoryWebhookEventStore(int maxEntries, Duration ttl) {
    if (maxEntries < 1) {
      throw Validation.invalid("maxEntries", "must be at least 1");
    }
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw Validation.invalid("ttl", "must be positive");
    }
    this.maxEntries = maxEntries;
    this.ttlNanos = ttl.toNanos();
  }

  @Override
  public synchronized boolean markIfNew(String eventId) {
    long now = System.nanoTime();
    Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Long> oldest = it.next();
      if (now - oldest.getValue() > ttlNanos || seen.size() > maxEntries) {
        it.remove();
      } else {
        break;
      }
    }
    if (seen.containsKey(eventId)) {
      return false;
    }
    seen.put(eventId, now);
    if (seen.size() > maxEntries) {
      it = seen.entrySet().iterator();
      it.next();
      it.remove();
    }
    return true;
  }

  @Override
  public synchronized void forget(String eventId) {
    seen.remove(eventId);
  }

  @Override
  public String toString() {
    return "InMemoryWebhookEventStore[max=" + maxEntries + "]";
  }
}
