package io.ysh.aneel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One data row of an ANEEL table, from a CSV file or a datastore page, read by column name
 * (case-insensitive). Every accessor that fails names the column, the row and the value.
 * A row is valid only while its stream is at it; copy what you keep.
 */
public final class Row {

  private final Header header;
  private final List<String> fields;
  private final long line;

  Row(Header header, List<String> fields, long line) {
    this.header = header;
    this.fields = fields;
    this.line = line;
  }

  /**
   * Where the row came from: the line number in a CSV file (the header is line 1), or the
   * datastore's {@code _id}.
   *
   * @return the line number or id
   */
  public long lineNumber() {
    return line;
  }

  /**
   * The table's column names, in file order, as the header writes them.
   *
   * @return the names
   */
  public List<String> columns() {
    return header.names();
  }

  /**
   * Whether the table has the column.
   *
   * @param column the column name, any case
   * @return true when present
   */
  public boolean has(String column) {
    return header.index(column) >= 0;
  }

  /**
   * The text of a column, without leading and trailing spaces.
   *
   * @param column the column name, any case
   * @return the text, empty when the field is empty (never null)
   * @throws AneelException {@code MISSING_COLUMN} when the table has no such column
   */
  public String text(String column) {
    int i = header.index(column);
    if (i < 0) {
      throw AneelException.of(
          AneelException.Problem.MISSING_COLUMN, "no column " + column + " (header has " + header.names() + ")");
    }
    return raw(i);
  }

  /**
   * The text of a column, or null when the field is empty or the table lacks the column.
   *
   * @param column the column name, any case
   * @return the text or null
   */
  public String textOrNull(String column) {
    int i = header.index(column);
    if (i < 0) {
      return null;
    }
    String s = raw(i);
    return s.isEmpty() ? null : s;
  }

  /**
   * A decimal in Brazilian notation ({@code ",00"}, {@code "472,42"}).
   *
   * @param column the column name, any case
   * @return the value
   * @throws AneelException {@code INVALID_VALUE} naming column, row and value when the field is
   *     empty or not a number; {@code MISSING_COLUMN} when the column is absent
   */
  public BigDecimal decimal(String column) {
    String s = text(column);
    BigDecimal v = Decimals.parseOrNull(s);
    if (v == null) {
      throw invalid(column, s, "a decimal such as \"472,42\"");
    }
    return v;
  }

  /**
   * A decimal in Brazilian notation, or null when the field is empty or the column absent.
   *
   * @param column the column name, any case
   * @return the value or null
   * @throws AneelException {@code INVALID_VALUE} when the field is present but not a number
   */
  public BigDecimal decimalOrNull(String column) {
    String s = textOrNull(column);
    if (s == null) {
      return null;
    }
    BigDecimal v = Decimals.parseOrNull(s);
    if (v == null) {
      throw invalid(column, s, "a decimal such as \"472,42\"");
    }
    return v;
  }

  /**
   * An ISO date ({@code 2026-05-28}).
   *
   * @param column the column name, any case
   * @return the date
   * @throws AneelException {@code INVALID_VALUE} when the field is empty or not an ISO date
   */
  public LocalDate date(String column) {
    String s = text(column);
    LocalDate d = IsoDates.parseOrNull(s);
    if (d == null) {
      throw invalid(column, s, "an ISO date such as \"2026-05-28\"");
    }
    return d;
  }

  /**
   * An ISO date, or null when the field is empty or the column absent.
   *
   * @param column the column name, any case
   * @return the date or null
   * @throws AneelException {@code INVALID_VALUE} when the field is present but not an ISO date
   */
  public LocalDate dateOrNull(String column) {
    String s = textOrNull(column);
    if (s == null) {
      return null;
    }
    LocalDate d = IsoDates.parseOrNull(s);
    if (d == null) {
      throw invalid(column, s, "an ISO date such as \"2026-05-28\"");
    }
    return d;
  }

  AneelException invalid(String column, String value, String expected) {
    return AneelException.of(
        AneelException.Problem.INVALID_VALUE,
        "column " + column + " at row " + line + ": \"" + abbreviate(value) + "\" is not " + expected);
  }

  private String raw(int i) {
    if (i >= fields.size()) {
      return "";
    }
    String s = fields.get(i);
    if (s == null) {
      return "";
    }
    int len = s.length();
    if (len > 0 && (s.charAt(0) == ' ' || s.charAt(len - 1) == ' ')) {
      int a = 0;
      int b = len;
      while (a < b && s.charAt(a) == ' ') {
        a++;
      }
      while (b > a && s.charAt(b - 1) == ' ') {
        b--;
      }
      return s.substring(a, b);
    }
    return s;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  @Override
  public String toString() {
    return "Row[" + line + "]";
  }
}
