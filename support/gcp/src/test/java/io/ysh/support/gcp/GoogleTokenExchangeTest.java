package io.ysh.support.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google's OAuth exchanges against a stub of the token endpoint and of the IAM Credentials API: a
 * service-account key file ({@code credentialsFile=}) signs a JWT grant (RS256, checked here with
 * the key's public half) and gets the access token the clients then send as {@code Authorization:
 * Bearer}; {@code impersonate=} trades that token for the target service account's.
 *
 * <p>Not testable offline: the metadata server (GCE, GKE Workload Identity, Cloud Run), gcloud user
 * credentials, and workload identity federation against Google's real STS.
 */
class GoogleTokenExchangeTest {

  private static final String EMAIL = "ysh-tests@ysh-project.iam.gserviceaccount.com";
  private static final String TARGET = "reader@ysh-project.iam.gserviceaccount.com";
  private static final String SOURCE_TOKEN = "ya29.source-access-token";
  private static final String TARGET_TOKEN = "ya29.impersonated-access-token";

  private static WireMockServer google;
  private static KeyPair keys;

  @BeforeAll
  static void start() throws Exception {
    google = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    google.start();
    google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"" + SOURCE_TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
    google.stubFor(post(urlEqualTo("/v1/projects/-/serviceAccounts/" + TARGET + ":generateAccessToken"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"accessToken\":\"" + TARGET_TOKEN + "\",\"expireTime\":\"2099-01-01T00:00:00Z\"}")));
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    keys = g.generateKeyPair();
  }

  @AfterAll
  static void stop() {
    google.stop();
  }

  @BeforeEach
  void reset() {
    google.resetRequests();
  }

  /** A service-account key file as the console downloads it, its token_uri at the stub. */
  private static Path keyFile(Path dir) throws Exception {
    String pem = "-----BEGIN PRIVATE KEY-----\\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.UTF_8)).encodeToString(keys.getPrivate().getEncoded())
            .replace("\r", "").replace("\n", "\\n")
        + "\\n-----END PRIVATE KEY-----\\n";
    String json = "{\"type\":\"service_account\",\"project_id\":\"ysh-project\",\"private_key_id\":\"abc123\","
        + "\"private_key\":\"" + pem + "\",\"client_email\":\"" + EMAIL + "\",\"client_id\":\"1234567890\","
        + "\"token_uri\":\"http://127.0.0.1:" + google.port() + "/token\"}";
    Path f = dir.resolve("sa.json");
    Files.writeString(f, json);
    return f;
  }

  private static Map<String, String> form(LoggedRequest r) {
    Map<String, String> m = new HashMap<>();
    for (String pair : r.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }

  private static String authorization(GoogleCredentials c) throws Exception {
    Map<String, List<String>> metadata = c.getRequestMetadata(URI.create("https://storage.googleapis.com/"));
    return metadata.get("Authorization").get(0);
  }

  @Test
  void aServiceAccountKeySignsAJwtGrantAndTheTokenIsTheBearer(@TempDir Path dir) throws Exception {
    ResourceUrl url = ResourceUrl.builder("gs").host("bucket", -1).param("credentialsFile", keyFile(dir).toString()).build();
    GoogleCredentials c = GcpCredentials.fromUrl(url).orElseThrow().createScoped(GcpCredentials.CLOUD_PLATFORM_SCOPE);
    assertThat(authorization(c)).isEqualTo("Bearer " + SOURCE_TOKEN);

    Map<String, String> grant = form(google.findAll(postRequestedFor(urlEqualTo("/token"))).get(0));
    assertThat(grant).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
    String[] jwt = grant.get("assertion").split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
    assertThat(claims).contains("\"iss\":\"" + EMAIL + "\"").contains("\"aud\":\"https://oauth2.googleapis.com/token\"")
        .contains(GcpCredentials.CLOUD_PLATFORM_SCOPE);
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify((RSAPublicKey) keys.getPublic());
    rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("RS256 signature by the key file's key").isTrue();
  }

  @Test
  void impersonationTradesTheSourceTokenForTheTargetServiceAccounts(@TempDir Path dir) throws Exception {
    GoogleCredentials source = GcpCredentials.fromFile(keyFile(dir).toString()).createScoped(GcpCredentials.CLOUD_PLATFORM_SCOPE);
    String endpoint = "http://127.0.0.1:" + google.port() + "/v1/projects/-/serviceAccounts/" + TARGET + ":generateAccessToken";
    GoogleCredentials c = GcpCredentials.impersonate(source, TARGET, List.of("middle@ysh-project.iam.gserviceaccount.com"), endpoint);
    assertThat(authorization(c)).isEqualTo("Bearer " + TARGET_TOKEN);
    LoggedRequest asked = google.findAll(postRequestedFor(urlEqualTo("/v1/projects/-/serviceAccounts/" + TARGET + ":generateAccessToken"))).get(0);
    assertThat(asked.getHeader("Authorization")).isEqualTo("Bearer " + SOURCE_TOKEN);
    assertThat(asked.getBodyAsString()).contains(GcpCredentials.CLOUD_PLATFORM_SCOPE).contains("middle@ysh-project.iam.gserviceaccount.com")
        .contains("3600s");
  }

  @Test
  void theUrlsImpersonateParameterWrapsTheFilesCredentials(@TempDir Path dir) throws Exception {
    ResourceUrl url = ResourceUrl.builder("gs").host("bucket", -1).param("credentialsFile", keyFile(dir).toString())
        .param("impersonate", TARGET).param("delegates", "a@p.iam.gserviceaccount.com, b@p.iam.gserviceaccount.com").build();
    assertThat(GcpCredentials.fromUrl(url).orElseThrow()).isInstanceOfSatisfying(ImpersonatedCredentials.class, i -> {
      assertThat(i.getAccount()).isEqualTo(TARGET);
      assertThat(i.getSourceCredentials().toString()).doesNotContain("PRIVATE KEY");
    });
  }

  @Test
  void badImpersonationParametersAreRefused() {
    assertThatThrownBy(() -> GcpCredentials.fromUrl(ResourceUrl.parse("gs://b?delegates=a@b.c")))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> GcpCredentials.impersonate(GoogleCredentials.create(null), "not-an-email", List.of()))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void aBrokenKeyFileIsRefusedWithoutQuotingIt(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("broken.json");
    Files.writeString(f, "{\"type\":\"service_account\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nTOPSECRETMATERIAL\\n\"}");
    assertThatThrownBy(() -> GcpCredentials.fromFile(f.toString()))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.getMessage()).doesNotContain("TOPSECRETMATERIAL"));
  }
}
