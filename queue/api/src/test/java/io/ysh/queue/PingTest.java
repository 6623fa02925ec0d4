package io.ysh.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The portable {@link Topic#ping}/{@link Subscription#ping}: argument and state checks, the SPI's
 * honest default, error mapping, and no retry (the default resilience policy retries idempotent
 * calls; a ping must report the broker's state at once).
 */
class PingTest {

  /** A topic driver without ping: the SPI default answers. */
  static final class OldTopic extends PortableLayerTest.RecordingTopic {
    OldTopic() {
      super(QueueCapabilities.builder().build());
    }
  }

  /** A topic driver whose ping fails like an unreachable broker, counting calls. */
  static final class DownTopic extends PortableLayerTest.RecordingTopic {
    final AtomicInteger pings = new AtomicInteger();
    volatile Duration lastTimeout;

    DownTopic() {
      super(QueueCapabilities.builder().build());
    }

    @Override
    public void ping(Duration timeout) throws Exception {
      pings.incrementAndGet();
      lastTimeout = timeout;
      throw new ConnectException("Connection refused");
    }
  }

  /** A subscription driver whose ping succeeds. */
  static final class UpSubscription extends PortableLayerTest.ScriptedSubscription {
    final AtomicInteger pings = new AtomicInteger();

    @Override
    public void ping(Duration timeout) {
      pings.incrementAndGet();
    }
  }

  private static Topic topic(PortableLayerTest.RecordingTopic d) {
    return Topic.builder(d).resilience(ResiliencePolicy.defaults()).telemetry(Telemetry.noop()).build();
  }

  @Test
  void theSpiDefaultIsUnsupportedNotUp() {
    try (Topic t = topic(new OldTopic());
        Subscription s = Subscription.builder(new PortableLayerTest.ScriptedSubscription()).build()) {
      assertThatThrownBy(t::ping).isInstanceOfSatisfying(YshException.class,
          e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
            assertThat(e.getMessage()).contains("no reachability check");
          });
      assertThatThrownBy(() -> s.ping(Duration.ofSeconds(1))).isInstanceOfSatisfying(YshException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED));
    }
  }

  @Test
  void aFailureIsMappedAndNotRetried() {
    DownTopic d = new DownTopic();
    try (Topic t = topic(d)) {
      assertThatThrownBy(() -> t.ping(Duration.ofMillis(300))).isInstanceOfSatisfying(YshException.class,
          e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(e.operation()).hasValue("queue.ping");
          });
      assertThat(d.pings).hasValue(1);
      assertThat(d.lastTimeout).isEqualTo(Duration.ofMillis(300));
    }
  }

  /** A topic driver whose broker never answers in time. */
  static final class SilentTopic extends PortableLayerTest.RecordingTopic {
    SilentTopic() {
      super(QueueCapabilities.builder().build());
    }

    @Override
    public void ping(Duration timeout) throws Exception {
      throw new java.util.concurrent.TimeoutException("no reply");
    }
  }

  @Test
  void silenceIsUnavailableNotTimeout() {
    try (Topic t = topic(new SilentTopic())) {
      assertThatThrownBy(() -> t.ping(Duration.ofMillis(250))).isInstanceOfSatisfying(YshException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(e.getMessage()).contains("no answer within 250 ms");
      });
    }
  }

  @Test
  void aLiveDriverAnswers() {
    UpSubscription d = new UpSubscription();
    try (Subscription s = Subscription.builder(d).build()) {
      s.ping();
      s.ping(Duration.ofMillis(1));
      assertThat(d.pings).hasValue(2);
    }
  }

  @Test
  void badTimeoutsAreRejectedNamingTheArgument() {
    UpSubscription d = new UpSubscription();
    try (Topic t = topic(new DownTopic()); Subscription s = Subscription.builder(d).build()) {
      for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(-1), Duration.ofMinutes(5).plusMillis(1))) {
        assertThatThrownBy(() -> t.ping(bad)).isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("timeout");
        });
        assertThatThrownBy(() -> s.ping(bad)).isInstanceOfSatisfying(YshException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
      }
      assertThatThrownBy(() -> s.ping(null)).isInstanceOfSatisfying(YshException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("timeout");
      });
      s.ping(Duration.ofMinutes(5));
      assertThat(d.pings).hasValue(1);
    }
  }

  @Test
  void aClosedTopicOrSubscriptionSaysSo() {
    Topic t = topic(new DownTopic());
    UpSubscription d = new UpSubscription();
    Subscription s = Subscription.builder(d).build();
    t.close();
    s.close();
    assertThatThrownBy(t::ping).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
      assertThat(e.getMessage()).contains("closed");
    });
    assertThatThrownBy(s::ping).isInstanceOfSatisfying(YshException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
    assertThat(d.pings).hasValue(0);
  }
}
