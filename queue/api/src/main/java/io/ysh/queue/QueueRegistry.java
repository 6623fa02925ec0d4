package io.ysh.queue;

import io.ysh.core.spi.DriverRegistry;
import io.ysh.queue.spi.QueueDriverProvider;
import java.util.Map;

/** The queue drivers on the classpath, shared by {@link Topic} and {@link Subscription}. */
final class QueueRegistry {

  /** The Maven artifact that provides each scheme the SDK supports. */
  private static final Map<String, String> ARTIFACTS =
      Map.of(
          "mem", "ysh-queue-memory",
          "sqs", "ysh-queue-sqs",
          "azqueue", "ysh-queue-azure",
          "gcppubsub", "ysh-queue-pubsub",
          "rabbitmq", "ysh-queue-rabbitmq",
          "kafka", "ysh-queue-kafka",
          "redis-stream", "ysh-queue-redis");

  static final DriverRegistry<QueueDriverProvider> REGISTRY =
      DriverRegistry.load("queue", QueueDriverProvider.class, ARTIFACTS);

  private QueueRegistry() {}
}
