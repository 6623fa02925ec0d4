package io.ysh.storage.azure;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageDriverProvider;
import java.util.Set;

/**
 * Opens {@code azblob://account/container}: the account key comes from the URL's password
 * ({@code azblob://account:KEY@account/container}) or the {@code AZURE_STORAGE_KEY} environment
 * variable; parameter {@code endpoint} points at another endpoint (Azurite:
 * {@code http://127.0.0.1:10000/devstoreaccount1}).
 */
public final class AzureStorageDriverProvider implements StorageDriverProvider {

  /** For {@link java.util.ServiceLoader}. */
  public AzureStorageDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("azblob");
  }

  @Override
  public StorageDriver open(ResourceUrl url) {
    url.requireKnownParams(Set.of("endpoint"));
    String account = url.host().orElseThrow(
        () -> YshException.invalidArgument("azblob:// URL needs an account: azblob://account/container"));
    if (url.pathSegments().size() != 1) {
      throw YshException.invalidArgument("azblob:// URL needs exactly one container: azblob://account/container");
    }
    Secret key = url.password().orElseGet(() -> {
      String env = System.getenv("AZURE_STORAGE_KEY");
      if (env == null || env.isBlank()) {
        throw YshException.invalidArgument("no Azure storage account key: put it in the URL"
            + " (azblob://account:KEY@account/container) or in AZURE_STORAGE_KEY");
      }
      return Secret.of(env);
    });
    AzureStorageDriver.Builder b = AzureStorageDriver.builder().account(account, key)
        .container(url.pathSegments().get(0));
    url.param("endpoint").ifPresent(b::endpoint);
    return b.build();
  }
}
