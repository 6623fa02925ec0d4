package io.ysh.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The worker example on the in-memory queue and on the machine's RabbitMQ (a virtual host of its own). */
class QueueWorkerExampleTest {

  @Test
  void boundedWorkerDeadLettersPoisonAndShutsDownGracefullyInMemory() throws Exception {
    check("mem://orders-" + UUID.randomUUID().toString().substring(0, 8), true);
  }

  @Test
  void boundedWorkerDeadLettersPoisonAndShutsDownGracefullyOnRabbitMq() throws Exception {
    LocalServers.requireRedisAndRabbitMq();
    try (LocalServers.Vhost vhost = LocalServers.rabbitMqVhost()) {
      check(vhost.url("orders-" + UUID.randomUUID().toString().substring(0, 8)), false);
    }
  }

  private static void check(String queue, boolean exactAttempts) throws Exception {
    QueueWorkerExample.Result r = new QueueWorkerExample(QuickStartDemoTest.print(new ByteArrayOutputStream())).run(queue, 24);

    assertThat(r.processed()).isEqualTo(24 - 3);                               // orders 7, 14, 21 are poison
    assertThat(r.deadLettered()).containsExactlyInAnyOrder("order-7", "order-14", "order-21");
    if (exactAttempts) {
      assertThat(r.poisonAttempts()).isEqualTo(3 * 3);                         // maxAttempts=3 each, then the DLQ
    } else {
      // RabbitMQ counts a broker-flagged redelivery as an attempt too (queue/rabbitmq README): 2 or 3 each
      assertThat(r.poisonAttempts()).isBetween(3 * 2, 3 * 3);
    }
    assertThat(r.maxConcurrent()).isBetween(2, 4);
    assertThat(r.startedBeforeShutdown()).isGreaterThanOrEqualTo(2);
    assertThat(r.finishedAfterShutdown()).isEqualTo(r.startedBeforeShutdown());
    assertThat(r.pickedUpAfterRestart()).isPositive();   // run() fails unless all 12 slow orders are done in the end
  }
}
