package io.ysh.queue.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading {@code gcppubsub://} URLs (no server: every case fails or succeeds before I/O). */
class PubSubUrlTest {

  private static final Map<String, String> NO_ENV = Map.of();

  private static PubSubConfig parse(String url) {
    return parse(url, NO_ENV);
  }

  private static PubSubConfig parse(String url, Map<String, String> env) {
    return PubSubConfig.fromUrl(ResourceUrl.parse(url), env::get);
  }

  private static void invalid(String url) {
    assertThatThrownBy(() -> parse(url))
        .as(url)
        .isInstanceOf(YshException.class)
        .satisfies(e -> assertThat(((YshException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void aTopicUrlInGoCdkForm() {
    PubSubConfig c = parse("gcppubsub://projects/my-proj/topics/orders");
    assertThat(c.project).isEqualTo("my-proj");
    assertThat(c.topic).contains("projects/my-proj/topics/orders");
    assertThat(c.subscription).isEmpty();
    assertThat(c.emulator).isEmpty();
    assertThat(c.create).isFalse();
    assertThat(c.deadLetterTopic).isEqualTo("projects/my-proj/topics/orders-dlq");
    assertThat(c.maxBatchMessages).isEqualTo(1000);
  }

  @Test
  void aSubscriptionUrlInGoCdkForm() {
    PubSubConfig c = parse("gcppubsub://projects/my-proj/subscriptions/billing?ackDeadline=45s&maxAttempts=5&nackDelay=2s");
    assertThat(c.subscription).contains("projects/my-proj/subscriptions/billing");
    assertThat(c.topic).isEmpty();
    assertThat(c.ackDeadline).contains(Duration.ofSeconds(45));
    assertThat(c.deadLetterTopic).isEqualTo("projects/my-proj/topics/billing-dlq");
  }

  @Test
  void theOtherResourceByParameterShortOrFull() {
    PubSubConfig t = parse("gcppubsub://projects/p1/topics/orders?subscription=billing&deadLetter=projects/p2/topics/dead");
    assertThat(t.subscription).contains("projects/p1/subscriptions/billing");
    assertThat(t.deadLetterTopic).isEqualTo("projects/p2/topics/dead");
    PubSubConfig s = parse("gcppubsub://projects/p1/subscriptions/billing?topic=projects/other-proj/topics/orders&create=true");
    assertThat(s.topic).contains("projects/other-proj/topics/orders");
    assertThat(s.create).isTrue();
  }

  @Test
  void endpointMeansTheEmulatorUnlessPlaintextIsFalse() {
    assertThat(parse("gcppubsub://projects/p/topics/tpc?endpoint=127.0.0.1:8085").emulator).contains("127.0.0.1:8085");
    PubSubConfig tls = parse("gcppubsub://projects/p/topics/tpc?endpoint=us-east1-pubsub.googleapis.com:443&plaintext=false");
    assertThat(tls.emulator).isEmpty();
    assertThat(tls.endpoint).contains("us-east1-pubsub.googleapis.com:443");
    invalid("gcppubsub://projects/p/topics/tpc?plaintext=false");
    invalid("gcppubsub://projects/p/topics/tpc?endpoint=localhost");
    invalid("gcppubsub://projects/p/topics/tpc?endpoint=localhost:99999");
  }

  @Test
  void pubsubEmulatorHostIsHonouredWhenNoEndpointIsGiven() {
    Map<String, String> env = Map.of("PUBSUB_EMULATOR_HOST", "localhost:8681");
    assertThat(parse("gcppubsub://projects/p/topics/tpc", env).emulator).contains("localhost:8681");
    assertThat(parse("gcppubsub://projects/p/topics/tpc?endpoint=127.0.0.1:1234", env).emulator).contains("127.0.0.1:1234");
  }

  @Test
  void malformedUrlsAreRejectedWithTheExpectedForm() {
    invalid("gcppubsub://my-proj/orders");
    invalid("gcppubsub://projects/my-proj/orders");
    invalid("gcppubsub://projects/my-proj/topic/orders");
    invalid("gcppubsub://projects/my-proj/topics/orders/extra");
    invalid("gcppubsub://projects:8085/my-proj/topics/orders");
    invalid("gcppubsub://projects/My_Proj!/topics/orders");
    invalid("gcppubsub://projects/my-proj/topics/ab");
    invalid("gcppubsub://projects/my-proj/topics/1orders");
    invalid("gcppubsub://projects/my-proj/topics/goog-orders");
    invalid("gcppubsub://projects/my-proj/topics/orders?topic=other");
    invalid("gcppubsub://projects/my-proj/subscriptions/billing?subscription=other");
    invalid("gcppubsub://projects/my-proj/topics/orders?subscription=projects/p/topics/wrong-kind");
    invalid("gcppubsub://projects/my-proj/topics/orders?ackDeadline=601s");
    invalid("gcppubsub://projects/my-proj/topics/orders?ackDeadline=500ms");
    invalid("gcppubsub://projects/my-proj/topics/orders?maxBatchMessages=1001");
    invalid("gcppubsub://projects/my-proj/topics/orders?maxBatchBytes=0");
    invalid("gcppubsub://projects/my-proj/topics/orders?noSuchParam=1");
    invalid("gcppubsub://projects/my-proj/topics/orders?create=maybe");
  }

  @Test
  void aTopicNeedsATopicAndASubscriptionNeedsASubscriptionBeforeAnyIo() {
    assertThatThrownBy(() -> Topic.open("gcppubsub://projects/p/subscriptions/billing?endpoint=127.0.0.1:1"))
        .isInstanceOf(YshException.class)
        .hasMessageContaining("topic=");
    assertThatThrownBy(() -> Subscription.open("gcppubsub://projects/p/topics/orders?endpoint=127.0.0.1:1"))
        .isInstanceOf(YshException.class)
        .hasMessageContaining("subscription=");
  }

  @Test
  void validNamesRoundTripIntoFullPaths() {
    qt().forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 1),
            strings().allPossible().ofLengthBetween(2, 60).map(s -> s.replaceAll("[^A-Za-z0-9._~+-]", "-")),
            integers().between(0, 1))
        .assuming((first, rest, kind) -> !(first + rest).toLowerCase().startsWith("goog"))
        .checkAssert((first, rest, kind) -> {
          String name = first + rest;
          String k = kind == 0 ? "topics" : "subscriptions";
          PubSubConfig c = parse("gcppubsub://projects/proj-1/" + k + "/" + name);
          String expected = "projects/proj-1/" + k + "/" + name;
          assertThat(kind == 0 ? c.topic.orElseThrow() : c.subscription.orElseThrow()).isEqualTo(expected);
        });
  }

  @Test
  void theBuilderChecksWhatTheUrlChecks() {
    assertThatThrownBy(() -> PubSubQueues.builder().topic("orders").buildTopicDriver()).hasMessageContaining("project");
    assertThatThrownBy(() -> PubSubQueues.builder().project("Bad Project")).isInstanceOf(YshException.class);
    assertThatThrownBy(() -> PubSubQueues.builder().project("p1-x").topic("orders").batching(0, 10).config()).hasMessageContaining("maxBatchMessages");
    assertThatThrownBy(() -> PubSubQueues.builder().project("p1-x").emulatorEndpoint("nope")).hasMessageContaining("host:port");
    PubSubConfig c = PubSubQueues.builder().project("p1-x").subscription("s-one").topic("t-one").deadLetter("dead-one").create(true).config();
    assertThat(c.topic).contains("projects/p1-x/topics/t-one");
    assertThat(c.deadLetterTopic).isEqualTo("projects/p1-x/topics/dead-one");
    assertThat(c.toString()).doesNotContain("credential");
  }
}
