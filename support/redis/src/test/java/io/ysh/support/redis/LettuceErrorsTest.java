package io.ysh.support.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class LettuceErrorsTest {

  private static YshException map(Throwable t) {
    return LettuceErrors.plain().map(t);
  }

  @Test
  void errorRepliesMapByTheirPrefix() {
    assertThat(LettuceErrors.reply("WRONGTYPE Operation against a key holding the wrong kind of value"))
        .isEqualTo(ErrorCode.PRECONDITION_FAILED);
    assertThat(LettuceErrors.reply("ERR value is not an integer or out of range")).isEqualTo(ErrorCode.PRECONDITION_FAILED);
    assertThat(LettuceErrors.reply("ERR increment or decrement would overflow")).isEqualTo(ErrorCode.PRECONDITION_FAILED);
    assertThat(LettuceErrors.reply("NOGROUP No such key 's' or consumer group 'g'")).isEqualTo(ErrorCode.NOT_FOUND);
    for (String r : List.of("LOADING Redis is loading", "BUSY Redis is busy running a script", "TRYAGAIN", "CLUSTERDOWN",
        "MASTERDOWN", "READONLY You can't write against a read only replica.", "NOREPLICAS", "MOVED 3999 127.0.0.1:6381",
        "ASK 3999 127.0.0.1:6381", "OOM command not allowed when used memory > 'maxmemory'.")) {
      assertThat(LettuceErrors.reply(r)).as(r).isEqualTo(ErrorCode.UNAVAILABLE);
    }
    assertThat(LettuceErrors.reply("ERR unknown command 'XAUTOCLAIM', with args beginning with:")).isEqualTo(ErrorCode.UNSUPPORTED);
    assertThat(LettuceErrors.reply("ERR syntax error")).isEqualTo(ErrorCode.UNKNOWN);
  }

  @Test
  void outOfMemoryIsRetryableLikeEveryUnavailable() {
    YshException e = map(new RedisCommandExecutionException("OOM command not allowed when used memory > 'maxmemory'."));
    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void retryabilityAlwaysFollowsTheCode() {
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 40)).checkAssert(reply -> {
      YshException e = map(new RedisCommandExecutionException(reply));
      assertThat(e.code()).isEqualTo(LettuceErrors.reply(reply));
      assertThat(e.isRetryable()).isEqualTo(e.code().retryableByDefault());
    });
  }

  @Test
  void clientFailuresAndCredentials() {
    assertThat(map(new RedisConnectionException("refused", new RedisCommandExecutionException("WRONGPASS invalid username-password pair")))
        .code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(map(new RedisCommandExecutionException("NOAUTH Authentication required.")).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(map(new RedisCommandExecutionException("NOPERM this user has no permissions")).code())
        .isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(map(new RedisCommandTimeoutException("Command timed out after 1 second(s)")).code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(map(new CompletionException(new RedisConnectionException("Unable to connect"))).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(map(new RedisException("Connection closed")).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(map(new RedisException("boom", new IOException("reset"))).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(map(new RedisException("odd")).code()).isEqualTo(ErrorCode.UNKNOWN);
    try {
      assertThat(map(new RedisCommandInterruptedException(new InterruptedException())).code()).isEqualTo(ErrorCode.CANCELLED);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void configuredSecretsNeverReachTheMessage() {
    LettuceErrors errors = LettuceErrors.scrubbing(Arrays.asList("s3cr3t-pass", null, "ab"));
    YshException e = errors.map(new RedisConnectionException("handshake failed for user s3cr3t-pass"));
    assertThat(e.getMessage()).doesNotContain("s3cr3t-pass").contains("user ****");
    assertThat(LettuceErrors.plain().map(new RedisConnectionException("handshake failed for user s3cr3t-pass")).getMessage())
        .as("the redactor alone does not catch it").contains("s3cr3t-pass");
    assertThat(errors.scrub("ab ab")).isEqualTo("ab ab");
    assertThat(LettuceErrors.scrubbing(List.of())).isSameAs(LettuceErrors.plain());
  }
}
