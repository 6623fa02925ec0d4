package io.ysh.secrets.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.secrets.SecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links planted in a secrets directory never lead the file driver outside it: reads of links
 * leading outside are refused, listings do not name them, writes and deletes follow no link, and a
 * directory swapped for a link during reads and writes changes nothing outside.
 */
class DirectorySecretConfinementTest {

  private static final String MARKER = "OUTSIDE-SENTINEL";

  @TempDir Path temp;
  Path dir;
  Path outside;
  SecretStore store;

  @BeforeEach
  void setUp() throws IOException {
    dir = Files.createDirectories(temp.resolve("secrets"));
    outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("x"), MARKER + " x");
    Files.writeString(outside.resolve("secret"), MARKER + " secret");
    Files.createDirectories(outside.resolve("sub"));
    Files.writeString(outside.resolve("sub/x"), MARKER + " sub/x");
    store = SecretStore.open("file://" + dir.toUri().getPath());
  }

  private Map<String, String> snapshot() throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(outside)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        all.put(outside.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "dir");
      }
    }
    return all;
  }

  private static ErrorCode code(Runnable r) {
    YshException e = catchThrowableOfType(YshException.class, r::run);
    assertThat(e).as("an exception").isNotNull();
    assertThat(e.getMessage()).doesNotContain(MARKER);
    return e.code();
  }

  @Test
  void linksLeadingOutsideAreRefusedAndNeverListed() throws IOException {
    Files.createSymbolicLink(dir.resolve("file-link"), outside.resolve("secret"));
    Files.createSymbolicLink(dir.resolve("dir-link"), outside);
    Files.createSymbolicLink(dir.resolve("relative-link"), Path.of("../outside/secret"));
    store.put("real/x", "inside");
    Map<String, String> before = snapshot();
    for (String name : new String[] {"file-link", "dir-link/x", "dir-link/sub/x", "relative-link"}) {
      assertThat(code(() -> store.get(name))).as(name).isEqualTo(ErrorCode.PERMISSION_DENIED);
      assertThat(code(() -> store.put(name, "overwritten"))).as(name).isEqualTo(ErrorCode.PERMISSION_DENIED);
      assertThat(code(() -> store.delete(name))).as(name).isEqualTo(ErrorCode.PERMISSION_DENIED);
    }
    assertThat(code(() -> store.put("dir-link/new/deeper", "v"))).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(store.list("").collect(Collectors.toList())).containsExactly("real/x");
    assertThat(snapshot()).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("file-link", "dir-link", "relative-link", "real");
    }
  }

  @Test
  void linksThatStayInsideAreReadButNeverWrittenThrough() throws IOException {
    store.put("real/x", "inside");
    Files.createSymbolicLink(dir.resolve("alias"), Path.of("real"));
    Files.createSymbolicLink(dir.resolve("x-alias"), Path.of("real/x"));
    assertThat(store.get("alias/x").secret().reveal()).isEqualTo("inside");
    assertThat(store.get("x-alias").secret().reveal()).isEqualTo("inside");
    assertThat(store.list("").collect(Collectors.toList())).containsExactly("alias/x", "real/x", "x-alias");
    assertThat(code(() -> store.put("alias/x", "changed"))).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(code(() -> store.put("x-alias", "changed"))).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(code(() -> store.delete("alias/x"))).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(store.get("real/x").secret().reveal()).isEqualTo("inside");
  }

  @Test
  void aDirectorySwappedForALinkDuringReadsAndWritesNeverLeadsOutside() throws Exception {
    store.put("a/x", "inside");
    Map<String, String> before = snapshot();
    AtomicBoolean stop = new AtomicBoolean();
    Thread swapper = new Thread(() -> {
      Path a = dir.resolve("a");
      Path aside = dir.resolve("aside");
      while (!stop.get()) {
        try {
          Files.move(a, aside);
          Files.createSymbolicLink(a, outside);
          Files.delete(a);
          Files.move(aside, a);
        } catch (IOException e) {
          try {
            if (Files.isSymbolicLink(a)) {
              Files.delete(a);
            }
            if (Files.exists(aside) && !Files.exists(a)) {
              Files.move(aside, a);
            }
          } catch (IOException ignored) {
            // next round
          }
        }
      }
    });
    swapper.start();
    long until = System.nanoTime() + 2_000_000_000L;
    int i = 0;
    while (System.nanoTime() < until) {
      try {
        switch (i++ % 4) {
          case 0 -> assertThat(store.get("a/x").secret().reveal()).doesNotContain(MARKER);
          case 1 -> store.put("a/x", "inside");
          case 2 -> store.list("").forEach(n -> assertThat(n).doesNotContain("secret").doesNotContain("sub"));
          default -> store.delete("a/x");
        }
      } catch (YshException e) {
        assertThat(e.getMessage()).doesNotContain(MARKER);
      }
    }
    stop.set(true);
    swapper.join();
    assertThat(snapshot()).isEqualTo(before);
  }
}
