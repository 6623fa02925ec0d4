package io.ysh.core.br;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ysh.core.YshException;

/**
 * A valid CPF (Cadastro de Pessoas Físicas), the Brazilian individual taxpayer number: 9 body
 * digits and 2 check digits computed modulo 11.
 *
 * <p><b>Personal data.</b> A CPF identifies a person and is personal data under the LGPD (Lei
 * 13.709/2018). This type is built so that it does not leak by accident:
 *
 * <ul>
 *   <li>{@link #toString()} returns a masked form ({@code ***.456.789-**}), the same masking the
 *       federal government uses when it publishes CPFs, so a {@code Cpf} in a log line, an
 *       exception message or a debugger shows no full number;
 *   <li>error messages from {@link #parse(String)} say what is wrong (length, character, check
 *       digits) but never repeat the input;
 *   <li>the full number is only available on purpose, through {@link #value()} and
 *       {@link #formatted()}. JSON serialization uses {@link #value()}: serializing a
 *       {@code Cpf} is an explicit decision to send the full number.
 * </ul>
 *
 * <p><b>Accepted input.</b> {@link #parse(String)} and {@link #isValid(String)} accept the bare
 * 11 digits ({@code 52998224725}) or the formatted form ({@code 529.982.247-25}); each separator
 * is optional, but a separator that is present must be in its canonical place. Surrounding
 * whitespace is ignored. Only ASCII digits count as digits. Numbers whose 11 digits are all equal
 * ({@code 000.000.000-00} … {@code 999.999.999-99}) pass the check-digit arithmetic but are not
 * valid CPFs and are rejected.
 *
 * <p><b>What the check digits catch.</b> Any change to a check digit is detected, and so is almost
 * any single-digit typo in the body, but not all: remainders 0 and 1 both give check digit 0, so a
 * typo that moves a remainder between 0 and 1 goes unnoticed. Worked through the weights, a
 * single-digit substitution can only slip through when it changes the <em>first</em> digit by ±1
 * (the second check digit weighs that digit 11, which is 0 modulo 11, so only the first check
 * digit has to collide) or the <em>sixth</em> digit by ±2 or ±9 (≡ ∓2 modulo 11; both check
 * digits collide); that is about 0.2% of all single-digit typos, nearly all of them in the first
 * digit. This is a property of the official algorithm, not of this class.
 *
 * <p>Instances are immutable and thread-safe; equality is by {@link #value()}.
 */
public final class Cpf {

  private static final int LENGTH = 11;
  private static final int BODY_LENGTH = 9;

  private final String value;

  private Cpf(String value) {
    this.value = value;
  }

  /**
   * Whether the text is a valid CPF, formatted or not. Never throws.
   *
   * @param text the candidate, for example {@code "529.982.247-25"} or {@code "52998224725"};
   *     null is not valid
   * @return true when {@link #parse(String)} would succeed
   */
  public static boolean isValid(String text) {
    return problem(text, new StringBuilder(LENGTH)) == null;
  }

  /**
   * Parses and validates a CPF, formatted ({@code 000.000.000-00}) or bare (11 digits), ignoring
   * surrounding whitespace.
   *
   * @param text the CPF text
   * @return the CPF
   * @throws YshException with {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT} when the text is
   *     null, empty, contains a character other than digits and the separators {@code .} and
   *     {@code -}, has a separator out of place, does not have 11 digits, has all digits equal,
   *     or fails the check digits. The message names the problem and never contains the input.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Cpf parse(String text) {
    StringBuilder digits = new StringBuilder(LENGTH);
    String problem = problem(text, digits);
    if (problem != null) {
      throw YshException.invalidArgument(problem);
    }
    return new Cpf(digits.toString());
  }

  /**
   * Computes the two check digits for a CPF body. Useful for generating test numbers.
   *
   * <p>The result is pure arithmetic: a body whose digits are all equal (for example
   * {@code 111111111}) gets check digits too, but the resulting number is still rejected by
   * {@link #parse(String)}.
   *
   * @param body the first 9 digits, ASCII digits only, no separators
   * @return the two check digits, for example {@code "25"} for body {@code "529982247"}
   * @throws YshException with {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT} when the body is
   *     null or is not exactly 9 ASCII digits
   */
  public static String checkDigits(String body) {
    if (body == null || body.length() != BODY_LENGTH || !allAsciiDigits(body)) {
      throw YshException.invalidArgument("CPF body must be exactly 9 ASCII digits");
    }
    int first = checkDigit(body, BODY_LENGTH, -1);
    int second = checkDigit(body, BODY_LENGTH + 1, first);
    return new String(new char[] {(char) ('0' + first), (char) ('0' + second)});
  }

