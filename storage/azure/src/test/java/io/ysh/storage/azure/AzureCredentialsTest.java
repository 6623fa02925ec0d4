package io.ysh.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.sas.AccountSasPermission;
import com.azure.storage.common.sas.AccountSasResourceType;
import com.azure.storage.common.sas.AccountSasService;
import com.azure.storage.common.sas.AccountSasSignatureValues;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.StorageCapability;
import io.ysh.testkit.server.azure.Azurite;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Credentials of {@code azblob://} beside the shared key: a SAS token from the URL and the builder
 * against Azurite, a {@link TokenCredential} handed to the client, and the error when Entra ID is
 * needed and azure-identity is not on the class path (it is not on this module's test class path,
 * as it is not on an application's that does not add it).
 *
 * <p>Not testable offline: Entra ID against real Blob Storage (Azurite does not check Entra ID
 * tokens; the token exchange with Entra ID is tested against a stub in ysh-support-azure), and
 * user delegation SAS signed URLs (Azurite serves Get User Delegation Key only with OAuth over
 * HTTPS).
 */
class AzureCredentialsTest {

  private static String container() {
    return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  private static String accountSas() {
    BlobServiceClient admin = new BlobServiceClientBuilder().endpoint(Azurite.blobEndpoint())
        .credential(new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.KEY)).buildClient();
    return admin.generateAccountSas(new AccountSasSignatureValues(OffsetDateTime.now().plusHours(1),
        AccountSasPermission.parse("rwdlacup"), AccountSasService.parse("b"), AccountSasResourceType.parse("sco")));
  }

  @Test
  void aSasTokenInTheUrlWritesAndReadsWithoutTheAccountKey() {
    String sas = accountSas();
    String c = container();
    ResourceUrl url = ResourceUrl.builder("azblob").host(Azurite.ACCOUNT, -1).path(c)
        .param("endpoint", Azurite.blobEndpoint()).param("sas", sas).build();
    String signature = sas.substring(sas.indexOf("sig=") + 4);
    assertThat(url.toString()).doesNotContain(signature);
    AzureStorageDriver driver = (AzureStorageDriver) new AzureStorageDriverProvider().open(url);
    driver.unwrap(com.azure.storage.blob.BlobContainerClient.class).orElseThrow().create();
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      storage.put("sas/hello.txt", "over SAS".getBytes(StandardCharsets.UTF_8));
      assertThat(new String(storage.getBytes("sas/hello.txt"), StandardCharsets.UTF_8)).isEqualTo("over SAS");
      // a SAS cannot sign another one: the capability is not declared
      assertThat(storage.supports(StorageCapability.SIGNED_URL)).isFalse();
    }
  }

  @Test
  void aSasTokenFromTheBuilderWorksAndABadOneIsRefusedUnquoted() {
    String c = container();
    AzureStorageDriver driver = AzureStorageDriver.builder().account(Azurite.ACCOUNT).sas(Secret.of(accountSas()))
        .endpoint(Azurite.blobEndpoint()).container(c).build();
    driver.unwrap(com.azure.storage.blob.BlobContainerClient.class).orElseThrow().create();
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      storage.put("k", new byte[] {1, 2, 3});
      assertThat(storage.getBytes("k")).containsExactly(1, 2, 3);
    }
    String unsigned = "sv=2024-08-04&ss=b&srt=sco&sp=r&se=2031-05-05";
    assertThatThrownBy(() -> AzureStorageDriver.builder().account(Azurite.ACCOUNT).sas(Secret.of(unsigned))
        .endpoint(Azurite.blobEndpoint()).container(c).build())
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).doesNotContain("2031-05-05");
        });
  }

  @Test
  void aSasWithoutWriteRightsIsRefusedByTheServiceAsPermissionDenied() {
    String c = container();
    AzureStorageDriver.builder().account(Azurite.ACCOUNT, Secret.of(Azurite.KEY)).endpoint(Azurite.blobEndpoint())
        .container(c).build().unwrap(com.azure.storage.blob.BlobContainerClient.class).orElseThrow().create();
    BlobServiceClient admin = new BlobServiceClientBuilder().endpoint(Azurite.blobEndpoint())
        .credential(new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.KEY)).buildClient();
    String readOnly = admin.generateAccountSas(new AccountSasSignatureValues(OffsetDateTime.now().plusHours(1),
        AccountSasPermission.parse("rl"), AccountSasService.parse("b"), AccountSasResourceType.parse("sco")));
    AzureStorageDriver driver = AzureStorageDriver.builder().account(Azurite.ACCOUNT).sas(Secret.of(readOnly))
        .endpoint(Azurite.blobEndpoint()).container(c).build();
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      assertThatThrownBy(() -> storage.put("k", new byte[] {1}))
          .isInstanceOfSatisfying(YshException.class, e -> {
            assertThat(e.code()).isIn(ErrorCode.PERMISSION_DENIED, ErrorCode.UNAUTHENTICATED);
            assertThat(e.getMessage()).doesNotContain(readOnly.substring(readOnly.indexOf("sig=") + 4));
          });
    }
  }

  @Test
  void aTokenCredentialGivenToTheBuilderIsAskedForABlobStorageToken() throws Exception {
    List<String> scopes = new CopyOnWriteArrayList<>();
    TokenCredential credential = request -> {
      scopes.addAll(request.getScopes());
      // failing here ends the call at once (the SDK does not retry a credential's failure)
      return Mono.<AccessToken>error(new IllegalStateException("the test's credential gives no token"));
    };
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    // nothing listens there: the call fails once the client has asked the credential for a token
    AzureStorageDriver driver = AzureStorageDriver.builder().account("acct").credential(credential)
        .endpoint("https://127.0.0.1:" + port + "/acct").container(container()).timeout(Duration.ofSeconds(5)).build();
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      assertThatThrownBy(() -> storage.stat("k")).isInstanceOf(YshException.class);
      assertThat(storage.supports(StorageCapability.SIGNED_URL)).isTrue(); // user delegation SAS
    }
    assertThat(scopes).contains("https://storage.azure.com/.default");
  }

  @Test
  void withoutAKeyTheUrlAsksForEntraIdAndNamesTheMissingArtifact() {
    assertThatThrownBy(() -> ObjectStorage.open("azblob://acct/" + container()))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
          assertThat(e.getMessage()).contains("com.azure:azure-identity").contains("sas=");
        });
    assertThatThrownBy(() -> AzureStorageDriver.builder().account("acct").container(container()).build())
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.getMessage()).contains("com.azure:azure-identity"));
  }

  @Test
  void unknownParametersAreStillRefused() {
    assertThatThrownBy(() -> ObjectStorage.open("azblob://acct/" + container() + "?sasToken=x"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
