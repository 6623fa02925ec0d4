package io.ysh.storage.azure;

import com.azure.storage.blob.BlobContainerClient;
import io.ysh.core.Secret;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ObjectStorage;
import io.ysh.testkit.azure.Azurite;
import io.ysh.testkit.storage.StorageConformance;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the storage conformance suite against Azurite (Microsoft's Azure Storage emulator), run
 * from an npm install through the testkit harness; skipped with a message saying how to install it
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
    driver.unwrap(BlobContainerClient.class).create();
    ObjectStorage storage = ObjectStorage.builder(driver).partSize(PART_SIZE).telemetry(Telemetry.noop())
        .resilience(ResiliencePolicy.none()).build();
    return new Harness() {
      @Override
      public ObjectStorage storage() {
        return storage;
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
