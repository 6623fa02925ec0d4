package io.ysh.secrets.env;

import io.ysh.core.YshException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code .env} files: {@code KEY=value} lines, optional {@code export } before the key,
 * {@code #} comments (whole lines, or after whitespace in unquoted values), blank lines,
 * single-quoted values taken literally, double-quoted values with the escapes {@code \n},
 * {@code \r}, {@code \t}, {@code \"} and {@code \\} (and real line breaks inside the quotes).
 * Unquoted values are trimmed. A later line for the same key wins. No variable expansion.
 */
public final class DotEnvFile {

  private DotEnvFile() {}

  /**
   * Parses a file's text.
   *
   * @param text the content
   * @return the keys and values, in file order
   * @throws YshException {@code INVALID_ARGUMENT} for a malformed line; the message gives the
   *     line number, never a value
   */
  public static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    int line = 1;
    int n = text.length();
    if (n > 0 && text.charAt(0) == '\uFEFF') {
      i = 1;
    }
    while (i < n) {
      int lineStart = line;
      // skip leading blanks
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i >= n) {
        break;
      }
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\n') {
          line++;
        }
        i++;
        continue;
      }
      if (c == '#') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      int keyStart = i;
      while (i < n && text.charAt(i) != '=' && text.charAt(i) != '\n') {
        i++;
      }
      if (i >= n || text.charAt(i) != '=') {
        throw YshException.invalidArgument(".env line " + lineStart + " has no '=' (expected KEY=value)");
      }
      String key = text.substring(keyStart, i).strip();
      if (key.startsWith("export ") || key.startsWith("export\t")) {
        key = key.substring(7).strip();
      }
      if (key.isEmpty() || !key.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '.' || ch == '-' || ch == '/')) {
        throw YshException.invalidArgument(".env line " + lineStart + " has an invalid key");
      }
      i++; // '='
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
        char quote = text.charAt(i++);
        boolean closed = false;
        while (i < n) {
          char v = text.charAt(i++);
          if (v == quote) {
            closed = true;
            break;
          }
          if (v == '\n') {
            line++;
          }
          if (quote == '"' && v == '\\' && i < n) {
            char e = text.charAt(i++);
            switch (e) {
              case 'n' -> value.append('\n');
              case 'r' -> value.append('\r');
              case 't' -> value.append('\t');
              case '"' -> value.append('"');
              case '\\' -> value.append('\\');
              default -> value.append('\\').append(e);
            }
          } else {
            value.append(v);
          }
        }
        if (!closed) {
          throw YshException.invalidArgument(".env line " + lineStart + " has an unterminated quoted value");
        }
        // rest of the line: only blanks or a comment
        while (i < n && text.charAt(i) != '\n') {
          char rest = text.charAt(i);
          if (rest == '#') {
            while (i < n && text.charAt(i) != '\n') {
              i++;
            }
            break;
          }
          if (rest != ' ' && rest != '\t' && rest != '\r') {
            throw YshException.invalidArgument(".env line " + lineStart + " has text after the closing quote");
          }
          i++;
        }
      } else {
        int start = i;
        while (i < n && text.charAt(i) != '\n') {
          if (text.charAt(i) == '#' && i > start && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            break;
          }
          i++;
        }
        value.append(text, start, i);
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
        String v = value.toString().strip();
        value.setLength(0);
        value.append(v);
      }
      out.put(key, value.toString());
    }
    return out;
  }

  /**
   * Formats one {@code KEY="value"} line (with a trailing newline) that {@link #parse} reads
   * back as exactly {@code value}.
   *
   * @param key the key
   * @param value the value
   * @return the line
   */
  public static String line(String key, String value) {
    StringBuilder sb = new StringBuilder(key).append("=\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> sb.append(c);
      }
    }
    return sb.append("\"\n").toString();
  }
}
