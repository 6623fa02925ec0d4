package io.ysh.queue.memory;

import io.ysh.queue.Message;
import io.ysh.queue.spi.DriverMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** One named in-memory queue with visibility timeouts, leases and deduplication. */
final class MemoryQueue {

  private static final class Entry {
    final long id;
    final Message message;
    int attempts;
    long visibleAt;
    long lease;

    Entry(long id, Message message) {
      this.id = id;
      this.message = message;
    }
  }

  private final String name;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>();
  private final Map<String, Long> dedup = new HashMap<>();
  private long nextId = 1;
  private long nextLease = 1;

  MemoryQueue(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  List<String> publish(List<Message> batch) {
    List<String> ids = new ArrayList<>(batch.size());
    lock.lock();
    try {
      for (Message m : batch) {
        String dedupId = m.deduplicationId().orElse(null);
        if (dedupId != null && dedup.containsKey(dedupId)) {
          ids.add(Long.toString(dedup.get(dedupId)));
          continue;
        }
        long id = nextId++;
        entries.put(id, new Entry(id, m));
        if (dedupId != null) {
          dedup.put(dedupId, id);
        }
        ids.add(Long.toString(id));
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    return ids;
  }

  List<DriverMessage> receive(int max, Duration wait, Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + wait.toNanos();
    lock.lockInterruptibly();
    try {
      while (true) {
        long now = System.nanoTime();
        List<DriverMessage> out = new ArrayList<>();
        long nextVisible = Long.MAX_VALUE;
        for (Entry e : entries.values()) {
          if (e.visibleAt - now <= 0) {
            e.attempts++;
            e.lease = nextLease++;
            e.visibleAt = now + deadline.toNanos();
            out.add(new DriverMessage(Long.toString(e.id), e.id + ":" + e.lease, e.message, e.attempts));
            if (out.size() >= max) {
              break;
            }
          } else {
            nextVisible = Math.min(nextVisible, e.visibleAt - now);
          }
        }
        long remaining = end - now;
        if (!out.isEmpty() || remaining <= 0) {
          return out;
        }
        changed.awaitNanos(Math.min(remaining, nextVisible));
      }
    } finally {
      lock.unlock();
    }
  }

  void ack(String ackId) {
    update(ackId, e -> true);
  }

  void nack(String ackId, Duration delay) {
    update(ackId, e -> {
      e.visibleAt = System.nanoTime() + delay.toNanos();
      e.lease = 0;
      return false;
    });
  }

  void extend(String ackId, Duration extension) {
    update(ackId, e -> {
      e.visibleAt = System.nanoTime() + extension.toNanos();
      return false;
    });
  }

  int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }

  /** Changes a leased entry; returns true to remove it. */
  private interface Update {
    boolean apply(Entry e);
  }

  private void update(String ackId, Update u) {
    int colon = ackId.indexOf(':');
    long id;
    long lease;
    try {
      id = Long.parseLong(ackId.substring(0, colon));
      lease = Long.parseLong(ackId.substring(colon + 1));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a mem:// ack id: " + ackId, e);
    }
    lock.lock();
    try {
      Entry e = entries.get(id);
      if (e == null || e.lease != lease) {
        return; // already acked, or redelivered to someone else: a stale handle is a no-op
      }
      if (u.apply(e)) {
        entries.remove(id);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
