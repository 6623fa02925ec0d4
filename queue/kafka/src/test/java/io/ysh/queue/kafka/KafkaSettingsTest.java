package io.ysh.queue.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** URL parsing and builder validation; no broker needed (all failures happen before any I/O). */
class KafkaSettingsTest {

  private static KafkaSettings parse(String url) {
    return KafkaSettings.fromUrl(ResourceUrl.parse(url));
  }

  private static void invalid(Runnable r, String messagePart) {
    assertThatThrownBy(r::run)
        .isInstanceOf(YshException.class)
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining(messagePart);
  }

  @Test
  void parsesHostTopicGroupAndDefaults() {
    KafkaSettings s = parse("kafka://127.0.0.1:9092/orders?group=billing");
    assertThat(s.bootstrapServers).isEqualTo("127.0.0.1:9092");
    assertThat(s.topic).isEqualTo("orders");
    assertThat(s.group).isEqualTo("billing");
    assertThat(s.partitions).isEqualTo(1);
    assertThat(s.create).isTrue();
    assertThat(s.deadLetter).isEqualTo("orders.dlq");
    assertThat(s.properties).isEmpty();

    KafkaSettings d = parse("kafka://broker/orders");
    assertThat(d.bootstrapServers).as("default port").isEqualTo("broker:9092");
    assertThat(d.group).isEqualTo("ysh.orders");
  }

  @Test
  void severalHostsFormTheBootstrapList() {
    KafkaSettings s = parse("kafka://k1:9092,k2:9093,k3/orders?partitions=6&create=false&deadLetter=orders-dead&maxAttempts=5&nackDelay=2s&ackDeadline=30s");
    assertThat(s.bootstrapServers).isEqualTo("k1:9092,k2:9093,k3:9092");
    assertThat(s.partitions).isEqualTo(6);
    assertThat(s.create).isFalse();
    assertThat(s.deadLetter).isEqualTo("orders-dead");
  }

  @Test
  void userAndPasswordBecomeSaslWithTheSecretKeptApart() {
    KafkaSettings s = parse("kafka://app:s3cr%22et@k1:9094/orders?sasl=scram-sha-512&tls=true");
    assertThat(s.properties).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    assertThat(s.secretProperties).containsOnlyKeys("sasl.jaas.config");
    assertThat(s.secretProperties.get("sasl.jaas.config").reveal())
        .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"app\" password=\"s3cr\\\"et\";");
    assertThat(s.toString()).doesNotContain("s3cr");
    Map<String, Object> common = s.common("x");
    assertThat(common).containsKey("sasl.jaas.config");

    KafkaSettings plain = parse("kafka://app:pw@k1/orders");
    assertThat(plain.properties).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "PLAIN");
    assertThat(parse("kafka://k1/orders?tls=true").properties).containsEntry("security.protocol", "SSL");
  }

  @Test
  void badUrlsAreInvalidArguments() {
    invalid(() -> parse("kafka:///orders"), "bootstrap server");
    invalid(() -> parse("kafka://k1:9092"), "topic");
    invalid(() -> parse("kafka://k1:9092/a/b"), "topic");
    invalid(() -> parse("kafka://k1:9092/bad%20name"), "not a legal Kafka topic name");
    invalid(() -> parse("kafka://k1:9092/" + "x".repeat(250)), "not a legal Kafka topic name");
    invalid(() -> parse("kafka://k1:9092/orders?partitions=0"), "partitions");
    invalid(() -> parse("kafka://k1:9092/orders?partitions=many"), "partitions");
    invalid(() -> parse("kafka://k1:9092/orders?deadLetter=no/slash"), "deadLetter");
    invalid(() -> parse("kafka://k1:9092/orders?group=%20"), "group");
    invalid(() -> parse("kafka://k1:9092/orders?sasl=GSSAPI&x=1"), "x");
    invalid(() -> parse("kafka://u:p@k1:9092/orders?sasl=GSSAPI"), "sasl");
    invalid(() -> parse("kafka://k1:9092/orders?sasl=PLAIN"), "user name");
    invalid(() -> parse("kafka://k1:9092/orders?grup=typo"), "grup");
  }

  @Test
  void builderRejectsOwnedPropertiesAndNeverPrintsSecrets() {
    KafkaQueues.Builder b = KafkaQueues.builder().bootstrapServers("127.0.0.1:1").topic("t")
        .secretProperty("ssl.keystore.password", Secret.of("hunter2"));
    assertThat(b.toString()).contains("ssl.keystore.password").doesNotContain("hunter2");
    assertThat(b.settings().toString()).doesNotContain("hunter2");
    invalid(() -> b.property("enable.auto.commit", "true"), "enable.auto.commit");
    invalid(() -> b.property("value.deserializer", "x"), "value.deserializer");
    invalid(() -> KafkaQueues.builder().topic("t").settings(), "bootstrap");
    invalid(() -> KafkaQueues.builder().bootstrapServers("h:1").settings(), "topic");
    invalid(() -> KafkaQueues.builder().bootstrapServers("h:1").topic("t").partitions(0).settings(), "partitions");
  }

  @Test
  void portableOpenRejectsBadUrlsBeforeConnecting() {
    invalid(() -> Topic.open("kafka://127.0.0.1:1/orders?noSuchParam=1"), "noSuchParam");
    invalid(() -> Subscription.open("kafka://127.0.0.1:1/"), "topic");
  }
}
