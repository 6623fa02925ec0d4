package io.ysh.storage.memory;

import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ObjectStorage;
import io.ysh.testkit.storage.StorageConformance;
import java.util.UUID;

/** Runs the storage conformance suite against the in-memory driver. */
class MemoryConformanceTest extends StorageConformance {

  private static final long PART_SIZE = 64 * 1024;

  @Override
  protected Harness createHarness() {
    MemoryStorageDriver driver = MemoryStorageDriver.named("conformance-" + UUID.randomUUID());
    ObjectStorage storage = ObjectStorage.builder(driver).partSize(PART_SIZE)
        .telemetry(Telemetry.noop()).resilience(ResiliencePolicy.none()).build();
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
      public boolean corrupt(String key) {
        return driver.corruptForTesting(key);
      }

      @Override
      public int propertyExamples() {
        return 200;
      }
    };
  }
}
