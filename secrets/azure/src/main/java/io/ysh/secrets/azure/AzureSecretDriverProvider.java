package io.ysh.secrets.azure;

import com.azure.core.credential.TokenCredential;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.secrets.spi.SecretDriverProvider;
import io.ysh.support.azure.AzureIdentity;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens {@code azurekv://<vault-name>} (vault {@code https://<vault-name>.vault.azure.net}) or
 * {@code azurekv://<host>?fullHost=true} for other clouds; parameters {@code purgeOnDelete=true},
 * {@code timeout=10s} (how long one call waits for an answer).
 * The credential is Microsoft Entra ID through azure-identity's {@code DefaultAzureCredential},
 * created as by every Azure driver ({@link AzureIdentity}): {@code clientId=} (a user-assigned
 * managed identity's or workload identity's client id) and {@code tenantId=} choose the identity;
 * {@code com.azure:azure-identity} must be on the class path, else opening fails with {@code
 * UNSUPPORTED} naming it. For any other {@link TokenCredential} use {@link
 * AzureSecretDriver#builder}.
 */
public final class AzureSecretDriverProvider implements SecretDriverProvider {

  private static final Set<String> PARAMS = Stream.concat(Stream.of("purgeOnDelete", "fullHost", "timeout"),
      AzureIdentity.URL_PARAMETERS.stream()).collect(Collectors.toUnmodifiableSet());

  /** For {@link java.util.ServiceLoader}. */
  public AzureSecretDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("azurekv");
  }

  @Override
  public SecretDriver open(ResourceUrl url) {
    url.requireKnownParams(PARAMS);
    String host = url.singleHost("Key Vault name").host();
    if (!url.path().isEmpty()) {
      throw YshException.invalidArgument("azurekv:// URLs take no path: azurekv://<vault-name>");
    }
    String vaultUrl = url.boolParam("fullHost").orElse(false) ? "https://" + host : "https://" + host + ".vault.azure.net";
    TokenCredential credential = AzureIdentity.fromUrl(url,
        "build the driver with AzureSecretDriver.builder(vaultUrl, credential)");
    AzureSecretDriver.Builder b = AzureSecretDriver.builder(vaultUrl, credential)
        .purgeOnDelete(url.boolParam("purgeOnDelete").orElse(false));
    url.durationParam("timeout").ifPresent(b::timeout);
    return b.build();
  }
}
