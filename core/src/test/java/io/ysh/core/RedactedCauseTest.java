package io.ysh.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class RedactedCauseTest {

  private static String printed(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  @Test
  void aSecretInAnyCauseMessageIsMaskedWhereverTheChainIsPrinted() {
    IOException root = new IOException("connect to redis://app:hunter2-pass@cache:6379 failed, token hvs.CAESIsecretsecret");
    IllegalStateException middle = new IllegalStateException("wrapped; Authorization: Bearer eyJsecret.jwt.value", root);
    YshException e = YshException.builder(ErrorCode.UNAVAILABLE).detail("cache down").cause(new UncheckedIOException("outer", new IOException(middle))).build();
    String all = printed(e);
    assertThat(all).doesNotContain("hunter2").doesNotContain("CAESIsecret").doesNotContain("eyJsecret")
        .contains("java.lang.IllegalStateException (redacted)").contains("cache down");
    // Links that held nothing keep their type; the chain stays as long as the original.
    assertThat(e.getCause()).isInstanceOf(RedactedCause.class);
    int depth = 0;
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      depth++;
    }
    assertThat(depth).isEqualTo(4);
    assertThat(((RedactedCause) e.getCause().getCause().getCause()).originalClassName()).isEqualTo("java.lang.IllegalStateException");
    assertThat(e.getCause().getStackTrace()).isNotEmpty();
  }

  @Test
  void aCleanCauseStaysTheProvidersOwnException() {
    IOException clean = new IOException("connection reset");
    YshException e = YshException.builder(ErrorCode.UNAVAILABLE).cause(clean).build();
    assertThat(e.getCause()).isSameAs(clean);
  }

  @Test
  void aCyclicChainTerminates() {
    Exception a = new Exception("password=abc123");
    Exception b = new Exception("b", a);
    a.initCause(b);
    YshException e = YshException.builder(ErrorCode.INTERNAL).cause(b).build();
    assertThat(printed(e)).doesNotContain("abc123");
  }
}
