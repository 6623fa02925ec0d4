package io.ysh.queue.azure;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.conformance.QueueConformance;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import io.ysh.testkit.server.azure.Azurite;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the queue conformance suite against Azurite's queue service (see {@link Azurite}: npm
 * package {@code azurite} 3.37.0, started once per JVM on a free 127.0.0.1 port, in memory, with
 * the well-known development account). Skipped, with a message, when Azurite cannot be had.
 */
class AzureQueueConformanceTest extends QueueConformance {

  private static final AzureQueueDriverProvider PROVIDER = new AzureQueueDriverProvider();

  private String endpoint;
  private QueueServiceClient raw;

  @BeforeAll
  void startAzurite() {
    endpoint = Azurite.queueEndpoint();
    raw = AzureCounts.client(endpoint);
  }

  /** The queue's message count, which includes invisible (in-flight) messages. */
  @Override
  protected OptionalLong messagesLeft(String queue) {
    return OptionalLong.of(AzureCounts.messagesLeft(raw, queue));
  }

  @Override
  protected String url(String queue) {
    return "azqueue://" + Azurite.ACCOUNT + ":" + Azurite.KEY.replace("/", "%2F").replace("+", "%2B") + "@" + queue
        + "?endpoint=" + endpoint;
  }

  // Through the URL provider, as Topic.open gets it, rather than AzureQueues.builder(): the suite then also
  // proves the URL reading of every subscription option; the builder has its own tests.
  @Override
  protected TopicDriver newTopicDriver(String queue) {
    return PROVIDER.openTopic(ResourceUrl.parse(url(queue)));
  }

  @Override
  protected SubscriptionDriver newSubscriptionDriver(SubscriptionSpec spec) {
    return PROVIDER.openSubscription(ResourceUrl.parse(spec.appendTo(url(spec.queue()))));
  }

  @Override
  protected Optional<java.net.InetSocketAddress> brokerAddress() {
    java.net.URI u = java.net.URI.create(endpoint);
    return Optional.of(new java.net.InetSocketAddress(u.getHost(), u.getPort()));
  }

  @Override
  protected TopicDriver newTopicDriverVia(String queue, String host, int port) {
    return PROVIDER.openTopic(ResourceUrl.parse(via(url(queue), host, port)));
  }

  @Override
  protected SubscriptionDriver newSubscriptionDriverVia(String queue, String host, int port) {
    return PROVIDER.openSubscription(ResourceUrl.parse(via(url(queue), host, port)));
  }

  private String via(String url, String host, int port) {
    java.net.URI u = java.net.URI.create(endpoint);
    return url.replace(endpoint, endpoint.replace(u.getHost() + ":" + u.getPort(), host + ":" + port));
  }

  @Override
  protected Optional<String> missingQueueUrl() {
    return Optional.of(url("never-created-" + UUID.randomUUID().toString().substring(0, 8)) + "&create=false");
  }

  @Override
  protected Optional<Class<?>> nativeType() {
    return Optional.of(QueueClient.class);
  }

  @Override
  protected List<String> malformedUrls() {
    return List.of(
        // without a key the account uses Entra ID or a SAS; a SAS without its signature is malformed
        "azqueue://" + Azurite.ACCOUNT + "@q?endpoint=" + endpoint + "&sas=sv%3D2024-08-04%26sp%3Dr",
        url("q").replace("@q?", "@q/extra?"),
        url("q") + "&create=perhaps");
  }
}
