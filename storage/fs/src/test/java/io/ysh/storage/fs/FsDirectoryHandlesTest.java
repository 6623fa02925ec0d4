package io.ysh.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory handles the driver keeps open between operations: a kept handle is used only
 * while it is open on the very directory at its name, so a directory renamed away (out of the root,
 * or aside for a link), removed, or removed and made again by someone else is never written or read
 * through a kept handle; kept handles are bounded and never closed under an operation.
 */
class FsDirectoryHandlesTest {

  @TempDir Path temp;

  private static void assertCode(ErrorCode code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(YshException.class,
        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
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

  private static ObjectStorage storage(Path root) {
    return ObjectStorage.builder(FsStorageDriver.builder().root(root).build()).resilience(ResiliencePolicy.none())
        .build();
  }

  @Test
  void aDirectoryMovedOutOfTheRootIsNeverUsedThroughItsKeptHandle() throws Exception {
    Path root = temp.resolve("root");
    Path outside = Files.createDirectories(temp.resolve("outside"));
    try (ObjectStorage storage = storage(root)) {
      storage.put("d/e/x", bytes("inside"));
      assertThat(storage.getBytes("d/e/x")).isEqualTo(bytes("inside")); // d and d/e are kept now
      Files.move(root.resolve("d"), outside.resolve("d"));
      Sentinel moved = new Sentinel(outside.resolve("d")); // outside/d from here on
      Map<String, String> before = moved.snapshot();
      assertCode(ErrorCode.NOT_FOUND, () -> storage.getBytes("d/e/x"));
      assertCode(ErrorCode.NOT_FOUND, () -> storage.stat("d/e/x"));
      storage.delete("d/e/x");
      storage.put("d/e/y", bytes("new"));
      assertThat(root.resolve("d/e/y")).hasContent("new");
      assertThat(outside.resolve("d/e/y")).doesNotExist();
      assertThat(outside.resolve("d/e/x")).hasContent("inside");
      moved.assertUnchanged(before);
    }
  }

  @Test
  void aKeptDirectorySwappedForALinkIsRefused() throws Exception {
    Path root = temp.resolve("root");
    Sentinel sentinel = new Sentinel(temp.resolve("outside"));
    try (ObjectStorage storage = storage(root)) {
      storage.put("a/x", bytes("inside"));
      storage.put("a/b/x", bytes("inside"));
      assertThat(storage.getBytes("a/b/x")).isEqualTo(bytes("inside"));
      Map<String, String> before = sentinel.snapshot();
      Files.move(root.resolve("a"), root.resolve("a-aside"));
      Files.createSymbolicLink(root.resolve("a"), sentinel.dir().resolve("a"));
      for (String key : List.of("a/x", "a/b/x")) {
        assertCode(ErrorCode.PERMISSION_DENIED, () -> storage.getBytes(key));
        assertCode(ErrorCode.PERMISSION_DENIED, () -> storage.stat(key));
        assertCode(ErrorCode.PERMISSION_DENIED, () -> storage.put(key, bytes("new")));
        assertCode(ErrorCode.PERMISSION_DENIED, () -> storage.delete(key));
        assertCode(ErrorCode.PERMISSION_DENIED, () -> storage.download(key, temp.resolve("download")));
      }
      sentinel.assertUnchanged(before);
      // and back: the same directory again, usable as before
      Files.delete(root.resolve("a"));
      Files.move(root.resolve("a-aside"), root.resolve("a"));
      assertThat(storage.getBytes("a/b/x")).isEqualTo(bytes("inside"));
    }
  }

  /**
   * Someone else removes a kept directory and makes a new one under the same name (which may reuse
   * the inode number): reads, writes and deletes go to the new directory.
   */
  @Test
  void aKeptDirectoryRemovedAndMadeAgainBySomeoneElseIsNotUsed() {
    Path base = temp.resolve("remade");
    AtomicInteger example = new AtomicInteger();
    qt().withExamples(30).forAll(longs().all(), integers().between(1, 3)).checkAssert((seed, depth) -> {
      Path root = base.resolve("ex" + example.incrementAndGet());
      Random r = new Random(seed);
      String dir = Stream.of("p", "q", "r").limit(depth).collect(Collectors.joining("/"));
      try (ObjectStorage storage = storage(root)) {
        storage.put(dir + "/x", bytes("first"));
        assertThat(storage.getBytes(dir + "/x")).isEqualTo(bytes("first"));
        for (int round = 0; round < 5; round++) {
          deleteTree(root.resolve("p"));
          Files.createDirectories(root.resolve(dir));
          String content = "round " + round;
          switch (r.nextInt(4)) {
            case 0 -> {
              Files.writeString(root.resolve(dir + "/x"), content);
              assertThat(storage.getBytes(dir + "/x")).isEqualTo(bytes(content));
            }
            case 1 -> {
              storage.put(dir + "/x", bytes(content));
              assertThat(root.resolve(dir + "/x")).hasContent(content);
            }
            case 2 -> {
              Files.writeString(root.resolve(dir + "/x"), content);
              storage.delete(dir + "/x");
              assertThat(root.resolve(dir + "/x")).doesNotExist();
            }
            default -> {
              Files.writeString(root.resolve(dir + "/x"), content);
              assertThat(storage.exists(dir + "/x")).isTrue();
              assertThat(storage.stat(dir + "/x").size()).isEqualTo(content.length());
            }
          }
          assertThat(storage.exists(dir + "/missing")).isFalse();
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  private static long openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /** Many directories: the handles kept stay bounded, and closing the driver closes them. */
  @Test
  void keptHandlesAreBoundedAndClosedWithTheDriver() throws Exception {
    Path root = temp.resolve("root");
    long start = openDescriptors();
    ObjectStorage storage = storage(root);
    for (int i = 0; i < 300; i++) {
      storage.put("d" + i + "/e/x", bytes("v" + i));
      assertThat(storage.getBytes("d" + i + "/e/x")).isEqualTo(bytes("v" + i));
    }
    long during = openDescriptors();
    // 64 handles of two descriptors each, the root's, and slack for the JDK's own
    assertThat(during - start).isLessThan(2 * 64 + 20);
    storage.close();
    assertThat(openDescriptors() - start).isLessThan(10);
  }

  /** Threads over more directories than are kept: handles evicted under a walk stay open for it. */
  @Test
  void concurrentOperationsOverManyDirectoriesNeverUseAClosedHandle() throws Exception {
    Path root = temp.resolve("root");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (ObjectStorage storage = storage(root)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          Random r = new Random(thread);
          for (int i = 0; i < 400; i++) {
            String key = "d" + r.nextInt(150) + "/s" + r.nextInt(3) + "/x" + thread;
            storage.put(key, bytes(key), WriteOptions.defaults());
            assertThat(storage.getBytes(key)).isEqualTo(bytes(key));
            if (r.nextInt(5) == 0) {
              storage.delete(key); // prunes emptied directories under other threads' kept handles
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
