package io.ysh.secrets.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Kubernetes-style secret volume on a real file system. */
class DirectorySecretDriverTest {

  @TempDir Path dir;

  private static YshException ysh(Runnable r) {
    YshException e = catchThrowableOfType(YshException.class, r::run);
    assertThat(e).isNotNull();
    return e;
  }

  /** The layout kubelet writes: files are symlinks into a timestamped directory via ..data. */
  private void kubernetesLayout() throws Exception {
    Path data = Files.createDirectory(dir.resolve("..2026_11_29_02_00_00.123"));
    Files.writeString(data.resolve("username"), "app\n");
    Files.writeString(data.resolve("password"), "p@ss\n");
    Files.createSymbolicLink(dir.resolve("..data"), data.getFileName());
    Files.createSymbolicLink(dir.resolve("username"), Path.of("..data/username"));
    Files.createSymbolicLink(dir.resolve("password"), Path.of("..data/password"));
  }

  @Test
  void readsAKubernetesSecretVolumeAndSkipsItsHiddenEntries() throws Exception {
    kubernetesLayout();
    try (SecretStore s = SecretStore.open("file://" + dir.toUri().getPath() + "?readOnly=true&trim=true")) {
      assertThat(s.get("password").secret().reveal()).isEqualTo("p@ss");
      assertThat(s.get("username").createdTime()).isPresent();
      assertThat(s.list("").collect(Collectors.toList())).containsExactly("password", "username");
      assertThat(s.supports(SecretCapability.PUT)).isFalse();
      assertThat(ysh(() -> s.put("password", "x")).code()).isEqualTo(ErrorCode.UNSUPPORTED);
      assertThat(ysh(() -> s.get("..data/password")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
  }

  @Test
  void withoutTrimTheBytesAreExact() throws Exception {
    kubernetesLayout();
    try (SecretStore s = SecretStore.open("file://" + dir.toUri().getPath())) {
      assertThat(s.get("password").secret().reveal()).isEqualTo("p@ss\n");
    }
  }

  @Test
  void putWritesOwnerOnlyFilesInNestedDirectories() throws Exception {
    try (SecretStore s = SecretStore.open("file://" + dir.toUri().getPath())) {
      s.put("billing/db/password", "s3cr3t");
      Path f = dir.resolve("billing/db/password");
      assertThat(Files.readString(f)).isEqualTo("s3cr3t");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
      assertThat(s.list("billing/").collect(Collectors.toList())).containsExactly("billing/db/password");
      assertThat(ysh(() -> s.get("billing/db")).code()).as("a directory is not a secret").isEqualTo(ErrorCode.NOT_FOUND);
      assertThat(ysh(() -> s.get("billing/db/password/deeper")).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }
  }

  @Test
  void pathTraversalIsRejected() {
    try (SecretStore s = SecretStore.open("file://" + dir.toUri().getPath())) {
      assertThat(ysh(() -> s.get("../etc/passwd")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(ysh(() -> s.put("a/../../x", "v")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
  }
}
