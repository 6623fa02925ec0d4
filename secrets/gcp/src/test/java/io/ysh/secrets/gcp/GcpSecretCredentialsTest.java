package io.ysh.secrets.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import io.ysh.secrets.SecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credentials reach the Secret Manager client: the URL's {@code credentialsFile=} +
 * {@code impersonate=} become the client's {@code ImpersonatedCredentials}, and the builder form
 * (the driver over your own client) keeps the credentials of your client's settings, impersonated
 * ones included. Offline: creating the client against a TLS endpoint makes no call.
 *
 * <p>Not tested offline: the bearer on the wire. gRPC sends Google credentials only over TLS and
 * the protocol stub is plaintext; the token exchanges (key file JWT grant, IAM Credentials
 * generateAccessToken) are tested against stubs in ysh-support-gcp, and end to end over HTTP by
 * ysh-storage-gcs's GcsCredentialsTest.
 */
class GcpSecretCredentialsTest {

  private static final String TARGET = "reader@ysh-project.iam.gserviceaccount.com";

  private static GoogleCredentials credentialsOf(SecretStore store) throws Exception {
    return (GoogleCredentials) store.unwrap(SecretManagerServiceClient.class).getSettings().getCredentialsProvider().getCredentials();
  }

  @Test
  void theUrlsImpersonateWrapsTheKeyFilesCredentials(@TempDir Path dir) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String pem = "-----BEGIN PRIVATE KEY-----\\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.UTF_8)).encodeToString(g.generateKeyPair().getPrivate().getEncoded())
            .replace("\r", "").replace("\n", "\\n")
        + "\\n-----END PRIVATE KEY-----\\n";
    Path key = dir.resolve("sa.json");
    Files.writeString(key, "{\"type\":\"service_account\",\"project_id\":\"ysh-project\",\"private_key_id\":\"k1\","
        + "\"private_key\":\"" + pem + "\",\"client_email\":\"source@ysh-project.iam.gserviceaccount.com\","
        + "\"client_id\":\"1\",\"token_uri\":\"http://127.0.0.1:1/token\"}");
    try (SecretStore store = SecretStore.open("gcpsm://ysh-project?endpoint=127.0.0.1:1&credentialsFile=" + key
        + "&impersonate=" + TARGET + "&delegates=middle@ysh-project.iam.gserviceaccount.com")) {
      assertThat(credentialsOf(store)).isInstanceOfSatisfying(ImpersonatedCredentials.class, c -> {
        assertThat(c.getAccount()).isEqualTo(TARGET);
        assertThat(c.getSourceCredentials().getClass().getSimpleName()).isEqualTo("ServiceAccountCredentials");
      });
    }
  }

  @Test
  void theBuilderFormKeepsTheImpersonatedCredentialsOfYourClient() throws Exception {
    GoogleCredentials source = GoogleCredentials.create(new AccessToken("ya29.source", new Date(Long.MAX_VALUE / 2)));
    GoogleCredentials impersonated = ImpersonatedCredentials.newBuilder().setSourceCredentials(source).setTargetPrincipal(TARGET)
        .setScopes(List.of("https://www.googleapis.com/auth/cloud-platform")).setLifetime(3600).build();
    SecretManagerServiceClient client = SecretManagerServiceClient.create(SecretManagerServiceSettings.newBuilder()
        .setEndpoint("127.0.0.1:1").setCredentialsProvider(FixedCredentialsProvider.create(impersonated)).build());
    try (SecretStore store = SecretStore.builder(GcpSecretDriver.builder(client).project("ysh-project").ownsClient(true).build()).build()) {
      assertThat(credentialsOf(store)).isSameAs(impersonated);
    }
  }
}
