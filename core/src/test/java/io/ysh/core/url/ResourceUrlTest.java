package io.ysh.core.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ResourceUrlTest {

  @Test
  void parsesEveryShapeTheDriversUse() {
    ResourceUrl s3 = ResourceUrl.parse("s3://my-bucket?region=sa-east-1&pathStyle=true");
    assertThat(s3.scheme()).isEqualTo("s3");
    assertThat(s3.host()).contains("my-bucket");
    assertThat(s3.param("region")).contains("sa-east-1");
    assertThat(s3.boolParam("pathStyle")).contains(true);

    ResourceUrl redis = ResourceUrl.parse("redis://user:p%40ss@localhost:6379/0?timeout=250ms");
    assertThat(redis.username()).contains("user");
    assertThat(redis.password()).contains(Secret.of("p@ss"));
    assertThat(redis.singleHost("server")).isEqualTo(new HostAndPort("localhost", 6379));
    assertThat(redis.path()).isEqualTo("0");
    assertThat(redis.durationParam("timeout")).contains(Duration.ofMillis(250));

    ResourceUrl sentinel = ResourceUrl.parse("redis-sentinel://mymaster@h1:26379,h2:26380,[::1]:26381/2");
    assertThat(sentinel.username()).contains("mymaster");
    assertThat(sentinel.hosts())
        .containsExactly(new HostAndPort("h1", 26379), new HostAndPort("h2", 26380), new HostAndPort("::1", 26381));

    ResourceUrl file = ResourceUrl.parse("file:///tmp/ysh%20data/quotes");
    assertThat(file.hosts()).isEmpty();
    assertThat(file.pathSegments()).containsExactly("tmp", "ysh data", "quotes");

    ResourceUrl mem = ResourceUrl.parse("mem://");
    assertThat(mem.hosts()).isEmpty();
    assertThat(mem.path()).isEmpty();

    ResourceUrl vault = ResourceUrl.parse("vault://vault.internal:8200/secret/app?namespace=team-a");
    assertThat(vault.pathSegments()).containsExactly("secret", "app");
    assertThat(vault.singleHost("server").portOr(8200)).isEqualTo(8200);
  }

  @Test
  void schemeIsCaseInsensitiveAndPlusStaysPlus() {
    ResourceUrl u = ResourceUrl.parse("RabbitMQ://localhost/orders?tag=a+b");
    assertThat(u.scheme()).isEqualTo("rabbitmq");
    assertThat(u.param("tag")).contains("a+b");
  }

  @Test
  void malformedUrlsAreInvalidArgumentsNamingTheProblem() {
    assertInvalid(null, "must not be null");
    assertInvalid("  ", "must not be empty");
    assertInvalid("localhost:6379", "expected scheme://");
    assertInvalid("1redis://h", "scheme must start with a letter");
    assertInvalid("redis://h:notaport", "a port is not a number");
    assertInvalid("redis://h:70000", "outside 1..65535");
    assertInvalid("redis://h1,,h2", "empty host");
    assertInvalid("redis://[::1", "unclosed '['");
    assertInvalid("s3://bucket/a b", "space");
    assertInvalid("s3://bucket/%zz", "bad percent-escape");
    assertInvalid("s3://bucket/%4", "truncated percent-escape");
    assertInvalid("s3://bucket/%C3%28", "not valid UTF-8");
    assertInvalid("s3://bucket#frag", "fragments");
    assertInvalid("s3://bucket?re$gion=x", "query parameter name");
  }

  @Test
  void typedParamsRejectBadValues() {
    ResourceUrl u = ResourceUrl.parse("redis://h?timeout=30&pool=many&tls=yes&retry=1&retry=2&neg=-5s");
    assertThatThrownBy(() -> u.durationParam("timeout")).hasMessageContaining("250ms, 30s");
    assertThatThrownBy(() -> u.intParam("pool")).hasMessageContaining("must be an integer");
    assertThatThrownBy(() -> u.boolParam("tls")).hasMessageContaining("true or false");
    assertThatThrownBy(() -> u.param("retry")).hasMessageContaining("given 2 times");
    assertThatThrownBy(() -> u.durationParam("neg")).hasMessageContaining("duration");
    assertThat(u.params("retry")).containsExactly("1", "2");
    assertThat(ResourceUrl.parse("x://h?t=PT5S").durationParam("t")).contains(Duration.ofSeconds(5));
    assertThat(ResourceUrl.parse("x://h?t=2m").durationParam("t")).contains(Duration.ofMinutes(2));
  }

  @Test
  void unknownParametersAreReportedSoTyposAreNotIgnored() {
    ResourceUrl u = ResourceUrl.parse("s3://b?regoin=sa-east-1");
    assertThatThrownBy(() -> u.requireKnownParams(Set.of("region", "endpoint")))
        .isInstanceOf(YshException.class)
        .hasMessageContaining("[regoin]")
        .hasMessageContaining("[endpoint, region]");
  }

  @Test
  void passwordsAndSensitiveParamsNeverAppearInToStringOrErrors() {
    ResourceUrl u = ResourceUrl.parse("redis://admin:hunter2-secret@h:6379/0?token=abc123xyz&db=1");
    assertThat(u.toString()).doesNotContain("hunter2").doesNotContain("abc123xyz").contains("admin:****@").contains("db=1");
    assertThatThrownBy(() -> ResourceUrl.parse("redis://admin:hunter2-secret@h:99999"))
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("outside 1..65535");
    assertThatThrownBy(() -> ResourceUrl.parse("redis://admin:hunter2-secret@h/%zz"))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void builtUrlsRoundTripThroughTheirStringForm() {
    Gen<String> text = strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(1, 12);
    Gen<String> name = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8);
    qt().withExamples(500)
        .forAll(name, lists().of(text).ofSizeBetween(0, 4), integers().between(1, 65535), text)
        .checkAssert(
            (host, segments, port, value) -> {
              ResourceUrl built =
                  ResourceUrl.builder("x-test")
                      .username("u " + value)
                      .host(host, port)
                      .host(host + "2", -1)
                      .path(segments.toArray(String[]::new))
                      .param("p", value)
                      .param("p", value + "!")
                      .build();
              ResourceUrl reparsed = ResourceUrl.parse(built.toString());
              assertThat(reparsed).isEqualTo(built);
              assertThat(reparsed.pathSegments()).isEqualTo(segments);
              assertThat(reparsed.params("p")).isEqualTo(List.of(value, value + "!"));
            });
  }

  @Test
  void arbitraryGarbageEitherParsesOrFailsWithInvalidArgument() {
    qt().withExamples(2000)
        .forAll(strings().allPossible().ofLengthBetween(0, 40))
        .checkAssert(
            s -> {
              try {
                ResourceUrl.parse("s3://" + s);
              } catch (YshException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
              }
            });
  }

  private static void assertInvalid(String url, String fragment) {
    assertThatThrownBy(() -> ResourceUrl.parse(url))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining(fragment);
  }
}
