package io.ysh.queue.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.Topic;
import io.ysh.queue.spi.TopicDriver;
import io.ysh.testkit.gen.YshGenerators;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pub/Sub's message limits, declared as the driver's capabilities and checked by the portable
 * {@link Topic} before anything is sent (pure: no server; the driver only records what reaches it).
 */
class PubSubLimitsTest {

  /** Sends nothing: counts the messages the portable layer let through. */
  private static final class RecordingDriver implements TopicDriver {
    final List<Message> sent = new ArrayList<>();

    @Override
    public String provider() {
      return PubSubQueueDriverProvider.PROVIDER;
    }

    @Override
    public String name() {
      return "projects/p/topics/limits";
    }

    @Override
    public QueueCapabilities capabilities() {
      return PubSubLimits.DEFAULT;
    }

    @Override
    public List<String> sendBatch(List<Message> batch) {
      sent.addAll(batch);
      return batch.stream().map(m -> "id").toList();
    }

    @Override
    public ErrorMapper errorMapper() {
      return ErrorMapper.defaults();
    }

    @Override
    public void close() {}
  }

  private static final RecordingDriver DRIVER = new RecordingDriver();
  private static final Topic TOPIC =
      Topic.builder(DRIVER).resilience(ResiliencePolicy.none()).telemetry(Telemetry.noop()).build();

  /** What the portable layer says is wrong with a message for Pub/Sub, or null when it sends it. */
  private static String problem(Message m) {
    int before = DRIVER.sent.size();
    try {
      TOPIC.publish(m);
    } catch (YshException e) {
      assertThat(DRIVER.sent).hasSize(before);
      return e.getMessage();
    }
    assertThat(DRIVER.sent).hasSize(before + 1);
    return null;
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void attributeKeysAreAcceptedUpTo256BytesAndRejectedAbove() {
    qt().forAll(integers().between(1, 400), strings().basicLatinAlphabet().ofLength(1)).checkAssert((n, c) -> {
      String key = "k" + "é".repeat(n / 2) + "x".repeat(n % 2); // 1 + 2*(n/2) + n%2 bytes, multi-byte characters
      Message m = Message.builder().body("b").attribute(key, "v").build();
      String problem = problem(m);
      if (utf8(key) <= 256) {
        assertThat(problem).isNull();
      } else {
        assertThat(problem).contains("attribute name of " + utf8(key) + " bytes").contains("256");
      }
    });
  }

  @Test
  void attributeValuesAreAcceptedUpTo1024BytesAndRejectedAbove() {
    qt().forAll(YshGenerators.unicodeStrings(700)).checkAssert(value -> {
      Message m = Message.builder().body("b").attribute("k", value).build();
      String problem = problem(m);
      if (utf8(value) <= 1024) {
        assertThat(problem).isNull();
      } else {
        assertThat(problem).contains(utf8(value) + " bytes").contains("1024");
      }
    });
  }

  @Test
  void atMostOneHundredAttributes() {
    qt().forAll(integers().between(0, 150)).checkAssert(n -> {
      Message.Builder b = Message.builder().body("b");
      for (int i = 0; i < n; i++) {
        b.attribute("a" + i, "v");
      }
      String problem = problem(b.build());
      assertThat(problem == null).isEqualTo(n <= 100);
    });
  }

  @Test
  void keysStartingWithGoogAreReservedInAnyCase() {
    qt().forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(0, 20), integers().between(0, 15)).checkAssert((suffix, mask) -> {
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        char c = "goog".charAt(i);
        prefix.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : c);
      }
      Message m = Message.builder().body("b").attribute(prefix + suffix, "v").build();
      assertThat(problem(m)).contains("reserved by " + PubSubQueueDriverProvider.PROVIDER);
    });
    assertThat(problem(Message.builder().body("b").attribute("gog", "v").build())).isNull();
    assertThat(problem(Message.builder().body("b").attribute("my-goog", "v").build())).isNull();
  }

  @Test
  void orderingKeysAreLimitedTo1024Bytes() {
    qt().forAll(integers().between(1, 1500)).checkAssert(n -> {
      Message m = Message.builder().body("b").orderingKey("o".repeat(n)).build();
      assertThat(problem(m) == null).isEqualTo(n <= 1024);
    });
  }

  @Test
  void messagesAboveTheRequestLimitAreRejectedWithTheLimitInTheMessage() {
    assertThat(problem(Message.of(new byte[PubSubLimits.MAX_MESSAGE_BYTES]))).isNull();
    assertThat(problem(Message.of(new byte[PubSubLimits.MAX_MESSAGE_BYTES + 1])))
        .contains(Integer.toString(PubSubLimits.MAX_MESSAGE_BYTES));
    // attributes count against the same limit
    byte[] body = new byte[PubSubLimits.MAX_MESSAGE_BYTES - 10];
    assertThat(problem(Message.builder().body(body).attribute("key01", "val01").build())).isNull();
    assertThat(problem(Message.builder().body(body).attribute("key012", "val012").build())).isNotNull();
  }

  @Test
  void emptyMessagesAndDeduplicationIdsAreRejected() {
    assertThat(problem(Message.of(new byte[0]))).contains("empty message bodies");
    // Pub/Sub would take an empty body with attributes, but the capability flag cannot say so
    assertThat(problem(Message.builder().body(new byte[0]).attribute("only", "attributes").build())).contains("empty");
    assertThat(problem(Message.builder().body("x").deduplicationId("d").build())).contains("deduplication");
  }

  @Test
  void aBatchIsRejectedWholeNamingTheFirstBadMessage() {
    List<Message> batch = List.of(Message.of("ok"), Message.of("ok"), Message.builder().body("x").attribute("googbad", "v").build());
    assertThatThrownBy(() -> TOPIC.publishAll(batch))
        .isInstanceOf(YshException.class)
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("message 2 of the batch")
        .hasMessageContaining("nothing of the batch was sent");
  }

  @Test
  void deadlineSecondsRoundUpAndStayWithinZeroTo600() {
    qt().forAll(integers().between(-1000, 2_000_000)).checkAssert(ms -> {
      int s = PubSubLimits.deadlineSeconds(Duration.ofMillis(ms));
      assertThat(s).isBetween(0, 600);
      if (ms <= 0) {
        assertThat(s).isZero();
      } else if (ms <= 600_000) {
        assertThat(s * 1000L).isGreaterThanOrEqualTo(ms).isLessThan(ms + 1000L);
      } else {
        assertThat(s).isEqualTo(600);
      }
    });
  }

  @Test
  void capabilitiesSayWhatPubSubDoes() {
    QueueCapabilities c = PubSubLimits.DEFAULT;
    assertThat(c.maxBatchMessages()).isEqualTo(1000);
    assertThat(c.maxBatchBytes()).isLessThanOrEqualTo(10_000_000L);
    assertThat(c.maxAttributes()).isEqualTo(100);
    assertThat(c.maxAttributeNameLength()).isEqualTo(256);
    assertThat(c.maxAttributeValueBytes()).isEqualTo(1024);
    assertThat(c.orderingKeys()).isTrue();
    assertThat(c.deduplication()).isFalse();
    assertThat(c.extendDeadline()).isTrue();
    assertThat(c.emptyBodyAllowed()).isFalse();
    assertThat(c.nativeDeadLetter()).isFalse();
    assertThat(c.maxNackDelay()).isEqualTo(Duration.ofMinutes(10));
  }
}
