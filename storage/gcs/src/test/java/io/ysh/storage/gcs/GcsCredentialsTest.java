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
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.storage.ObjectStorage;
import java.io.InputStream;
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
  private static final String TARGET = "reader@ysh-project.iam.gserviceaccount.com";
  private static final String TARGET_TOKEN = "ya29.impersonated-access-token";
  private static final String GENERATE = "/v1/projects/-/serviceAccounts/" + TARGET + ":generateAccessToken";

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
    google.stubFor(post(urlEqualTo(GENERATE)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"accessToken\":\"" + TARGET_TOKEN + "\",\"expireTime\":\"2099-01-01T00:00:00Z\"}")));
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

  /**
   * The builder form of impersonation: any {@code GoogleCredentials}, here {@code
   * ImpersonatedCredentials} over a key file's, given to {@code credentials(...)}. The key's token
   * goes to a stub of the IAM Credentials API's generateAccessToken, and the target service
   * account's token it returns is the bearer of the storage request.
   */
  @Test
  void theBuilderTakesImpersonatedCredentialsAndTheTargetsTokenIsTheBearer(@TempDir Path dir) throws Exception {
    GoogleCredentials source;
    try (InputStream in = Files.newInputStream(keyFile(dir))) {
      source = GoogleCredentials.fromStream(in).createScoped("https://www.googleapis.com/auth/cloud-platform");
    }
    GoogleCredentials impersonated = ImpersonatedCredentials.newBuilder().setSourceCredentials(source).setTargetPrincipal(TARGET)
        .setScopes(List.of("https://www.googleapis.com/auth/cloud-platform")).setLifetime(3600)
        .setIamEndpointOverride("http://127.0.0.1:" + google.port() + GENERATE).build();
    try (ObjectStorage storage = ObjectStorage.builder(GcsStorageDriver.builder().bucket("bucket").projectId("ysh-project")
        .endpoint("http://127.0.0.1:" + google.port()).credentials(impersonated).build()).build()) {
      assertThat(storage.stat("report.csv").size()).isEqualTo(3);
    }
    LoggedRequest exchange = google.findAll(anyRequestedFor(urlEqualTo(GENERATE))).get(0);
    assertThat(exchange.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    LoggedRequest call = google.findAll(anyRequestedFor(urlPathEqualTo("/storage/v1/b/bucket/o/report.csv"))).get(0);
    assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + TARGET_TOKEN);
  }

  @Test
  void anonymousAndImpersonationTogetherAreRefused() {
    assertThatThrownBy(() -> ObjectStorage.open("gs://bucket?anonymous=true&impersonate=reader@p.iam.gserviceaccount.com"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
