package io.ysh.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Topic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** @YshListener methods: started with the context, bounded concurrency, drained on shutdown. */
class ListenerAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(YshTelemetryAutoConfiguration.class, YshQueueAutoConfiguration.class));

  static final class Handlers {
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger inHand = new AtomicInteger();
    final AtomicInteger maxInHand = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    final CountDownLatch started = new CountDownLatch(1);

    @YshListener("work")
    void handle(ReceivedMessage m) throws InterruptedException {
      int now = inHand.incrementAndGet();
      maxInHand.accumulateAndGet(now, Math::max);
      started.countDown();
      Thread.sleep(150);
      bodies.add(m.bodyAsString());
      inHand.decrementAndGet();
      finished.incrementAndGet();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class App {
    @Bean
    Handlers handlers() {
      return new Handlers();
    }
  }

  static final class Broken {
    @YshListener("nowhere")
    void handle(String body) {}
  }

  @Test
  void handlesEveryMessageWithBoundedConcurrency() {
    runner.withUserConfiguration(App.class)
        .withPropertyValues("ysh.queue.topics.work.url=mem://spring-listen-1", "ysh.queue.subscriptions.work.url=mem://spring-listen-1",
            "ysh.queue.listeners.work.max-concurrency=2")
        .run(ctx -> {
          Topic topic = ctx.getBean("workTopic", Topic.class);
          for (int i = 0; i < 8; i++) {
            topic.publish(Message.of("m" + i));
          }
          Handlers h = ctx.getBean(Handlers.class);
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (h.bodies.size() < 8 && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          assertThat(h.bodies).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7");
          assertThat(h.maxInHand.get()).isBetween(1, 2);
        });
  }

  @Test
  void shutdownWaitsForTheMessageInHand() {
    Handlers[] handlers = new Handlers[1];
    runner.withUserConfiguration(App.class)
        .withPropertyValues("ysh.queue.topics.work.url=mem://spring-listen-2", "ysh.queue.subscriptions.work.url=mem://spring-listen-2")
        .run(ctx -> {
          handlers[0] = ctx.getBean(Handlers.class);
          ctx.getBean("workTopic", Topic.class).publish(Message.of("slow"));
          assertThat(handlers[0].started.await(10, TimeUnit.SECONDS)).isTrue();
        });
    assertThat(handlers[0].finished.get()).as("the message in hand finished before the context closed").isEqualTo(1);
    assertThat(handlers[0].bodies).containsExactly("slow");
  }

  @Test
  void aListenerWithoutItsSubscriptionFailsNamingTheProperty() {
    runner.withBean(Broken.class, Broken::new).run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(new YshConfigurationFailureAnalyzer().analyze(ctx.getStartupFailure()).getDescription())
          .contains("ysh.queue.subscriptions.nowhere.url").contains("@YshListener");
    });
  }
}
