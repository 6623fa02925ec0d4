package io.ysh.queue.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import io.ysh.queue.Topic;
import io.ysh.queue.spi.TopicDriver;
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
 * The driver hands the credentials it is given to the Google clients it builds: the builder's
 * {@code credentials(...)} (any {@code GoogleCredentials}, {@code ImpersonatedCredentials}
 * included) and the URL's {@code credentialsFile=} + {@code impersonate=}. Offline: opening a
 * topic with {@code create=false} against a TLS endpoint makes no call, and the admin client's
 * settings show the credentials it will send.
 *
 * <p>Not tested offline: the bearer on the wire. gRPC sends Google credentials only over TLS and
 * the emulator is plaintext (it takes none); the token exchanges themselves (key file JWT grant,
 * IAM Credentials generateAccessToken) are tested against stubs in ysh-support-gcp, and over
 * HTTP end to end by GcsCredentialsTest.
 */
class PubSubCredentialsTest {

  private static final String TARGET = "reader@ysh-project.iam.gserviceaccount.com";

  @Test
  void theBuilderHandsImpersonatedCredentialsToTheClients() throws Exception {
    GoogleCredentials source = GoogleCredentials.create(new AccessToken("ya29.source", new Date(Long.MAX_VALUE / 2)));
    GoogleCredentials impersonated = ImpersonatedCredentials.newBuilder().setSourceCredentials(source).setTargetPrincipal(TARGET)
        .setScopes(List.of("https://www.googleapis.com/auth/cloud-platform")).setLifetime(3600).build();
    TopicDriver driver = PubSubQueues.builder().project("ysh-project").topic("orders").endpoint("127.0.0.1:1")
        .credentials(impersonated).buildTopicDriver();
    try (Topic topic = Topic.builder(driver).build()) {
      assertThat(topic.unwrap(TopicAdminClient.class).getSettings().getCredentialsProvider().getCredentials()).isSameAs(impersonated);
    }
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
    try (Topic topic = Topic.open("gcppubsub://projects/ysh-project/topics/orders?endpoint=127.0.0.1:1&plaintext=false"
        + "&credentialsFile=" + key + "&impersonate=" + TARGET)) {
      assertThat(topic.unwrap(TopicAdminClient.class).getSettings().getCredentialsProvider().getCredentials())
          .isInstanceOfSatisfying(ImpersonatedCredentials.class, c -> {
            assertThat(c.getAccount()).isEqualTo(TARGET);
            assertThat(c.getSourceCredentials().getClass().getSimpleName()).isEqualTo("ServiceAccountCredentials");
          });
    }
  }
}
