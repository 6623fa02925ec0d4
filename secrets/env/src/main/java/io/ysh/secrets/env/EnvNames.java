package io.ysh.secrets.env;

import java.util.Locale;

/** How portable secret names map onto environment-variable style keys. */
final class EnvNames {

  private EnvNames() {}

  /**
   * The conventional key for a name: upper case, every character other than a letter, digit or
   * {@code _} replaced by {@code _} ({@code billing/db-password} becomes
   * {@code BILLING_DB_PASSWORD}).
   */
  static String normalize(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    String upper = name.toUpperCase(Locale.ROOT);
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      sb.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
    }
    return sb.toString();
  }
}
