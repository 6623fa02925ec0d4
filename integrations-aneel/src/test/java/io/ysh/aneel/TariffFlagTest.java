package io.ysh.aneel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TariffFlagTest {

  @Test
  void readsEverySpellingAneelUsed() {
    assertThat(TariffFlag.fromText("Verde")).isEqualTo(TariffFlag.VERDE);
    assertThat(TariffFlag.fromText(" AMARELA ")).isEqualTo(TariffFlag.AMARELA);
    assertThat(TariffFlag.fromText("Vermelha P1")).isEqualTo(TariffFlag.VERMELHA_P1);
    assertThat(TariffFlag.fromText("Vermelha Patamar 1")).isEqualTo(TariffFlag.VERMELHA_P1);
    assertThat(TariffFlag.fromText("Bandeira Vermelha - Patamar 2")).isEqualTo(TariffFlag.VERMELHA_P2);
    assertThat(TariffFlag.fromText("vermelha patamar II")).isEqualTo(TariffFlag.VERMELHA_P2);
    assertThat(TariffFlag.fromText("Escassez Hídrica")).isEqualTo(TariffFlag.ESCASSEZ_HIDRICA);
    assertThat(TariffFlag.fromText("Escassez Hidrica")).isEqualTo(TariffFlag.ESCASSEZ_HIDRICA);
    assertThat(TariffFlag.fromText("Escassez HÃ­drica")).isEqualTo(TariffFlag.ESCASSEZ_HIDRICA);
    assertThat(TariffFlag.VERMELHA_P1.label()).isEqualTo("Vermelha P1");
  }

  @Test
  void unknownFlagIsNamed() {
    assertThatThrownBy(() -> TariffFlag.fromText("Roxa"))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.INVALID_VALUE))
        .hasMessageContaining("Roxa");
  }
}
