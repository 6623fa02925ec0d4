package io.ysh.spring.autoconfigure;

import static io.ysh.spring.autoconfigure.HealthAutoConfigurationTest.health;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.Topic;
import io.ysh.queue.spi.TopicDriver;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code yshQueues} indicator: one ping of every Topic and Subscription bean, on Boot 4 and
 * (through boot3-tests) Boot 3. The configured beans are memory queues; a broker that refuses,
 * hangs, or a driver with no check are topics of the application's own over small drivers written
 * here (the real brokers' pings are covered by each driver's conformance test).
 */
class QueueHealthTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          YshTelemetryAutoConfiguration.class, YshStorageAutoConfiguration.class, YshQueueAutoConfiguration.class,
          YshHealthAutoConfiguration.class));

  /** A driver whose broker is gone (the message carries a URL with a password), hangs, or has no check. */
  static final class BrokerDriver implements TopicDriver {
    enum Mode { REFUSED, HANGING, STUCK, NO_CHECK }

    final Mode mode;

    BrokerDriver(Mode mode) {
      this.mode = mode;
    }

    @Override
    public String provider() {
      return "test-broker";
    }

    @Override
    public String name() {
      return "events";
    }

    @Override
    public QueueCapabilities capabilities() {
      return QueueCapabilities.builder().build();
    }

    @Override
    public List<String> sendBatch(List<Message> batch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void ping(Duration timeout) throws Exception {
      switch (mode) {
        case REFUSED -> throw new ConnectException("Connection refused: amqp://admin:s3cret-pw@broker:5672");
        case HANGING -> Thread.sleep(60_000);
        case STUCK -> stuck(Duration.ofSeconds(5));
        default -> TopicDriver.super.ping(timeout);
      }
    }

    /** Like a blocking socket read: an interrupt does not end it. */
    private static void stuck(Duration d) {
      long end = System.nanoTime() + d.toNanos();
      while (System.nanoTime() < end) {
        try {
          Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException ignored) {
          // keeps blocking
        }
      }
    }

    @Override
    public ErrorMapper errorMapper() {
      return ErrorMapper.defaults();
    }

    @Override
    public void close() {}
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> bean(Object[] h, String name) {
    return (Map<String, Object>) ((Map<String, Object>) h[1]).get(name);
  }

  @Test
  void upWhenEveryTopicAndSubscriptionAnswers() {
    runner.withPropertyValues("ysh.queue.topics.orders.url=mem://health-orders",
            "ysh.queue.subscriptions.orders.url=mem://health-orders")
        .run(ctx -> {
          Object[] h = health(ctx.getBean("yshQueuesHealthIndicator"));
          assertThat(h[0]).isEqualTo("UP");
          assertThat(bean(h, "ordersTopic")).containsEntry("status", "UP").containsEntry("provider", "mem");
          assertThat(bean(h, "ordersSubscription")).containsEntry("status", "UP").containsEntry("provider", "mem");
        });
  }

  @Test
  void downWhenOneBrokerIsUnreachableWithTheCodeAndNoSecret() {
    runner.withPropertyValues("ysh.queue.topics.orders.url=mem://health-orders2")
        .withBean("eventsTopic", Topic.class, () -> Topic.builder(new BrokerDriver(BrokerDriver.Mode.REFUSED)).build())
        .run(ctx -> {
          Object[] h = health(ctx.getBean("yshQueuesHealthIndicator"));
          assertThat(h[0]).isEqualTo("DOWN");
          assertThat(bean(h, "ordersTopic")).containsEntry("status", "UP");
          assertThat(bean(h, "eventsTopic")).containsEntry("status", "DOWN").containsEntry("error", "UNAVAILABLE")
              .containsEntry("provider", "test-broker");
          assertThat(h[1].toString()).doesNotContain("s3cret").doesNotContain("amqp://");
        });
  }

  @Test
  void aHangingBrokerIsDownWithinTheTimeout() {
    runner.withPropertyValues("ysh.health.timeout=300ms")
        .withBean("eventsTopic", Topic.class, () -> Topic.builder(new BrokerDriver(BrokerDriver.Mode.HANGING)).build())
        .run(ctx -> {
          long start = System.nanoTime();
          Object[] h = health(ctx.getBean("yshQueuesHealthIndicator"));
          assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
          assertThat(h[0]).isEqualTo("DOWN");
          assertThat(bean(h, "eventsTopic")).containsEntry("error", "timeout after 300 ms");
        });
  }

  /**
   * Six brokers stuck in calls that ignore interrupts: the indicator answers within about one
   * timeout (not six), and the stuck probes' threads do not starve the healthy topic's probe, in
   * this check or the next.
   */
  @Test
  void stuckBrokersAreCheckedSideBySideAndDoNotStarveTheOthers() {
    ApplicationContextRunner r = runner.withPropertyValues("ysh.health.timeout=400ms",
        "ysh.queue.topics.orders.url=mem://health-orders-stuck");
    for (int i = 0; i < 6; i++) {
      r = r.withBean("stuck" + i + "Topic", Topic.class, () -> Topic.builder(new BrokerDriver(BrokerDriver.Mode.STUCK)).build());
    }
    r.run(ctx -> {
      for (int round = 0; round < 2; round++) {
        long start = System.nanoTime();
        Object[] h = health(ctx.getBean("yshQueuesHealthIndicator"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("round %d", round).isLessThan(Duration.ofMillis(1500));
        assertThat(h[0]).isEqualTo("DOWN");
        assertThat(bean(h, "ordersTopic")).as("round %d", round).containsEntry("status", "UP");
        for (int i = 0; i < 6; i++) {
          assertThat(bean(h, "stuck" + i + "Topic")).containsEntry("error", "timeout after 400 ms");
        }
      }
    });
  }

  @Test
  void aDriverWithoutACheckIsUnknownNotUpAndDoesNotTurnTheRestDown() {
    runner.withBean("eventsTopic", Topic.class, () -> Topic.builder(new BrokerDriver(BrokerDriver.Mode.NO_CHECK)).build())
        .run(ctx -> {
          Object[] h = health(ctx.getBean("yshQueuesHealthIndicator"));
          assertThat(h[0]).isEqualTo("UNKNOWN");
          assertThat(bean(h, "eventsTopic")).containsEntry("status", "UNKNOWN").containsEntry("error", "UNSUPPORTED");
        });
    runner.withPropertyValues("ysh.queue.subscriptions.orders.url=mem://health-orders3")
        .withBean("eventsTopic", Topic.class, () -> Topic.builder(new BrokerDriver(BrokerDriver.Mode.NO_CHECK)).build())
        .run(ctx -> {
          Object[] h = health(ctx.getBean("yshQueuesHealthIndicator"));
          assertThat(h[0]).isEqualTo("UP");
          assertThat(bean(h, "eventsTopic")).containsEntry("status", "UNKNOWN");
        });
  }

  @Test
  void noQueueBeansNoIndicatorAndItCanBeTurnedOff() {
    runner.withPropertyValues("ysh.storage.url=mem://health-q")
        .run(ctx -> assertThat(ctx).doesNotHaveBean("yshQueuesHealthIndicator").hasBean("yshStorageHealthIndicator"));
    runner.withPropertyValues("ysh.queue.topics.orders.url=mem://health-orders4", "ysh.health.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean("yshQueuesHealthIndicator").hasBean("ordersTopic"));
  }

  @Test
  void aClosedTopicIsDown() {
    runner.withPropertyValues("ysh.queue.topics.orders.url=mem://health-orders5")
        .run(ctx -> {
          ctx.getBean("ordersTopic", Topic.class).close();
          Object[] h = health(ctx.getBean("yshQueuesHealthIndicator"));
          assertThat(h[0]).isEqualTo("DOWN");
          assertThat(bean(h, "ordersTopic")).containsEntry("error", "PRECONDITION_FAILED");
        });
  }
}
