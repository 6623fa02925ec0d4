package io.ysh.queue;

import io.ysh.testkit.gen.NullWalker;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The validation contract of {@link Topic}, {@link Subscription} and {@link Message}: null (or
 * empty string) arguments fail with {@code INVALID_ARGUMENT} naming the argument, before the
 * driver is reached.
 */
class QueueArgumentsTest {

  private static Object answer(java.lang.reflect.Method m) {
    return switch (m.getName()) {
      case "provider", "name" -> "fake";
      case "capabilities" -> QueueCapabilities.builder().build();
      case "errorMapper" -> ErrorMapper.defaults();
      case "close" -> NullWalker.NONE;
      default -> null;
    };
  }

  static final Map<Class<?>, Supplier<Object>> VALUES =
      Map.of(Message.class, () -> Message.of("x"), SubscribeOptions.class, SubscribeOptions::defaults);

  @Test
  void everyPublicMethodOfTopicRefusesNullArguments() {
    Topic topic = Topic.builder(NullWalker.unreachable(TopicDriver.class, QueueArgumentsTest::answer)).build();
    NullWalker walker = new NullWalker(VALUES, Set.of(), true).walk(Topic.class, topic, false);
    assertThat(walker.failures()).as("checked %d calls", walker.checked()).isEmpty();
  }

  @Test
  void everyPublicMethodOfSubscriptionRefusesNullArguments() {
    Subscription sub = Subscription.builder(NullWalker.unreachable(SubscriptionDriver.class, QueueArgumentsTest::answer)).build();
    NullWalker walker = new NullWalker(VALUES, Set.of(), true).walk(Subscription.class, sub, false);
    assertThat(walker.failures()).as("checked %d calls", walker.checked()).isEmpty();
  }

  @Test
  void messageFactoriesAndBuilderRefuseNullArguments() {
    NullWalker statics = new NullWalker(VALUES, Set.of(), false).walk(Message.class, null, true);
    NullWalker builder =
        new NullWalker(VALUES, Set.of("orderingKey(orderingKey)", "deduplicationId(deduplicationId)"), false)
            .walk(Message.Builder.class, Message.builder(), false);
    assertThat(statics.failures()).isEmpty();
    assertThat(builder.failures()).isEmpty();
    assertThat(statics.checked() + builder.checked()).isGreaterThan(4);
  }
}
