package io.ysh.secrets.aws;

import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.secrets.spi.SecretDriverProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * Opens {@code awssm://[region]} URLs: {@code awssm://sa-east-1} or {@code awssm://?region=sa-east-1}
 * (else the SDK's region chain). Parameters: {@code endpoint=http://127.0.0.1:5000} (moto,
 * LocalStack, VPC endpoints), {@code profile=name} (else the default credentials chain),
 * {@code pageSize=1..100}, {@code forceDelete=true}, {@code recoveryWindowDays=7..30},
 * {@code timeout=10s} (per attempt). The SDK's own retries are off: the portable layer retries.
 */
public final class AwsSecretDriverProvider implements SecretDriverProvider {

  private static final Set<String> PARAMS =
      Set.of("region", "endpoint", "profile", "pageSize", "forceDelete", "recoveryWindowDays", "timeout");

  /** For {@link java.util.ServiceLoader}. */
  public AwsSecretDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("awssm");
  }

  @Override
  public SecretDriver open(ResourceUrl url) {
    url.requireKnownParams(PARAMS);
    if (url.username().isPresent() || url.password().isPresent()) {
      throw YshException.invalidArgument("awssm:// URLs take no credentials: use the default chain or profile=");
    }
    if (!url.path().isEmpty()) {
      throw YshException.invalidArgument("awssm:// URLs take no path: awssm://sa-east-1 or awssm://?region=sa-east-1");
    }
    String region = url.param("region").orElse(url.host().orElse(null));
    if (url.host().isPresent() && url.param("region").isPresent()) {
      throw YshException.invalidArgument("give the region once: as the host or as region=, not both");
    }
    Duration timeout = url.durationParam("timeout").orElse(Duration.ofSeconds(10));
    SecretsManagerClientBuilder b =
        SecretsManagerClient.builder()
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .retryStrategy(RetryMode.STANDARD)
                    .retryStrategy(s -> s.maxAttempts(1))
                    .apiCallAttemptTimeout(timeout)
                    .build());
    if (region != null) {
      b.region(Region.of(region));
    }
    url.param("endpoint").ifPresent(e -> {
      URI uri;
      try {
        uri = URI.create(e);
      } catch (IllegalArgumentException bad) {
        throw YshException.invalidArgument("endpoint= must be an http(s) URL");
      }
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw YshException.invalidArgument("endpoint= must be an http(s) URL");
      }
      b.endpointOverride(uri);
    });
    b.credentialsProvider(url.param("profile")
        .<software.amazon.awssdk.auth.credentials.AwsCredentialsProvider>map(p -> ProfileCredentialsProvider.builder().profileName(p).build())
        .orElseGet(() -> DefaultCredentialsProvider.builder().build()));
    SecretsManagerClient client = b.build();
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
}
