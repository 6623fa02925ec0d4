package io.ysh.queue.kafka;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a consumer leaves in the metadata string of its offset commit, so that the next owner of
 * the partition (after a rebalance, a restart or a close) can tell deliveries apart: {@code h}, the
 * highest offset ever handed to a handler (every uncommitted offset up to it was delivered at
 * least once, so its next delivery is attempt 2 or more); {@code k}, offsets already acked above
 * the committed position (the next owner skips them); {@code a}, delivery counts of offsets
 * delivered more than once. Format: {@code ysh1;h=<offset>;k=<o>,<o>;a=<o>:<n>,<o>:<n>}. Kept
 * below {@link #MAX_CHARS} (the broker's default {@code offset.metadata.max.bytes} is 4096): when
 * there is more, the highest offsets are left out, which only costs a duplicate delivery or a
 * lower attempt count for them.
 *
 * @param highestDelivered the highest offset handed out, or -1
 * @param acked offsets acked above the committed position
 * @param deliveries offset → deliveries so far, for unacked offsets delivered at least twice
 */
record CommitMetadata(long highestDelivered, NavigableSet<Long> acked, NavigableMap<Long, Integer> deliveries) {

  static final int MAX_CHARS = 3000;
  static final CommitMetadata NONE = new CommitMetadata(-1, new TreeSet<>(), new TreeMap<>());
  private static final String PREFIX = "ysh1;";

  CommitMetadata {
    acked = Collections.unmodifiableNavigableSet(new TreeSet<>(acked));
    deliveries = Collections.unmodifiableNavigableMap(new TreeMap<>(deliveries));
  }

  /** The deliveries an offset had before this owner, as a previous owner left them. */
  int previousDeliveries(long offset) {
    Integer n = deliveries.get(offset);
    if (n != null) {
      return n;
    }
    return offset <= highestDelivered ? 1 : 0;
  }

  String encode() {
    StringBuilder sb = new StringBuilder(PREFIX).append("h=").append(highestDelivered);
    StringBuilder a = new StringBuilder();
    for (Map.Entry<Long, Integer> e : deliveries.entrySet()) {
      String item = (a.length() == 0 ? "" : ",") + e.getKey() + ":" + e.getValue();
      if (sb.length() + 3 + a.length() + item.length() > MAX_CHARS / 2) {
        break;
      }
      a.append(item);
    }
    StringBuilder k = new StringBuilder();
    for (Long o : acked) {
      String item = (k.length() == 0 ? "" : ",") + o;
      if (sb.length() + a.length() + 6 + k.length() + item.length() > MAX_CHARS) {
        break;
      }
      k.append(item);
    }
    if (k.length() > 0) {
      sb.append(";k=").append(k);
    }
    if (a.length() > 0) {
      sb.append(";a=").append(a);
    }
    return sb.toString();
  }

  /** Parses what {@link #encode()} wrote; anything else (another client's metadata, garbage) is {@link #NONE}. */
  static CommitMetadata decode(String s) {
    if (s == null || !s.startsWith(PREFIX)) {
      return NONE;
    }
    try {
      long h = -1;
      TreeSet<Long> k = new TreeSet<>();
      TreeMap<Long, Integer> a = new TreeMap<>();
      for (String part : s.substring(PREFIX.length()).split(";")) {
        if (part.startsWith("h=")) {
          h = Long.parseLong(part.substring(2));
        } else if (part.startsWith("k=")) {
          for (String o : part.substring(2).split(",")) {
            k.add(Long.parseLong(o));
          }
        } else if (part.startsWith("a=")) {
          for (String e : part.substring(2).split(",")) {
            int colon = e.indexOf(':');
            a.put(Long.parseLong(e.substring(0, colon)), Integer.parseInt(e.substring(colon + 1)));
          }
        }
      }
      return new CommitMetadata(h, k, a);
    } catch (RuntimeException e) {
      return NONE;
    }
  }
}
