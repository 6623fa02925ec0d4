package io.ysh.queue.pubsub;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.Topic;
import io.ysh.core.YshException;

/** Creates topics and subscriptions that are missing ({@code create=true}); idempotent. */
final class PubSubAdmin {

  private PubSubAdmin() {}

  static void ensureTopic(TopicAdminClient admin, String topic) {
    try {
      admin.createTopic(Topic.newBuilder().setName(topic).build());
    } catch (AlreadyExistsException e) {
      // created earlier, or by someone else meanwhile
    }
  }

  /**
   * Creates the subscription unless it exists, with message ordering enabled and the ack
   * deadline (at least Pub/Sub's minimum of 10 s).
   *
   * @return the ack deadline in seconds the subscription has when created here, or -1 when it
   *     existed
   */
  static int ensureSubscription(PubSubClients clients, PubSubConfig config, String subscription) throws java.io.IOException {
    try (SubscriptionAdminClient admin = clients.subscriptionAdmin()) {
      try {
        admin.getSubscription(subscription);
        return -1;
      } catch (NotFoundException e) {
        // create it below
      }
      String topic = config.topic.orElseThrow(() -> YshException.builder(io.ysh.core.ErrorCode.NOT_FOUND)
          .detail("subscription " + subscription + " does not exist, and without topic= it cannot be created")
          .build());
      int seconds = Math.max(
          (int) PubSubLimits.MIN_SUBSCRIPTION_ACK_DEADLINE.getSeconds(),
          config.ackDeadline.map(PubSubLimits::deadlineSeconds).orElse((int) PubSubLimits.MIN_SUBSCRIPTION_ACK_DEADLINE.getSeconds()));
      try {
        admin.createSubscription(Subscription.newBuilder()
            .setName(subscription)
            .setTopic(topic)
            .setAckDeadlineSeconds(seconds)
            .setEnableMessageOrdering(true)
            .build());
        return seconds;
      } catch (AlreadyExistsException e) {
        return -1;
      }
    }
  }
}
