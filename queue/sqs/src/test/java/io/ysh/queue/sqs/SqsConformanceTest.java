package io.ysh.queue.sqs;

import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.conformance.QueueConformance;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs the queue conformance suite against ElasticMQ 1.7.1 (strict SQS limits), started once per
 * JVM as its own process from the jars Maven copied into {@code target/elasticmq-jars}, bound to
 * 127.0.0.1 on a free port.
 */
class SqsConformanceTest extends QueueConformance {

  private static final SqsQueueDriverProvider PROVIDER = new SqsQueueDriverProvider();

  static int port;
  private SqsClient raw;

  @BeforeAll
  void startElasticMq() {
    port = startServer();
    raw = SqsCounts.client(port);
  }

  @AfterAll
  void closeClient() {
    if (raw != null) {
      raw.close();
    }
  }

  /** ElasticMQ's exact count of visible, in-flight and delayed messages. */
  @Override
  protected OptionalLong messagesLeft(String queue) {
    return OptionalLong.of(SqsCounts.messagesLeft(raw, queue));
  }

  static int startServer() {
    return ElasticMq.shared().port();
  }

  @Override
  protected String url(String queue) {
    return "sqs://test:test@" + queue + "?region=us-east-1&endpoint=http://127.0.0.1:" + port;
  }

  // Through the URL provider, as Topic.open gets it, rather than SqsQueues.builder(): the suite then also
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
    return Optional.of(new java.net.InetSocketAddress("127.0.0.1", port));
  }

  @Override
  protected TopicDriver newTopicDriverVia(String queue, String host, int proxyPort) {
    return PROVIDER.openTopic(ResourceUrl.parse(url(queue).replace("127.0.0.1:" + port, host + ":" + proxyPort)));
  }

  @Override
  protected SubscriptionDriver newSubscriptionDriverVia(String queue, String host, int proxyPort) {
    return PROVIDER.openSubscription(ResourceUrl.parse(url(queue).replace("127.0.0.1:" + port, host + ":" + proxyPort)));
  }

  @Override
  protected Optional<String> missingQueueUrl() {
    return Optional.of(url("never-created-" + UUID.randomUUID()) + "&create=false");
  }

  @Override
  protected Optional<Class<?>> nativeType() {
    return Optional.of(SqsClient.class);
  }

  @Override
  protected List<String> malformedUrls() {
    return List.of(
        "sqs:///?region=us-east-1&endpoint=http://127.0.0.1:" + port,
        "sqs://q/extra?region=us-east-1&endpoint=http://127.0.0.1:" + port,
        url("q") + "&create=perhaps",
        url("q.fifo") + "&deadLetter=plain-dlq");
  }
}
