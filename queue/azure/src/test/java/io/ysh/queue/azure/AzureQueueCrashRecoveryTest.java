package io.ysh.queue.azure;

import com.azure.storage.queue.QueueServiceClient;
import io.ysh.queue.conformance.QueueCrashRecovery;
import io.ysh.testkit.server.azure.Azurite;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash proofs of {@code azqueue://} ({@link QueueCrashRecovery}) on Azurite's queue service (see
 * {@link Azurite}; skipped with a message when it cannot be had). A message held by a dead
 * consumer becomes visible again when its visibility timeout ({@code ackDeadline}, 2 s here)
 * ends, with its dequeue count raised: attempt 2. "Nothing left" is the queue's message count,
 * which includes invisible messages. The broker-restart scenario is not run here: the suite's
 * Azurite keeps queues in memory, and the service has no durability of its own to prove.
 */
class AzureQueueCrashRecoveryTest extends QueueCrashRecovery {

  private static final Duration ACK_DEADLINE = Duration.ofSeconds(2);

  private String endpoint;
  private QueueServiceClient raw;

  @BeforeAll
  void startAzurite() {
    endpoint = Azurite.queueEndpoint();
    raw = AzureCounts.client(endpoint);
  }

  @Override
  protected String driver() {
    return "azqueue";
  }

  @Override
  protected String topicUrl(String queue) {
    return "azqueue://" + Azurite.ACCOUNT + ":" + Azurite.KEY.replace("/", "%2F").replace("+", "%2B") + "@" + queue
        + "?endpoint=" + endpoint;
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

  /** The dequeue count includes the dead consumer's receive. */
  @Override
  protected int attemptAfterCrash() {
    return 2;
  }

  @Override
  protected OptionalLong messagesLeft(String queue) {
    return OptionalLong.of(AzureCounts.messagesLeft(raw, queue));
  }

  @Test
  void unsettledDeliveriesComeBackAfterTheVisibilityTimeout() {
    assertRedeliveredAfterTheAckDeadline(ACK_DEADLINE);
  }
}
