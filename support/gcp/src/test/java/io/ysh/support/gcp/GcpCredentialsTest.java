package io.ysh.support.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcpCredentialsTest {

  @TempDir Path dir;

  private Path serviceAccountKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String pem = "-----BEGIN PRIVATE KEY-----\\n"
        + Base64.getEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded())
        + "\\n-----END PRIVATE KEY-----\\n";
    String json = "{\"type\":\"service_account\",\"project_id\":\"p\",\"private_key_id\":\"k1\",\"private_key\":\"" + pem
        + "\",\"client_email\":\"sa@p.iam.gserviceaccount.com\",\"client_id\":\"1\","
        + "\"token_uri\":\"https://oauth2.googleapis.com/token\"}";
    Path f = dir.resolve("key.json");
    Files.writeString(f, json);
    return f;
  }

  @Test
  void aCredentialsFileGivesServiceAccountCredentials() throws Exception {
    Path key = serviceAccountKey();
    GoogleCredentials c = GcpCredentials.fromUrl(ResourceUrl.parse("gs://bucket?credentialsFile=" + key)).orElseThrow();
    assertThat(c).isInstanceOf(ServiceAccountCredentials.class);
    assertThat(((ServiceAccountCredentials) c).getClientEmail()).isEqualTo("sa@p.iam.gserviceaccount.com");
    assertThat(GcpCredentials.fromUrl(ResourceUrl.parse("gs://bucket"))).isEmpty();
  }

  @Test
  void unreadableOrMalformedFilesAreInvalidArgumentsThatQuoteNothing() throws Exception {
    assertThatThrownBy(() -> GcpCredentials.fromFile(dir.resolve("none.json").toString()))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("credentialsFile=");
        });
    Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"type\":\"service_account\",\"private_key\":\"TOPSECRET\"}");
    assertThatThrownBy(() -> GcpCredentials.fromFile(garbage.toString()))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).doesNotContain("TOPSECRET");
        });
  }
}
