package io.ysh.queue.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Properties of the out-of-order ack → committable offset logic. */
class AckWindowTest {

  /**
   * Whatever the order of acks and the gaps between offsets: the committable offset never passes
   * an unacked offset, never goes back, covers every acked offset below it, and reaches one past
   * the last offset once everything is acked; acked offsets above it are reported.
   */
  @Test
  void committableIsTheContiguousAckedPrefix() {
    qt().withExamples(300)
        .forAll(lists().of(integers().between(1, 4)).ofSizeBetween(1, 150), longs().all(), integers().between(0, 100))
        .checkAssert((gaps, seed, percent) -> {
          long start = 1000;
          AckWindow w = new AckWindow(start);
          List<Long> offsets = new ArrayList<>();
          long o = start - 1;
          for (int g : gaps) {
            o += g;
            offsets.add(o);
            assertThat(w.fetched(o)).isTrue();
          }
          assertThat(w.committable()).isEqualTo(offsets.get(0));
          List<Long> order = new ArrayList<>(offsets);
          Random r = new Random(seed);
          Collections.shuffle(order, r);
          int toAck = order.size() * percent / 100;
          TreeSet<Long> unacked = new TreeSet<>(offsets);
          TreeSet<Long> acked = new TreeSet<>();
          long previous = w.committable();
          for (int i = 0; i < toAck; i++) {
            long a = order.get(i);
            assertThat(w.ack(a)).isTrue();
            assertThat(w.ack(a)).as("second ack of %s", a).isFalse();
            unacked.remove(a);
            acked.add(a);
            long c = w.committable();
            assertThat(c).isGreaterThanOrEqualTo(previous);
            previous = c;
            long expected = unacked.isEmpty() ? offsets.get(offsets.size() - 1) + 1 : unacked.first();
            assertThat(c).isEqualTo(expected);
            assertThat(w.ackedAboveCommittable()).containsExactlyElementsOf(acked.tailSet(c, false));
            assertThat(w.outstanding()).isEqualTo(unacked.size());
          }
          if (toAck == order.size()) {
            assertThat(w.committable()).isEqualTo(offsets.get(offsets.size() - 1) + 1);
            assertThat(w.ackedAboveCommittable()).isEmpty();
          }
        });
  }

  @Test
  void unknownStartIsMinusOneUntilSomethingIsFetched() {
    AckWindow w = new AckWindow(-1);
    assertThat(w.committable()).isEqualTo(-1);
    assertThat(w.fetched(0)).isTrue();
    assertThat(w.committable()).isZero();
    assertThat(w.ack(0)).isTrue();
    assertThat(w.committable()).isEqualTo(1);
  }

  @Test
  void refetchedOrUnknownOffsetsAreIgnored() {
    AckWindow w = new AckWindow(5);
    assertThat(w.fetched(4)).as("below the start").isFalse();
    assertThat(w.fetched(5)).isTrue();
    assertThat(w.fetched(5)).as("fetched twice").isFalse();
    assertThat(w.ack(99)).as("never fetched").isFalse();
    assertThat(w.committable()).isEqualTo(5);
  }
}