  /**
   * The full CPF: 11 digits, no separators. This is personal data; see the class documentation.
   *
   * @return the 11 digits, for example {@code "52998224725"}
   */
  @JsonValue
  public String value() {
    return value;
  }

  /**
   * The full CPF in the usual punctuation. This is personal data; see the class documentation.
   *
   * @return the CPF as {@code 000.000.000-00}
   */
  public String formatted() {
    return value.substring(0, 3)
        + '.'
        + value.substring(3, 6)
        + '.'
        + value.substring(6, 9)
        + '-'
        + value.substring(9, 11);
  }

  /**
   * The CPF with the first three and the two check digits hidden, as the federal government
   * publishes CPFs ({@code ***.456.789-**}). Safe to log.
   *
   * @return the masked CPF
   */
  public String masked() {
    return "***." + value.substring(3, 6) + '.' + value.substring(6, 9) + "-**";
  }

  /**
   * Two CPFs are equal when their digits are equal.
   *
   * @param o the other object
   * @return true when {@code o} is a {@code Cpf} with the same digits
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Cpf && ((Cpf) o).value.equals(value);
  }

  /**
   * Hash code of the digits.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /**
   * The {@linkplain #masked() masked} form, never the full number, so that a CPF printed by
   * accident (string concatenation, logging, debugging) does not leak personal data. Use
   * {@link #value()} or {@link #formatted()} when the full number is really needed.
   *
   * @return the masked CPF, for example {@code ***.456.789-**}
   */
  @Override
  public String toString() {
    return masked();
  }

  // Returns null when the text is a valid CPF (its digits are then in `digits`), else a message
  // that names the problem without repeating the input.
  private static String problem(String text, StringBuilder digits) {
    if (text == null) {
      return "CPF is null";
    }
    String s = text.strip();
    if (s.isEmpty()) {
      return "CPF is empty";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != '.' && c != '-') {
        return "CPF contains an illegal character "
            + describe(c)
            + " at position "
            + (i + 1)
            + "; only digits, '.' and '-' are allowed";
      }
    }
    if (digits.length() != LENGTH) {
      return "CPF has " + digits.length() + " digits, expected 11";
    }
    int seen = 0;
    char previous = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        seen++;
      } else {
        boolean inPlace = c == '.' ? seen == 3 || seen == 6 : seen == 9;
        if (!inPlace || !(previous >= '0' && previous <= '9')) {
          return "CPF has a misplaced '" + c + "'; expected 000.000.000-00 or 11 digits";
        }
      }
      previous = c;
    }
    if (allEqual(digits)) {
      return "CPF has all 11 digits equal, which is never a valid CPF";
    }
    int first = checkDigit(digits, BODY_LENGTH, -1);
    int second = checkDigit(digits, BODY_LENGTH + 1, first);
    if (digits.charAt(9) - '0' != first || digits.charAt(10) - '0' != second) {
      return "CPF check digits do not match";
    }
    return null;
  }

  // Modulo-11 check digit over the first `count` digits with weights count+1 down to 2. When
  // `count` is 10, the tenth digit is `tenth` (the first check digit just computed) rather than
  // the character at index 9, so the method works on a 9-digit body too.
  private static int checkDigit(CharSequence digits, int count, int tenth) {
    int sum = 0;
    for (int i = 0; i < count; i++) {
      int d = i == BODY_LENGTH ? tenth : digits.charAt(i) - '0';
      sum += d * (count + 1 - i);
    }
    int remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  }

  private static boolean allEqual(CharSequence s) {
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) != s.charAt(0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allAsciiDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  // A non-digit character is not personal data; control and non-ASCII characters are shown as
  // code points so the message stays printable.
  static String describe(char c) {
    if (c > 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format("U+%04X", (int) c);
  }
}
