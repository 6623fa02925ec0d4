package io.ysh.secrets.azure;

import com.azure.core.credential.TokenCredential;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.secrets.spi.SecretDriverProvider;
import io.ysh.support.azure.AzureIdentity;
import java.util.Set;

/**
 * Opens {@code azurekv://<vault-name>} (vault {@code https://<vault-name>.vault.azure.net}) or
 * {@code azurekv://<host>?fullHost=true} for other clouds; parameters {@code purgeOnDelete=true},
 * {@code timeout=10s} (how long one call waits for an answer).
 * The credential is azure-identity's {@code DefaultAzureCredential}, which must be on the
 * classpath ({@code com.azure:azure-identity}); for any other {@link TokenCredential} use
 * {@link AzureSecretDriver#builder}.
 */
public final class AzureSecretDriverProvider implements SecretDriverProvider {

  /** For {@link java.util.ServiceLoader}. */
  public AzureSecretDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("azurekv");
  }

  @Override
  public SecretDriver open(ResourceUrl url) {
    url.requireKnownParams(Set.of("purgeOnDelete", "fullHost", "timeout"));
    String host = url.singleHost("Key Vault name").host();
    if (!url.path().isEmpty()) {
      throw YshException.invalidArgument("azurekv:// URLs take no path: azurekv://<vault-name>");
    }
    String vaultUrl = url.boolParam("fullHost").orElse(false) ? "https://" + host : "https://" + host + ".vault.azure.net";
    TokenCredential credential = AzureIdentity.defaultCredential(
        "build the driver with AzureSecretDriver.builder(vaultUrl, credential)");
    AzureSecretDriver.Builder b = AzureSecretDriver.builder(vaultUrl, credential)
        .purgeOnDelete(url.boolParam("purgeOnDelete").orElse(false));
    url.durationParam("timeout").ifPresent(b::timeout);
    return b.build();
  }
}
