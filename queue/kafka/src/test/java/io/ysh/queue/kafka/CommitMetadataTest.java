package io.ysh.queue.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The commit metadata format: round trip, size bound, tolerance of foreign metadata. */
class CommitMetadataTest {

  @Test
  void roundTripsWhenSmallAndStaysWithinTheLimitWhenLarge() {
    qt().withExamples(200)
        .forAll(longs().between(-1, Long.MAX_VALUE / 2), lists().of(longs().between(0, 1L << 40)).ofSizeBetween(0, 600),
            lists().of(integers().between(2, 1000)).ofSizeBetween(0, 600))
        .checkAssert((h, ackedList, counts) -> {
          TreeSet<Long> acked = new TreeSet<>(ackedList);
          TreeMap<Long, Integer> deliveries = new TreeMap<>();
          for (int i = 0; i < counts.size(); i++) {
            deliveries.put((long) i * 7, counts.get(i));
          }
          CommitMetadata m = new CommitMetadata(h, acked, deliveries);
          String s = m.encode();
          assertThat(s.length()).isLessThanOrEqualTo(CommitMetadata.MAX_CHARS);
          CommitMetadata back = CommitMetadata.decode(s);
          assertThat(back.highestDelivered()).isEqualTo(h);
          // What does not fit is left out from the top: what is kept is a prefix, never a wrong value.
          assertThat(acked).containsAll(back.acked());
          assertThat(back.acked()).containsExactlyElementsOf(acked.stream().limit(back.acked().size()).toList());
          assertThat(back.deliveries().keySet()).containsExactlyElementsOf(deliveries.keySet().stream().limit(back.deliveries().size()).toList());
          back.deliveries().forEach((o, n) -> assertThat(deliveries).containsEntry(o, n));
          if (s.length() < CommitMetadata.MAX_CHARS / 2 - 40) {
            assertThat(back).isEqualTo(m);
          }
        });
  }

  @Test
  void foreignOrBrokenMetadataMeansNothingKnown() {
    qt().withExamples(200).forAll(strings().allPossible().ofLengthBetween(0, 80)).checkAssert(s -> {
      CommitMetadata m = CommitMetadata.decode(s);
      assertThat(m).isNotNull();
    });
    assertThat(CommitMetadata.decode(null)).isEqualTo(CommitMetadata.NONE);
    assertThat(CommitMetadata.decode("")).isEqualTo(CommitMetadata.NONE);
    assertThat(CommitMetadata.decode("ysh1;h=x")).isEqualTo(CommitMetadata.NONE);
    assertThat(CommitMetadata.decode("ysh1;k=1,,2")).isEqualTo(CommitMetadata.NONE);
  }

  @Test
  void previousDeliveriesCountsWhatTheLastOwnerHandedOut() {
    TreeMap<Long, Integer> d = new TreeMap<>();
    d.put(12L, 4);
    CommitMetadata m = new CommitMetadata(15, new TreeSet<>(List.of(14L)), d);
    assertThat(m.previousDeliveries(12)).isEqualTo(4);
    assertThat(m.previousDeliveries(13)).isEqualTo(1);
    assertThat(m.previousDeliveries(15)).isEqualTo(1);
    assertThat(m.previousDeliveries(16)).isZero();
    assertThat(CommitMetadata.decode(m.encode())).isEqualTo(m);
    assertThat(m.encode()).isEqualTo("ysh1;h=15;k=14;a=12:4");
  }
}
