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

  @Configuration(proxyBeanMethods = false)
  static class ConsumerApp {
    final List<String> got = new CopyOnWriteArrayList<>();
    final List<String> unrelated = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger(1);

    @Bean
    java.util.function.Consumer<ReceivedMessage> beans() {
      return m -> {
        if (m.bodyAsString().equals("fail-once") && failuresLeft.getAndDecrement() > 0) {
          throw new IllegalStateException("not now");
        }
        got.add(m.bodyAsString());
      };
    }

    @Bean
    java.util.function.Consumer<ReceivedMessage> notASubscription() {
      return m -> unrelated.add(m.bodyAsString());
    }

    @Bean
    java.util.function.Consumer<String> stringsAreNotListeners() {
      return s -> unrelated.add(s);
    }
  }

  @Test
  void aConsumerBeanListensToTheSubscriptionOfItsNameAndANackIsRedelivered() {
    runner.withUserConfiguration(ConsumerApp.class)
        .withPropertyValues("ysh.queue.topics.beans.url=mem://spring-listen-consumer",
            "ysh.queue.subscriptions.beans.url=mem://spring-listen-consumer",
            "ysh.queue.topics.stringsAreNotListeners.url=mem://spring-listen-strings",
            "ysh.queue.subscriptions.stringsAreNotListeners.url=mem://spring-listen-strings")
        .run(ctx -> {
          Topic topic = ctx.getBean("beansTopic", Topic.class);
          ctx.getBean("stringsAreNotListenersTopic", Topic.class).publish(Message.of("left alone"));
          topic.publish(Message.of("one"));
          topic.publish(Message.of("fail-once"));
          ConsumerApp app = ctx.getBean(ConsumerApp.class);
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (app.got.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          assertThat(app.got).containsExactlyInAnyOrder("one", "fail-once");
          assertThat(app.failuresLeft.get()).isNegative();
          List<ReceivedMessage> left = ctx.getBean("stringsAreNotListenersSubscription", io.ysh.queue.Subscription.class)
              .receive(1, java.time.Duration.ofSeconds(5));
          assertThat(left).singleElement().satisfies(m -> assertThat(m.bodyAsString()).isEqualTo("left alone"));
          assertThat(app.unrelated).isEmpty();
        });
  }
}
