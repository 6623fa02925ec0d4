package io.ysh.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.ysh.core.YshException;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.ObjectWriter;
import io.ysh.storage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
  }

  /**
   * A thread keeps swapping a directory of the root for a link to the outside tree (and back)
   * while others read, write, copy, list and delete under it.
   */
  @Test
  void aDirectorySwappedForALinkDuringOperationsNeverLeadsOutside() throws Exception {
    Path root = temp.resolve("root");
    Sentinel sentinel = new Sentinel(temp.resolve("outside"));
    Path upload = Files.writeString(temp.resolve("upload.bin"), "uploaded");
    Map<String, String> before = sentinel.snapshot();
    for (boolean attributes : new boolean[] {true, false}) {
      FsStorageDriver driver = FsStorageDriver.builder().root(root).extendedAttributes(attributes).build();
      try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
        storage.put("a/x", "inside".getBytes(StandardCharsets.UTF_8));
        storage.put("a/b/x", "inside".getBytes(StandardCharsets.UTF_8));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger swaps = new AtomicInteger();
        Thread swapper = new Thread(() -> {
          Path dir = root.resolve("a");
          Path aside = root.resolve("a-aside");
          while (!stop.get()) {
            try {
              Files.move(dir, aside);
              Files.createSymbolicLink(dir, sentinel.dir().resolve("a"));
              Thread.onSpinWait();
              Files.delete(dir);
              Files.move(aside, dir);
              swaps.incrementAndGet();
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
        swapper.start();
        Random r = new Random(42);
        long until = System.nanoTime() + 3_000_000_000L;
        int ops = 0;
        while (System.nanoTime() < until) {
          String key = r.nextBoolean() ? "a/x" : "a/b/x";
          try {
            switch (r.nextInt(8)) {
              case 0 -> assertThat(Sentinel.leaks(storage.getBytes(key))).isFalse();
              // Metadata is not asserted here: a swap and swap-back around the metadata read can
              // return another file's content type and user metadata (README, threat model).
              // Bytes and names are asserted by every other case; the property test, with links
              // planted but no race, asserts metadata too.
              case 1 -> storage.stat(key);
              case 2 -> storage.put(key, "new".getBytes(StandardCharsets.UTF_8),
                  WriteOptions.builder().metadata("big", "m".repeat(r.nextBoolean() ? 1 : 4000)).build());
              case 3 -> storage.put(key, upload, WriteOptions.defaults());
              case 4 -> storage.copy(key, r.nextBoolean() ? "a/y" : "c");
              case 5 -> storage.delete(key);
              case 6 -> {
                try (Stream<ListEntry> entries = storage.list("a/")) {
                  entries.forEach(e -> assertThat(e.key()).doesNotContain("secret"));
                }
              }
              default -> {
                try (InputStream in = storage.get(key)) {
                  assertThat(Sentinel.leaks(in.readAllBytes())).isFalse();
                }
              }
            }
          } catch (YshException e) {
            assertThat(e.getMessage()).doesNotContain(Sentinel.MARKER);
          } catch (IOException e) {
            // a stream's read reports its refusal (or, with extended attributes, the checksum of
            // another file's attribute read in the window the README states) as an IOException
            if (!(e.getCause() instanceof YshException y)) {
              throw new AssertionError(e);
            }
            assertThat(y.getMessage()).doesNotContain(Sentinel.MARKER);
          }
          ops++;
        }
        stop.set(true);
        swapper.join();
        assertThat(swaps.get()).as("swaps during %s operations", ops).isGreaterThan(10);
      }
      sentinel.assertUnchanged(before);
      deleteTree(root);
    }
  }
}
