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
  void symlinkedFileIsNotFollowed() throws Exception {
    Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
    assertCode(ErrorCode.NOT_FOUND, () -> storage.getBytes("link.txt"));
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
