package io.ysh.storage.memory;

import io.ysh.storage.conformance.StorageConformance;
import io.ysh.storage.spi.StorageDriver;
import java.util.UUID;

/** Runs the storage conformance suite against the in-memory driver. */
class MemoryConformanceTest extends StorageConformance {

  private static final long PART_SIZE = 64 * 1024;

  @Override
  protected Harness createHarness() {
    MemoryStorageDriver driver = MemoryStorageDriver.named("conformance-" + UUID.randomUUID());
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
