package io.ysh.support.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsServiceClientConfiguration;

/** The build runs tests without the machine's AWS environment (see the root pom's surefire settings). */
class AwsClientConfigTest {

  private static AwsClientConfig url(String url) {
    return AwsClientConfig.fromUrl(ResourceUrl.parse(url)).build();
  }

  private static void invalid(Executable e, String text) {
    assertThatThrownBy(e::execute).isInstanceOfSatisfying(YshException.class, y -> {
      assertThat(y.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(y.getMessage()).contains(text);
    });
  }

  @Test
  void theUrlGivesRegionEndpointAndStaticCredentials() {
    AwsClientConfig c = url("s3://AKIAEXAMPLE:s3cr%2Ft@bucket?region=sa-east-1&endpoint=http://127.0.0.1:9000");
    assertThat(c.region()).isEqualTo(Region.SA_EAST_1);
    assertThat(c.endpoint()).contains(URI.create("http://127.0.0.1:9000"));
    assertThat(c.credentialsProvider()).isInstanceOf(StaticCredentialsProvider.class);
    AwsCredentials creds = c.credentialsProvider().resolveCredentials();
    assertThat(creds.accessKeyId()).isEqualTo("AKIAEXAMPLE");
    assertThat(creds.secretAccessKey()).isEqualTo("s3cr/t");
    assertThat(c.toString()).doesNotContain("s3cr").doesNotContain("AKIAEXAMPLE").contains("sa-east-1");
  }

  @Test
  void withoutCredentialsTheProfileOrTheDefaultChainIsUsed() {
    assertThat(url("sqs://orders?region=us-east-1").credentialsProvider()).isInstanceOf(DefaultCredentialsProvider.class);
    AwsClientConfig p = url("awssm://?region=us-east-1&profile=prod");
    assertThat(p.credentialsProvider()).isInstanceOf(ProfileCredentialsProvider.class);
    assertThat(p.toString()).contains("profile=prod");
    AwsClientConfig given = AwsClientConfig.builder().region("us-east-1")
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();
    assertThat(given.toString()).contains("credentials=provider");
  }

  @Test
  void anEndpointWithoutARegionSignsForUsEast1() {
    assertThat(url("s3://bucket?endpoint=http://127.0.0.1:9000").region()).isEqualTo(Region.US_EAST_1);
    // a custom endpoint may use any region name (MinIO, LocalStack)
    assertThat(url("s3://bucket?endpoint=http://127.0.0.1:9000&region=my-dc-1").region().id()).isEqualTo("my-dc-1");
  }

  @Test
  void badSettingsAreRefusedNamingTheParameter() {
    invalid(() -> url("s3://bucket"), "region=");
    invalid(() -> url("s3://bucket?region=mars-north-9"), "mars-north-9");
    invalid(() -> url("s3://bucket?region="), "region=");
    invalid(() -> url("s3://bucket?region=us-east-1&endpoint=ftp://host"), "endpoint=");
    invalid(() -> url("s3://bucket?region=us-east-1&endpoint=relative/path"), "endpoint=");
    invalid(() -> url("s3://AKIAONLY@bucket?region=us-east-1"), "no secret key");
    invalid(() -> url("s3://AKIA:secret@bucket?region=us-east-1&profile=prod"), "not both");
    invalid(() -> url("s3://bucket?region=us-east-1&profile="), "profile=");
    invalid(() -> AwsClientConfig.builder().region("us-east-1").credentials(" ", Secret.of("x")).build(), "access key id");
  }

  @Test
  void configureAppliesEverythingAndTurnsRetriesOff() {
    AwsClientConfig c = url("sqs://AKIA:secret@q?region=eu-west-1&endpoint=http://127.0.0.1:9324");
    try (SqsClient client = c.configure(SqsClient.builder(), Duration.ofSeconds(7)).build()) {
      SqsServiceClientConfiguration conf = client.serviceClientConfiguration();
      assertThat(conf.region()).isEqualTo(Region.EU_WEST_1);
      assertThat(conf.endpointOverride()).contains(URI.create("http://127.0.0.1:9324"));
      assertThat(conf.credentialsProvider()).isSameAs(c.credentialsProvider());
      assertThat(conf.overrideConfiguration().apiCallAttemptTimeout()).contains(Duration.ofSeconds(7));
      assertThat(conf.overrideConfiguration().retryStrategy().orElseThrow().maxAttempts()).isEqualTo(1);
    }
  }
}
