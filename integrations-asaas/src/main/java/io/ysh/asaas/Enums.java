package io.ysh.asaas;

import java.util.Locale;

/** Lenient enum parsing shared by the typed accessors of the response records. */
final class Enums {

  private Enums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String raw, E unknown) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return unknown;
    }
  }
}
