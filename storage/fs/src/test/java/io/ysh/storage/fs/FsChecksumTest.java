package io.ysh.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import io.ysh.storage.spi.DriverUpload;
import io.ysh.storage.spi.UploadedPart;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fs driver stores MD5 and CRC32C in its sidecar whether it hashes the data itself (called
 * directly through the SPI) or takes the digests the portable layer computed, and downloads are
 * verified against the CRC32C.
 */
class FsChecksumTest {

  @TempDir Path temp;

  private static byte[] data(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return b;
  }

  private static String md5(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
  }

  private static String crc32c(byte[] b) {
    CRC32C c = new CRC32C();
    c.update(b);
    return String.format("%08x", c.getValue());
  }

  @Test
  void theDriverHashesDataItselfWhenCalledWithoutDigests() throws Exception {
    FsStorageDriver driver = FsStorageDriver.builder().root(temp.resolve("root")).build();
    byte[] single = data(700_000);
    WriteResult r = driver.write("single", new ByteArrayInputStream(single), single.length, WriteOptions.defaults());
    assertThat(r.md5()).isEqualTo(md5(single));
    assertThat(r.crc32c()).isEqualTo(crc32c(single));
    ObjectInfo info = driver.stat("single");
    assertThat(info.md5()).isEqualTo(md5(single));
    assertThat(info.crc32c()).isEqualTo(crc32c(single));

    byte[] whole = data(300_000);
    DriverUpload upload = driver.startUpload("multi", WriteOptions.defaults());
    UploadedPart p1 = driver.uploadPart(upload, 1, whole, 200_000);
    byte[] rest = java.util.Arrays.copyOfRange(whole, 200_000, whole.length);
    UploadedPart p2 = driver.uploadPart(upload, 2, rest, rest.length);
    WriteResult m = driver.completeUpload(upload, List.of(p1, p2));
    assertThat(m.md5()).isEqualTo(md5(whole));
    assertThat(driver.stat("multi").crc32c()).isEqualTo(crc32c(whole));
  }

  @Test
  void thePortableLayerHandsItsDigestsToTheDriver() throws Exception {
    FsStorageDriver driver = FsStorageDriver.builder().root(temp.resolve("root")).build();
    try (ObjectStorage storage = ObjectStorage.builder(driver).partSize(64 * 1024).build()) {
      byte[] small = data(5000);
      storage.put("small", small);
      byte[] big = data(200_000);
      Path file = temp.resolve("big.bin");
      Files.write(file, big);
      storage.put("from-file", file, WriteOptions.defaults());
      storage.put("unknown-length", new ByteArrayInputStream(big), -1, WriteOptions.defaults());
      assertThat(driver.stat("small").md5()).isEqualTo(md5(small));
      assertThat(driver.stat("small").crc32c()).isEqualTo(crc32c(small));
      for (String key : List.of("from-file", "unknown-length")) {
        assertThat(driver.stat(key).md5()).as(key).isEqualTo(md5(big));
        assertThat(driver.stat(key).crc32c()).as(key).isEqualTo(crc32c(big));
        Path target = temp.resolve(key + ".out");
        assertThat(storage.download(key, target)).isEqualTo(big.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(big);
      }
    }
  }

  @Test
  void aCorruptedFileFailsItsCrc32cOnGetAndOnDownload() throws Exception {
    FsStorageDriver driver = FsStorageDriver.builder().root(temp.resolve("root")).build();
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      byte[] big = data(100_000);
      storage.put("k", big);
      Path file = driver.pathOf("k");
      byte[] stored = Files.readAllBytes(file);
      stored[12_345] ^= 0x10;
      Files.write(file, stored);
      for (Runnable read : List.<Runnable>of(() -> storage.getBytes("k"),
          () -> storage.download("k", temp.resolve("out.bin")))) {
        Throwable t = catchThrowable(read::run);
        assertThat(t).isInstanceOf(YshException.class).hasMessageContaining("CRC32C");
        assertThat(((YshException) t).code()).isEqualTo(ErrorCode.INTERNAL);
      }
      assertThat(Files.exists(temp.resolve("out.bin"))).isFalse();
    }
  }
}
