package io.ysh.storage.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ysh.core.Secret;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.ObjectStorage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code s3://} hands assumed-role credentials to the S3 client: the URL's {@code roleArn=} and
 * {@code externalId=} (and the builder's {@code assumeRole}) go to a stub of STS's AssumeRole, and
 * the temporary access key signs the S3 request to a stub of the bucket.
 *
 * <p>Not testable offline: a real role's trust policy, instance and container roles, and web
 * identity (IRSA) against real STS.
 */
class S3AssumeRoleTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/ysh-writer";
  private static final String TEMP_KEY = "ASIAS3TEMPORARY00001";
  private static final String TEMP_SECRET = "temp/s3/secret";
  private static final String TOKEN = "FwoGZXIvYXdzS3SESSIONtoken";

  private WireMockServer aws;

  @BeforeEach
  void start() {
    aws = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    aws.start();
    aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
        "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
            + "<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/ysh-writer/s</Arn>"
            + "<AssumedRoleId>AROA3XFRBF535PLBIFPI4:s</AssumedRoleId></AssumedRoleUser>"
            + "<Credentials><AccessKeyId>" + TEMP_KEY + "</AccessKeyId><SecretAccessKey>" + TEMP_SECRET
            + "</SecretAccessKey><SessionToken>" + TOKEN + "</SessionToken>"
            + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult>"
            + "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></AssumeRoleResponse>")));
    aws.stubFor(head(urlEqualTo("/bucket/report.csv")).willReturn(aResponse().withStatus(200)
        .withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"").withHeader("Content-Length", "3")
        .withHeader("Content-Type", "text/csv").withHeader("Last-Modified", "Mon, 07 Dec 2026 10:00:00 GMT")));
  }

  @AfterEach
  void stop() {
    aws.stop();
  }

  private LoggedRequest s3Request() {
    List<LoggedRequest> all = aws.findAll(anyRequestedFor(anyUrl()));
    return all.stream().filter(r -> r.getUrl().startsWith("/bucket")).findFirst().orElseThrow();
  }

  private LoggedRequest stsRequest() {
    return aws.findAll(anyRequestedFor(urlEqualTo("/"))).get(0);
  }

  @Test
  void theUrlsAssumedRoleSignsTheS3Request() {
    String endpoint = "http://127.0.0.1:" + aws.port();
    String url = "s3://AKIABASE0000000000S3:" + URLEncoder.encode("base/secret", StandardCharsets.UTF_8)
        + "@bucket?region=sa-east-1&pathStyle=true&endpoint=" + endpoint + "&stsEndpoint=" + endpoint
        + "&roleArn=" + ROLE + "&externalId=partner-42";
    try (ObjectStorage storage = ObjectStorage.open(url)) {
      ObjectInfo info = storage.stat("report.csv");
      assertThat(info.size()).isEqualTo(3);
    }
    assertThat(stsRequest().getBodyAsString()).contains("RoleArn=" + URLEncoder.encode(ROLE, StandardCharsets.UTF_8))
        .contains("ExternalId=partner-42");
    LoggedRequest s3 = s3Request();
    assertThat(s3.getHeader("Authorization")).contains("Credential=" + TEMP_KEY + "/").contains("/sa-east-1/s3/aws4_request");
    assertThat(s3.getHeader("X-Amz-Security-Token")).isEqualTo(TOKEN);
  }

  @Test
  void theBuildersAssumedRoleSignsTheS3Request() {
    String endpoint = "http://127.0.0.1:" + aws.port();
    // the STS endpoint comes from the URL form only; here STS is reached through the aws.endpointUrlSts property
    System.setProperty("aws.endpointUrlSts", endpoint);
    try {
      S3StorageDriver driver = S3StorageDriver.builder().bucket("bucket").region("sa-east-1").endpoint(URI.create(endpoint))
          .pathStyle(true).credentials("AKIABASE0000000000S3", Secret.of("base/secret")).assumeRole(ROLE, "partner-43").build();
      try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
        storage.stat("report.csv");
      }
    } finally {
      System.clearProperty("aws.endpointUrlSts");
    }
    assertThat(stsRequest().getBodyAsString()).contains("ExternalId=partner-43");
    assertThat(s3Request().getHeader("Authorization")).contains("Credential=" + TEMP_KEY + "/");
  }
}
