package io.ysh.queue.pubsub;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.DeadLetterPolicy;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.ysh.queue.conformance.QueueCrashRecovery;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crash proofs of {@code gcppubsub://} ({@link QueueCrashRecovery}) on Google's Pub/Sub emulator
 * (see {@link PubSubEmulator}; skipped with a message when it is not installed). Each queue name
 * {@code q} is topic {@code q} with subscription {@code q}. A message held by a dead consumer
 * comes back when its ack deadline ({@code ackDeadline}, 2 s here, applied per pull) passes.
 *
 * <p>Attempt counts follow the README: without a dead-letter policy Pub/Sub reports no delivery
 * attempt and the driver counts per process, so a message held by a consumer that died comes
 * back to another process as attempt 1 (and {@code maxAttempts=1} does not dead-letter it); on a
 * subscription with a dead-letter policy Pub/Sub counts, and it comes back as attempt 2. The
 * emulator cannot count a queue's messages: "nothing left" is proven with a sentinel message, and
 * the suite cannot wait for the killed consumer's acks to land, so it does not assert that acked
 * messages stay away. They do not, on the emulator: it keeps acks as a low-water mark, so when a
 * held message's deadline expires every message after it comes back, acked or not (seen here with
 * the raw SubscriberStub too, with and without a dead-letter policy; the real service acks each
 * message). The scenario's line reports them as {@code ackedRedelivered}. The
 * broker-restart scenario is not run: the emulator keeps everything in memory.
 */
class PubSubCrashRecoveryTest extends QueueCrashRecovery {

  private static final Duration ACK_DEADLINE = Duration.ofSeconds(2);

  private String endpoint;
  private ManagedChannel channel;

  /** Per test, so that each test is reported as skipped (with the reason) when there is no emulator. */
  @BeforeEach
  void startEmulator() {
    endpoint = PubSubEmulator.endpoint();
  }

  @AfterAll
  void closeChannel() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Override
  protected String driver() {
    return "gcppubsub";
  }

  @Override
  protected String topicUrl(String queue) {
    return "gcppubsub://projects/" + PubSubEmulator.PROJECT + "/topics/" + queue + "?subscription=" + queue
        + "&create=true&endpoint=" + endpoint;
  }

  @Override
  protected String subscriptionUrl(String queue) {
    return topicUrl(queue) + "&ackDeadline=" + ACK_DEADLINE.toSeconds() + "s";
  }

  @Override
  protected String deadLetterUrl(String queue) {
    return subscriptionUrl(dlqName(queue));
  }

  @Override
  protected String dlqName(String queue) {
    return queue + "-dlq";
  }

  /** Without a dead-letter policy the count is per process: another process starts at 1. */
  @Override
  protected int attemptAfterCrash() {
    return 1;
  }

  @Test
  void unsettledDeliveriesComeBackAfterTheAckDeadline() {
    assertRedeliveredAfterTheAckDeadline(ACK_DEADLINE);
  }

  /** Under a dead-letter policy Pub/Sub counts deliveries itself: the crash counts, across processes. */
  @Test
  void underADeadLetterPolicyTheCrashIsCountedAcrossProcesses() throws Exception {
    String q = freshQueue();
    String project = "projects/" + PubSubEmulator.PROJECT;
    try (TopicAdminClient topics = TopicAdminClient.create(TopicAdminSettings.newBuilder()
            .setTransportChannelProvider(transport()).setCredentialsProvider(NoCredentialsProvider.create()).build());
        SubscriptionAdminClient subs = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
            .setTransportChannelProvider(transport()).setCredentialsProvider(NoCredentialsProvider.create()).build())) {
      topics.createTopic(project + "/topics/" + q);
      topics.createTopic(project + "/topics/" + dlqName(q));
      subs.createSubscription(com.google.pubsub.v1.Subscription.newBuilder()
          .setName(project + "/subscriptions/" + q)
          .setTopic(project + "/topics/" + q)
          .setAckDeadlineSeconds(10)
          .setDeadLetterPolicy(DeadLetterPolicy.newBuilder().setDeadLetterTopic(project + "/topics/" + dlqName(q)).setMaxDeliveryAttempts(5))
          .build());
    }
    assertKilledConsumerLosesNothing(q, "consumerKilledWithSigkillUnderDeadLetterPolicy", 2);
  }

  private TransportChannelProvider transport() {
    synchronized (this) {
      if (channel == null) {
        channel = ManagedChannelBuilder.forTarget(endpoint).usePlaintext().build();
      }
    }
    return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
  }
}
