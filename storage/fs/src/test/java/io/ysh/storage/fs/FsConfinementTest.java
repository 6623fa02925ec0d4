package io.ysh.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ObjectStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.ysh.storage.WriteOptions;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fs driver never reads or writes outside its root. */
class FsConfinementTest {

  @TempDir Path temp;
  Path root;
  Path outside;
  ObjectStorage storage;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(temp.resolve("root"));
    outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "top secret");
    storage = ObjectStorage.open(root.toUri().toString());
  }

  private static void assertCode(ErrorCode code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
  }

  @Test
  void traversalAbsoluteAndBackslashKeysAreRefused() {
    for (String key : List.of("../outside/secret.txt", "a/../../outside/secret.txt", "/etc/passwd",
        "..\\outside\\secret.txt", "a\\..\\..\\x", "..", ".")) {
      assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.getBytes(key));
      assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.put(key, new byte[] {1}));
      assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.delete(key));
    }
    assertThat(outside.resolve("secret.txt")).hasContent("top secret");
    assertThat(temp.resolve("x")).doesNotExist();
  }

  @Test
  void symlinkedFileIsRefusedAndNeverListed() throws Exception {
    Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
    assertCode(ErrorCode.PERMISSION_DENIED, () -> storage.getBytes("link.txt"));
    assertThat(storage.list("").map(ListEntry::key).collect(Collectors.toList())).doesNotContain("link.txt");
  }

  @Test
  void symlinkedDirectoryLeadingOutsideIsRefused() throws Exception {
    Files.createSymbolicLink(root.resolve("escape"), outside);
    assertCode(ErrorCode.PERMISSION_DENIED, () -> storage.getBytes("escape/secret.txt"));
    assertCode(ErrorCode.PERMISSION_DENIED, () -> storage.put("escape/new.txt", new byte[] {1}));
    assertCode(ErrorCode.PERMISSION_DENIED, () -> storage.delete("escape/secret.txt"));
    assertThat(outside.resolve("new.txt")).doesNotExist();
    assertThat(outside.resolve("secret.txt")).exists();
  }

  /** Every operation on a key whose directory is a link (outside or inside): refused, no effect. */
  @Test
  void everyOperationThroughALinkedDirectoryIsRefusedWithoutEffect() throws Exception {
    Sentinel sentinel = new Sentinel(temp.resolve("sentinel"));
    storage.put("real/x", "inside".getBytes(StandardCharsets.UTF_8));
    Files.createSymbolicLink(root.resolve("out"), sentinel.dir());
    Files.createSymbolicLink(root.resolve("in"), root.resolve("real"));
    Files.createSymbolicLink(root.resolve("file"), sentinel.file());
    Map<String, String> before = sentinel.snapshot();
    Path upload = Files.writeString(temp.resolve("up"), "up");
    for (String key : List.of("out/x", "out/a/x", "out/new/deeper/x", "in/x", "in/new/x", "file", "file/x")) {
      ErrorCode expected = ErrorCode.PERMISSION_DENIED;
      assertCode(expected, () -> storage.getBytes(key));
      assertCode(expected, () -> storage.stat(key));
      assertCode(expected, () -> storage.download(key, temp.resolve("dl")));
      assertCode(expected, () -> storage.exists(key));
      assertCode(expected, () -> storage.delete(key));
      assertCode(expected, () -> storage.deleteAll(List.of(key)));
      ErrorCode write = expected;
      assertCode(write, () -> storage.put(key, new byte[] {1}));
      assertCode(write, () -> storage.put(key, upload, WriteOptions.defaults()));
      assertCode(write, () -> {
        try (var w = storage.openWriter(key, WriteOptions.defaults())) {
          w.write(1);
        } catch (java.io.IOException e) {
          throw e.getCause(); // ObjectWriter.close wraps the refusal
        }
      });
      assertCode(write, () -> storage.copy("real/x", key));
      assertCode(expected, () -> storage.copy(key, "copied"));
      assertThat(temp.resolve("dl")).doesNotExist();
    }
    assertCode(ErrorCode.PERMISSION_DENIED, () -> storage.list("out/").count());
    assertCode(ErrorCode.PERMISSION_DENIED, () -> storage.list("in/x").count());
    assertThat(storage.list("").map(ListEntry::key).collect(Collectors.toList())).containsExactly("real/x");
    sentinel.assertUnchanged(before);
    try (var files = Files.list(root)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("real", "out", "in", "file");
    }
    try (var files = Files.list(root.resolve("real"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x");
    }
    assertThat(storage.getBytes("real/x")).asString().isEqualTo("inside");
  }

  /** A .ysh-meta directory (or one sidecar) that is a link: reads and writes are refused, nothing outside changes. */
  @Test
  void aLinkedSidecarDirectoryOrSidecarIsRefused() throws Exception {
    Sentinel sentinel = new Sentinel(temp.resolve("sentinel"));
    ObjectStorage sidecars = ObjectStorage.builder(
        FsStorageDriver.builder().root(root).extendedAttributes(false).build()).build();
    sidecars.put("d/x", "inside".getBytes(StandardCharsets.UTF_8));
    sidecars.put("e/x", "inside".getBytes(StandardCharsets.UTF_8));
    Path meta = root.resolve("d/.ysh-meta");
    try (var files = Files.walk(meta)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(f);
      }
    }
    Files.createSymbolicLink(meta, sentinel.dir().resolve(".ysh-meta"));
    Path sidecar = root.resolve("e/.ysh-meta/x");
    Files.delete(sidecar);
    Files.createSymbolicLink(sidecar, sentinel.dir().resolve(".ysh-meta/x"));
    Map<String, String> before = sentinel.snapshot();
    for (ObjectStorage s : List.of(sidecars, storage)) {
      for (String key : List.of("d/x", "e/x")) {
        assertCode(ErrorCode.PERMISSION_DENIED, () -> s.stat(key));
        assertCode(ErrorCode.PERMISSION_DENIED, () -> s.getBytes(key));
        assertCode(ErrorCode.PERMISSION_DENIED, () -> s.copy(key, "copied"));
      }
      assertCode(ErrorCode.PERMISSION_DENIED, () -> s.put("d/x", new byte[] {1}));
      assertCode(ErrorCode.PERMISSION_DENIED, () -> s.put("d/y", new byte[] {1}));
      assertCode(ErrorCode.PERMISSION_DENIED, () -> s.delete("d/x"));
    }
    sentinel.assertUnchanged(before);
    assertThat(root.resolve("d/x")).hasContent("inside");
    assertThat(root.resolve("d/y")).doesNotExist();
    assertThat(root.resolve("copied")).doesNotExist();
  }

  @Test
  void segmentsOverTheNameLimitAreInvalidBeforeAnythingIsWritten() throws Exception {
    String limit = "n".repeat(255);
    storage.put("dir/" + limit, new byte[] {1});
    assertThat(storage.getBytes("dir/" + limit)).containsExactly(1);
    for (String segment : List.of("n".repeat(256), "é".repeat(128), "\uD83D\uDE00".repeat(64) + "x")) {
      String key = "fresh/" + segment + "/x";
      assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.put(key, new byte[] {1}));
      assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.put("fresh/" + segment, new byte[] {1}));
      assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.getBytes(key));
      assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.copy("dir/" + limit, key));
    }
    assertThat(root.resolve("fresh")).doesNotExist();
    try (var files = Files.list(root)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("dir"); // no temporary file left
    }
  }

  /** Keys are stored as their UTF-8 bytes: NFC and NFD spellings are two objects. */
  @Test
  void keysDifferingOnlyByUnicodeNormalizationAreDistinctObjects() {
    String nfc = java.text.Normalizer.normalize("café/olá.txt", java.text.Normalizer.Form.NFC);
    String nfd = java.text.Normalizer.normalize(nfc, java.text.Normalizer.Form.NFD);
    assertThat(nfc).isNotEqualTo(nfd);
    storage.put(nfc, new byte[] {1});
    assertCode(ErrorCode.NOT_FOUND, () -> storage.getBytes(nfd));
    storage.put(nfd, new byte[] {2});
    assertThat(storage.getBytes(nfc)).containsExactly(1);
    assertThat(storage.getBytes(nfd)).containsExactly(2);
    assertThat(storage.list("").map(ListEntry::key).collect(Collectors.toList())).containsExactlyInAnyOrder(nfc, nfd);
  }

  @Test
  void reservedNamesAreRefused() {
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.put(".ysh-meta/x", new byte[] {1}));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.put("a/.ysh-tmp-1", new byte[] {1}));
  }

  @Test
  void objectsAreFilesUnderTheRootAndSidecarsAreHidden() throws Exception {
    storage.put("docs/a b.txt", "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(root.resolve("docs").resolve("a b.txt")).hasContent("hello");
    assertThat(storage.list("").map(ListEntry::key).collect(Collectors.toList())).containsExactly("docs/a b.txt");
    storage.delete("docs/a b.txt");
    assertThat(root.resolve("docs")).doesNotExist();
  }

  @Test
  void aKeyCannotBeBothAnObjectAndADirectory() {
    storage.put("a", new byte[] {1});
    assertCode(ErrorCode.ALREADY_EXISTS, () -> storage.put("a/b", new byte[] {2}));
    storage.put("c/d", new byte[] {1});
    assertCode(ErrorCode.ALREADY_EXISTS, () -> storage.put("c", new byte[] {2}));
    assertThat(storage.getBytes("a")).containsExactly(1);
    storage.delete("c");
    assertThat(storage.getBytes("c/d")).containsExactly(1);
  }

  @Test
  void missingRootWithCreateFalseIsInvalid() {
    assertCode(ErrorCode.INVALID_ARGUMENT,
        () -> ObjectStorage.open(temp.resolve("nope").toUri() + "?create=false"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open(root.toUri() + "?colour=red"));
  }
}
