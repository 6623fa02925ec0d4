package io.ysh.queue.pubsub;

import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.cloud.pubsub.v1.stub.GrpcSubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStubSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Google clients of one driver. For the emulator they share one plaintext channel
 * without credentials (closed with the driver); otherwise each client makes its own TLS
 * channel with the given credentials or Application Default Credentials.
 */
final class PubSubClients implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PubSubClients.class);

  private final PubSubConfig config;
  private final ManagedChannel channel;
  private final TransportChannelProvider fixedChannel;
  private final CredentialsProvider credentials;

  PubSubClients(PubSubConfig config) {
    this.config = config;
    if (config.emulator.isPresent()) {
      channel = ManagedChannelBuilder.forTarget(config.emulator.get()).usePlaintext().maxInboundMessageSize(Integer.MAX_VALUE).build();
      fixedChannel = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
      credentials = NoCredentialsProvider.create();
    } else {
      channel = null;
      fixedChannel = null;
      credentials = config.credentials.<CredentialsProvider>map(FixedCredentialsProvider::create)
          .orElseGet(() -> TopicAdminSettings.defaultCredentialsProviderBuilder().build());
    }
  }

  /**
   * A publisher that sends what it is given when {@link Publisher#publishAllOutstanding()} is
   * called (the portable layer has batched already), with message ordering enabled so ordering
   * keys are kept, and one attempt per request, bounded by the publish timeout: retries are the
   * portable layer's decision (and it never retries Pub/Sub publishes, which cannot be
   * deduplicated).
   */
  Publisher publisher(String topic) throws IOException {
    Duration timeout = config.publishTimeout;
    Publisher.Builder b = Publisher.newBuilder(topic)
        .setEnableMessageOrdering(true)
        .setCredentialsProvider(credentials)
        .setBatchingSettings(BatchingSettings.newBuilder()
            .setElementCountThreshold((long) config.maxBatchMessages)
            .setRequestByteThreshold((long) PubSubLimits.MAX_MESSAGE_BYTES)
            .setDelayThresholdDuration(Duration.ofMillis(10))
            .build())
        .setRetrySettings(RetrySettings.newBuilder()
            .setMaxAttempts(1)
            .setRpcTimeoutMultiplier(1.0)
            .setTotalTimeoutDuration(timeout)
            .setInitialRpcTimeoutDuration(timeout)
            .setMaxRpcTimeoutDuration(timeout)
            .build());
    if (fixedChannel != null) {
      b.setChannelProvider(fixedChannel);
    } else if (config.endpoint.isPresent()) {
      b.setEndpoint(config.endpoint.get());
    }
    return b.build();
  }

  TopicAdminClient topicAdmin() throws IOException {
    TopicAdminSettings.Builder s = TopicAdminSettings.newBuilder().setCredentialsProvider(credentials);
    if (fixedChannel != null) {
      s.setTransportChannelProvider(fixedChannel);
    } else if (config.endpoint.isPresent()) {
      s.setEndpoint(config.endpoint.get());
    }
    return TopicAdminClient.create(s.build());
  }

  SubscriptionAdminClient subscriptionAdmin() throws IOException {
    SubscriptionAdminSettings.Builder s = SubscriptionAdminSettings.newBuilder().setCredentialsProvider(credentials);
    if (fixedChannel != null) {
      s.setTransportChannelProvider(fixedChannel);
    } else if (config.endpoint.isPresent()) {
      s.setEndpoint(config.endpoint.get());
    }
    return SubscriptionAdminClient.create(s.build());
  }

  /** The synchronous pull stub, without retries of its own: the portable layer retries. */
  SubscriberStub subscriber() throws IOException {
    SubscriberStubSettings.Builder s = SubscriberStubSettings.newBuilder().setCredentialsProvider(credentials);
    if (fixedChannel != null) {
      s.setTransportChannelProvider(fixedChannel);
    } else {
      s.setTransportChannelProvider(SubscriberStubSettings.defaultGrpcTransportProviderBuilder().setMaxInboundMessageSize(Integer.MAX_VALUE).build());
      config.endpoint.ifPresent(s::setEndpoint);
    }
    s.applyToAllUnaryMethods(m -> {
      m.setRetryableCodes(Set.of());
      return null;
    });
    return GrpcSubscriberStub.create(s.build());
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.shutdown();
      try {
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
          channel.shutdownNow();
        }
      } catch (InterruptedException e) {
        channel.shutdownNow();
        Thread.currentThread().interrupt();
      }
      LOG.debug("closed the Pub/Sub emulator channel to {}", config.emulator.orElse(""));
    }
  }
}
