package io.ysh.asaas;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * In-JVM single flight for creates that share a key: the first caller (the leader) creates, the
 * others wait for its outcome. Outcomes are remembered for a while so a caller arriving just
 * after the leader finished does not post again: a created id is returned (when the fields
 * match); after an unknown outcome the next callers only look, never post, until the memory
 * expires.
 */
final class Flights {

  /** How a leader's create ended. */
  sealed interface Outcome {
    /** It created (or found) the object with this id. */
    record Created(String id) implements Outcome {}

    /** Its outcome is unknown. */
    record Unknown(AsaasOutcomeUnknownException failure) implements Outcome {}

    /** Nothing was created (a refusal, or a request that never left). */
    record NotCreated() implements Outcome {}
  }

  /** What a caller entering a flight is to do. */
  sealed interface Ticket {
    /** Create, then {@link Flights#land}. */
    record Lead(String key, CompletableFuture<Outcome> outcome) implements Ticket {}

    /** Wait for the leader's outcome. */
    record Follow(CompletableFuture<Outcome> outcome) implements Ticket {}

    /** A recent create under this key produced this id. */
    record Recent(String id) implements Ticket {}

    /** A recent create under this key ended with an unknown outcome: look, do not post. */
    record RecentUnknown() implements Ticket {}
  }

  private record Memory(Outcome outcome, long expiresAt) {}

  private final long windowNanos;
  private final int maxEntries;
  private final Map<String, CompletableFuture<Outcome>> inFlight = new HashMap<>();
  private final LinkedHashMap<String, Memory> recent = new LinkedHashMap<>();

  Flights(java.time.Duration window, int maxEntries) {
    this.windowNanos = window.toNanos();
    this.maxEntries = maxEntries;
  }

  synchronized Ticket enter(String key, boolean remember) {
    CompletableFuture<Outcome> running = inFlight.get(key);
    if (running != null) {
      return new Ticket.Follow(running);
    }
    if (remember) {
      expire(System.nanoTime());
      Memory m = recent.get(key);
      if (m != null && m.outcome instanceof Outcome.Created c) {
        return new Ticket.Recent(c.id());
      }
      if (m != null && m.outcome instanceof Outcome.Unknown) {
        return new Ticket.RecentUnknown();
      }
    }
    CompletableFuture<Outcome> mine = new CompletableFuture<>();
    inFlight.put(key, mine);
    return new Ticket.Lead(key, mine);
  }

  void land(Ticket.Lead lead, Outcome outcome, boolean remember) {
    synchronized (this) {
      inFlight.remove(lead.key());
      if (remember && !(outcome instanceof Outcome.NotCreated)) {
        recent.remove(lead.key());
        recent.put(lead.key(), new Memory(outcome, System.nanoTime() + windowNanos));
        while (recent.size() > maxEntries) {
          Iterator<String> it = recent.keySet().iterator();
          it.next();
          it.remove();
        }
      } else if (remember) {
        recent.remove(lead.key());
      }
    }
    lead.outcome().complete(outcome);
  }

  private void expire(long now) {
    for (Iterator<Memory> it = recent.values().iterator(); it.hasNext(); ) {
      if (now - it.next().expiresAt() > 0) {
        it.remove();
      } else {
        break;
      }
    }
  }
}
