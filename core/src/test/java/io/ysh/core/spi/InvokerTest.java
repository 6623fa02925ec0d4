package io.ysh.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class InvokerTest {

  private static final ErrorMapper FAKE_PROVIDER_MAPPER =
      t ->
          t instanceof FileNotFoundException
              ? YshException.builder(ErrorCode.NOT_FOUND).detail("no such object").cause(t).build()
              : ErrorMapper.defaults().map(t);

  private final Invoker invoker =
      Invoker.create("storage", "fake", Telemetry.noop(), ResiliencePolicy.none(), FAKE_PROVIDER_MAPPER);

  @Test
  void mapsProviderErrorsOnceAndNamesTheCall() {
    assertThatThrownBy(() -> invoker.call("get", "a/b.txt", true, () -> { throw new FileNotFoundException("a/b.txt"); }))
        .isInstanceOfSatisfying(
            YshException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
              assertThat(e.getMessage()).isEqualTo("NOT_FOUND storage.get [fake] 'a/b.txt': no such object");
              assertThat(e.getCause()).isInstanceOf(FileNotFoundException.class);
            });
  }

  @Test
  void fallsBackToTransportClassification() {
    assertThatThrownBy(() -> invoker.run("put", "k", false, () -> { throw new ConnectException("refused"); }))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
  }

  @Test
  void keepsTypedSubclassesAndExistingContext() {
    class TypedError extends YshException {
      TypedError() {
        super(YshException.builder(ErrorCode.PERMISSION_DENIED).detail("typed"));
      }
    }
    TypedError typed = new TypedError();
    assertThatThrownBy(() -> invoker.call("get", "k", true, () -> { throw typed; })).isSameAs(typed);
  }

  @Test
  void mapsFailuresOutsideCallsTheSameWay() {
    YshException e = invoker.map("get.read", "big.bin", new java.io.IOException("stream reset"));
    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(e.getMessage()).startsWith("UNAVAILABLE storage.get.read [fake] 'big.bin'");
  }
}
