package io.ysh.core.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile passwords in resource URLs: any character, unencoded, for every scheme the SDK
 * registers. The password must come back intact and never show in a message or a
 * {@code toString}, whether the URL parses or not.
 */
class ResourceUrlPasswordTest {

  /** Every scheme a storage, cache, secrets or queue driver of the SDK registers. */
  static final List<String> SCHEMES =
      List.of(
          "file", "mem", "s3", "minio", "azblob", "gs", // storage
          "redis", "rediss", "redis-sentinel", "redis-cluster", // cache
          "env", "vault", "awssm", "azurekv", "gcpsm", // secrets
          "sqs", "azqueue", "gcppubsub", "rabbitmq", "kafka", "redis-stream"); // queues

  private static final Gen<String> SCHEME = Generate.pick(SCHEMES);
  private static final Gen<String> ASCII = strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(8, 40);
  private static final Gen<String> BASE64_KEY =
      strings().betweenCodePoints(0, 63).ofLengthBetween(8, 88).map(ResourceUrlPasswordTest::base64)
          .map(k -> k + "==");
  private static final Gen<String> UNICODE =
      strings().betweenCodePoints(0xa0, 0x10ffff).ofLengthBetween(8, 20)
          .map(ResourceUrlPasswordTest::wellFormed)
          .mix(ASCII.zip(strings().betweenCodePoints(0x400, 0x4ff).ofLengthBetween(2, 6), (a, b) -> b + a + b), 50);
  private static final Gen<String> PASSWORD = ASCII.mix(BASE64_KEY, 40).mix(UNICODE, 35);

