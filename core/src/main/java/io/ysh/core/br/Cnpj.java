package io.ysh.core.br;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ysh.core.YshException;

/**
 * A valid CNPJ (Cadastro Nacional da Pessoa Jurídica), the Brazilian company number, in either
 * of its two coexisting forms:
 *
 * <ul>
 *   <li><b>numeric</b>: 14 digits, as issued until June 2026 ({@code 11.222.333/0001-81});
 *   <li><b>alphanumeric</b>: issued by the Receita Federal to new registrations since July 2026
 *       (Instrução Normativa RFB 2.229/2024, Nota Técnica COCAD/SUARA/RFB 49/2024): 12
 *       characters from {@code [0-9A-Z]} (8 for the root, 4 for the branch) followed by 2
 *       <em>numeric</em> check digits ({@code 12.ABC.345/01DE-35}).
 * </ul>
 *
 * <p><b>Check digits.</b> Both forms use the same modulo-11 rule: each character is worth its
 * ASCII code minus 48 ({@code '0'..'9'} = 0..9, {@code 'A'} = 17 … {@code 'Z'} = 42, so numeric
 * CNPJs keep their old check digits); the values are multiplied by weights 2 to 9 assigned from
 * the right and restarting after 9 (5,4,3,2,9,8,7,6,5,4,3,2 for the first digit over the 12 body
 * characters; 6,5,4,3,2,9,8,7,6,5,4,3,2 for the second over the body plus the first digit); a
 * remainder below 2 gives 0, otherwise the digit is 11 minus the remainder. See
 * {@link #checkDigits(String)}.
 *
 * <p><b>What the check digits cannot catch</b> (a property of the Receita's algorithm, not of this
 * class). With letters in play two characters can differ by a multiple of 11 — {@code '6'} (6)
 * and {@code 'A'} (17), {@code '7'} and {@code 'B'}, {@code 'A'} and {@code 'L'} (28), {@code '0'}
 * and {@code 'F'} (22), … — and swapping one for the other at the same position leaves both sums
 * unchanged modulo 11, so {@code 12.ABC.345/01DE-35} and {@code 12.6BC.345/01DE-35} are
 * <em>both</em> valid. In addition, remainders 0 and 1 both give check digit 0, so a small fraction
 * of other substitutions also go unnoticed. Measured over random alphanumeric CNPJs, about 7% of
 * single-character substitutions keep the number valid, almost all of them shifts by a multiple of
 * 11. For numeric CNPJs only the 0/1 collision applies, and it has to hit both check digits: worked
 * through the weights, a single-digit substitution can only slip through when it changes the 1st or
 * 9th digit by ±2 or ±9, or the 5th digit by ±5 or ±6, about 0.04% of single-digit typos.
 * Validation tells you a CNPJ is well formed, not that it is the one the user meant or that it
 * exists.
 *
 * <p><b>Accepted input.</b> {@link #parse(String)} and {@link #isValid(String)} accept the bare 14
 * characters or the formatted form {@code XX.XXX.XXX/XXXX-XX}; each separator is optional, but a
 * separator that is present must be in its canonical place. Surrounding whitespace is ignored.
 * Lowercase ASCII letters are accepted and normalized to uppercase ({@code 12abc34501de35} parses
 * to {@code 12ABC34501DE35}). Numbers whose 14 characters are all equal ({@code 00000000000000},
 * {@code 11111111111111}, …) are rejected.
 *
 * <p>A CNPJ identifies a company and is public, so {@link #toString()} shows it in full. Instances
 * are immutable and thread-safe; equality is by {@link #value()}.
 */
public final class Cnpj {

  private static final int LENGTH = 14;
  private static final int BODY_LENGTH = 12;

  private final String value;

  private Cnpj(String value) {
    this.value = value;
  }

  /**
   * Whether the text is a valid CNPJ, numeric or alphanumeric, formatted or not. Never throws.
   *
   * @param text the candidate, for example {@code "12.ABC.345/01DE-35"}; null is not valid
   * @return true when {@link #parse(String)} would succeed
   */
  public static boolean isValid(String text) {
    return problem(text, new StringBuilder(LENGTH)) == null;
  }

  /**
   * Parses and validates a CNPJ, numeric or alphanumeric, formatted ({@code XX.XXX.XXX/XXXX-XX})
   * or bare (14 characters), ignoring surrounding whitespace and normalizing lowercase letters
   * to uppercase.
   *
   * @param text the CNPJ text
   * @return the CNPJ
   * @throws YshException with {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT} when the text is
   *     null, empty, contains a character other than ASCII letters, digits and the separators
   *     {@code . / -}, has a separator out of place, does not have 14 characters, has a letter
   *     in a check-digit position, has all characters equal, or fails the check digits. The
   *     message names the problem without repeating the input.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Cnpj parse(String text) {
    StringBuilder chars = new StringBuilder(LENGTH);
    String problem = problem(text, chars);
    if (problem != null) {
      throw YshException.invalidArgument(problem);
    }
    return new Cnpj(chars.toString());
  }

  /**
   * Computes the two check digits for a CNPJ body, numeric or alphanumeric, with the Receita
   * Federal's modulo-11 rule described in the class documentation. Useful for generating test
   * numbers: {@code body + Cnpj.checkDigits(body)} is a valid CNPJ unless all its characters are
   * equal.
   *
   * @param body the first 12 characters, {@code [0-9A-Za-z]} only (lowercase is treated as
   *     uppercase), no separators
   * @return the two check digits, for example {@code "35"} for body {@code "12ABC34501DE"}
   * @throws YshException with {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT} when the body is
   *     null or is not exactly 12 ASCII letters and digits
   */
  public static String checkDigits(String body) {
    if (body == null || body.length() != BODY_LENGTH) {
      throw YshException.invalidArgument("CNPJ body must be exactly 12 letters and digits");
    }
    StringBuilder upper = new StringBuilder(LENGTH);
    for (int i = 0; i < BODY_LENGTH; i++) {
      int c = normalize(body.charAt(i));
      if (c < 0) {
        throw YshException.invalidArgument("CNPJ body must be exactly 12 letters and digits");
      }
      upper.append((char) c);
    }
    int first = checkDigit(upper, BODY_LENGTH);
    upper.append((char) ('0' + first));
    int second = checkDigit(upper, BODY_LENGTH + 1);
    return new String(new char[] {(char) ('0' + first), (char) ('0' + second)});
  }

