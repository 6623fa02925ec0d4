package io.ysh.queue.sqs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ysh.queue.spi.TopicDriver;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sqs://} hands assumed-role credentials to the SQS client: {@code roleArn=} and {@code
 * externalId=} go to a stub of STS's AssumeRole, and the temporary access key signs the SQS
 * request (GetQueueUrl, to a stub of the service).
 *
 * <p>Not testable offline: a real role's trust policy, instance and container roles, and web
 * identity (IRSA) against real STS.
 */
class SqsAssumeRoleTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/ysh-consumer";
  private static final String TEMP_KEY = "ASIASQSTEMPORARY0001";

  private WireMockServer aws;

  @BeforeEach
  void start() {
    aws = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    aws.start();
    aws.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing("Action=AssumeRole"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
            "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                + "<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/ysh-consumer/s</Arn>"
                + "<AssumedRoleId>AROA3XFRBF535PLBIFPI4:s</AssumedRoleId></AssumedRoleUser>"
                + "<Credentials><AccessKeyId>" + TEMP_KEY + "</AccessKeyId><SecretAccessKey>temp/secret</SecretAccessKey>"
                + "<SessionToken>FwoGZXIvYXdzSQSsession</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                + "</AssumeRoleResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></AssumeRoleResponse>")));
    aws.stubFor(post(urlEqualTo("/")).atPriority(5)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
            .withBody("{\"QueueUrl\":\"http://127.0.0.1:" + aws.port() + "/123456789012/orders\"}")));
  }

  @AfterEach
  void stop() {
    aws.stop();
  }

  @Test
  void theUrlsAssumedRoleSignsTheSqsRequest() {
    String endpoint = "http://127.0.0.1:" + aws.port();
    String url = "sqs://AKIABASE000000000SQS:" + URLEncoder.encode("base/secret", StandardCharsets.UTF_8)
        + "@orders?region=sa-east-1&create=false&endpoint=" + endpoint + "&stsEndpoint=" + endpoint
        + "&roleArn=" + ROLE + "&externalId=partner-44&roleSessionName=orders-consumer";
    TopicDriver driver = new SqsQueueDriverProvider().openTopic(io.ysh.core.url.ResourceUrl.parse(url));
    driver.close();
    LoggedRequest sts = aws.findAll(anyRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))).get(0);
    assertThat(sts.getBodyAsString()).contains("RoleArn=" + URLEncoder.encode(ROLE, StandardCharsets.UTF_8))
        .contains("ExternalId=partner-44").contains("RoleSessionName=orders-consumer");
    LoggedRequest sqs = aws.findAll(anyRequestedFor(urlEqualTo("/")).withRequestBody(notContaining("Action=AssumeRole"))).get(0);
    assertThat(sqs.getBodyAsString()).contains("orders");
    assertThat(sqs.getHeader("Authorization")).contains("Credential=" + TEMP_KEY + "/").contains("/sa-east-1/sqs/aws4_request");
  }
}
