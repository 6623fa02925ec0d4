package io.ysh.secrets.gcp;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import io.grpc.ManagedChannelBuilder;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.secrets.spi.SecretDriverProvider;
import java.io.IOException;
import java.util.Set;

/**
 * Opens {@code gcpsm://<project>} URLs with Application Default Credentials. Parameters:
 * {@code pageSize=}, and for emulators and tests {@code endpoint=host:port} with
 * {@code plaintext=true} (no TLS, no credentials). The client's own retries are off: the
 * portable layer retries reads.
 */
public final class GcpSecretDriverProvider implements SecretDriverProvider {

  /** For {@link java.util.ServiceLoader}. */
  public GcpSecretDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("gcpsm");
  }

  @Override
  public SecretDriver open(ResourceUrl url) {
    url.requireKnownParams(Set.of("endpoint", "plaintext", "pageSize"));
    String project = url.singleHost("GCP project id").host();
    if (!url.path().isEmpty()) {
      throw YshException.invalidArgument("gcpsm:// URLs take no path: gcpsm://<project>");
    }
    boolean plaintext = url.boolParam("plaintext").orElse(false);
    int pageSize = url.intParam("pageSize").orElse(100);
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
