package io.ysh.storage.azure;

import com.azure.storage.blob.BlobContainerClient;
import io.ysh.core.Secret;
import io.ysh.storage.conformance.StorageConformance;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.testkit.server.azure.Azurite;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the storage conformance suite against Azurite (Microsoft's Azure Storage emulator), run
 * from an npm install through the test-server harness; skipped with a message saying how to install it
 * when it is absent (see {@link Azurite}).
 */
class AzureConformanceTest extends StorageConformance {

  private static final long PART_SIZE = 1L << 20;

  @Override
  protected Harness createHarness() {
    String endpoint = Azurite.blobEndpoint();
    String container = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    AzureStorageDriver driver = AzureStorageDriver.builder().account(Azurite.ACCOUNT, Secret.of(Azurite.KEY))
        .endpoint(endpoint).container(container).build();
    driver.unwrap(BlobContainerClient.class).orElseThrow().create();
    return new Harness() {
      @Override
      public StorageDriver driver() {
        return driver;
      }

      @Override
      public long partSize() {
        return PART_SIZE;
      }

      @Override
      public Optional<Class<?>> nativeClientType() {
        return Optional.of(BlobContainerClient.class);
      }
    };
  }
}
