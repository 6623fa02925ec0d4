package io.ysh.storage.gcs;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.FakeStorageAccess;
import io.ysh.storage.conformance.StorageConformance;
import io.ysh.storage.spi.StorageDriver;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the storage conformance suite against {@code LocalStorageHelper}, Google's in-process fake
 * of the storage RPC from {@code google-cloud-nio}: no offline GCS server exists, so the real
 * {@code google-cloud-storage} client (its JSON codecs, resumable-upload and ranged-read code over
 * a mock HTTP transport) runs against that fake. The {@code corrupt} hook damages the fake's
 * stored bytes through {@link FakeStorageAccess} (after recording the MD5 real GCS would have
 * stored, since the fake computes none).
 *
 * <p>The fake has limits real GCS does not: {@link FakeStorageLimits} skips the ten inherited
 * tests it cannot serve (paginated listings, abandoned resumable sessions, batch deletes,
 * generation-mismatch answers, keys with {@code + % ? #}, fetching signed URLs), each with an
 * assumption message naming the limitation; {@link GcsDriverTest} covers what the fake allows of
 * each; {@link GcsBatchDeleteTest} and {@link GcsPreconditionsOverHttpTest} run batch deletes and
 * conditional writes over HTTP against stubs of the JSON API calls involved.
 */
@ExtendWith(FakeStorageLimits.class)
class GcsConformanceTest extends StorageConformance {

  private static final long PART_SIZE = 1L << 20;

  @Override
  protected Harness createHarness() {
    FakeStorageAccess fake = new FakeStorageAccess();
    GcsStorageDriver driver = GcsStorageDriver.builder().bucket("ysh-conformance")
        .storageOptions(fake.options())
        .credentials(GcsTestSupport.credentials(GcsTestSupport.rsaKeyPair()))
        .chunkSize(256 * 1024).build();
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
        return Optional.of(Storage.class);
      }

      @Override
      public int propertyExamples() {
        return 25; // in-process, so as cheap as the local drivers
      }

      @Override
      public boolean corrupt(String key) {
        return fake.corrupt("ysh-conformance", key, false);
      }
    };
  }
}
