package io.ysh.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** The CRC32C check the driver puts on downloads of objects without an MD5 (composite objects). */
class Crc32cCheckingStreamTest {

  private static final byte[] DATA = "composite object bytes".getBytes(StandardCharsets.UTF_8);

  private static long crc(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data);
    return c.getValue();
  }

  @Test
  void intactBytesPassThrough() throws IOException {
    try (InputStream in = new Crc32cCheckingStream(new ByteArrayInputStream(DATA), "k", crc(DATA))) {
      assertThat(in.readAllBytes()).isEqualTo(DATA);
    }
  }

  @Test
  void skippedBytesAreStillHashed() throws IOException {
    try (InputStream in = new Crc32cCheckingStream(new ByteArrayInputStream(DATA), "k", crc(DATA))) {
      assertThat(in.skip(5)).isEqualTo(5);
      assertThat(in.readAllBytes()).hasSize(DATA.length - 5);
    }
  }

  @Test
  void corruptedBytesFailAtTheEndWithAnInternalError() {
    byte[] corrupted = DATA.clone();
    corrupted[3] ^= 1;
    InputStream in = new Crc32cCheckingStream(new ByteArrayInputStream(corrupted), "k", crc(DATA));
    Throwable t = catchThrowable(in::readAllBytes);
    assertThat(t).isInstanceOf(IOException.class).hasMessageContaining("checksum mismatch");
    YshException mapped = GcsErrors.map(t);
    assertThat(mapped.code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(mapped.isRetryable()).isFalse();
  }
}
