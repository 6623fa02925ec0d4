package io.ysh.queue.pubsub;

import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.rpc.DeadlineExceededException;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.DriverMessage;
import io.ysh.queue.spi.SubscriptionDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls with the synchronous {@link SubscriberStub} (unary Pull, Acknowledge and
 * ModifyAckDeadline; not the streaming {@code Subscriber}, whose background lease management and
 * flow control would duplicate the portable layer's). Ack = Acknowledge; nack(delay) and
 * extendDeadline = ModifyAckDeadline (whole seconds, at most 600; 0 = at once). The delivery
 * attempt is Pub/Sub's when the subscription has a dead-letter policy, else counted by
 * {@link DeliveryAttempts}. Dead letters are published to the dead-letter topic with the
 * publish RPC, then acked.
 */
final class PubSubSubscriptionDriver implements SubscriptionDriver {

  private static final Logger LOG = LoggerFactory.getLogger(PubSubSubscriptionDriver.class);
  /** Separates the message id from Pub/Sub's ack id in the portable ack id. */
  private static final char SEP = '\n';

  private final PubSubConfig config;
  private final String subscription;
  private final PubSubClients clients;
  private final SubscriberStub stub;
  private final TopicAdminClient admin;
  /** Seconds to set on each pulled message, or -1 to keep the subscription's own deadline. */
  private final int perDeliveryDeadline;
  private final DeliveryAttempts attempts;

  private PubSubSubscriptionDriver(PubSubConfig config, String subscription, PubSubClients clients, SubscriberStub stub, TopicAdminClient admin,
      int createdDeadline) {
    this.config = config;
    this.subscription = subscription;
    this.clients = clients;
    this.stub = stub;
    this.admin = admin;
    int wanted = config.ackDeadline.map(PubSubLimits::deadlineSeconds).orElse(-1);
    this.perDeliveryDeadline = wanted == createdDeadline ? -1 : wanted;
    this.attempts = DeliveryAttempts.of(subscription);
  }

  static PubSubSubscriptionDriver open(PubSubConfig config) {
    String subscription = config.requireSubscription();
    PubSubClients clients = new PubSubClients(config);
    TopicAdminClient admin = null;
    SubscriberStub stub = null;
    try {
      TopicAdminClient a = PubSubErrors.open(subscription, clients::topicAdmin);
      admin = a;
      int created = -1;
      if (config.create) {
        created = PubSubErrors.open(subscription, () -> {
          config.topic.ifPresent(t -> PubSubAdmin.ensureTopic(a, t));
          return PubSubAdmin.ensureSubscription(clients, config, subscription);
        });
      }
      stub = PubSubErrors.open(subscription, clients::subscriber);
      return new PubSubSubscriptionDriver(config, subscription, clients, stub, admin, created);
    } catch (RuntimeException e) {
      if (admin != null) {
        admin.close();
      }
      clients.close();
      throw e;
    }
  }

  @Override
  public String provider() {
    return PubSubQueueDriverProvider.PROVIDER;
  }

  @Override
  public String name() {
    return subscription;
  }

  @Override
  public QueueCapabilities capabilities() {
    return PubSubLimits.DEFAULT;
  }

  @Override
  public List<DriverMessage> receiveBatch(int max, Duration wait) {
    PullResponse response = pull(Math.min(max, PubSubLimits.MAX_BATCH_MESSAGES), wait);
    if (response.getReceivedMessagesCount() == 0) {
      return List.of();
    }
    if (perDeliveryDeadline > 0) {
      List<String> ids = new ArrayList<>(response.getReceivedMessagesCount());
      response.getReceivedMessagesList().forEach(r -> ids.add(r.getAckId()));
      try {
        modify(ids, perDeliveryDeadline);
      } catch (RuntimeException e) {
        // the messages keep the subscription's deadline: still delivered, just invisible longer if abandoned
        LOG.warn("setting the {} s ack deadline on {} message(s) of {} failed: {}", perDeliveryDeadline, ids.size(), subscription, e.toString());
      }
    }
    List<DriverMessage> out = new ArrayList<>(response.getReceivedMessagesCount());
    for (ReceivedMessage r : response.getReceivedMessagesList()) {
      PubsubMessage pm = r.getMessage();
      int attempt = r.getDeliveryAttempt() > 0 ? r.getDeliveryAttempt() : attempts.delivered(pm.getMessageId());
      out.add(new DriverMessage(pm.getMessageId(), pm.getMessageId() + SEP + r.getAckId(), toMessage(pm), attempt));
    }
    return out;
  }

  /**
   * A Pull that returns what is there, waiting up to {@code wait} for the first message. A zero
   * wait asks Pub/Sub to return at once (the deprecated but served {@code return_immediately});
   * otherwise the call's deadline bounds the wait, and a deadline passing is an empty answer.
   */
  @SuppressWarnings("deprecation") // return_immediately: the only way to ask for a pull that does not wait
  private PullResponse pull(int max, Duration wait) {
    PullRequest.Builder req = PullRequest.newBuilder().setSubscription(subscription).setMaxMessages(max);
    if (wait.isZero()) {
      return stub.pullCallable().call(req.setReturnImmediately(true).build());
    }
    try {
      return stub.pullCallable().call(req.build(), GrpcCallContext.createDefault().withTimeoutDuration(wait));
    } catch (DeadlineExceededException e) {
      return PullResponse.getDefaultInstance();
    }
  }

  static Message toMessage(PubsubMessage pm) {
    Message.Builder b = Message.builder().body(pm.getData().toByteArray()).attributes(pm.getAttributesMap());
    if (!pm.getOrderingKey().isEmpty()) {
      b.orderingKey(pm.getOrderingKey());
    }
    return b.build();
  }

  private static String messageId(String ackId) {
    return ackId.substring(0, ackId.indexOf(SEP));
  }

  private static String pubsubAckId(String ackId) {
    return ackId.substring(ackId.indexOf(SEP) + 1);
  }

  private static List<String> pubsubAckIds(List<String> ackIds) {
    List<String> out = new ArrayList<>(ackIds.size());
    for (String a : ackIds) {
      out.add(pubsubAckId(a));
    }
    return out;
  }

  @Override
  public void ack(List<String> ackIds) {
    // Pub/Sub ignores ack ids that expired or were acked already, as the contract asks
    for (int i = 0; i < ackIds.size(); i += PubSubLimits.MAX_BATCH_MESSAGES) {
      List<String> part = ackIds.subList(i, Math.min(ackIds.size(), i + PubSubLimits.MAX_BATCH_MESSAGES));
      stub.acknowledgeCallable().call(AcknowledgeRequest.newBuilder().setSubscription(subscription).addAllAckIds(pubsubAckIds(part)).build());
      part.forEach(a -> attempts.settled(messageId(a)));
    }
  }

  @Override
  public void nack(List<String> ackIds, Duration delay) {
    modify(pubsubAckIds(ackIds), PubSubLimits.deadlineSeconds(delay));
  }

  @Override
  public void extendDeadline(String ackId, Duration extension) {
    modify(List.of(pubsubAckId(ackId)), PubSubLimits.deadlineSeconds(extension));
  }

  private void modify(List<String> pubsubAckIds, int seconds) {
    for (int i = 0; i < pubsubAckIds.size(); i += PubSubLimits.MAX_BATCH_MESSAGES) {
      List<String> part = pubsubAckIds.subList(i, Math.min(pubsubAckIds.size(), i + PubSubLimits.MAX_BATCH_MESSAGES));
      stub.modifyAckDeadlineCallable().call(
          ModifyAckDeadlineRequest.newBuilder().setSubscription(subscription).addAllAckIds(part).setAckDeadlineSeconds(seconds).build());
    }
  }

  @Override
  public void deadLetter(List<DriverMessage> messages) {
    if (config.deadLetterTopic == null) {
      throw io.ysh.core.YshException.invalidArgument("no dead-letter topic configured for " + subscription);
    }
    // requests within Pub/Sub's limits (a pull may hold more than one request can carry)
    PublishRequest.Builder req = PublishRequest.newBuilder().setTopic(config.deadLetterTopic);
    long bytes = 0;
    for (DriverMessage m : messages) {
      int size = m.message().encodedSize();
      if (req.getMessagesCount() > 0
          && (req.getMessagesCount() >= PubSubLimits.MAX_BATCH_MESSAGES || bytes + size > PubSubLimits.MAX_MESSAGE_BYTES)) {
        admin.publishCallable().call(req.build());
        req.clearMessages();
        bytes = 0;
      }
      req.addMessages(PubSubTopicDriver.toPubsub(m.message()));
      bytes += size;
    }
    admin.publishCallable().call(req.build());
    // only once all are in the dead-letter topic: a failure above leaves every message where it was
    ack(messages.stream().map(DriverMessage::ackId).toList());
  }

  /**
   * One {@code GetSubscription} of the subscription, waited for at most {@code timeout} (a
   * missing subscription is {@code NOT_FOUND}, an unreachable service a passed
   * deadline).
   */
  @Override
  public void ping(Duration timeout) throws Exception {
    PubSubTopicDriver.bounded(stub.getSubscriptionCallable().futureCall(
        com.google.pubsub.v1.GetSubscriptionRequest.newBuilder().setSubscription(subscription).build(),
        GrpcCallContext.createDefault().withTimeoutDuration(timeout)), timeout);
  }

  @Override
  public ErrorMapper errorMapper() {
    return PubSubErrors::map;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    if (type.isInstance(stub)) {
      return Optional.of(type.cast(stub));
    }
    if (type.isInstance(admin)) {
      return Optional.of(type.cast(admin));
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    // the portable layer has flushed acks and nacked what was outstanding: nothing is in flight
    try {
      stub.close();
      if (!stub.awaitTermination(5, TimeUnit.SECONDS)) {
        stub.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("closing the Pub/Sub subscriber of {} failed: {}", subscription, e.toString());
    }
    admin.close();
    clients.close();
  }
}
