package io.ysh.support.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Assume role ({@code roleArn=}, {@code externalId=}, {@code roleSessionName=}) against a stub of
 * STS's AssumeRole (query protocol, the response shaped as AWS documents it), then the temporary
 * credentials signing an SQS request to a stub of the service: its {@code Authorization} header
 * carries the temporary access key id and its {@code X-Amz-Security-Token} the session token.
 *
 * <p>Not testable offline: that a real role's trust policy accepts the external id, and the parts
 * of the default chain that need AWS (instance and container roles, web identity against real STS).
 */
class AssumeRoleTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/ysh-reader";
  private static final String EXTERNAL_ID = "partner-7d1f-external";
  private static final String BASE_KEY = "AKIABASEEXAMPLE00001";
  private static final String BASE_SECRET = "base/secret+never+shown";
  private static final String TEMP_KEY = "ASIATEMPORARY0000001";
  private static final String TEMP_SECRET = "temporary/secret+never+shown";
  private static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLEsessionTOKEN";

  private static WireMockServer sts;
  private static WireMockServer sqs;

  @BeforeAll
  static void start() {
    sts = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    sqs = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    sts.start();
    sqs.start();
    sts.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
        "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
            + "<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/ysh-reader/s</Arn>"
            + "<AssumedRoleId>AROA3XFRBF535PLBIFPI4:s</AssumedRoleId></AssumedRoleUser>"
            + "<Credentials><AccessKeyId>" + TEMP_KEY + "</AccessKeyId><SecretAccessKey>" + TEMP_SECRET
            + "</SecretAccessKey><SessionToken>" + SESSION_TOKEN + "</SessionToken>"
            + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult>"
            + "<ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>"
            + "</AssumeRoleResponse>")));
    sqs.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
        .withBody("{\"QueueUrl\":\"http://127.0.0.1/123456789012/orders\"}")));
  }

  @AfterAll
  static void stop() {
    sts.stop();
    sqs.stop();
  }

  @BeforeEach
  void reset() {
    sts.resetRequests();
    sqs.resetRequests();
  }

  private static String url(String extra) {
    return "sqs://" + BASE_KEY + ":" + java.net.URLEncoder.encode(BASE_SECRET, StandardCharsets.UTF_8) + "@orders?region=eu-west-1&endpoint=http://127.0.0.1:"
        + sqs.port() + "&stsEndpoint=http://127.0.0.1:" + sts.port() + "&roleArn=" + ROLE + extra;
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

  @Test
  void theUrlsRoleIsAssumedWithItsExternalIdAndItsCredentialsSignTheServiceRequest() {
    AwsClientConfig c = AwsClientConfig.fromUrl(ResourceUrl.parse(url("&externalId=" + EXTERNAL_ID + "&roleSessionName=orders-app"))).build();
    try (SqsClient client = c.configure(SqsClient.builder(), null).build()) {
      client.getQueueUrl(r -> r.queueName("orders"));
    }
    List<LoggedRequest> assumed = sts.findAll(anyRequestedFor(anyUrl()));
    assertThat(assumed).hasSize(1);
    Map<String, String> form = form(assumed.get(0));
    assertThat(form).containsEntry("Action", "AssumeRole").containsEntry("RoleArn", ROLE)
        .containsEntry("ExternalId", EXTERNAL_ID).containsEntry("RoleSessionName", "orders-app");
    // STS itself is called with the base credentials
    assertThat(assumed.get(0).getHeader("Authorization")).contains("Credential=" + BASE_KEY + "/");

    LoggedRequest call = sqs.findAll(anyRequestedFor(anyUrl())).get(0);
    assertThat(call.getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256").contains("Credential=" + TEMP_KEY + "/")
        .contains("/eu-west-1/sqs/aws4_request");
    assertThat(call.getHeader("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);
    assertThat(c.credentialsProvider().resolveCredentials()).isInstanceOfSatisfying(AwsSessionCredentials.class,
        s -> assertThat(s.accessKeyId()).isEqualTo(TEMP_KEY));
    assertThat(c.toString()).contains(ROLE).contains("with external id").doesNotContain(EXTERNAL_ID)
        .doesNotContain(BASE_SECRET).doesNotContain(BASE_KEY).doesNotContain(TEMP_SECRET);
  }

  @Test
  void theBuilderAssumesTheRoleWithTheDefaultSessionName() {
    AwsClientConfig c = AwsClientConfig.builder().region("eu-west-1")
        .credentials(BASE_KEY, io.ysh.core.Secret.of(BASE_SECRET))
        .assumeRole(ROLE, null).stsEndpoint("http://127.0.0.1:" + sts.port()).build();
    assertThat(c.credentialsProvider().resolveCredentials().accessKeyId()).isEqualTo(TEMP_KEY);
    Map<String, String> form = form(sts.findAll(anyRequestedFor(anyUrl())).get(0));
    assertThat(form).containsEntry("RoleSessionName", AwsClientConfig.DEFAULT_SESSION_NAME).doesNotContainKey("ExternalId");
  }

  @Test
  void badAssumeRoleParametersAreRefused() {
    for (String bad : List.of("sqs://q?region=us-east-1&roleArn=not-an-arn", "sqs://q?region=us-east-1&externalId=abc",
        "sqs://q?region=us-east-1&roleArn=" + ROLE + "&roleSessionName=has%20space",
        "sqs://q?region=us-east-1&roleArn=" + ROLE + "&stsEndpoint=ftp://x")) {
      assertThatThrownBy(() -> AwsClientConfig.fromUrl(ResourceUrl.parse(bad)).build())
          .as(bad).isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
  }
}
