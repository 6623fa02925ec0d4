package io.ysh.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

  @Test
  void resolvesAgainstTheObjectSize() {
    assertThat(ByteRange.of(2, 3).resolve(10)).containsExactly(2, 5);
    assertThat(ByteRange.of(8, 30).resolve(10)).containsExactly(8, 10);
    assertThat(ByteRange.from(12).resolve(10)).containsExactly(10, 10);
    assertThat(ByteRange.suffix(4).resolve(10)).containsExactly(6, 10);
    assertThat(ByteRange.suffix(40).resolve(10)).containsExactly(0, 10);
  }

  @Test
  void httpHeaders() {
    assertThat(ByteRange.of(0, 100).httpHeader()).isEqualTo("bytes=0-99");
    assertThat(ByteRange.from(100).httpHeader()).isEqualTo("bytes=100-");
    assertThat(ByteRange.suffix(10).httpHeader()).isEqualTo("bytes=-10");
    assertThat(ByteRange.of(5, 0).httpHeader()).isNull();
  }
}
