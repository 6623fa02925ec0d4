package io.ysh.aneel;

import java.util.Arrays;

/**
 * The tariff flag (bandeira tarifária) in force in a month.
 */
public enum TariffFlag {
  /** Green: no surcharge. */
  VERDE("Verde"),
  /** Yellow. */
  AMARELA("Amarela"),
  /** Red, level 1 (older files: "Vermelha Patamar 1"). */
  VERMELHA_P1("Vermelha P1"),
  /** Red, level 2 (older files: "Vermelha Patamar 2"). */
  VERMELHA_P2("Vermelha P2"),
  /** Water scarcity, September 2021 to April 2022. */
  ESCASSEZ_HIDRICA("Escassez Hídrica");

  private final String label;

  TariffFlag(String label) {
    this.label = label;
  }

  /**
   * ANEEL's current spelling.
   *
   * @return the label, such as {@code "Vermelha P1"}
   */
  public String label() {
    return label;
  }

  /**
   * Reads a flag name in any of the spellings ANEEL has used: case, accents and spacing are
   * ignored, a leading "Bandeira" is dropped, "Patamar 1"/"Patamar I"/"P1" are the same, and
   * "Escassez Hidrica" without the accent (or its Latin-1 bytes read as UTF-8) is accepted. A
   * plain "Vermelha" (2015, when there was one red level) is P1, as ANEEL's own series labels
   * those months.
   *
   * @param text the name
   * @return the flag
   * @throws AneelException {@code INVALID_VALUE} naming the text when it is no known flag
   */
  public static TariffFlag fromText(String text) {
    String k = Texts.key(text).replace("\uFFFD", "i").replace("ã­", "i");
    if (k.startsWith("bandeira ")) {
      k = k.substring("bandeira ".length());
    }
    k = k.replace("-", " ").replace("_", " ").replaceAll("\\s+", " ").strip();
    switch (k) {
      case "verde":
        return VERDE;
      case "amarela":
        return AMARELA;
      case "vermelha p1":
      case "vermelha patamar 1":
      case "vermelha patamar i":
      case "vermelha 1":
      case "vermelha i":
      case "vermelha":
        return VERMELHA_P1;
      case "vermelha p2":
      case "vermelha patamar 2":
      case "vermelha patamar ii":
      case "vermelha 2":
      case "vermelha ii":
        return VERMELHA_P2;
      default:
        if (k.startsWith("escassez")) {
          return ESCASSEZ_HIDRICA;
        }
        throw AneelException.of(
            AneelException.Problem.INVALID_VALUE,
            "\"" + text + "\" is not a tariff flag (known: " + Arrays.stream(values()).map(TariffFlag::label).toList() + ")");
    }
  }
}
