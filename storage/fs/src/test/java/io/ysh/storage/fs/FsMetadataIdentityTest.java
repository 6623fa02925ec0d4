package io.ysh.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.ObjectWriter;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.spi.DriverReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Metadata is bound to the file it describes: writes record the data file's identity (device,
 * inode) in the attribute or sidecar, and reads accept metadata only when it records the identity
 * of the file read, or when its checksum matches the bytes read (a file restored from a backup,
 * metadata from earlier versions). Anything else (what a directory swapped for a link during the
 * path-based attribute read would show) is refused, never returned.
 */
class FsMetadataIdentityTest {

  @TempDir Path temp;

  private static final byte[] OWN = "the object's own bytes".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER = "another file's bytes".getBytes(StandardCharsets.UTF_8);

  private static String crc32c(byte[] b) {
    CRC32C c = new CRC32C();
    c.update(b);
    return String.format("%08x", c.getValue());
  }

  private static String md5(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
  }

  /** The identity as {@code stat -c '%D:%i'} prints it, from the JDK's unix attributes. */
  private static String statIdentity(Path file) throws IOException {
    Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino", LinkOption.NOFOLLOW_LINKS);
    return Long.toHexString((Long) a.get("dev")) + ":" + a.get("ino");
  }

  private static boolean attributesWork(Path dir) throws IOException {
    Path probe = Files.createTempFile(dir, "probe", "");
    try {
      Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class).write("x", ByteBuffer.wrap(new byte[] {1}));
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    } finally {
      Files.delete(probe);
    }
  }

  private static String attribute(Path file) throws IOException {
    UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
    ByteBuffer buf = ByteBuffer.allocate(view.size("ysh.meta"));
    view.read("ysh.meta", buf);
    return new String(buf.array(), StandardCharsets.ISO_8859_1);
  }

  private static void setAttribute(Path file, String text) throws IOException {
    Files.getFileAttributeView(file, UserDefinedFileAttributeView.class)
        .write("ysh.meta", ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static Path sidecar(Path file) {
    return file.resolveSibling(".ysh-meta").resolve(file.getFileName());
  }

  /** The metadata text the driver stored for a file: its attribute, else its sidecar. */
  private static String stored(Path file, boolean attributes) throws IOException {
    return attributes ? attribute(file) : Files.readString(sidecar(file), StandardCharsets.ISO_8859_1);
  }

  /** Replaces the metadata the driver reads for a file (its attribute, else its sidecar). */
  private static void store(Path file, boolean attributes, String text) throws IOException {
    if (attributes) {
      setAttribute(file, text);
    } else {
      Files.writeString(sidecar(file), text, StandardCharsets.ISO_8859_1);
    }
  }

  /** A driver in one of the two metadata modes (the tests use it without a breaker: refusals repeat here). */
  private FsStorageDriver driver(boolean attributes) throws IOException {
    Path root = Files.createDirectories(temp.resolve("root-" + attributes));
    if (attributes) {
      assumeTrue(attributesWork(root), "the temporary directory's file system has no user extended attributes");
    }
    return FsStorageDriver.builder().root(root).extendedAttributes(attributes).build();
  }

  private static WriteOptions own() {
    return WriteOptions.builder().contentType("text/own").metadata("whose", "own").build();
  }

  private static void assertOwn(ObjectInfo info) {
    assertThat(info.contentType()).isEqualTo("text/own");
    assertThat(info.metadata()).containsExactly(Map.entry("whose", "own"));
  }

  private static ErrorCode codeOf(Throwable t) {
    assertThat(t).isInstanceOf(YshException.class);
    return ((YshException) t).code();
  }

  @ParameterizedTest(name = "attributes={0}")
  @ValueSource(booleans = {true, false})
  void everyWriteRecordsTheIdentityOfTheFileItsMetadataDescribes(boolean attributes) throws Exception {
    FsStorageDriver driver = driver(attributes);
    Path upload = Files.write(temp.resolve("upload.bin"), OWN);
    try (ObjectStorage storage = ObjectStorage.builder(driver).resilience(ResiliencePolicy.none())
        .partSize(8).multipartThreshold(16).build()) {
      storage.put("bytes", OWN, own());
      storage.put("file", upload, own());
      storage.put("stream", new ByteArrayInputStream(OWN), OWN.length, own()); // multipart: over the threshold
      try (ObjectWriter w = storage.openWriter("writer", own())) {
        w.write(OWN);
      }
      storage.copy("bytes", "copied");
      for (String key : List.of("bytes", "file", "stream", "writer", "copied")) {
        Path file = driver.pathOf(key);
        assertThat(stored(file, attributes)).as(key).contains("\nfile=" + statIdentity(file) + "\n");
        assertOwn(storage.stat(key));
        assertThat(storage.getBytes(key)).as(key).isEqualTo(OWN);
      }
    }
  }

  @ParameterizedTest(name = "attributes={0}")
  @ValueSource(booleans = {true, false})
  void metadataRecordedForAnotherFileWithAnotherChecksumIsRefusedNeverReturned(boolean attributes) throws Exception {
    FsStorageDriver driver = driver(attributes);
    try (ObjectStorage storage = ObjectStorage.builder(driver).resilience(ResiliencePolicy.none()).build()) {
      storage.put("k", OWN, own());
      storage.put("other", OTHER,
          WriteOptions.builder().contentType("text/foreign").metadata("whose", "foreign").build());
      Path file = driver.pathOf("k");
      String foreign = stored(driver.pathOf("other"), attributes);
      assertThat(foreign).contains("file=" + statIdentity(driver.pathOf("other")));
      store(file, attributes, foreign); // what a swap during the attribute read shows: another file's metadata
      assertRefused(storage, driver, "k");
    }
  }

  /** Every read of the object refuses; none returns the foreign content type or user metadata. */
  private void assertRefused(ObjectStorage storage, FsStorageDriver driver, String key) throws IOException {
    byte[] bytes = Files.readAllBytes(driver.pathOf(key));
    List<Function<String, Object>> reads = List.of(storage::stat, storage::getBytes,
        k -> storage.download(k, temp.resolve("out.bin")), k -> storage.copy(k, "copy-of-" + k),
        k -> {
          try {
            return driver.read(k, null);
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        },
        k -> storage.put(k, OWN, WriteOptions.builder().ifMatch(crc32c(OTHER) + "-" + Long.toHexString(OWN.length))
            .build()));
    for (int i = 0; i < reads.size(); i++) {
      Function<String, Object> read = reads.get(i);
      Throwable t = catchThrowable(() -> read.apply(key));
      assertThat(t).as("read %s", i).isInstanceOf(YshException.class);
      assertThat(t.getMessage()).doesNotContain("foreign");
      assertThat(codeOf(t)).as("read %s: %s", i, t).isIn(ErrorCode.INTERNAL, ErrorCode.PRECONDITION_FAILED);
    }
    assertThat(catchThrowable(() -> storage.stat(key))).hasMessageContaining("recorded for another file");
    assertThat(driver.pathOf("copy-of-" + key)).doesNotExist();
    assertThat(driver.pathOf(key)).hasBinaryContent(bytes); // the conditional put did not replace it
  }

  @Test
  void anAttributeWithoutAnIdentityWhoseChecksumDoesNotMatchIsRefused() throws Exception {
    FsStorageDriver driver = driver(true);
    try (ObjectStorage storage = ObjectStorage.builder(driver).resilience(ResiliencePolicy.none()).build()) {
      storage.put("k", OWN, own());
      // as earlier versions wrote it, and as the outside files in FsHostileTreeTest carry it
      setAttribute(driver.pathOf("k"), "crc32c=" + crc32c(OTHER) + "\ncontentType=text/foreign\nmeta.whose=foreign\n");
      assertRefused(storage, driver, "k");
      // nor is an attribute with no identity and no checksum at all accepted: nothing binds it
      setAttribute(driver.pathOf("k"), "contentType=text/foreign\nmeta.whose=foreign\n");
      assertRefused(storage, driver, "k");
    }
  }

  /**
   * A store opened with the default policy: one object whose metadata is refused, read again and
   * again (a client retrying it in a loop), must not open a circuit breaker that stops the calls
   * of every other object for its open time.
   */
  @Test
  void oneRefusedObjectReadInALoopDoesNotStopTheOthers() throws Exception {
    FsStorageDriver driver = driver(true);
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      storage.put("bad", OWN, own());
      storage.put("good", OWN, own());
      setAttribute(driver.pathOf("bad"), "crc32c=" + crc32c(OTHER) + "\ncontentType=text/foreign\n");
      for (int i = 0; i < 40; i++) {
        assertThat(codeOf(catchThrowable(() -> storage.stat("bad")))).isEqualTo(ErrorCode.INTERNAL);
      }
      assertOwn(storage.stat("good"));
      assertThat(storage.getBytes("good")).isEqualTo(OWN);
    }
    assertThat(driver.defaultResilience().circuitBreaker()).isEmpty();
    assertThat(driver.defaultResilience().retry()).isEqualTo(ResiliencePolicy.defaults().retry());
  }

  @ParameterizedTest(name = "attributes={0}")
  @ValueSource(booleans = {true, false})
  void aFileRestoredFromABackupWithANewInodeKeepsItsMetadata(boolean attributes) throws Exception {
    FsStorageDriver driver = driver(attributes);
    try (ObjectStorage storage = ObjectStorage.builder(driver).resilience(ResiliencePolicy.none()).build()) {
      byte[] big = new byte[300_000];
      new Random(7).nextBytes(big);
      for (byte[] bytes : List.of(OWN, big)) {
        storage.put("k", bytes, own());
        Path file = driver.pathOf("k");
        String before = statIdentity(file);
        String meta = stored(file, attributes);
        // as cp -a or a restore does: a new file with the same bytes and the same metadata
        Path backup = Files.copy(file, temp.resolve("backup"), StandardCopyOption.REPLACE_EXISTING);
        Files.delete(file);
        Files.move(backup, file);
        if (attributes) {
          setAttribute(file, meta);
        }
        assertThat(statIdentity(file)).isNotEqualTo(before);
        assertThat(stored(file, attributes)).contains("file=" + before);
        assertOwn(storage.stat("k"));
        assertThat(storage.getBytes("k")).isEqualTo(bytes);
        DriverReader reader = driver.read("k", null);
        try (InputStream in = reader.stream()) {
          assertOwn(reader.info());
          assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(storage.copy("k", "k2").crc32c()).isEqualTo(crc32c(bytes));
        assertOwn(storage.stat("k2"));
        // the restored bytes changed: the metadata no longer describes the file
        byte[] changed = bytes.clone();
        changed[changed.length / 2] ^= 1;
        Files.write(file, changed);
        assertRefused(storage, driver, "k");
      }
    }
  }

  @Test
  void anAttributeWithoutAnIdentityFromEarlierVersionsStillReads() throws Exception {
    FsStorageDriver driver = driver(true);
    try (ObjectStorage storage = ObjectStorage.builder(driver).resilience(ResiliencePolicy.none()).build()) {
      storage.put("k", OWN);
      Path file = driver.pathOf("k");
      setAttribute(file, "crc32c=" + crc32c(OWN) + "\ncontentType=text/own\nmeta.whose=own\n");
      assertOwn(storage.stat("k"));
      assertThat(storage.stat("k").etag()).isEqualTo(crc32c(OWN) + "-" + Long.toHexString(OWN.length));
      assertThat(storage.getBytes("k")).isEqualTo(OWN);
      assertThat(storage.download("k", temp.resolve("out.bin"))).isEqualTo(OWN.length);
      // with the MD5 of still earlier versions and no CRC32C: verified by the MD5
      setAttribute(file, "md5=" + md5(OWN) + "\ncontentType=text/own\nmeta.whose=own\n");
      assertOwn(storage.stat("k"));
      assertThat(storage.stat("k").etag()).isEqualTo(md5(OWN));
      assertThat(storage.getBytes("k")).isEqualTo(OWN);
      // a rewrite records the identity
      storage.copy("k", "k");
      assertThat(attribute(file)).contains("file=" + statIdentity(file)).contains("md5=" + md5(OWN));
      assertOwn(storage.stat("k"));
    }
  }

  @Test
  void aSidecarWithoutAnIdentityFromEarlierVersionsStillReads() throws Exception {
    FsStorageDriver driver = driver(false);
    try (ObjectStorage storage = ObjectStorage.builder(driver).resilience(ResiliencePolicy.none()).build()) {
      storage.put("k", OWN);
      Files.writeString(sidecar(driver.pathOf("k")),
          "crc32c=" + crc32c(OWN) + "\ncontentType=text/own\nmeta.whose=own\n");
      assertOwn(storage.stat("k"));
      assertThat(storage.getBytes("k")).isEqualTo(OWN);
    }
  }

  /**
   * Sidecars are renamed into place before the data: a reader between the two renames finds a
   * sidecar that records the new file's identity next to the old file, and starts over (or gives
   * up), never pairing one version's metadata with another's bytes.
   */
  @Test
  void sidecarReadersBetweenTheTwoRenamesNeverPairVersions() throws Exception {
    FsStorageDriver driver = driver(false);
    byte[][] versions = new byte[2][];
    for (int v = 0; v < 2; v++) {
      versions[v] = new byte[20_000 + v * 7_000];
      new Random(v).nextBytes(versions[v]);
    }
    try (ObjectStorage storage = ObjectStorage.builder(driver).resilience(ResiliencePolicy.none()).build()) {
      storage.put("hot", versions[0], WriteOptions.builder().metadata("v", "0").build());
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer = new Thread(() -> {
        for (int n = 1; !stop.get(); n++) {
          storage.put("hot", versions[n % 2], WriteOptions.builder().metadata("v", "" + n % 2).build());
          LockSupport.parkNanos(200_000); // let readers in between writes too
        }
      });
      writer.start();
      int paired = 0;
      int refused = 0;
      try {
        long until = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < until) {
          try {
            ObjectInfo stat = storage.stat("hot");
            int v = Integer.parseInt(stat.metadata().get("v"));
            assertThat(stat.size()).as("stat's size with v=%s", v).isEqualTo(versions[v].length);
            assertThat(stat.crc32c()).isEqualTo(crc32c(versions[v]));
            DriverReader reader = driver.read("hot", null);
            try (InputStream in = reader.stream()) {
              int w = Integer.parseInt(reader.info().metadata().get("v"));
              assertThat(in.readAllBytes()).as("bytes read with the metadata of v=%s", w).isEqualTo(versions[w]);
            }
            paired++;
          } catch (YshException e) {
            assertThat(e.code()).isIn(ErrorCode.UNAVAILABLE, ErrorCode.INTERNAL);
            refused++;
          }
        }
      } finally {
        stop.set(true);
        writer.join();
      }
      assertThat(paired).as("reads that succeeded (%s refused)", refused).isGreaterThan(10);
    }
  }

  @Test
  void theIdentityIsTheDeviceInHexAndTheInodeAsStatPrintsThem() throws Exception {
    Path file = Files.writeString(temp.resolve("f"), "x");
    assertThat(FsStorageDriver.identity(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)))
        .isEqualTo(statIdentity(file));
  }
}
