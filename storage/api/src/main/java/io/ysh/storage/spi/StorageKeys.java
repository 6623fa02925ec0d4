package io.ysh.storage.spi;

import io.ysh.core.YshException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * The portable rules for object keys, checked once by {@link io.ysh.storage.ObjectStorage}
 * before any driver sees a key, and the key order every listing uses.
 *
 * <p>A key is valid when it is 1 to 1024 bytes of UTF-8 (no unpaired surrogates), contains no
 * control character (NUL included), no backslash, does not start or end with {@code /}, has no
 * empty segment ({@code //}) and no segment that is {@code .}, {@code ..} or ends with {@code .}.
 * Spaces, {@code +}, {@code %}, {@code #}, {@code ?}, quotes, accents, CJK and emoji are fine
 * and round-trip unchanged on every driver.
 */
public final class StorageKeys {

  /** The longest key, in UTF-8 bytes. */
  public static final int MAX_KEY_BYTES = 1024;

  /**
   * Orders keys as providers list them: by UTF-8 bytes, which for valid keys equals code point
   * order (not {@link String#compareTo}, which orders UTF-16 units).
   */
  public static final Comparator<String> UTF8_ORDER = StorageKeys::compareCodePoints;

  private StorageKeys() {}

  /**
   * Validates a key.
   *
   * @param key the key
   * @return the key
   * @throws YshException {@code INVALID_ARGUMENT} naming the problem
   */
  public static String validate(String key) {
    if (key == null || key.isEmpty()) {
      throw YshException.invalidArgument("object key must not be " + (key == null ? "null" : "empty"));
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= key.length() || !Character.isLowSurrogate(key.charAt(i + 1))) {
          throw invalid(key, "has an unpaired surrogate at index " + i + " (not valid UTF-8)");
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        throw invalid(key, "has an unpaired surrogate at index " + i + " (not valid UTF-8)");
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        throw invalid(key, "contains control character U+" + String.format("%04X", (int) c) + " at index " + i);
      } else if (c == '\\') {
        throw invalid(key, "contains a backslash at index " + i + " (use '/' to separate segments)");
      }
    }
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      throw invalid(key, "is " + bytes + " UTF-8 bytes long; the limit is " + MAX_KEY_BYTES);
    }
    if (key.startsWith("/")) {
      throw invalid(key, "starts with '/'");
    }
    if (key.endsWith("/")) {
      throw invalid(key, "ends with '/'");
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty()) {
        throw invalid(key, "has an empty segment ('//')");
      }
      if (segment.endsWith(".")) {
        throw invalid(key, "has a segment that is '.', '..' or ends with '.' ('" + segment + "')");
      }
    }
    return key;
  }

  /**
   * Validates a listing prefix: empty, or what could start a valid key (no control characters,
   * no backslash, at most 1024 bytes).
   *
   * @param prefix the prefix
   * @return the prefix, {@code ""} for null
   * @throws YshException {@code INVALID_ARGUMENT}
   */
  public static String validatePrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return "";
    }
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        throw YshException.invalidArgument("list prefix contains a control character or backslash at index " + i);
      }
    }
    if (prefix.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw YshException.invalidArgument("list prefix is longer than " + MAX_KEY_BYTES + " bytes");
    }
    return prefix;
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static YshException invalid(String key, String why) {
    String shown = key.length() > 80 ? key.substring(0, 80) + "…" : key;
    return YshException.invalidArgument("object key '" + sanitize(shown) + "' " + why);
  }

  private static String sanitize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (cp < 0x20 || cp == 0x7f) {
        b.append(String.format("\\u%04X", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }
}
