package io.ysh.secrets.aws;

import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.secrets.spi.SecretDriverProvider;
import io.ysh.support.aws.AwsClientConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Opens {@code awssm://[ACCESS_KEY:SECRET_KEY@][region]} URLs: {@code awssm://sa-east-1} or
 * {@code awssm://?region=sa-east-1}. Region, endpoint and credentials are read as by every AWS
 * driver: {@code region} (else {@code AWS_REGION}, the {@code aws.region} system property or the
 * profile's region, or the instance's; with an endpoint and none of those, {@code us-east-1}),
 * {@code endpoint=http://127.0.0.1:5000} (emulators, VPC endpoints), {@code profile=name},
 * credentials in the URL, else the default credentials chain. Secrets Manager's own: {@code
 * pageSize=1..100}, {@code forceDelete=true}, {@code recoveryWindowDays=7..30}, {@code timeout=10s}
 * (per attempt). The SDK's own retries are off: the portable layer retries.
 */
public final class AwsSecretDriverProvider implements SecretDriverProvider {

  private static final Set<String> PARAMS = params();

  /** For {@link java.util.ServiceLoader}. */
  public AwsSecretDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("awssm");
  }

  @Override
  public SecretDriver open(ResourceUrl url) {
    url.requireKnownParams(PARAMS);
    if (!url.path().isEmpty()) {
      throw YshException.invalidArgument("awssm:// URLs take no path: awssm://sa-east-1 or awssm://?region=sa-east-1");
    }
    if (url.host().isPresent() && url.param("region").isPresent()) {
      throw YshException.invalidArgument("give the region once: as the host or as region=, not both");
    }
    AwsClientConfig.Builder aws = AwsClientConfig.fromUrl(url);
    url.host().ifPresent(aws::region);
    Duration timeout = url.durationParam("timeout").orElse(Duration.ofSeconds(10));
    SecretsManagerClient client = aws.build().configure(SecretsManagerClient.builder(), timeout).build();
    AwsSecretDriver.Builder d = AwsSecretDriver.builder(client).ownsClient(true);
    try {
      url.intParam("pageSize").ifPresent(d::pageSize);
      url.boolParam("forceDelete").ifPresent(d::forceDelete);
      url.intParam("recoveryWindowDays").ifPresent(d::recoveryWindowDays);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return d.build();
  }

  private static Set<String> params() {
    Set<String> p = new HashSet<>(AwsClientConfig.URL_PARAMETERS);
    p.addAll(Set.of("pageSize", "forceDelete", "recoveryWindowDays", "timeout"));
    return Set.copyOf(p);
  }
}
