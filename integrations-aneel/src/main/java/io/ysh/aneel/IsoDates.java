package io.ysh.aneel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/** Fast ISO date parsing for the millions of dates in a bulk file. */
final class IsoDates {

  private IsoDates() {}

  /** Parses yyyy-MM-dd (a time part after it, as in {@code 2026-01-16 00:00:00}, is ignored); null when malformed. */
  static LocalDate parseOrNull(String s) {
    if (s == null || s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int y = digits(s, 0, 4);
    int m = digits(s, 5, 7);
    int d = digits(s, 8, 10);
    if (y < 0 || m < 0 || d < 0) {
      return null;
    }
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Parses yyyy-MM-dd or yyyy-MM, or MM/yyyy, to the month; null when malformed. */
  static YearMonth monthOrNull(String s) {
    if (s == null) {
      return null;
    }
    try {
      if (s.length() >= 7 && s.charAt(4) == '-') {
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        return y < 0 || m < 0 ? null : YearMonth.of(y, m);
      }
      if (s.length() == 7 && s.charAt(2) == '/') {
        int m = digits(s, 0, 2);
        int y = digits(s, 3, 7);
        return y < 0 || m < 0 ? null : YearMonth.of(y, m);
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
