package io.ysh.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void neverPrintsItsValue() {
    qt().withExamples(300)
        .forAll(strings().betweenCodePoints(0x21, 0xD7FF).ofLengthBetween(5, 64))
        .checkAssert(
            value -> {
              Secret s = Secret.of(value);
              record Holder(String user, Secret password) {}
              assertThat(s.toString()).doesNotContain(value).isEqualTo("Secret[****]");
              assertThat(new Holder("ana", s).toString()).doesNotContain(value);
              assertThat(s.named("db.password").toString()).isEqualTo("Secret[db.password=****]");
              assertThat(String.valueOf(s)).doesNotContain(value);
              assertThat(s.reveal()).isEqualTo(value);
            });
  }

  @Test
  void comparesValuesNotIdentityAndIgnoresNames() {
    assertThat(Secret.of("a")).isEqualTo(Secret.of("a").named("x")).isNotEqualTo(Secret.of("b"));
    assertThat(Secret.of("a").hashCode()).isEqualTo(Secret.of("zzz").hashCode());
    assertThat(Secret.of("token").matches("token")).isTrue();
    assertThat(Secret.of("token").matches("token2")).isFalse();
    assertThat(Secret.of("token").matches(null)).isFalse();
  }

  @Test
  void binarySecretsAreCopiedAndRefuseTextReveal() {
    byte[] raw = {(byte) 0xff, 0x00, (byte) 0xfe};
    Secret s = Secret.ofBytes(raw);
    raw[0] = 1;
    assertThat(s.revealBytes()).containsExactly((byte) 0xff, 0x00, (byte) 0xfe);
    assertThatThrownBy(s::reveal)
        .isInstanceOf(YshException.class)
        .hasMessageContaining("revealBytes")
        .hasMessageNotContaining("\u00ff");
    assertThat(Secret.of("é").revealBytes()).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
  }
}
