package io.ysh.queue.pubsub;

import com.google.cloud.pubsub.v1.TopicAdminClient;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.conformance.QueueConformance;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the queue conformance suite against Google's Pub/Sub emulator (see {@link PubSubEmulator}:
 * its own JVM, once per test JVM, 127.0.0.1 on a free port). Each queue name {@code q} becomes
 * topic {@code q} and subscription {@code q} ({@code create=true} makes both on open, so messages
 * published before the subscription is opened wait for it). Skipped, with a message, when the
 * emulator is not installed.
 *
 * <p>The suite's 3 s ack deadline is below Pub/Sub's 10 s minimum for a subscription; the driver
 * applies it to each pulled message with ModifyAckDeadline, so the timing tests stay short.
 */
class PubSubConformanceTest extends QueueConformance {

  private static final PubSubQueueDriverProvider PROVIDER = new PubSubQueueDriverProvider();

  private String endpoint;

  /** Per test, so that each test is reported as skipped (with the reason) when there is no emulator. */
  @BeforeEach
  void startEmulator() {
    endpoint = PubSubEmulator.endpoint();
  }

  @Override
  protected String url(String queue) {
    return "gcppubsub://projects/" + PubSubEmulator.PROJECT + "/topics/" + queue + "?subscription=" + queue + "&create=true&endpoint=" + endpoint;
  }

  // Through the URL provider, as Topic.open gets it, rather than PubSubQueues.builder(): the suite then also
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
  protected Optional<String> missingQueueUrl() {
    return Optional.of("gcppubsub://projects/" + PubSubEmulator.PROJECT + "/topics/never-created-" + UUID.randomUUID().toString().substring(0, 8)
        + "?endpoint=" + endpoint);
  }

  @Override
  protected Optional<java.net.InetSocketAddress> brokerAddress() {
    int colon = endpoint.lastIndexOf(':');
    return Optional.of(new java.net.InetSocketAddress(endpoint.substring(0, colon), Integer.parseInt(endpoint.substring(colon + 1))));
  }

  @Override
  protected TopicDriver newTopicDriverVia(String queue, String host, int port) {
    return PROVIDER.openTopic(ResourceUrl.parse(url(queue).replace("endpoint=" + endpoint, "endpoint=" + host + ":" + port)));
  }

  @Override
  protected SubscriptionDriver newSubscriptionDriverVia(String queue, String host, int port) {
    return PROVIDER.openSubscription(ResourceUrl.parse(url(queue).replace("endpoint=" + endpoint, "endpoint=" + host + ":" + port)));
  }

  @Override
  protected Optional<Class<?>> nativeType() {
    return Optional.of(TopicAdminClient.class);
  }
}
