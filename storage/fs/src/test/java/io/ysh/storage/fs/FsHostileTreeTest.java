package io.ysh.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.ObjectWriter;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.spi.DriverReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fs driver under attack: random trees inside the root with symbolic links planted at random
 * segments (to outside directories, outside files, places inside the root, nowhere), random
 * operations with random keys; afterwards the tree outside the root is byte for byte unchanged and
 * no operation returned outside bytes, metadata or names. Also a writer racing a directory swap.
 */
class FsHostileTreeTest {

  private static final String[] SEGMENTS = {"a", "b", "c", "x", "y"};

  @TempDir Path temp;

  private static String randomKey(Random r) {
    int depth = 1 + r.nextInt(3);
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      key.append(i == 0 ? "" : "/").append(SEGMENTS[r.nextInt(SEGMENTS.length)]);
    }
    return key.toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(p);
      }
    }
  }

  /** Replaces an entry of the root (a directory, a file or nothing) by a link to the target. */
  private static void plant(Path root, String key, Path target) throws IOException {
    Path at = root;
    for (String segment : key.split("/")) {
      if (Files.isSymbolicLink(at) || Files.isRegularFile(at, LinkOption.NOFOLLOW_LINKS)) {
        return; // under a link or a file already: planted elsewhere
      }
      at = at.resolve(segment);
    }
    Files.createDirectories(at.getParent());
    if (Files.isSymbolicLink(at) || Files.isRegularFile(at, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(at);
    } else if (Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS)) {
      deleteTree(at);
    }
    Files.createSymbolicLink(at, target);
  }

  @Test
  void randomOperationsOnTreesWithPlantedLinksNeverReachOutside() {
    AtomicInteger example = new AtomicInteger();
    qt().withExamples(40).forAll(longs().all(), integers().between(1, 6), integers().between(10, 40))
        .checkAssert((seed, links, ops) -> {
          try {
            attack(temp.resolve("ex" + example.incrementAndGet()), new Random(seed), links, ops);
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
  }

  private void attack(Path base, Random r, int links, int ops) throws IOException {
    Path root = base.resolve("root");
    Sentinel sentinel = new Sentinel(base.resolve("outside"));
    Path downloads = Files.createDirectories(base.resolve("downloads"));
    Path upload = Files.writeString(base.resolve("upload.bin"), "uploaded");
    FsStorageDriver driver = FsStorageDriver.builder().root(root).extendedAttributes(r.nextBoolean()).build();
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      for (int i = 0; i < 8; i++) {
        try {
          storage.put(randomKey(r), ("inside " + i).getBytes(StandardCharsets.UTF_8),
              WriteOptions.builder().metadata("n", "" + i).build());
        } catch (YshException e) {
          // a key under an object (a/b when a is one): fine
        }
      }
      List<Path> targets = List.of(sentinel.dir(), sentinel.dir().resolve("a"), sentinel.file(),
          sentinel.dir().resolve(".ysh-meta"), root.resolve("a"), root.resolve("b/x"), base.resolve("nowhere"));
      for (int i = 0; i < links; i++) {
        String at = r.nextInt(4) == 0 ? randomKey(r).replaceFirst("[^/]*$", ".ysh-meta") : randomKey(r);
        plant(root, at, targets.get(r.nextInt(targets.size())));
      }
      Map<String, String> before = sentinel.snapshot();
      for (int i = 0; i < ops; i++) {
        operate(storage, r, downloads, upload);
      }
      sentinel.assertUnchanged(before);
    }
    deleteTree(base);
  }

  /** One random operation; any refusal is fine, a leak or an outside effect is not. */
  private static void operate(ObjectStorage storage, Random r, Path downloads, Path upload) {
    String key = randomKey(r);
    try {
      switch (r.nextInt(11)) {
        case 0 -> assertThat(Sentinel.leaks(storage.getBytes(key))).as("get %s", key).isFalse();
        case 1 -> assertNoLeak(storage.stat(key));
        case 2 -> storage.exists(key);
        case 3 -> storage.put(key, "new".getBytes(StandardCharsets.UTF_8),
            WriteOptions.builder().contentType("text/plain").metadata("big", "m".repeat(r.nextBoolean() ? 1 : 4000))
                .build());
        case 4 -> storage.put(key, upload, WriteOptions.defaults());
        case 5 -> {
          try (ObjectWriter w = storage.openWriter(key, WriteOptions.defaults())) {
            w.write("streamed".getBytes(StandardCharsets.UTF_8));
          }
        }
        case 6 -> storage.copy(key, randomKey(r));
        case 7 -> storage.delete(key);
        case 8 -> storage.deleteAll(List.of(key, randomKey(r)));
        case 9 -> {
          String prefix = r.nextBoolean() ? "" : key.substring(0, 1 + r.nextInt(key.length()));
          try (Stream<ListEntry> entries = storage.list(prefix)) {
            for (ListEntry e : (Iterable<ListEntry>) entries::iterator) {
              assertThat(e.key()).doesNotContain("secret").doesNotContain(".ysh");
            }
          }
        }
        default -> {
          Path target = downloads.resolve("d" + r.nextInt(1000));
          storage.download(key, target);
          assertThat(Sentinel.leaks(Files.readAllBytes(target))).as("download %s", key).isFalse();
        }
      }
    } catch (YshException e) {
      assertThat(e.getMessage()).doesNotContain(Sentinel.MARKER);
    } catch (IOException e) {
      if (!(e.getCause() instanceof YshException y)) {
        throw new AssertionError(e); // ObjectWriter.close wraps a refusal in an IOException
      }
      assertThat(y.getMessage()).doesNotContain(Sentinel.MARKER);
    }
  }

  private static void assertNoLeak(ObjectInfo info) {
    assertThat(info.contentType()).isNotEqualTo(Sentinel.LEAK_TYPE);
    assertThat(info.metadata()).doesNotContainEntry("origin", Sentinel.LEAK_ORIGIN);
  }

  /** Options whose metadata names the bytes they go with: content type inside/TAG, tag=TAG. */
  private static WriteOptions.Builder tagged(String tag) {
    return WriteOptions.builder().contentType("inside/" + tag).metadata("tag", tag);
  }

  /** Metadata that is one of the race test's own writes: never the outside files', never missing. */
  private static String assertOwn(ObjectInfo info) {
    assertNoLeak(info);
    assertThat(info.contentType()).as("content type of %s", info.key()).startsWith("inside/");
    String tag = info.contentType().substring("inside/".length());
    assertThat(info.metadata()).as("user metadata of %s", info.key()).containsEntry("tag", tag);
    return tag;
  }

  /**
   * A stat, or a read through the driver (which returns metadata with the bytes): the metadata
   * must be the race test's own, and the read's must name the bytes returned.
   */
  private static void readMetadata(ObjectStorage storage, FsStorageDriver driver, String key, boolean stat)
      throws IOException {
    if (stat) {
      assertOwn(storage.stat(key));
      return;
    }
    DriverReader reader = driver.read(key, null);
    try (InputStream in = reader.stream()) {
      byte[] bytes = in.readAllBytes();
      assertThat(Sentinel.leaks(bytes)).isFalse();
      assertThat(assertOwn(reader.info())).as("the metadata returned with the bytes")
          .isEqualTo(new String(bytes, StandardCharsets.ISO_8859_1));
    }
  }

  /**
   * A thread keeps swapping a directory of the root for a link to the outside tree (and back)
   * while others read, write, copy, list and delete under it. The outside files carry the
   * driver's metadata (as an attribute without an identity, as earlier versions wrote it, or
   * with their own identity, as this version writes it): a stat or a get that returned their
   * content type or user metadata would fail here. Every write tags its metadata with its bytes,
   * so a read must return metadata that names the bytes it returns. In both metadata modes.
   */
  @Test
  void aDirectorySwappedForALinkDuringOperationsNeverLeadsOutside() throws Exception {
    Path root = temp.resolve("root");
    Sentinel sentinel = new Sentinel(temp.resolve("outside"));
    Path upload = Files.writeString(temp.resolve("upload.bin"), "uploaded");
    Map<String, String> before = sentinel.snapshot();
    for (boolean attributes : new boolean[] {true, false}) {
      FsStorageDriver driver = FsStorageDriver.builder().root(root).extendedAttributes(attributes).build();
      // no circuit breaker: refusals under the race would open it and leave the rest of the run idle
      try (ObjectStorage storage = ObjectStorage.builder(driver).resilience(ResiliencePolicy.none()).build()) {
        storage.put("a/x", "inside".getBytes(StandardCharsets.UTF_8), tagged("inside").build());
        storage.put("a/b/x", "inside".getBytes(StandardCharsets.UTF_8), tagged("inside").build());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger swaps = new AtomicInteger();
        Thread swapper = new Thread(() -> {
          Path dir = root.resolve("a");
          Path aside = root.resolve("a-aside");
          Path link = root.resolve("a-link");
          Random pause = new Random(7);
          while (!stop.get()) {
            try {
              // renames only (no create or delete while "a" is the link): the shortest swap
              if (!Files.isSymbolicLink(link)) {
                Files.createSymbolicLink(link, sentinel.dir().resolve("a"));
              }
              Files.move(dir, aside);
              Files.move(link, dir);
              Thread.onSpinWait();
              Files.move(dir, link);
              Files.move(aside, dir);
              swaps.incrementAndGet();
              // leave the directory in place a random while: reads must start inside it to be led out
              LockSupport.parkNanos(pause.nextInt(100_000));
            } catch (IOException e) {
              // a driver write recreated "a" meanwhile: tidy up and go on
              try {
                if (Files.isSymbolicLink(dir)) {
                  Files.delete(dir);
                }
                if (Files.exists(aside) && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                  Files.move(aside, dir);
                } else if (Files.exists(aside)) {
                  deleteTree(aside);
                }
              } catch (IOException ignored) {
                // next round
              }
            }
          }
        });
        // a second thread reads metadata only, so that more reads fall inside a swap
        List<Throwable> readerFailures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger readerReads = new AtomicInteger();
        Thread reader = new Thread(() -> {
          Random rr = new Random(43);
          while (!stop.get()) {
            try {
              readMetadata(storage, driver, rr.nextBoolean() ? "a/x" : "a/b/x", rr.nextBoolean());
              readerReads.incrementAndGet();
            } catch (YshException | IOException e) {
              // refused or missing meanwhile: fine (the messages are checked in the main loop)
            } catch (Throwable t) {
              readerFailures.add(t);
              return;
            }
          }
        });
        Random r = new Random(42);
        int ops = 0;
        int metadataReads = 0;
        swapper.start();
        reader.start();
        try {
          long until = System.nanoTime() + 5_000_000_000L;
          while (System.nanoTime() < until) {
            String key = r.nextBoolean() ? "a/x" : "a/b/x";
            try {
              switch (r.nextInt(16)) {
                case 0 -> assertThat(Sentinel.leaks(storage.getBytes(key))).isFalse();
                case 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 -> {
                  readMetadata(storage, driver, key, r.nextBoolean());
                  metadataReads++;
                }
                case 11 -> storage.put(key, "new".getBytes(StandardCharsets.UTF_8),
                    tagged("new").metadata("big", "m".repeat(r.nextBoolean() ? 1 : 4000)).build());
                case 12 -> storage.put(key, upload, tagged("uploaded").build());
                case 13 -> storage.copy(key, r.nextBoolean() ? "a/y" : "c");
                case 14 -> storage.delete(key);
                default -> {
                  try (Stream<ListEntry> entries = storage.list("a/")) {
                    entries.forEach(e -> assertThat(e.key()).doesNotContain("secret"));
                  }
                }
              }
            } catch (YshException e) {
              assertThat(e.getMessage()).doesNotContain(Sentinel.MARKER);
            } catch (IOException e) {
              // the driver's read and file system errors (a refusal, a removal) are IOExceptions
              if (e.getCause() instanceof YshException y) {
                assertThat(y.getMessage()).doesNotContain(Sentinel.MARKER);
              } else {
                assertThat(FsStorageDriver.mapError(e).getMessage()).doesNotContain(Sentinel.MARKER);
              }
            }
            ops++;
          }
        } finally {
          stop.set(true); // also when an assertion failed: no swapping left behind
          swapper.join();
          reader.join();
        }
        assertThat(readerFailures).isEmpty();
        assertThat(swaps.get()).as("swaps during %s operations", ops).isGreaterThan(10);
        assertThat(metadataReads + readerReads.get()).as("metadata reads that succeeded during %s operations", ops)
            .isGreaterThan(10);
      }
      sentinel.assertUnchanged(before);
      deleteTree(root);
    }
  }
}
