package io.ysh.support.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.support.azure.AzureStorageConfig.Service;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AzureStorageConfigTest {

  private static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
  private static final String OTHER_KEY = "c2VjcmV0LWtleS1mb3ItdGVzdHM=";

  private static AzureStorageConfig.Builder builder(Map<String, String> env) {
    return AzureStorageConfig.builder(Service.QUEUE).environment(env::get);
  }

  private static void invalid(Executable e, String text) {
    assertThatThrownBy(e::execute).isInstanceOfSatisfying(YshException.class, y -> {
      assertThat(y.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(y.getMessage()).contains(text).doesNotContain(KEY);
    });
  }

  @Test
  void aKeyInTheUrlWinsAndTheEndpointDefaultsToTheService() {
    AzureStorageConfig c = builder(Map.of(AzureStorageConfig.ENV_KEY, OTHER_KEY)).account("acct").key(Secret.of(KEY)).build("x");
    assertThat(c.endpoint()).contains("https://acct.queue.core.windows.net");
    assertThat(AzureStorageConfig.builder(Service.BLOB).account("acct").key(Secret.of(KEY)).build("x").endpoint())
        .contains("https://acct.blob.core.windows.net");
    QueueServiceClient client = c.configure(new QueueServiceClientBuilder()).buildClient();
    assertThat(client.getAccountName()).isEqualTo("acct");
    assertThat(client.getQueueServiceUrl()).isEqualTo("https://acct.queue.core.windows.net");
    assertThat(c.toString()).doesNotContain(KEY).contains("shared key");
  }

  @Test
  void theEnvironmentGivesAConnectionStringOrAKey() {
    String cs = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + KEY
        + ";QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";
    AzureStorageConfig fromCs = builder(Map.of(AzureStorageConfig.ENV_CONNECTION_STRING, cs)).build("x");
    assertThat(fromCs.account()).contains("devstoreaccount1");
    assertThat(fromCs.toString()).doesNotContain(KEY).contains(AzureStorageConfig.ENV_CONNECTION_STRING);
    QueueServiceClient client = fromCs.configure(new QueueServiceClientBuilder()).buildClient();
    assertThat(client.getQueueServiceUrl()).isEqualTo("http://127.0.0.1:10001/devstoreaccount1");
    AzureStorageConfig fromKey = builder(Map.of(AzureStorageConfig.ENV_KEY, KEY, AzureStorageConfig.ENV_ACCOUNT, "envacct")).build("x");
    assertThat(fromKey.account()).contains("envacct");
    AzureStorageConfig urlAccount = builder(Map.of(AzureStorageConfig.ENV_KEY, KEY, AzureStorageConfig.ENV_ACCOUNT, "envacct"))
        .account("urlacct").build("x");
    assertThat(urlAccount.account()).contains("urlacct");
  }

  @Test
  void anEndpointParameterReplacesTheDefaultOne() {
    AzureStorageConfig c = AzureStorageConfig.fromUrl(
        ResourceUrl.parse("azqueue://acct@orders?endpoint=http://127.0.0.1:10001/acct"), Service.QUEUE, "acct", Secret.of(KEY))
        .build("x");
    assertThat(c.endpoint()).contains("http://127.0.0.1:10001/acct");
    assertThat(c.configure(new QueueServiceClientBuilder()).buildClient().getQueueServiceUrl())
        .isEqualTo("http://127.0.0.1:10001/acct");
  }

  @Test
  void missingOrContradictoryCredentialsAreRefused() {
    invalid(() -> builder(Map.of()).build("azqueue://acct:KEY@queue"), "name it in the URL (azqueue://");
    invalid(() -> builder(Map.of()).build("x"), AzureStorageConfig.ENV_CONNECTION_STRING);
    invalid(() -> builder(Map.of(AzureStorageConfig.ENV_KEY, KEY)).build("x"), AzureStorageConfig.ENV_ACCOUNT);
    invalid(() -> builder(Map.of()).account("acct").key(Secret.of("not base64!")).build("x"), "Base64");
    invalid(() -> builder(Map.of()).key(Secret.of(KEY)).build("x"), "account");
    invalid(() -> builder(Map.of(AzureStorageConfig.ENV_CONNECTION_STRING, "AccountName=other;AccountKey=" + KEY))
        .account("acct").build("x"), "'other'");
    invalid(() -> builder(Map.of()).account("acct").key(Secret.of(KEY)).endpoint("ftp://h").build("x"), "endpoint=");
    invalid(() -> builder(Map.of()).account("acct").key(Secret.of(KEY)).endpoint("no scheme").build("x"), "endpoint=");
  }
}
