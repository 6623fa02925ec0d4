package io.ysh.queue.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.net.ConnectException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/**
 * The mapping of kafka-clients exceptions to portable codes, for the failures the test broker
 * cannot produce (it has no SASL listener or ACLs); the others are exercised against the broker in
 * {@link KafkaDriverTest}.
 */
class KafkaErrorsTest {

  private static void maps(Throwable t, ErrorCode code, boolean retryable) {
    YshException y = KafkaErrors.map(t);
    assertThat(y.code()).as(t.toString()).isEqualTo(code);
    assertThat(y.isRetryable()).as(t.toString()).isEqualTo(retryable);
  }

  @Test
  void mapsKafkaExceptionsToPortableCodes() {
    maps(new UnknownTopicOrPartitionException("This server does not host this topic-partition."), ErrorCode.NOT_FOUND, false);
    maps(new SaslAuthenticationException("Authentication failed: Invalid username or password"), ErrorCode.UNAUTHENTICATED, false);
    maps(new TopicAuthorizationException("Not authorized to access topics: [orders]"), ErrorCode.PERMISSION_DENIED, false);
    maps(new GroupAuthorizationException("Not authorized to access group: billing"), ErrorCode.PERMISSION_DENIED, false);
    maps(new TimeoutException("Topic orders not present in metadata after 15000 ms."), ErrorCode.TIMEOUT, true);
    maps(new DisconnectException("disconnected"), ErrorCode.UNAVAILABLE, true);
    maps(new RecordTooLargeException("The message is 2000000 bytes"), ErrorCode.INVALID_ARGUMENT, false);
    maps(new ExecutionException(new UnknownTopicOrPartitionException("x")), ErrorCode.NOT_FOUND, false);
    maps(new KafkaException("Failed to construct kafka producer", new ConnectException("refused")), ErrorCode.UNAVAILABLE, true);
    maps(new KafkaException("something else"), ErrorCode.UNKNOWN, false);
  }

  @Test
  void secretsInJaasConfigNeverReachTheMessage() {
    // kafka-clients hides PASSWORD-typed configs; the SDK never puts a secret in an exception detail.
    KafkaSettings s = KafkaSettings.fromUrl(io.ysh.core.url.ResourceUrl.parse("kafka://app:topsecret@127.0.0.1:1/orders"));
    YshException y = KafkaErrors.open(s, new TimeoutException("Timed out waiting for a node assignment."));
    assertThat(y.getMessage()).doesNotContain("topsecret").contains("orders");
  }
}
