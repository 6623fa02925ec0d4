package io.ysh.aneel;

/** The unit of a tariff row's TUSD and TE ({@code DscUnidadeTerciaria}). */
public enum TariffUnit {
  /** R$/MWh: energy. The only unit that adds up to an energy price. */
  MWH,
  /** R$/kW: demand. TE is zero on these rows; never add them to energy. */
  KW,
  /** Any other unit the file may carry. */
  OTHER;

  /**
   * Reads the unit column ({@code "MWh"}, {@code "kW"}, and the 2022 datastore's {@code "R$/MWh"}).
   *
   * @param text the column text
   * @return the unit, {@link #OTHER} when not recognised
   */
  public static TariffUnit fromText(String text) {
    if ("MWh".equals(text)) {
      return MWH;
    }
    if ("kW".equals(text)) {
      return KW;
    }
    String k = Texts.key(text).replace("r$/", "");
    return switch (k) {
      case "mwh" -> MWH;
      case "kw" -> KW;
      default -> OTHER;
    };
  }
}
