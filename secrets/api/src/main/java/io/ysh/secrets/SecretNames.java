package io.ysh.secrets;

import io.ysh.core.YshException;

/**
 * The portable rule for secret names, checked by {@link SecretStore} before any driver is
 * called: 1 to 512 characters among ASCII letters, digits and {@code / _ + = . @ -}; no
 * leading or trailing {@code /}, no empty segment ({@code //}) and no {@code .} or {@code ..}
 * segment. Drivers may be stricter (Azure Key Vault allows only letters, digits and
 * {@code -}; GCP Secret Manager forbids {@code /}); names made of letters, digits and
 * {@code -} work everywhere.
 */
public final class SecretNames {

  /** The longest name accepted by the portable rule. */
  public static final int MAX_LENGTH = 512;

  private SecretNames() {}

  /**
   * Checks a name against the portable rule.
   *
   * @param name the secret name
   * @return the name
   * @throws YshException {@code INVALID_ARGUMENT} naming what is wrong
   */
  public static String validate(String name) {
    if (name == null) {
      throw YshException.invalidArgument("secret name must not be null");
    }
    int n = name.length();
    if (n == 0) {
      throw YshException.invalidArgument("secret name must not be empty");
    }
    if (n > MAX_LENGTH) {
      throw YshException.invalidArgument("secret name is " + n + " characters long; at most " + MAX_LENGTH + " are allowed");
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!allowed(c)) {
        throw YshException.invalidArgument(
            "secret name has a character that is not allowed at index " + i
                + " (" + describe(c) + "); use letters, digits and / _ + = . @ -");
      }
    }
    if (name.charAt(0) == '/' || name.charAt(n - 1) == '/') {
      throw YshException.invalidArgument("secret name must not start or end with '/'");
    }
    int start = 0;
    for (int i = 0; i <= n; i++) {
      if (i == n || name.charAt(i) == '/') {
        int len = i - start;
        if (len == 0
            || (len == 1 && name.charAt(start) == '.')
            || (len == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.')) {
          throw YshException.invalidArgument("secret name must not contain empty, '.' or '..' segments");
        }
        start = i + 1;
      }
    }
    return name;
  }

  /**
   * Checks a list prefix: empty, or a string of allowed characters.
   *
   * @param prefix the prefix; null means empty
   * @return the prefix, never null
   * @throws YshException {@code INVALID_ARGUMENT} for a character outside the allowed set
   */
  public static String validatePrefix(String prefix) {
    if (prefix == null) {
      return "";
    }
    if (prefix.length() > MAX_LENGTH) {
      throw YshException.invalidArgument("list prefix is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (!allowed(prefix.charAt(i))) {
        throw YshException.invalidArgument(
            "list prefix has a character that is not allowed at index " + i + " (" + describe(prefix.charAt(i)) + ")");
      }
    }
    return prefix;
  }

  private static boolean allowed(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '/' || c == '_' || c == '+' || c == '=' || c == '.' || c == '@' || c == '-';
  }

  private static String describe(char c) {
    if (c < 0x20 || c == 0x7f) {
      return "control character U+" + String.format("%04X", (int) c);
    }
    if (Character.isWhitespace(c)) {
      return "whitespace U+" + String.format("%04X", (int) c);
    }
    return "'" + c + "'";
  }
}
