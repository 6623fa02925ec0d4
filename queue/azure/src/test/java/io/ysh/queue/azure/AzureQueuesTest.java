package io.ysh.queue.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import io.ysh.testkit.server.azure.Azurite;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Drivers from {@link AzureQueues#builder()} on Azurite behave as the {@code azqueue://} URL's and are checked alike. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureQueuesTest {

  private String endpoint;

  @BeforeAll
  void startAzurite() {
    endpoint = Azurite.queueEndpoint();
  }

  private AzureQueues.Builder builder(String queue) {
    return AzureQueues.builder().queue(queue).account(Azurite.ACCOUNT, Secret.of(Azurite.KEY)).endpoint(endpoint);
  }

  /**
   * The portable layer retries; the Azure SDK's own retries (four tries with exponential backoff
   * by default) under it multiplied every attempt: a publish to a queue service that went away
   * took ~55 s to fail. The SDK must try once per portable attempt.
   */
  @Test
  void aPublishToAQueueServiceThatWentAwayFailsFast() {
    java.net.URI u = java.net.URI.create(endpoint);
    io.ysh.testkit.server.fault.FaultProxy proxy = io.ysh.testkit.server.fault.FaultProxy.tcp("azurite", u.getHost(), u.getPort());
    try {
      AzureQueues.Builder b = AzureQueues.builder().queue("gone-" + UUID.randomUUID().toString().substring(0, 8))
          .account(Azurite.ACCOUNT, Secret.of(Azurite.KEY))
          .endpoint(endpoint.replace(u.getHost() + ":" + u.getPort(), "127.0.0.1:" + proxy.port()));
      try (Topic topic = Topic.builder(b.buildTopicDriver()).telemetry(Telemetry.noop()).build()) {
        topic.publish(Message.of("while reachable"));
        proxy.close();
        long start = System.nanoTime();
        assertThatThrownBy(() -> topic.publish(Message.of("after")))
            .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      }
    } finally {
      proxy.close();
    }
  }

  @Test
  void builtDriversPublishAndReceive() {
    AzureQueues.Builder b = builder("built-" + UUID.randomUUID().toString().substring(0, 8)).ackDeadline(Duration.ofSeconds(20));
    try (Topic topic = Topic.builder(b.buildTopicDriver()).telemetry(Telemetry.noop()).build();
        Subscription sub = Subscription.builder(b.buildSubscriptionDriver()).telemetry(Telemetry.noop()).build()) {
      topic.publish(Message.of("built"));
      List<ReceivedMessage> got = List.of();
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (got.isEmpty() && System.nanoTime() < end) {
        got = sub.receive(1, Duration.ofSeconds(1));
      }
      assertThat(got).hasSize(1);
      assertThat(got.get(0).bodyAsString()).isEqualTo("built");
      got.get(0).ack();
    }
  }

  @Test
  void optionsAreCheckedAsTheUrlsAre() {
    assertCode(() -> AzureQueues.builder().buildTopicDriver(), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> builder("never-" + UUID.randomUUID().toString().substring(0, 8)).create(false).buildTopicDriver(),
        ErrorCode.NOT_FOUND);
  }

  private static void assertCode(Runnable r, ErrorCode code) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
