package io.ysh.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import io.ysh.storage.spi.ChecksumPlan;
import io.ysh.storage.spi.DriverUpload;
import io.ysh.storage.spi.UploadDigests;
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
 * The fs driver stores the CRC32C it is handed with the object, whether called directly through
 * the SPI or by the portable layer (single writes from streams and files, multipart uploads), and
 * downloads are verified against it (or against the MD5 of objects written by earlier versions).
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

  /** Digests as the portable layer hands them: the CRC32C only (the fs plan asks for no MD5). */
  private static UploadDigests crc32cOf(byte[] b) {
    return new UploadDigests() {
      @Override
      public String md5Hex() {
        throw new IllegalStateException("the fs driver's plan computes no MD5");
      }

      @Override
      public String crc32cHex() {
        return crc32c(b);
      }
    };
  }

  @Test
  void theDriverStoresTheCrc32cItIsHandedThroughTheSpi() throws Exception {
    FsStorageDriver driver = FsStorageDriver.builder().root(temp.resolve("root")).build();
    byte[] single = data(700_000);
    WriteResult r = driver.write("single", new ByteArrayInputStream(single), single.length, WriteOptions.defaults(),
        crc32cOf(single));
    assertThat(r.md5()).isNull();
    assertThat(r.crc32c()).isEqualTo(crc32c(single));
    assertThat(r.etag()).isEqualTo(crc32c(single) + "-" + Long.toHexString(single.length));
    ObjectInfo info = driver.stat("single");
    assertThat(info.md5()).isNull();
    assertThat(info.crc32c()).isEqualTo(crc32c(single));
    assertThat(info.etag()).isEqualTo(r.etag());

    byte[] whole = data(300_000);
    DriverUpload upload = driver.startUpload("multi", WriteOptions.defaults());
    UploadedPart p1 = driver.uploadPart(upload, 1, whole, 200_000);
    byte[] rest = java.util.Arrays.copyOfRange(whole, 200_000, whole.length);
    UploadedPart p2 = driver.uploadPart(upload, 2, rest, rest.length);
    WriteResult m = driver.completeUpload(upload, List.of(p1, p2), crc32cOf(whole));
    assertThat(m.md5()).isNull();
    assertThat(m.crc32c()).isEqualTo(crc32c(whole));
    assertThat(m.size()).isEqualTo(whole.length);
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
      assertThat(driver.checksumPlan()).isEqualTo(ChecksumPlan.CRC32C_ONLY);
      assertThat(driver.stat("small").md5()).isNull();
      assertThat(driver.stat("small").crc32c()).isEqualTo(crc32c(small));
      for (String key : List.of("from-file", "unknown-length")) {
        assertThat(driver.stat(key).md5()).as(key).isNull();
        assertThat(driver.stat(key).crc32c()).as(key).isEqualTo(crc32c(big));
        Path target = temp.resolve(key + ".out");
        assertThat(storage.download(key, target)).isEqualTo(big.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(big);
      }
    }
  }

  @Test
  void anObjectWithAnMd5FromAnEarlierVersionKeepsItAsItsEtagAndIsVerifiedByIt() throws Exception {
    Path root = temp.resolve("root");
    FsStorageDriver driver = FsStorageDriver.builder().root(root).build();
    byte[] data = data(50_000);
    // written as earlier versions did: a sidecar with the MD5 and no CRC32C, no extended attribute
    try (ObjectStorage old = ObjectStorage.builder(FsStorageDriver.builder().root(root).extendedAttributes(false)
        .build()).build()) {
      old.put("old", data);
    }
    Path sidecar = driver.pathOf("old").resolveSibling(".ysh-meta").resolve("old");
    Files.writeString(sidecar, "contentType=application/octet-stream\nmd5=" + md5(data) + "\n");
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      ObjectInfo info = storage.stat("old");
      assertThat(info.etag()).isEqualTo(md5(data));
      assertThat(info.md5()).isEqualTo(md5(data));
      assertThat(info.crc32c()).isNull();
      assertThat(storage.getBytes("old")).isEqualTo(data);
      Path target = temp.resolve("old.out");
      assertThat(storage.download("old", target)).isEqualTo(data.length);
      assertThat(Files.readAllBytes(target)).isEqualTo(data);
      // verified by that MD5
      byte[] stored = Files.readAllBytes(driver.pathOf("old"));
      stored[3] ^= 1;
      Files.write(driver.pathOf("old"), stored);
      Throwable t = catchThrowable(() -> storage.download("old", temp.resolve("old2.out")));
      assertThat(t).isInstanceOf(YshException.class).hasMessageContaining("MD5");
      stored[3] ^= 1;
      Files.write(driver.pathOf("old"), stored);
      // if-match with the old ETag still works; the rewrite gets a CRC32C ETag and drops the sidecar
      WriteResult r = storage.put("old", data(10), WriteOptions.builder().ifMatch(md5(data)).build());
      assertThat(r.etag()).isEqualTo(crc32c(data(10)) + "-a");
      assertThat(storage.stat("old").etag()).isEqualTo(r.etag());
      if (FsLayoutTest.hasExtendedAttributes(driver.pathOf("old"))) {
        assertThat(sidecar).doesNotExist();
      }
      assertThat(storage.getBytes("old")).isEqualTo(data(10));
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
