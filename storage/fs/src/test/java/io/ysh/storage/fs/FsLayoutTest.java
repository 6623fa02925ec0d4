package io.ysh.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;

import io.ysh.storage.ObjectInfo;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.generators.SourceDSL;

/**
 * Where the fs driver keeps metadata: the {@code user.ysh.meta} extended attribute of the object's
 * file, or a sidecar when the attribute cannot hold it; and that an overwrite replaces bytes and
 * metadata together, so concurrent readers never pair one version's metadata with another's bytes.
 */
class FsLayoutTest {

  @TempDir Path temp;

  /** Whether a file carries the driver's metadata attribute. */
  static boolean hasExtendedAttributes(Path file) throws IOException {
    UserDefinedFileAttributeView view =
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    try {
      return view != null && view.list().contains("ysh.meta");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static String crc32c(byte[] b) {
    java.util.zip.CRC32C c = new java.util.zip.CRC32C();
    c.update(b);
    return String.format("%08x", c.getValue());
  }

  private static String attribute(Path file) throws IOException {
    UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
    ByteBuffer buf = ByteBuffer.allocate(view.size("ysh.meta"));
    view.read("ysh.meta", buf);
    return new String(buf.array(), StandardCharsets.UTF_8);
  }

  /** Whether the temporary directory's file system takes user extended attributes at all. */
  private boolean fileSystemHasAttributes() throws IOException {
    Path probe = Files.createFile(temp.resolve("probe"));
    try {
      Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class).write("x", ByteBuffer.wrap(new byte[] {1}));
      return true;
    } catch (IOException | UnsupportedOperationException | NullPointerException e) {
      return false;
    } finally {
      Files.delete(probe);
    }
  }

  @Test
  void theMetadataEncodingReadsBackAsJavaPropertiesForAnyValue() {
    qt().withExamples(500)
        .forAll(SourceDSL.strings().allPossible().ofLengthBetween(0, 40),
            SourceDSL.strings().ascii().ofLengthBetween(0, 40))
        .checkAssert((any, ascii) -> {
          StringBuilder text = new StringBuilder();
          FsStorageDriver.property(text, "a", any);
          FsStorageDriver.property(text, "meta.b", ascii);
          FsStorageDriver.property(text, "c", " " + ascii + "\\");
          java.util.Properties back;
          try {
            back = FsStorageDriver.load(text.toString().getBytes(StandardCharsets.ISO_8859_1));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          assertThat(back.getProperty("a")).isEqualTo(any);
          assertThat(back.getProperty("meta.b")).isEqualTo(ascii);
          assertThat(back.getProperty("c")).isEqualTo(" " + ascii + "\\");
          assertThat(back).hasSize(3);
        });
  }

  /**
   * The driver reads the usual metadata without {@link java.util.Properties#load}: for any text (of
   * the characters that matter to that format) it reads what {@code Properties} reads, or leaves it
   * to {@code Properties}.
   */
  @Test
  void theFastMetadataReadingAgreesWithJavaProperties() {
    String alphabet = "ab.Z9_-=: \t\f\\\n\r#!u%\u00e9";
    qt().withExamples(2000)
        .forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 40))
        .checkAssert(indexes -> {
          StringBuilder text = new StringBuilder();
          indexes.forEach(i -> text.append(alphabet.charAt(i)));
          byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
          java.util.Properties expected = new java.util.Properties();
          java.util.Properties fast = new java.util.Properties();
          try {
            try {
              expected.load(new java.io.StringReader(text.toString()));
            } catch (IllegalArgumentException malformed) { // a malformed unicode escape
              assertThat(FsStorageDriver.loadPlain(bytes, fast)).isFalse();
              org.assertj.core.api.Assertions.assertThatThrownBy(() -> FsStorageDriver.load(bytes))
                  .isInstanceOf(IllegalArgumentException.class);
              return;
            }
            if (FsStorageDriver.loadPlain(bytes, fast)) {
              assertThat(fast).as("%s", text).isEqualTo(expected);
            }
            assertThat(FsStorageDriver.load(bytes)).as("%s", text).isEqualTo(expected);
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
    java.util.Properties usual = new java.util.Properties();
    assertThat(FsStorageDriver.loadPlain("crc32c=0123abcd\nfile=fe00:2147229\n".getBytes(StandardCharsets.UTF_8),
        usual)).isTrue();
    assertThat(usual).containsEntry("crc32c", "0123abcd").containsEntry("file", "fe00:2147229").hasSize(2);
  }

  @Test
  void theUsualObjectsMetadataIsTwoShortLines() {
    byte[] meta = FsStorageDriver.encodeMeta(null, "0123abcd", WriteOptions.defaults(), "fe00:2147229");
    assertThat(new String(meta, StandardCharsets.ISO_8859_1)).isEqualTo("crc32c=0123abcd\nfile=fe00:2147229\n");
  }

  /**
   * The usual object's attribute, with its identity, still fits inside an ext4 inode: an empty
   * object takes no block at all ({@code stat -c %b}), where a block of its own would be 8.
   */
  @Test
  void theUsualObjectsAttributeStaysInsideAnExt4Inode() throws Exception {
    assumeTrue(fileSystemHasAttributes(), "the temporary directory's file system has no user extended attributes");
    assumeTrue("ext4".equals(Files.getFileStore(temp).type()), "an ext4 property");
    FsStorageDriver driver = FsStorageDriver.builder().root(temp.resolve("root")).build();
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      storage.put("empty", new byte[0]);
      Path file = driver.pathOf("empty");
      assertThat(attribute(file)).startsWith("crc32c=").contains("\nfile=");
      Process stat = new ProcessBuilder("stat", "-c", "%b", file.toString()).redirectErrorStream(true).start();
      String blocks = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(stat.waitFor()).isZero();
      assertThat(blocks).as("blocks of an empty object with its attribute").isEqualTo("0");
    }
  }

  @Test
  void metadataLivesInAnExtendedAttributeOfTheObjectsFile() throws IOException {
    assumeTrue(fileSystemHasAttributes(), "the temporary directory's file system has no user extended attributes");
    FsStorageDriver driver = FsStorageDriver.builder().root(temp.resolve("root")).build();
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      storage.put("a/report.csv", "x,y\n".getBytes(StandardCharsets.UTF_8),
          WriteOptions.builder().contentType("text/csv").metadata("owner", "ops").build());
      Path file = driver.pathOf("a/report.csv");
      assertThat(attribute(file)).contains("contentType=text/csv").contains("meta.owner=ops").contains("crc32c=");
      assertThat(file.resolveSibling(".ysh-meta")).doesNotExist();
      ObjectInfo info = storage.stat("a/report.csv");
      assertThat(info.contentType()).isEqualTo("text/csv");
      assertThat(info.metadata()).containsEntry("owner", "ops");
      try (var files = Files.list(file.getParent())) {
        assertThat(files).containsExactly(file); // no temporary or sidecar files left
      }
    }
  }

  @Test
  void metadataTooLargeForTheAttributeGoesToASidecarUntilARewriteNeedsNone() throws IOException {
    FsStorageDriver driver = FsStorageDriver.builder().root(temp.resolve("root")).build();
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      String cacheControl = "max-age=60, " + "x".repeat(1500);
      WriteOptions.Builder big = WriteOptions.builder().cacheControl(cacheControl);
      for (int i = 0; i < 20; i++) {
        big.metadata("k" + i, "v".repeat(90));
      }
      storage.put("big-meta", new byte[] {1, 2, 3}, big.build());
      Path file = driver.pathOf("big-meta");
      Path sidecar = file.resolveSibling(".ysh-meta").resolve("big-meta");
      assertThat(sidecar).exists();
      assertThat(hasExtendedAttributes(file)).isFalse();
      ObjectInfo info = storage.stat("big-meta");
      assertThat(info.cacheControl()).isEqualTo(cacheControl);
      assertThat(info.metadata()).hasSize(20).containsEntry("k7", "v".repeat(90));
      assertThat(storage.getBytes("big-meta")).containsExactly(1, 2, 3);

      storage.put("big-meta", new byte[] {4}, WriteOptions.builder().metadata("small", "yes").build());
      ObjectInfo after = storage.stat("big-meta");
      assertThat(after.metadata()).containsExactly(java.util.Map.entry("small", "yes"));
      assertThat(after.cacheControl()).isNull();
      assertThat(storage.getBytes("big-meta")).containsExactly(4);
      assertThat(Files.exists(sidecar)).isEqualTo(!hasExtendedAttributes(file));
    }
  }

