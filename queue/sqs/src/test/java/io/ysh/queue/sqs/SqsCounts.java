package io.ysh.queue.sqs;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Broker-side counts for the tests' "nothing left" checks: ElasticMQ's counts are exact. */
final class SqsCounts {

  private SqsCounts() {}

  /** A raw client for the ElasticMQ on {@code port}. */
  static SqsClient client(int port) {
    return SqsClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }

  /** Visible, in-flight and delayed messages of {@code queue}; 0 when there is no such queue. */
  static long messagesLeft(SqsClient raw, String queue) {
    String url;
    try {
      url = raw.getQueueUrl(r -> r.queueName(queue)).queueUrl();
    } catch (QueueDoesNotExistException e) {
      return 0;
    }
    Map<QueueAttributeName, String> a = raw.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    return a.values().stream().mapToLong(Long::parseLong).sum();
  }
}
