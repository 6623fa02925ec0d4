package io.ysh.secrets.gcp;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import io.grpc.ManagedChannelBuilder;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.secrets.spi.SecretDriverProvider;
import io.ysh.support.gcp.GcpCredentials;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens {@code gcpsm://<project>} URLs. Credentials are read as by every GCP driver: {@code
 * credentialsFile=} (a service-account key or credentials configuration), else Application
 * Default Credentials. Secret Manager's own parameters: {@code pageSize=}, {@code
 * endpoint=host:port} (a regional endpoint; with {@code plaintext=true}, an emulator or test
 * server: no TLS, no credentials). The client's own retries are off: the
 * portable layer retries reads.
 */
public final class GcpSecretDriverProvider implements SecretDriverProvider {

  private static final Set<String> PARAMS = Stream.concat(GcpCredentials.URL_PARAMETERS.stream(),
      Stream.of("endpoint", "plaintext", "pageSize")).collect(Collectors.toUnmodifiableSet());

  /** For {@link java.util.ServiceLoader}. */
  public GcpSecretDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("gcpsm");
  }

  @Override
  public SecretDriver open(ResourceUrl url) {
    url.requireKnownParams(PARAMS);
    String project = url.singleHost("GCP project id").host();
    if (!url.path().isEmpty()) {
      throw YshException.invalidArgument("gcpsm:// URLs take no path: gcpsm://<project>");
    }
    boolean plaintext = url.boolParam("plaintext").orElse(false);
    int pageSize = url.intParam("pageSize").orElse(100);
    Optional<GoogleCredentials> credentials = GcpCredentials.fromUrl(url);
    if (plaintext && credentials.isPresent()) {
      throw YshException.invalidArgument("plaintext=true sends no credentials: drop credentialsFile= or plaintext=true");
    }
    try {
      SecretManagerServiceSettings.Builder settings = SecretManagerServiceSettings.newBuilder();
      io.grpc.ManagedChannel channel = null;
      if (url.param("endpoint").isPresent()) {
        String endpoint = url.param("endpoint").get();
        if (plaintext) {
          channel = ManagedChannelBuilder.forTarget(endpoint).usePlaintext().build();
          settings.setTransportChannelProvider(FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)));
          settings.setCredentialsProvider(NoCredentialsProvider.create());
        } else {
          settings.setEndpoint(endpoint);
        }
      } else if (plaintext) {
        throw YshException.invalidArgument("plaintext=true needs endpoint=host:port");
      }
      if (credentials.isPresent()) {
        settings.setCredentialsProvider(FixedCredentialsProvider.create(credentials.get()));
      }
      settings.applyToAllUnaryMethods(b -> {
        b.setRetryableCodes(Set.of());
        return null;
      });
      io.grpc.ManagedChannel owned = channel;
      return new GcpSecretDriver(
          SecretManagerServiceClient.create(settings.build()), project, pageSize, true, owned == null ? null : owned::shutdownNow);
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.UNAVAILABLE).detail("cannot create the Secret Manager client: " + e.getClass().getSimpleName())
          .cause(e).build();
    }
  }
}
