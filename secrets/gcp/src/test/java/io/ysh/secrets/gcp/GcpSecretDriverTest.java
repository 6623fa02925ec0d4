package io.ysh.secrets.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.SecretStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Secret Manager specifics against {@link SecretManagerStub} (real gRPC; GCP has no emulator). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GcpSecretDriverTest {

  private final SecretManagerStub stub = new SecretManagerStub();

  @AfterAll
  void stop() {
    stub.close();
  }

  private static YshException ysh(Runnable r) {
    YshException e = catchThrowableOfType(YshException.class, r::run);
    assertThat(e).isNotNull();
    return e;
  }

  @Test
  void versionsAreNumbersAndNamesFollowGcpRules() {
    try (SecretStore s = SecretStore.open("gcpsm://ysh-test?endpoint=127.0.0.1:" + stub.port() + "&plaintext=true")) {
      assertThat(s.put("db-password", "one")).contains("1");
      assertThat(s.put("db-password", "two")).contains("2");
      assertThat(s.get("db-password").version()).contains("2");
      assertThat(s.get("db-password", "1").secret().reveal()).isEqualTo("one");
      assertThat(ysh(() -> s.get("db-password", "latest-ish")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      YshException slash = ysh(() -> s.get("billing/db"));
      assertThat(slash.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(slash.getMessage()).contains("letters, digits");
      assertThat(ysh(() -> s.get("db-password", "9")).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }
  }

  @Test
  void urlsAreValidated() {
    GcpSecretDriverProvider p = new GcpSecretDriverProvider();
    assertThat(ysh(() -> p.open(ResourceUrl.parse("gcpsm://proj/extra?plaintext=true&endpoint=x:1"))).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(ysh(() -> p.open(ResourceUrl.parse("gcpsm://proj?plaintext=true"))).getMessage()).contains("endpoint");
    assertThat(ysh(() -> p.open(ResourceUrl.parse("gcpsm://proj?projct=x"))).getMessage()).contains("projct");
  }
}
