package io.ysh.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.storage.ObjectStorage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MemoryUrlTest {

  @Test
  void sameNameSharesOneBucketInTheJvm() {
    try (ObjectStorage a = ObjectStorage.open("mem://shared-test");
        ObjectStorage b = ObjectStorage.open("mem://shared-test")) {
      a.put("k", "v".getBytes(StandardCharsets.UTF_8));
      assertThat(b.getBytes("k")).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
      assertThat(ObjectStorage.availableSchemes()).contains("mem");
    }
  }

  @Test
  void unknownParameterIsInvalid() {
    assertThatThrownBy(() -> ObjectStorage.open("mem://x?colour=blue"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void missingDriverNamesTheArtifactToAdd() {
    assertThatThrownBy(() -> ObjectStorage.open("azblob://account/container"))
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
          assertThat(e.getMessage()).contains("ysh-storage-azure");
        });
    assertThatThrownBy(() -> ObjectStorage.open("ftp://host/x"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> ObjectStorage.open(""))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> ObjectStorage.open("not a url"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
