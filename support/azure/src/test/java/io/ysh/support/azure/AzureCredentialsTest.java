package io.ysh.support.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.support.azure.AzureStorageConfig.CredentialSource;
import io.ysh.support.azure.AzureStorageConfig.Service;
import java.net.ServerSocket;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Azure Storage credentials beside the shared key: SAS tokens, any {@link TokenCredential}, and
 * Microsoft Entra ID through {@code DefaultAzureCredential} when nothing else is given, with one
 * error naming azure-identity when it is missing (hidden here by a class loader).
 *
 * <p>Not testable offline: that Azure itself accepts the Entra ID token of a managed identity or
 * workload identity (no emulator issues or checks Entra ID tokens; Azurite's OAuth mode accepts any
 * well-formed token). The token exchange with Entra ID is tested against a stub in {@link
 * EntraIdTokenExchangeTest}; that the client asks the credential for a storage token is tested here.
 */
class AzureCredentialsTest {

  private static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
  private static final String SAS = "sv=2024-08-04&ss=q&srt=sco&sp=rwdlacup&se=2030-01-01T00%3A00%3A00Z&sig=c2VjcmV0U2lnbmF0dXJlVGhhdE11c3ROb3RMZWFr";
  private static final String SIG = "c2VjcmV0U2lnbmF0dXJlVGhhdE11c3ROb3RMZWFr";

