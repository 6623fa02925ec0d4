package io.ysh.secrets.vault;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.json.Json;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.SecretStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Vault's AWS auth method ({@code iam} type) against the protocol stub ({@link VaultStub}): the
 * login request carries {@code role}, {@code iam_http_request_method=POST} and, base64, the STS URL,
 * the {@code Action=GetCallerIdentity&Version=2011-06-15} body and the signed headers; the SigV4
 * signature in those headers is recomputed here, independently of the AWS SDK, from the secret key,
 * and must match (so does the credential scope, the session token, the date and the server id
 * header). The issued token then reads and writes.
 *
 * <p>Not testable offline: a real Vault sending the signed request to the real STS and matching
 * the caller's ARN to the role (no Vault binary and no AWS on the build machines).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultAwsAuthTest {

  private static final String ACCESS_KEY = "AKIDEXAMPLE";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String SESSION = "FwoGZXIvYXdzEXAMPLEsessiontoken";
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final VaultStub stub = new VaultStub("secret", clock);

  @AfterAll
  void stop() {
    stub.close();
  }

  @BeforeEach
  void reset() {
    stub.wireMock().resetRequests();
    stub.awsPath = "aws";
    stub.awsRole = "billing";
    stub.awsLoginsSeen.clear();
    stub.logins.set(0);
  }

  private SecretStore store(VaultSecretDriver.Builder b) {
    return SecretStore.builder(b.address("http://127.0.0.1:" + stub.port()).mount("secret").clock(clock).build())
        .resilience(ResiliencePolicy.none()).build();
  }

  private static String decode(JsonNode login, String field) {
    return new String(Base64.getDecoder().decode(login.path(field).asText()), StandardCharsets.UTF_8);
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** SigV4, from the AWS documentation, over the login's own URL, body and headers. */
  private static String expectedSignature(String url, String body, JsonNode headers, String region, String signedHeaders)
      throws Exception {
    Map<String, String> lower = new TreeMap<>();
    for (Map.Entry<String, JsonNode> h : headers.properties()) {
      lower.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue().get(0).asText().strip().replaceAll(" +", " "));
    }
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : signedHeaders.split(";")) {
      assertThat(lower).as("signed header %s is sent", name).containsKey(name);
      canonicalHeaders.append(name).append(':').append(lower.get(name)).append('\n');
    }
    String path = java.net.URI.create(url).getRawPath();
    String canonical = "POST\n" + (path.isEmpty() ? "/" : path) + "\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + sha256(body);
    String date = lower.get("x-amz-date");
    String scope = date.substring(0, 8) + "/" + region + "/sts/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + date + "\n" + scope + "\n" + sha256(canonical);
    byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), date.substring(0, 8));
    key = hmac(key, region);
    key = hmac(key, "sts");
    key = hmac(key, "aws4_request");
    return HexFormat.of().formatHex(hmac(key, toSign));
  }

  @Test
  void theSignedGetCallerIdentityRequestLogsInAndTheIssuedTokenIsUsed() throws Exception {
    StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION));
    try (SecretStore s = store(VaultSecretDriver.builder().aws("billing", creds).awsServerId("vault.example.com"))) {
      s.put("aws/db", "pw");
      assertThat(s.get("aws/db").secret().reveal()).isEqualTo("pw");
    }
    assertThat(stub.logins.get()).isEqualTo(1);
    stub.wireMock().verify(postRequestedFor(urlEqualTo("/v1/auth/aws/login")));
    JsonNode login = stub.awsLoginsSeen.get(0);
    assertThat(login.path("role").asText()).isEqualTo("billing");
    assertThat(login.path("iam_http_request_method").asText()).isEqualTo("POST");
    String url = decode(login, "iam_request_url");
    String body = decode(login, "iam_request_body");
    assertThat(url).isEqualTo("https://sts.amazonaws.com/");
    assertThat(body).isEqualTo("Action=GetCallerIdentity&Version=2011-06-15");
    JsonNode headers = Json.mapper().readTree(decode(login, "iam_request_headers"));
    assertThat(headers.path("X-Amz-Date").get(0).asText()).isEqualTo("20261207T100000Z");
    assertThat(headers.path("X-Amz-Security-Token").get(0).asText()).isEqualTo(SESSION);
    assertThat(headers.path("X-Vault-AWS-IAM-Server-ID").get(0).asText()).isEqualTo("vault.example.com");
    String authorization = headers.path("Authorization").get(0).asText();
    assertThat(authorization).startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/20261207/us-east-1/sts/aws4_request, ");
    String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
    assertThat(signedHeaders.split(";")).contains("host", "x-amz-date", "x-amz-security-token", "x-vault-aws-iam-server-id");
    String signature = authorization.replaceAll(".*Signature=([0-9a-f]+).*", "$1");
    assertThat(signature).isEqualTo(expectedSignature(url, body, headers, "us-east-1", signedHeaders));
    assertThat(login.toString()).doesNotContain(SECRET_KEY);
  }

  @Test
  void theUrlFormSignsWithTheDefaultChainForTheRegionalEndpointAtTheGivenMount() throws Exception {
    stub.awsPath = "aws-prod";
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    try {
      ResourceUrl u = ResourceUrl.parse("vault://127.0.0.1:" + stub.port() + "/secret?tls=false&auth=aws&role=billing"
          + "&awsPath=aws-prod&awsRegion=sa-east-1");
      try (SecretStore s = SecretStore.builder(new VaultSecretDriverProvider(Map.of()).open(u)).resilience(ResiliencePolicy.none()).build()) {
        s.put("aws/url", "u");
        assertThat(s.get("aws/url").secret().reveal()).isEqualTo("u");
      }
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
    stub.wireMock().verify(postRequestedFor(urlEqualTo("/v1/auth/aws-prod/login")));
    JsonNode login = stub.awsLoginsSeen.get(0);
    String url = decode(login, "iam_request_url");
    assertThat(url).isEqualTo("https://sts.sa-east-1.amazonaws.com/");
    JsonNode headers = Json.mapper().readTree(decode(login, "iam_request_headers"));
    assertThat(headers.has("X-Vault-AWS-IAM-Server-ID")).isFalse();
    assertThat(headers.has("X-Amz-Security-Token")).isFalse();
    String authorization = headers.path("Authorization").get(0).asText();
    assertThat(authorization).contains("Credential=" + ACCESS_KEY + "/").contains("/sa-east-1/sts/aws4_request");
    String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
    assertThat(authorization.replaceAll(".*Signature=([0-9a-f]+).*", "$1"))
        .isEqualTo(expectedSignature(url, decode(login, "iam_request_body"), headers, "sa-east-1", signedHeaders));
  }

  @Test
  void aRefusedLoginIsUnauthenticatedAndNeverShowsTheKeys() {
    stub.awsRole = "someone-else";
    StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    VaultSecretDriver driver = VaultSecretDriver.builder().aws("billing", creds)
        .address("http://127.0.0.1:" + stub.port()).mount("secret").clock(clock).build();
    assertThat(driver.toString()).contains("auth=aws").doesNotContain(ACCESS_KEY).doesNotContain(SECRET_KEY);
    try (SecretStore s = SecretStore.builder(driver).resilience(ResiliencePolicy.none()).build()) {
      YshException e = catchThrowableOfType(YshException.class, () -> s.get("aws/x"));
      assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(e.getMessage()).contains("billing").doesNotContain(SECRET_KEY).doesNotContain("Signature=");
      assertThat(String.valueOf(e.getCause())).doesNotContain(SECRET_KEY);
    }
  }

  @Test
  void badAwsSettingsAreInvalidArguments() {
    VaultSecretDriverProvider p = new VaultSecretDriverProvider(Map.of());
    YshException noRole = catchThrowableOfType(YshException.class, () -> p.open(ResourceUrl.parse("vault://h/secret?auth=aws")));
    assertThat(noRole.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(noRole.getMessage()).contains("role=");
    YshException region = catchThrowableOfType(YshException.class,
        () -> p.open(ResourceUrl.parse("vault://h/secret?auth=aws&role=r&awsRegion=Mars")));
    assertThat(region.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(region.getMessage()).contains("awsRegion");
    YshException both = catchThrowableOfType(YshException.class, () -> VaultSecretDriver.builder().address("http://h:8200")
        .aws("r").kubernetes("k", null).build());
    assertThat(both.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    YshException nullCreds = catchThrowableOfType(YshException.class, () -> VaultSecretDriver.builder().aws("r", null));
    assertThat(nullCreds.getMessage()).contains("credentials");
    YshException blank = catchThrowableOfType(YshException.class, () -> VaultSecretDriver.builder().aws(" "));
    assertThat(blank.getMessage()).contains("role");
  }

  @Test
  void aMissingAwsSdkIsAnErrorNamingTheArtifact() {
    YshException e = catchThrowableOfType(YshException.class, () -> VaultAwsIam.requireSdk("software.amazon.awssdk.NoSuchSigner"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).contains("software.amazon.awssdk:auth");
  }
}
