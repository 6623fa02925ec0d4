package io.ysh.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.SecretStore;
import io.ysh.secrets.SecretValue;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;

/** Secrets Manager specifics against a real moto_server. */
class AwsSecretDriverTest {

  private final String prefix = "aws-t-" + UUID.randomUUID().toString().substring(0, 8) + "/";

  private static YshException ysh(Runnable r) {
    YshException e = catchThrowableOfType(YshException.class, r::run);
    assertThat(e).isNotNull();
    return e;
  }

  private SecretStore store(boolean force) {
    return SecretStore.builder(AwsSecretDriver.builder(Moto.client()).ownsClient(true).forceDelete(force).build())
        .resilience(ResiliencePolicy.none())
        .build();
  }

  @Test
  void versionIdsAndStagesSelectVersions() {
    try (SecretStore s = store(true)) {
      String n = prefix + "staged";
      String v1 = s.put(n, "first").orElseThrow();
      String v2 = s.put(n, "second").orElseThrow();
      assertThat(v1).isNotEqualTo(v2);
      SecretValue latest = s.get(n);
      assertThat(latest.version()).contains(v2);
      assertThat(latest.labels()).containsEntry("aws.versionStages", "AWSCURRENT");
      assertThat(latest.createdTime()).isPresent();
      assertThat(s.get(n, "AWSPREVIOUS").secret().reveal()).isEqualTo("first");
      assertThat(s.get(n, v1).secret().reveal()).isEqualTo("first");
      SecretsManagerClient raw = s.unwrap(SecretsManagerClient.class);
      raw.updateSecretVersionStage(UpdateSecretVersionStageRequest.builder()
          .secretId(n).versionStage("BLUE").moveToVersionId(v1).build());
      assertThat(s.get(n, "BLUE").secret().reveal()).isEqualTo("first");
      assertThat(ysh(() -> s.get(n, "NO_SUCH_STAGE")).code()).isEqualTo(ErrorCode.NOT_FOUND);
      s.delete(n);
    }
  }

  @Test
  void binaryValuesUseSecretBinary() {
    byte[] bytes = {0, (byte) 0xff, 0x10, (byte) 0xc3};
    try (SecretStore s = store(true)) {
      String n = prefix + "binary";
      s.put(n, Secret.ofBytes(bytes));
      assertThat(s.get(n).secret().revealBytes()).isEqualTo(bytes);
      s.delete(n);
    }
  }

  @Test
  void aSecretScheduledForDeletionReadsAsNotFound() {
    try (SecretStore s = store(false)) {
      String n = prefix + "scheduled";
      s.put(n, "x");
      s.delete(n);
      YshException read = ysh(() -> s.get(n));
      assertThat(read.code()).as(read.getMessage()).isEqualTo(ErrorCode.NOT_FOUND);
      // AWS refuses PutSecretValue on a secret marked for deletion (mapped to PRECONDITION_FAILED);
      // moto 5 accepts it, so that branch is not exercised here.
      assertThat(s.list(prefix).toList()).doesNotContain(n);
    }
  }

  @Test
  void urlsAreValidated() {
    AwsSecretDriverProvider p = new AwsSecretDriverProvider();
    assertThat(ysh(() -> p.open(ResourceUrl.parse("awssm://us-east-1?regoin=x"))).getMessage()).contains("regoin");
    assertThat(ysh(() -> p.open(ResourceUrl.parse("awssm://us-east-1?region=us-east-1"))).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(ysh(() -> p.open(ResourceUrl.parse("awssm://us-east-1/path"))).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(ysh(() -> p.open(ResourceUrl.parse("awssm://us-east-1?pageSize=500"))).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(ysh(() -> p.open(ResourceUrl.parse("awssm://us-east-1?endpoint=nota url"))).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void openedByUrlThroughTheRegistry() {
    try (SecretStore s = SecretStore.open("awssm://us-east-1?endpoint=" + Moto.endpoint() + "&forceDelete=true")) {
      assertThat(s.provider()).isEqualTo("awssm");
      String n = prefix + "by-url";
      s.put(n, "v");
      assertThat(s.get(n).secret().reveal()).isEqualTo("v");
      s.delete(n);
    }
  }
}
