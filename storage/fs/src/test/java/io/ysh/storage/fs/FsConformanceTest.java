package io.ysh.storage.fs;

import io.ysh.storage.conformance.StorageConformance;
import io.ysh.storage.spi.StorageDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Runs the storage conformance suite against the file-system driver on a temporary directory. */
class FsConformanceTest extends StorageConformance {

  private static final long PART_SIZE = 64 * 1024;

  /**
   * The driver under test.
   *
   * @param root its root
   * @return the driver
   */
  FsStorageDriver driver(Path root) {
    return FsStorageDriver.builder().root(root).build();
  }

  @Override
  protected Harness createHarness() throws IOException {
    Path root = Files.createTempDirectory("ysh-fs-conformance");
    FsStorageDriver driver = driver(root);
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
        return Optional.of(Path.class);
      }

      @Override
      public boolean corrupt(String key) throws IOException {
        Path file = driver.pathOf(key);
        byte[] data = Files.readAllBytes(file);
        data[data.length / 2] ^= 1;
        Files.write(file, data);
        return true;
      }

      @Override
      public int propertyExamples() {
        return 200;
      }

      @Override
      public void close() throws IOException {
        try (var files = Files.walk(root)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    };
  }
}
