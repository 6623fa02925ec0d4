package io.ysh.secrets.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretStore;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code env://} against real variables of this JVM (set by surefire's
 * {@code environmentVariables} in this module's pom) and the URL rules of the embedded drivers.
 */
class EnvSecretStoreTest {

  private static YshException ysh(Runnable r) {
    YshException e = catchThrowableOfType(YshException.class, r::run);
    assertThat(e).isNotNull();
    return e;
  }

  @Test
  void readsARealEnvironmentVariableThroughTheConventionalName() {
    assertThat(System.getenv("YSH_SECRETS_TEST_DB_PASSWORD"))
        .as("surefire sets this variable; run the test through Maven")
        .isNotNull();
    try (SecretStore env = SecretStore.open("env://?prefix=YSH_SECRETS_TEST_")) {
      assertThat(env.provider()).isEqualTo("env");
      assertThat(env.get("db-password").secret().reveal()).isEqualTo("from-the-real-environment");
      assertThat(env.get("DB_PASSWORD").secret().reveal()).isEqualTo("from-the-real-environment");
      assertThat(env.get("db-password").labels()).containsEntry("env.variable", "YSH_SECRETS_TEST_DB_PASSWORD");
      assertThat(env.list("").collect(Collectors.toSet())).contains("DB_PASSWORD", "API_KEY");
      assertThat(env.list("API").collect(Collectors.toList())).containsExactly("API_KEY");
    }
  }

  @Test
  void aMissingVariableIsNotFoundAndNamesBothForms() {
    try (SecretStore env = SecretStore.open("env://?prefix=YSH_SECRETS_TEST_")) {
      YshException e = ysh(() -> env.get("no-such/thing"));
      assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
      assertThat(e.getMessage()).contains("YSH_SECRETS_TEST_NO_SUCH_THING");
    }
  }

  @Test
  void envIsReadOnlyAndSaysSo() {
    try (SecretStore env = SecretStore.open("env://")) {
      assertThat(env.capabilities()).containsExactly(SecretCapability.LIST);
      YshException e = ysh(() -> env.put("x", "y"));
      assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
      assertThat(e.getMessage()).contains("PUT");
      assertThat(ysh(() -> env.delete("x")).code()).isEqualTo(ErrorCode.UNSUPPORTED);
      assertThat(ysh(() -> env.get("x", "1")).code()).isEqualTo(ErrorCode.UNSUPPORTED);
    }
  }

  @Test
  void exactNamesWinOverTheConventionalForm() {
    try (SecretStore env = SecretStore.builder(new EnvSecretDriver(Map.of("db.url", "exact", "DB_URL", "conventional"), "")).build()) {
      assertThat(env.get("db.url").secret().reveal()).isEqualTo("exact");
      assertThat(env.get("DB_URL").secret().reveal()).isEqualTo("conventional");
    }
  }

  @Test
  void badUrlsAreInvalidArgument() {
    assertThat(ysh(() -> SecretStore.open("env://?prefx=APP_")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(ysh(() -> SecretStore.open("env://somehost")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(ysh(() -> SecretStore.open("file://relative/dir")).getMessage()).contains("three slashes");
    assertThat(ysh(() -> SecretStore.open("file:///no/such/dir/ysh")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(ysh(() -> SecretStore.open("env://?cacheStaleIfError=5m")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void aSchemeWhoseDriverIsMissingNamesTheArtifact() {
    YshException e = ysh(() -> SecretStore.open("vault://127.0.0.1:8200/secret"));
    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
    assertThat(e.getMessage()).contains("io.ysh:ysh-secrets-vault");
    YshException unknown = ysh(() -> SecretStore.open("keepass://x"));
    assertThat(unknown.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(unknown.getMessage()).contains("awssm://");
  }

  @Test
  void cacheParametersInTheUrlTurnCachingOn() {
    try (SecretStore env = SecretStore.open("env://?prefix=YSH_SECRETS_TEST_&cacheTtl=1m&cacheRefreshAhead=10s")) {
      assertThat(env.cachePolicy().enabled()).isTrue();
      assertThat(env.cachePolicy().ttl()).hasSeconds(60);
      env.get("api-key");
      env.get("api-key");
      assertThat(env.cacheStats().hits()).isEqualTo(1);
      assertThat(env.cacheStats().misses()).isEqualTo(1);
    }
  }
}
