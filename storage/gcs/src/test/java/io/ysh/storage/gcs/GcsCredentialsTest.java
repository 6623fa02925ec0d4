package io.ysh.storage.gcs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.storage.ObjectStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gs://} hands the credentials of {@code credentialsFile=} to the client: the service
 * account key's JWT grant goes to a stub of Google's token endpoint (the key file's {@code
 * token_uri}), and the access token it returns is the {@code Authorization: Bearer} of the JSON
 * API request to a stub of GCS.
 *
 * <p>Not testable offline: Application Default Credentials from the metadata server (GCE, GKE
 * Workload Identity, Cloud Run), impersonation against the real IAM Credentials API (the exchange is
 * tested against a stub in ysh-support-gcp) and workload identity federation against Google's STS.
 */
class GcsCredentialsTest {

  private static final String TOKEN = "ya29.gcs-stub-access-token";

  private WireMockServer google;

  @BeforeEach
  void start() {
    google = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    google.start();
    google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
    google.stubFor(get(urlPathMatching("/storage/v1/b/bucket/o/report.csv")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"kind\":\"storage#object\",\"name\":\"report.csv\","
            + "\"bucket\":\"bucket\",\"size\":\"3\",\"etag\":\"CAE=\",\"generation\":\"1\",\"metageneration\":\"1\","
            + "\"contentType\":\"text/csv\",\"updated\":\"2026-12-07T10:00:00.000Z\"}")));
  }

  @AfterEach
  void stop() {
    google.stop();
  }

  private Path keyFile(Path dir) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String pem = "-----BEGIN PRIVATE KEY-----\\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.UTF_8)).encodeToString(g.generateKeyPair().getPrivate().getEncoded())
            .replace("\r", "").replace("\n", "\\n")
        + "\\n-----END PRIVATE KEY-----\\n";
    Path f = dir.resolve("sa.json");
    Files.writeString(f, "{\"type\":\"service_account\",\"project_id\":\"ysh-project\",\"private_key_id\":\"k1\","
        + "\"private_key\":\"" + pem + "\",\"client_email\":\"ysh-gcs@ysh-project.iam.gserviceaccount.com\","
        + "\"client_id\":\"1\",\"token_uri\":\"http://127.0.0.1:" + google.port() + "/token\"}");
    return f;
  }

  @Test
  void aServiceAccountKeyFilesTokenIsTheBearerOfTheStorageRequest(@TempDir Path dir) throws Exception {
    String url = "gs://bucket?project=ysh-project&endpoint=http://127.0.0.1:" + google.port() + "&credentialsFile=" + keyFile(dir);
    try (ObjectStorage storage = ObjectStorage.open(url)) {
      assertThat(storage.stat("report.csv").size()).isEqualTo(3);
    }
    List<LoggedRequest> grants = google.findAll(anyRequestedFor(urlEqualTo("/token")));
    assertThat(grants).isNotEmpty();
    assertThat(grants.get(0).getBodyAsString()).contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer");
    LoggedRequest call = google.findAll(anyRequestedFor(urlPathEqualTo("/storage/v1/b/bucket/o/report.csv"))).get(0);
    assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void anonymousAndImpersonationTogetherAreRefused() {
    assertThatThrownBy(() -> ObjectStorage.open("gs://bucket?anonymous=true&impersonate=reader@p.iam.gserviceaccount.com"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