  private static String base64(String codes) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    StringBuilder sb = new StringBuilder();
    codes.codePoints().forEach(c -> sb.append(alphabet.charAt(c)));
    return sb.toString();
  }

  // Drops lone surrogates (strings().betweenCodePoints works on code points, but be sure).
  private static String wellFormed(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().filter(c -> c < 0xd800 || c > 0xdfff).forEach(sb::appendCodePoint);
    return sb.length() >= 4 ? sb.toString() : sb + "pässwörd";
  }

  @Test
  void aPasswordOfAnyCharactersParsesIntactAndNeverShows() {
    qt().withExamples(1000)
        .forAll(SCHEME, PASSWORD)
        .checkAssert(
            (scheme, password) -> {
              String url = scheme + "://app:" + password + "@host-1:1234/path/x?region=sa-east-1";
              Throwable t = catchThrowable(() -> ResourceUrl.parse(url));
              if (t != null) {
                // The one refusal allowed: a password starting with a port-like number then
                // '/', '?' which reads as host:port just as well. It must not quote anything.
                assertThat(t).isInstanceOf(YshException.class);
                assertThat(((YshException) t).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                assertThat(t.getMessage()).contains("ambiguous").doesNotContain(password);
                assertThat(password).matches("(?s)[0-9]{1,5}(,[^/?#@,]+)*[/?].*");
                return;
              }
              ResourceUrl u = ResourceUrl.parse(url);
              if (password.indexOf('%') < 0) {
                assertThat(u.password()).contains(Secret.of(password));
              }
              assertThat(u.username()).contains("app");
              assertThat(u.hosts()).containsExactly(new HostAndPort("host-1", 1234));
              assertThat(u.path()).isEqualTo("path/x");
              assertThat(u.param("region")).contains("sa-east-1");
              assertThat(u.toString()).isEqualTo(scheme + "://app:****@host-1:1234/path/x?region=sa-east-1");
              Throwable later = catchThrowable(() -> u.singleHost("bucket").host().substring(99));
              assertThat(later).isNotNull();
              Throwable unknown = catchThrowable(() -> u.requireKnownParams(java.util.Set.of()));
              assertThat(unknown.getMessage()).doesNotContain(password);
            });
  }

  @Test
  void aMalformedUrlHoldingAPasswordNeverQuotesIt() {
    Gen<String> breakage =
        Generate.pick(
            List.of(
                "S://app:%s@host:99999/x",
                "S://app:%s@host/%%zz",
                "S://app:%s@host/a b",
                "S://app:%s@host/x#frag",
                "S://app:%s@h,,h/x",
                "S://app:%s@[::1/x",
                "S://app:%s@host:12ab/x",
                "S://app:%s@host/x?bad name=1",
                "S://app:%s@host/x?%%ff%%fe=1",
                "app:%s@host/x",
                "S:/app:%s@host/x",
                "S:app:%s@host",
                "1S://app:%s@host",
                "S://app:%s",
                "S://app:%s@",
                "S://:%s@host:0"));
    qt().withExamples(1000)
        .forAll(SCHEME, PASSWORD, breakage)
        .checkAssert(
            (scheme, password, shape) -> {
              String url = shape.replace("S:", scheme + ":").formatted(password);
              ResourceUrl parsed;
              try {
                parsed = ResourceUrl.parse(url);
              } catch (YshException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                assertThat(e.getMessage()).doesNotContain(password);
                assertThat(e.toString()).doesNotContain(password);
                return;
              }
              assertThat(parsed.toString()).doesNotContain(password);
            });
  }

  @Test
  void passwordsWithEveryDelimiterKeepTheirHostPathAndQuery() {
    ResourceUrl u = ResourceUrl.parse("azblob://acct:a/b?c#d@e:f+g==@acct/container/dir?endpoint=http://127.0.0.1:1");
    assertThat(u.password()).contains(Secret.of("a/b?c#d@e:f+g=="));
    assertThat(u.host()).contains("acct");
    assertThat(u.path()).isEqualTo("container/dir");
    assertThat(u.param("endpoint")).contains("http://127.0.0.1:1");
    assertThat(u.toString()).doesNotContain("a/b").doesNotContain("f+g");

    // An '@' in the user name (an e-mail) and in the password.
    ResourceUrl mail = ResourceUrl.parse("rabbitmq://me@corp.com:p@ss@broker:5672/orders");
    assertThat(mail.username()).contains("me@corp.com");
    assertThat(mail.password()).contains(Secret.of("p@ss"));
    assertThat(mail.host()).contains("broker");

    // No user info: an '@' in the path or query of a URL without ':' before it stays there.
    assertThat(ResourceUrl.parse("s3://bucket/key@2x").path()).isEqualTo("key@2x");
    assertThat(ResourceUrl.parse("s3://bucket?x=a@b").param("x")).contains("a@b");
    assertThat(ResourceUrl.parse("azqueue://acct@orders?endpoint=http://127.0.0.1:10001/acct").username()).contains("acct");

    // A stray '%' is part of the password; a well-formed escape is decoded.
    assertThat(ResourceUrl.parse("redis://:100%zz@h/0").password()).contains(Secret.of("100%zz"));
    assertThat(ResourceUrl.parse("redis://:p%40ss@h/0").password()).contains(Secret.of("p@ss"));
  }

  @Test
  void aHostPortFollowedByAnAtSignIsRefusedAsAmbiguousWithoutQuotingTheUrl() {
    assertThatThrownBy(() -> ResourceUrl.parse("redis://h:6379/0?mail=someone@example.com"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("ambiguous")
        .hasMessageContaining("%40")
        .hasMessageNotContaining("someone");
    assertThatThrownBy(() -> ResourceUrl.parse("redis://app:123/secret-rest@h:6379/0"))
        .hasMessageContaining("ambiguous")
        .hasMessageNotContaining("secret-rest");
    assertThat(ResourceUrl.parse("redis://h:6379/0?mail=someone%40example.com").param("mail")).contains("someone@example.com");
  }

  /** Found by the property on CI: "user:password" with the "@host" forgotten reads as host:port. */
  @Test
  void aForgottenHostNeverQuotesAPasswordThatReadsAsAPort() {
    for (String url : List.of("file://app:0/hhhhhh==", "redis://app:99999/s3cr3t", "s3://app:12ab/x?y=z")) {
      Throwable t = catchThrowable(() -> ResourceUrl.parse(url));
      assertThat(t).isInstanceOf(YshException.class);
      String after = url.substring(url.indexOf("://app:") + 7);
      assertThat(t.getMessage()).doesNotContain(after).doesNotContain(after.substring(0, after.indexOf('/') < 0 ? after.length() : after.indexOf('/')));
    }
  }
}
