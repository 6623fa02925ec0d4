package io.ysh.storage.azure;

import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageDriverProvider;
import io.ysh.support.azure.AzureStorageConfig;
import io.ysh.support.azure.AzureStorageConfig.Service;
import java.util.Set;

/**
 * Opens {@code azblob://account/container}. Credentials and endpoint are read as by every Azure
 * Storage driver: the account key from the URL's password ({@code
 * azblob://account:KEY@account/container}), else the connection string in {@code
 * AZURE_STORAGE_CONNECTION_STRING}, else the key in {@code AZURE_STORAGE_KEY}; parameter {@code
 * endpoint} points at another endpoint (a local emulator's: {@code http://127.0.0.1:10000/devstoreaccount1}).
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
    url.requireKnownParams(AzureStorageConfig.URL_PARAMETERS);
    String account = url.host().orElseThrow(
        () -> YshException.invalidArgument("azblob:// URL needs an account: azblob://account/container"));
    if (url.pathSegments().size() != 1) {
      throw YshException.invalidArgument("azblob:// URL needs exactly one container: azblob://account/container");
    }
    return AzureStorageDriver.builder()
        .storage(AzureStorageConfig.fromUrl(url, Service.BLOB, account, url.password().orElse(null)))
        .container(url.pathSegments().get(0))
        .build();
  }
}
