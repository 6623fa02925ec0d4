package io.ysh.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class YshExceptionTest {

  @Test
  void messageNamesOperationProviderAndResource() {
    YshException e =
        YshException.builder(ErrorCode.NOT_FOUND)
            .operation("storage.get")
            .provider("s3")
            .resource("quotes/2026/q-1.json")
            .detail("object does not exist")
            .build();
    assertThat(e.getMessage()).isEqualTo("NOT_FOUND storage.get [s3] 'quotes/2026/q-1.json': object does not exist");
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void secretsThatSlipIntoDetailsAreRedacted() {
    YshException e =
        YshException.builder(ErrorCode.UNAUTHENTICATED)
            .detail("login failed for redis://app:Sup3rS3cret@cache:6379 with password=Sup3rS3cret")
            .resource("customers?cpfCnpj=24971563792")
            .build();
    assertThat(e.getMessage()).doesNotContain("Sup3rS3cret").doesNotContain("24971563792");
  }

  @Test
  void retryableDefaultsFollowTheCodeAndCanBeOverridden() {
    assertThat(YshException.of(ErrorCode.UNAVAILABLE, "x").isRetryable()).isTrue();
    assertThat(YshException.of(ErrorCode.TIMEOUT, "x").isRetryable()).isTrue();
    assertThat(YshException.of(ErrorCode.INVALID_ARGUMENT, "x").isRetryable()).isFalse();
    assertThat(YshException.builder(ErrorCode.UNAVAILABLE).retryable(false).build().isRetryable()).isFalse();
    YshException limited = YshException.builder(ErrorCode.RATE_LIMITED).retryAfter(Duration.ofSeconds(3)).build();
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(limited.toBuilder().operation("op").build().retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void jdkFailuresAreClassified() {
    assertThat(Errors.classify(new ConnectException("refused")).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(Errors.classify(new SocketTimeoutException("read")).code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(Errors.classify(new IOException("reset")).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(Errors.classify(new CompletionException(new SocketTimeoutException())).code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(Errors.classify(new IllegalArgumentException("bad")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(Errors.classify(new IllegalStateException("?")).code()).isEqualTo(ErrorCode.UNKNOWN);
    YshException interrupted = Errors.classify(new InterruptedException());
    assertThat(interrupted.code()).isEqualTo(ErrorCode.CANCELLED);
    assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
    YshException same = YshException.of(ErrorCode.NOT_FOUND, "x");
    assertThat(Errors.classify(same)).isSameAs(same);
  }
}