  /** Hides azure-identity, as on an application's class path without it. */
  private static final ClassLoader WITHOUT_IDENTITY = new ClassLoader(AzureCredentialsTest.class.getClassLoader()) {
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("com.azure.identity.")) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }
  };

  /** Records what the client asks for; answers a token. */
  static final class RecordingCredential implements TokenCredential {
    final List<String> scopes = new CopyOnWriteArrayList<>();

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      scopes.addAll(request.getScopes());
      return Mono.just(new AccessToken("recorded-token", OffsetDateTime.now().plusHours(1)));
    }
  }

  private static AzureStorageConfig.Builder builder() {
    return AzureStorageConfig.builder(Service.QUEUE).environment(Map.<String, String>of()::get);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aSasTokenFromTheUrlIsHandedToTheClientAndNeverShown() {
    ResourceUrl url = ResourceUrl.builder("azqueue").username("acct").host("orders", -1).param("sas", SAS).build();
    AzureStorageConfig c = AzureStorageConfig.fromUrl(url, Service.QUEUE, "acct", null)
        .environment(Map.<String, String>of()::get).build("x");
    assertThat(c.credentialSource()).isEqualTo(CredentialSource.SAS);
    assertThat(c.tokenCredential()).isEmpty();
    QueueServiceClient client = c.configure(new QueueServiceClientBuilder()).buildClient();
    assertThat(client.getQueueServiceUrl()).isEqualTo("https://acct.queue.core.windows.net");
    assertThat(c.toString()).contains("SAS token").doesNotContain(SIG);
    assertThat(url.toString()).doesNotContain(SIG);
    assertThat(builder().account("acct").sas(Secret.of("?" + SAS)).build("x").credentialSource()).isEqualTo(CredentialSource.SAS);
  }

  @Test
  void aSasTokenWithoutSignatureIsRefusedWithoutQuotingIt() {
    String unsigned = "sv=2024-08-04&ss=q&sp=r&se=2030-01-01";
    assertThatThrownBy(() -> builder().account("acct").sas(Secret.of(unsigned)).build("x"))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("sig=").doesNotContain("2030-01-01");
        });
  }

  @Test
  void severalExplicitCredentialsAreRefused() {
    assertThatThrownBy(() -> builder().account("acct").key(Secret.of(KEY)).sas(Secret.of(SAS)).build("x"))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("one credential").doesNotContain(KEY).doesNotContain(SIG);
        });
    assertThatThrownBy(() -> builder().account("acct").sas(Secret.of(SAS)).tokenCredential(new RecordingCredential()).build("x"))
        .isInstanceOf(YshException.class);
  }

  @Test
  void aTokenCredentialIsAskedForAStorageTokenByTheClient() throws Exception {
    RecordingCredential credential = new RecordingCredential();
    // Azure sends tokens over HTTPS only; nothing listens on this port, so the call fails after the
    // client asked the credential for its token
    AzureStorageConfig c = builder().account("acct").tokenCredential(credential)
        .endpoint("https://127.0.0.1:" + closedPort() + "/acct").build("x");
    assertThat(c.credentialSource()).isEqualTo(CredentialSource.TOKEN_CREDENTIAL);
    assertThat(c.tokenCredential()).containsSame(credential);
    QueueServiceClient client = c.configure(new QueueServiceClientBuilder())
        .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, 5, null, null, null)).buildClient();
    assertThatThrownBy(client::getProperties).isInstanceOf(RuntimeException.class);
    assertThat(credential.scopes).contains("https://storage.azure.com/.default");
    assertThat(c.toString()).contains("token credential");
  }

  @Test
  void withoutAnyCredentialANamedAccountUsesDefaultAzureCredential() {
    AzureStorageConfig c = builder().account("acct").build("azqueue://account:KEY@queue");
    assertThat(c.credentialSource()).isEqualTo(CredentialSource.DEFAULT_AZURE_CREDENTIAL);
    assertThat(c.tokenCredential()).get().extracting(t -> t.getClass().getSimpleName()).isEqualTo("DefaultAzureCredential");
    assertThat(c.endpoint()).contains("https://acct.queue.core.windows.net");
    // a client id or tenant asks for Entra ID even when the environment has a key
    AzureStorageConfig chosen = AzureStorageConfig.builder(Service.BLOB)
        .environment(Map.of(AzureStorageConfig.ENV_KEY, KEY)::get)
        .account("acct").clientId("00000000-0000-0000-0000-000000000001").tenantId("contoso.onmicrosoft.com").build("x");
    assertThat(chosen.credentialSource()).isEqualTo(CredentialSource.DEFAULT_AZURE_CREDENTIAL);
  }

  @Test
  void withoutAzureIdentityTheErrorNamesTheArtifactAndTheAlternatives() {
    assertThatThrownBy(() -> builder().identityLoader(WITHOUT_IDENTITY).account("acct").build("azqueue://account:KEY@queue"))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
          assertThat(e.getMessage()).contains(AzureIdentity.ARTIFACT).contains("account key in the URL (azqueue://")
              .contains("sas=").contains("TokenCredential").contains(AzureStorageConfig.ENV_CONNECTION_STRING);
        });
    // Key Vault's path gives the same error
    assertThatThrownBy(() -> AzureIdentity.defaultCredential(WITHOUT_IDENTITY, null, null, "use the builder"))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
          assertThat(e.getMessage()).contains(AzureIdentity.ARTIFACT).contains("use the builder");
        });
    // a key needs no azure-identity
    assertThat(builder().identityLoader(WITHOUT_IDENTITY).account("acct").key(Secret.of(KEY)).build("x").credentialSource())
        .isEqualTo(CredentialSource.SHARED_KEY);
  }

  @Test
  void theUrlParametersChooseTheIdentity() {
    ResourceUrl url = ResourceUrl.parse("azurekv://vault?clientId=00000000-0000-0000-0000-000000000002&tenantId=t");
    assertThat(AzureIdentity.fromUrl(url, "x").getClass().getSimpleName()).isEqualTo("DefaultAzureCredential");
    assertThat(AzureStorageConfig.URL_PARAMETERS).contains("endpoint", "sas", "clientId", "tenantId");
    assertThat(AzureIdentity.URL_PARAMETERS).containsExactlyInAnyOrder("clientId", "tenantId");
  }

  @Test
  void noAccountAtAllIsStillAnInvalidArgument() {
    assertThatThrownBy(() -> builder().build("azqueue://account:KEY@queue"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