  /**
   * The CNPJ without separators, letters in uppercase.
   *
   * @return the 14 characters, for example {@code "12ABC34501DE35"}
   */
  @JsonValue
  public String value() {
    return value;
  }

  /**
   * The CNPJ in the usual punctuation.
   *
   * @return the CNPJ as {@code XX.XXX.XXX/XXXX-XX}, for example {@code "12.ABC.345/01DE-35"}
   */
  public String formatted() {
    return value.substring(0, 2)
        + '.'
        + value.substring(2, 5)
        + '.'
        + value.substring(5, 8)
        + '/'
        + value.substring(8, 12)
        + '-'
        + value.substring(12, 14);
  }

  /**
   * Whether this is the alphanumeric form, that is, whether the body has at least one letter. A
   * CNPJ made only of digits is numeric even if it was issued after July 2026.
   *
   * @return true when one of the first 12 characters is a letter
   */
  public boolean isAlphanumeric() {
    for (int i = 0; i < BODY_LENGTH; i++) {
      if (value.charAt(i) > '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * Two CNPJs are equal when their normalized characters are equal.
   *
   * @param o the other object
   * @return true when {@code o} is a {@code Cnpj} with the same value
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Cnpj && ((Cnpj) o).value.equals(value);
  }

  /**
   * Hash code of the value.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /**
   * The {@linkplain #formatted() formatted} CNPJ. A CNPJ is a public company identifier, so it
   * is not masked.
   *
   * @return the CNPJ as {@code XX.XXX.XXX/XXXX-XX}
   */
  @Override
  public String toString() {
    return formatted();
  }

  // Returns null when the text is a valid CNPJ (its normalized characters are then in `chars`),
  // else a message that names the problem without repeating the input.
  private static String problem(String text, StringBuilder chars) {
    if (text == null) {
      return "CNPJ is null";
    }
    String s = text.strip();
    if (s.isEmpty()) {
      return "CNPJ is empty";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int n = normalize(c);
      if (n >= 0) {
        chars.append((char) n);
      } else if (c != '.' && c != '/' && c != '-') {
        return "CNPJ contains an illegal character "
            + Cpf.describe(c)
            + " at position "
            + (i + 1)
            + "; only letters, digits, '.', '/' and '-' are allowed";
      }
    }
    if (chars.length() != LENGTH) {
      return "CNPJ has " + chars.length() + " letters and digits, expected 14";
    }
    int seen = 0;
    boolean previousWasSeparator = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (normalize(c) >= 0) {
        seen++;
        previousWasSeparator = false;
      } else {
        boolean inPlace =
            c == '.' ? seen == 2 || seen == 5 : c == '/' ? seen == 8 : seen == BODY_LENGTH;
        if (!inPlace || previousWasSeparator) {
          return "CNPJ has a misplaced '" + c + "'; expected XX.XXX.XXX/XXXX-XX or 14 characters";
        }
        previousWasSeparator = true;
      }
    }
    if (!isDigit(chars.charAt(12)) || !isDigit(chars.charAt(13))) {
      return "CNPJ check digits (the last two characters) must be digits";
    }
    boolean allEqual = true;
    for (int i = 1; i < LENGTH && allEqual; i++) {
      allEqual = chars.charAt(i) == chars.charAt(0);
    }
    if (allEqual) {
      return "CNPJ has all 14 characters equal, which is never a valid CNPJ";
    }
    if (chars.charAt(12) - '0' != checkDigit(chars, BODY_LENGTH)
        || chars.charAt(13) - '0' != checkDigit(chars, BODY_LENGTH + 1)) {
      return "CNPJ check digits do not match";
    }
    return null;
  }

  // Modulo-11 check digit over the first `count` characters, each worth (ASCII code - 48), with
  // weights 2..9 assigned from the right and cycling.
  private static int checkDigit(CharSequence chars, int count) {
    int sum = 0;
    for (int i = 0; i < count; i++) {
      int weight = 2 + (count - 1 - i) % 8;
      sum += (chars.charAt(i) - '0') * weight;
    }
    int remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  }

  // The uppercase form of an ASCII letter or digit, or -1 for anything else.
  private static int normalize(char c) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
      return c;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 'A';
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
