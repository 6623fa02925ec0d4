package io.ysh.queue.kafka;

import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Which offset of one partition may be committed when acks arrive out of order. Kafka commits a
 * position ("everything before this offset is done"), so the committable offset is the lowest
 * fetched offset not yet acked, or one past the highest fetched offset when all are acked.
 * Offsets need not be contiguous (transaction markers and compaction leave gaps), so only fetched
 * offsets count. Not thread-safe: the subscription driver guards it.
 */
final class AckWindow {

  private final TreeSet<Long> unacked = new TreeSet<>();
  private final TreeSet<Long> ackedAbove = new TreeSet<>();
  private long next;

  /**
   * Starts a window.
   *
   * @param start the committed position the partition resumes from, or -1 when unknown (a new
   *     group reading from the log start)
   */
  AckWindow(long start) {
    this.next = start;
  }

  /**
   * Records a fetched offset; offsets arrive in increasing order.
   *
   * @param offset the record's offset
   * @return false (and nothing recorded) when the offset is not above every offset seen so far:
   *     a record fetched twice must not be delivered twice by one owner
   */
  boolean fetched(long offset) {
    if (offset < next) {
      return false;
    }
    unacked.add(offset);
    next = offset + 1;
    return true;
  }

  /**
   * Records an ack.
   *
   * @param offset the acked offset
   * @return true when the offset was fetched and not acked before
   */
  boolean ack(long offset) {
    if (!unacked.remove(offset)) {
      return false;
    }
    if (unacked.isEmpty()) {
      ackedAbove.clear();
    } else {
      if (offset > unacked.first()) {
        ackedAbove.add(offset);
      }
      ackedAbove.headSet(unacked.first()).clear();
    }
    return true;
  }

  /**
   * The offset to commit: every fetched offset below it is acked.
   *
   * @return the offset, or -1 when nothing was fetched and the start is unknown
   */
  long committable() {
    return unacked.isEmpty() ? next : unacked.first();
  }

  /**
   * Acked offsets above {@link #committable()}, which a commit cannot cover yet.
   *
   * @return a read-only view
   */
  NavigableSet<Long> ackedAboveCommittable() {
    return java.util.Collections.unmodifiableNavigableSet(ackedAbove);
  }

  /**
   * How many fetched offsets are not acked.
   *
   * @return the count
   */
  int outstanding() {
    return unacked.size();
  }
}
