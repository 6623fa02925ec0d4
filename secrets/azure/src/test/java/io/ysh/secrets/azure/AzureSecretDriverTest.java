package io.ysh.secrets.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.secrets.SecretStore;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Key Vault specifics against {@link KeyVaultStub} (WireMock protocol stub over HTTPS; no Key
 * Vault emulator exists): the bearer challenge, tags, soft delete, naming rules, errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureSecretDriverTest {

  private final KeyVaultStub stub = new KeyVaultStub();
  private final com.azure.core.http.HttpClient http = KeyVaultStub.insecureHttpClient();

  @AfterAll
  void stop() {
    stub.close();
  }

  private SecretStore store(boolean purge) {
    return SecretStore.builder(AzureSecretDriver.builder(stub.vaultUrl(), stub.credential()).httpClient(http)
            .disableChallengeResourceVerification().purgeOnDelete(purge).deletePollInterval(Duration.ofMillis(20)).build())
        .resilience(ResiliencePolicy.none())
        .build();
  }

  private static YshException ysh(Runnable r) {
    YshException e = catchThrowableOfType(YshException.class, r::run);
    assertThat(e).isNotNull();
    return e;
  }

  @Test
  void theClientAnswersTheBearerChallengeWithTheCredentialsToken() {
    try (SecretStore s = store(true)) {
      s.put("challenge-1", "v");
      // azure-core caches a vault's challenge per JVM, so only the first client is challenged.
      assertThat(stub.challenges.get()).as("the bearer challenge was answered").isGreaterThan(0);
      assertThat(stub.scopesAsked).contains("https://vault.azure.net/.default");
      assertThat(s.get("challenge-1").secret().reveal()).isEqualTo("v");
    }
  }

  @Test
  void tagsBecomeLabelsAndVersionsAreKeyVaultIds() {
    try (SecretStore s = store(true)) {
      SecretClient raw = s.unwrap(SecretClient.class);
      KeyVaultSecret tagged = new KeyVaultSecret("tagged-1", "one");
      tagged.getProperties().setTags(Map.of("owner", "billing"));
      String v1 = raw.setSecret(tagged).getProperties().getVersion();
      String v2 = s.put("tagged-1", "two").orElseThrow();
      assertThat(v2).hasSize(32).isNotEqualTo(v1);
      assertThat(s.get("tagged-1").version()).contains(v2);
      assertThat(s.get("tagged-1", v1).labels()).containsEntry("owner", "billing");
      assertThat(s.get("tagged-1").createdTime()).isPresent();
    }
  }

  @Test
  void withoutPurgeADeletedNameIsReservedAndSaysSo() {
    try (SecretStore s = store(false)) {
      s.put("soft-1", "x");
      s.delete("soft-1");
      assertThat(ysh(() -> s.get("soft-1")).code()).isEqualTo(ErrorCode.NOT_FOUND);
      YshException reuse = ysh(() -> s.put("soft-1", "y"));
      assertThat(reuse.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
      assertThat(reuse.getMessage()).contains("deleted but recoverable");
    }
  }

  @Test
  void namesFollowKeyVaultRules() {
    try (SecretStore s = store(true)) {
      YshException e = ysh(() -> s.get("billing/db"));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains("letters, digits and '-'");
      assertThat(ysh(() -> s.get("under_score")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
  }

  @Test
  void aRejectedTokenIsUnauthenticatedAndAnOutageUnavailable() {
    try (SecretStore s = store(true)) {
      s.put("errors-1", "x");
      stub.tokenRevoked = true;
      try {
        YshException e = ysh(() -> s.get("errors-1"));
        assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(e.getMessage()).doesNotContain(KeyVaultStub.TOKEN);
      } finally {
        stub.tokenRevoked = false;
      }
      stub.unavailable = true;
      try {
        YshException down = ysh(() -> s.get("errors-1"));
        assertThat(down.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(down.isRetryable()).isTrue();
      } finally {
        stub.unavailable = false;
      }
    }
  }

  @Test
  void urlOpeningNeedsAzureIdentityAndSaysSo() {
    YshException e = ysh(() -> SecretStore.open("azurekv://my-vault"));
    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
    assertThat(e.getMessage()).contains("com.azure:azure-identity");
    assertThat(ysh(() -> SecretStore.open("azurekv://my-vault/path")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(ysh(() -> AzureSecretDriver.builder("http://insecure", stub.credential())).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }
}
