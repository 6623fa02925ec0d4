package io.ysh.aneel;

import java.math.BigDecimal;

/**
 * Reads and writes the Brazilian decimal notation ANEEL publishes: a comma before the decimals,
 * optional dots between groups of three digits, and no digit before the comma for values under
 * one ({@code ",00"}, {@code "472,42"}, {@code "-10,27"}, {@code "1.234,56"}).
 *
 * <p>Parsing keeps the scale written ({@code ",00"} is {@code 0.00}, {@code "18,850"} is
 * {@code 18.850}); compare with {@link BigDecimal#compareTo}. A dot is accepted only as a
 * thousands separator in its proper place, so {@code "463.33"} (a decimal point) is rejected
 * rather than silently read as 46 333. Thread-safe; allocation-free apart from the result for
 * values of up to 18 digits.
 */
public final class Decimals {

  private Decimals() {}

  /**
   * Parses a decimal in Brazilian notation.
   *
   * @param text the text; surrounding spaces are ignored
   * @return the value, with the scale written
   * @throws NumberFormatException naming the text when it is empty or not such a decimal
   */
  public static BigDecimal parse(CharSequence text) {
    BigDecimal value = parseOrNull(text);
    if (value == null) {
      throw new NumberFormatException("not a decimal in Brazilian notation: \"" + text + "\"");
    }
    return value;
  }

  /**
   * Parses a decimal in Brazilian notation, or returns null when the text is not one.
   *
   * @param text the text, may be null; surrounding spaces are ignored
   * @return the value, or null for null, empty or malformed text
   */
  public static BigDecimal parseOrNull(CharSequence text) {
    if (text == null) {
      return null;
    }
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == ' ') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == ' ') {
      end--;
    }
    if (start == end) {
      return null;
    }
    int i = start;
    boolean negative = false;
    char first = text.charAt(i);
    if (first == '-' || first == '+') {
      negative = first == '-';
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int significant = 0;
    int scale = 0;
    int groupLength = 0;
    boolean grouped = false;
    boolean inFraction = false;
    boolean overflow = false;
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        if (inFraction) {
          scale++;
        } else {
          groupLength++;
        }
        if (significant > 0 || c != '0') {
          significant++;
        }
        if (significant > 18) {
          overflow = true;
        } else {
          unscaled = unscaled * 10 + (c - '0');
        }
      } else if (c == '.' && !inFraction) {
        // thousands separator: the group before must be 1..3 digits (first) or exactly 3
        if (groupLength == 0 || groupLength > 3 || (grouped && groupLength != 3)) {
          return null;
        }
        grouped = true;
        groupLength = 0;
      } else if (c == ',' && !inFraction) {
        if (grouped && groupLength != 3) {
          return null;
        }
        inFraction = true;
      } else {
        return null;
      }
    }
    if (digits == 0 || (inFraction && scale == 0) || (!inFraction && grouped && groupLength != 3)) {
      return null;
    }
    if (overflow) {
      return slowParse(text, start, end);
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
  }

  private static BigDecimal slowParse(CharSequence text, int start, int end) {
    StringBuilder sb = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == ',') {
        sb.append('.');
      } else if (c != '.') {
        sb.append(c);
      }
    }
    // BigDecimal reads ".5" and "-.5" itself.
    return new BigDecimal(sb.toString());
  }

  /**
   * Formats a decimal the way ANEEL writes it: comma before the decimals, no thousands
   * separators, and no zero before the comma for values under one ({@code 0.00} is
   * {@code ",00"}, {@code -0.5} is {@code "-,5"}).
   *
   * @param value the value
   * @return the text, which {@link #parse(CharSequence)} reads back to an equal value and scale
   */
  public static String format(BigDecimal value) {
    String plain = value.toPlainString().replace('.', ',');
    if (plain.startsWith("0,")) {
      return plain.substring(1);
    }
    if (plain.startsWith("-0,")) {
      return "-" + plain.substring(2);
    }
    return plain;
  }
}
