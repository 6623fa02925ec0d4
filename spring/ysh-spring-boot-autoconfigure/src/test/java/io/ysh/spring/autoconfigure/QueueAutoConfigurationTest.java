package io.ysh.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.YshException;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Named topics and subscriptions: several of each, qualifiers, override, bad URL. */
class QueueAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(YshTelemetryAutoConfiguration.class, YshQueueAutoConfiguration.class));

  @Test
  void noQueuePropertiesNoBeans() {
    runner.run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx).doesNotHaveBean(Topic.class);
      assertThat(ctx).doesNotHaveBean(Subscription.class);
    });
  }

  @Test
  void severalNamedTopicsAndSubscriptionsInjectByQualifier() {
    runner.withUserConfiguration(Consumers.class)
        .withPropertyValues(
            "ysh.queue.topics.orders.url=mem://spring-orders",
            "ysh.queue.topics.invoices.url=mem://spring-invoices",
            "ysh.queue.subscriptions.orders.url=mem://spring-orders",
            "ysh.queue.subscriptions.invoices.url=mem://spring-invoices")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBeansOfType(Topic.class)).containsOnlyKeys("ordersTopic", "invoicesTopic");
          assertThat(ctx.getBeansOfType(Subscription.class)).containsOnlyKeys("ordersSubscription", "invoicesSubscription");
          Consumers c = ctx.getBean(Consumers.class);
          assertThat(c.orders).isSameAs(ctx.getBean("ordersTopic"));
          assertThat(c.invoicesSubscription).isSameAs(ctx.getBean("invoicesSubscription"));

          c.orders.publish(Message.of("order-1"));
          List<ReceivedMessage> got = c.ordersSubscription.receive(1, Duration.ofSeconds(5));
          assertThat(got).hasSize(1);
          assertThat(got.get(0).bodyAsString()).isEqualTo("order-1");
          got.get(0).ack();
          assertThat(c.invoicesSubscription.receive(1, Duration.ofMillis(100))).isEmpty();
        });
  }

  @Test
  void queuesAreClosedWithTheContext() {
    Topic[] topic = new Topic[1];
    runner.withPropertyValues("ysh.queue.topics.closing.url=mem://spring-closing")
        .run(ctx -> topic[0] = ctx.getBean("closingTopic", Topic.class));
    assertThatThrownBy(() -> topic[0].publish(Message.of("late"))).isInstanceOf(YshException.class);
  }

  @Test
  void aUserBeanOfTheSameNameWins() {
    runner.withUserConfiguration(UserTopic.class)
        .withPropertyValues("ysh.queue.topics.orders.url=mem://spring-ignored", "ysh.queue.topics.other.url=mem://spring-other")
        .run(ctx -> {
          assertThat(ctx.getBean("ordersTopic")).isSameAs(UserTopic.TOPIC);
          assertThat(ctx.getBeansOfType(Topic.class)).containsOnlyKeys("ordersTopic", "otherTopic");
        });
  }

  @Test
  void missingDriverFailsNamingTheNamedPropertyAndArtifact() {
    runner.withPropertyValues("ysh.queue.subscriptions.payments.url=rabbitmq://guest:hunter2@localhost/payments")
        .run(ctx -> {
          assertThat(ctx).hasFailed();
          FailureAnalysis a = new YshConfigurationFailureAnalyzer().analyze(ctx.getStartupFailure());
          assertThat(a.getDescription()).contains("ysh.queue.subscriptions.payments.url");
          assertThat(a.getAction()).contains("io.ysh:ysh-queue-rabbitmq");
          assertThat(CapabilityAutoConfigurationTest.stackText(ctx.getStartupFailure())).doesNotContain("hunter2");
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class Consumers {
    final Topic orders;
    final Subscription ordersSubscription;
    final Subscription invoicesSubscription;

    Consumers(@Qualifier("orders") Topic orders, @Qualifier("orders") Subscription ordersSubscription,
        @Qualifier("invoices") Subscription invoicesSubscription) {
      this.orders = orders;
      this.ordersSubscription = ordersSubscription;
      this.invoicesSubscription = invoicesSubscription;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserTopic {
    static final Topic TOPIC = Topic.open("mem://spring-user-orders");

    @Bean(destroyMethod = "")
    Topic ordersTopic() {
      return TOPIC;
    }
  }
}
