package io.ysh.queue.pubsub;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.TopicDriver;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes through the client library's {@link Publisher}: each batch the portable layer hands
 * over is added and flushed at once ({@code publishAllOutstanding}), so one batch becomes one
 * Publish request (or a few, per ordering key). Message ordering is enabled on the publisher, so
 * ordering keys are kept; after a failed publish the keys of the batch are resumed, since the
 * publisher pauses a key after a failure.
 */
final class PubSubTopicDriver implements TopicDriver {

  private static final Logger LOG = LoggerFactory.getLogger(PubSubTopicDriver.class);
  /** Flushes tried when the publisher's own executor races the flush; see {@link #flushOutstanding}. */
  private static final int MAX_FLUSHES = 10;

  private final PubSubConfig config;
  private final String topic;
  private final PubSubClients clients;
  private final Publisher publisher;
  private final TopicAdminClient admin;
  private final QueueCapabilities caps;

  private PubSubTopicDriver(PubSubConfig config, String topic, PubSubClients clients, Publisher publisher, TopicAdminClient admin) {
    this.config = config;
    this.topic = topic;
    this.clients = clients;
    this.publisher = publisher;
    this.admin = admin;
    this.caps = PubSubLimits.capabilities(config.maxBatchMessages, config.maxBatchBytes);
  }

  static PubSubTopicDriver open(PubSubConfig config) {
    String topic = config.requireTopic();
    PubSubClients clients = new PubSubClients(config);
    TopicAdminClient admin = null;
    Publisher publisher = null;
    try {
      TopicAdminClient a = PubSubErrors.open(topic, clients::topicAdmin);
      admin = a;
      if (config.create) {
        PubSubErrors.open(topic, () -> {
          PubSubAdmin.ensureTopic(a, topic);
          if (config.subscription.isPresent()) {
            // so that what is published now waits for the subscription's first consumer
            PubSubAdmin.ensureSubscription(clients, config, config.subscription.get());
          }
          return null;
        });
      }
      publisher = PubSubErrors.open(topic, () -> clients.publisher(topic));
      return new PubSubTopicDriver(config, topic, clients, publisher, admin);
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
    return topic;
  }

  @Override
  public QueueCapabilities capabilities() {
    return caps;
  }

  static PubsubMessage toPubsub(Message m) {
    PubsubMessage.Builder b = PubsubMessage.newBuilder().setData(ByteString.copyFrom(m.body())).putAllAttributes(m.attributes());
    m.orderingKey().ifPresent(b::setOrderingKey);
    return b.build();
  }

  @Override
  public List<String> sendBatch(List<Message> batch) throws Exception {
    List<PubsubMessage> messages = new ArrayList<>(batch.size());
    for (Message m : batch) {
      messages.add(toPubsub(m));
    }
    List<ApiFuture<String>> futures = new ArrayList<>(batch.size());
    for (PubsubMessage m : messages) {
      futures.add(publisher.publish(m));
    }
    flushOutstanding();
    try {
      return ApiFutures.allAsList(futures).get();
    } catch (ExecutionException e) {
      Set<String> keys = new LinkedHashSet<>();
      for (Message m : batch) {
        m.orderingKey().ifPresent(keys::add);
      }
      keys.forEach(publisher::resumePublish);
      throw e;
    }
  }

  /**
   * Sends what the publisher holds. {@code Publisher.publishAllOutstanding} iterates a map that the
   * publisher's own executor changes while it sends (googleapis/java-pubsub#2377) and can fail with
   * a {@code ConcurrentModificationException}. Nothing is lost then: every message is already in
   * the publisher, and what the interrupted flush did not send, the next flush or the batching
   * delay does. So flush again instead of failing a batch whose messages are on their way (the
   * portable layer would publish them a second time).
   */
  private void flushOutstanding() {
    for (int attempt = 1; ; attempt++) {
      try {
        publisher.publishAllOutstanding();
        return;
      } catch (ConcurrentModificationException e) {
        if (attempt == MAX_FLUSHES) {
          return; // the batching delay sends the rest; the futures below wait for it
        }
        Thread.onSpinWait();
      }
    }
  }

  /**
   * One {@code GetTopic} of the topic, waited for at most {@code timeout} (a missing topic is
   * {@code NOT_FOUND}, an unreachable service a passed deadline).
   */
  @Override
  public void ping(java.time.Duration timeout) throws Exception {
    bounded(admin.getTopicCallable().futureCall(com.google.pubsub.v1.GetTopicRequest.newBuilder().setTopic(topic).build(),
        com.google.api.gax.grpc.GrpcCallContext.createDefault().withTimeoutDuration(timeout)), timeout);
  }

  /**
   * Waits for a ping's call at most {@code timeout}: the call's deadline bounds each attempt, but
   * the client's retry settings retry an unreachable service for up to a minute, so the wait is
   * bounded here and the call cancelled after it.
   */
  static void bounded(com.google.api.core.ApiFuture<?> call, java.time.Duration timeout) throws Exception {
    try {
      call.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    } catch (java.util.concurrent.TimeoutException e) {
      call.cancel(true);
      throw e;
    }
  }

  @Override
  public ErrorMapper errorMapper() {
    return PubSubErrors::map;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    if (type.isInstance(publisher)) {
      return Optional.of(type.cast(publisher));
    }
    if (type.isInstance(admin)) {
      return Optional.of(type.cast(admin));
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    try {
      publisher.shutdown();
      if (!publisher.awaitTermination(config.publishTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("the Pub/Sub publisher of {} did not finish within {}", topic, config.publishTimeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("closing the Pub/Sub publisher of {} failed: {}", topic, e.toString());
    }
    admin.close();
    clients.close();
  }
}
