package io.ysh.aneel;

import java.text.Normalizer;
import java.util.Locale;

/** Text normalisation shared by records and the calculator. */
final class Texts {

  private Texts() {}

  /** Lowercase, without accents, single spaces: for matching names that drift between files. */
  static String key(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    boolean ascii = true;
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) > 0x7F) {
        ascii = false;
        break;
      }
    }
    if (!ascii) {
      t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
      t = t.replace('\u2013', '-').replace('\u2014', '-');
    }
    StringBuilder sb = new StringBuilder(t.length());
    boolean space = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        space = true;
        continue;
      }
      if (space && sb.length() > 0) {
        sb.append(' ');
      }
      space = false;
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString();
  }

  /** A CNPJ as the 14-character string: digits kept, leading zeros restored, separators dropped. */
  static String cnpj(String s) {
    if (s == null) {
      return "";
    }
    if (s.length() == 14 && allDigits(s)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(14);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toUpperCase(c));
      }
    }
    // a float-parsed export gives "4065033000170.0": drop a trailing ".0" fraction
    String v = sb.toString();
    if (s.endsWith(".0") && v.endsWith("0") && v.length() == 15) {
      v = v.substring(0, 14);
    }
    if (v.isEmpty() || v.length() >= 14) {
      return v;
    }
    return "0".repeat(14 - v.length()) + v;
  }

  /** Subgroups drift in case ("A3a"/"A3A"): canonical form is upper-case letter and digit, lower-case suffix. */
  static String subgroup(String s) {
    if (s == null) {
      return "";
    }
    if (s.length() == 2 && Character.isUpperCase(s.charAt(0)) && Character.isDigit(s.charAt(1))) {
      return s;
    }
    String t = s.strip();
    if (t.length() >= 3 && Character.isLetter(t.charAt(2))) {
      return t.substring(0, 2).toUpperCase(Locale.ROOT) + t.substring(2).toLowerCase(Locale.ROOT);
    }
    return t.toUpperCase(Locale.ROOT);
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