  @Test
  void concurrentReadersNeverPairOneVersionsMetadataWithAnothersBytes() throws Exception {
    // the sidecar layout has a window between its two renames: readers in it start over and, under
    // a writer that never stops, may give up (UNAVAILABLE or INTERNAL), never pair (see the README)
    assumeTrue(fileSystemHasAttributes(), "the temporary directory's file system has no user extended attributes");
    FsStorageDriver driver = FsStorageDriver.builder().root(temp.resolve("root")).build();
    byte[][] versions = new byte[2][];
    for (int v = 0; v < 2; v++) {
      versions[v] = new byte[20_000 + v * 7_000];
      new Random(v).nextBytes(versions[v]);
    }
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      storage.put("hot", versions[0]);
      AtomicBoolean stop = new AtomicBoolean();
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        Future<Integer> writer = pool.submit(() -> {
          int n = 0;
          while (!stop.get()) {
            storage.put("hot", versions[n++ % 2]);
          }
          return n;
        });
        List<Future<Integer>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
          readers.add(pool.submit(() -> {
            int n = 0;
            while (!stop.get()) {
              try {
                byte[] got = storage.getBytes("hot");
                ObjectInfo info = storage.stat("hot");
                if (!java.util.Arrays.equals(got, versions[0]) && !java.util.Arrays.equals(got, versions[1])) {
                  failures.add(new AssertionError("read " + got.length + " bytes of neither version"));
                }
                int v = info.size() == versions[0].length ? 0 : 1;
                if (info.size() != versions[v].length || !crc32c(versions[v]).equals(info.crc32c())) {
                  failures.add(new AssertionError("stat paired size " + info.size() + " with CRC32C " + info.crc32c()));
                }
                n++;
              } catch (RuntimeException e) {
                failures.add(e);
              }
            }
            return n;
          }));
        }
        TimeUnit.MILLISECONDS.sleep(1500);
        stop.set(true);
        assertThat(writer.get(10, TimeUnit.SECONDS)).isGreaterThan(10);
        for (Future<Integer> r : readers) {
          assertThat(r.get(10, TimeUnit.SECONDS)).isGreaterThan(10);
        }
      } finally {
        stop.set(true);
        pool.shutdownNow();
      }
      assertThat(failures).isEmpty();
    }
  }
}
