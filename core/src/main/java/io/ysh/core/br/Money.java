package io.ysh.core.br;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ysh.core.YshException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of Brazilian reais (BRL), exact to the centavo: a {@link BigDecimal} that always has
 * scale 2.
 *
 * <p><b>No floating point, no silent rounding.</b> There is no factory that takes a
 * {@code double}. {@link #of(BigDecimal)} accepts only amounts that are exact at two decimal
 * places ({@code 10}, {@code 10.5}, {@code 10.500}) and rejects {@code 10.005}; pass a
 * {@link RoundingMode} to {@link #of(BigDecimal, RoundingMode)} to round on purpose. Operations
 * that can produce fractions of a centavo ({@link #times(BigDecimal, RoundingMode)},
 * {@link #dividedBy(BigDecimal, RoundingMode)}) take a rounding mode too; {@link #allocate(int)}
 * splits an amount into parts that add up to exactly the original, for installments.
 *
 * <p><b>Range.</b> The amount in centavos always fits a {@code long}: the magnitude is at most
 * {@code 92,233,720,368,547,758.07}. Factories reject amounts outside the range with
 * {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT}; arithmetic whose result would leave it throws
 * {@link ArithmeticException}, like {@link Math#addExact(long, long)}.
 *
 * <p><b>Text.</b> {@link #toString()} is the plain machine form {@code 1234.56} (what logs, CSV
 * and JSON want); {@link #format()} is the pt-BR display form {@code R$ 1.234,56}.
 * {@link #of(String)} reads both and the decimal-comma forms found in Brazilian data, and refuses
 * text whose meaning is ambiguous.
 *
 * <p><b>JSON.</b> Serialized as a JSON number with two decimals ({@code 1234.56}) and read back
 * from a JSON number (or numeric string) through {@link #of(BigDecimal)}, so {@code 100},
 * {@code 100.0} and {@code 100.00} are accepted and {@code 100.001} is rejected.
 *
 * <p>Instances are immutable and thread-safe. Equality and ordering are by amount.
 */
public final class Money implements Comparable<Money> {

  private static final int SCALE = 2;
  // Integer digits beyond which an amount is certainly out of range (Long.MAX_VALUE centavos has
  // 17 integer digits in reais).
  private static final int MAX_INTEGER_DIGITS = 17;
  private static final int MAX_RATIO_DIGITS = 100;
  private static final int MAX_SHOWN = 40;

  /** Zero reais ({@code 0.00}). */
  public static final Money ZERO = new Money(BigDecimal.valueOf(0, SCALE));

  private final BigDecimal amount;

  private Money(BigDecimal amount) {
    this.amount = amount;
  }

  /**
   * An amount that is exact at two decimal places. Trailing zeros beyond the second place are
   * fine ({@code 1.500} is 1.50); a nonzero third decimal is not.
   *
   * @param amount the amount in reais
   * @return the money, with scale 2
   * @throws YshException with {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT} when the amount is
   *     null, has a nonzero digit beyond the centavos (round it with
   *     {@link #of(BigDecimal, RoundingMode)}), or is outside the supported range
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Money of(BigDecimal amount) {
    if (amount == null) {
      throw YshException.invalidArgument("amount is null");
    }
    BigDecimal scaled;
    try {
      scaled = scale2(amount, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw YshException.invalidArgument(
          "amount "
              + shown(amount.toString())
              + " has more than 2 decimal places; round it explicitly with of(amount, roundingMode)");
    }
    return inRangeOrInvalid(scaled, amount);
  }

  /**
   * An amount rounded to the centavo with the given rounding mode.
   *
   * @param amount the amount in reais, any scale
   * @param rounding how to round to two decimal places; {@link RoundingMode#UNNECESSARY} makes
   *     this method behave like {@link #of(BigDecimal)}
   * @return the money, with scale 2
   * @throws YshException with {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT} when the amount or
   *     the rounding mode is null, when rounding is {@code UNNECESSARY} and the amount is not
   *     exact at two places, or when the amount is outside the supported range
   */
  public static Money of(BigDecimal amount, RoundingMode rounding) {
    if (rounding == null) {
      throw YshException.invalidArgument("rounding mode is null");
    }
    if (rounding == RoundingMode.UNNECESSARY) {
      return of(amount);
    }
    if (amount == null) {
      throw YshException.invalidArgument("amount is null");
    }
    return inRangeOrInvalid(scale2(amount, rounding), amount);
  }

  /**
   * Parses an amount written by a person, a spreadsheet or an open-data file.
   *
   * <p>Accepted, with optional surrounding whitespace:
   *
   * <ul>
   *   <li>an optional sign ({@code -} or {@code +}; the Unicode minus sign U+2212 counts as
   *       {@code -}), before or after an optional {@code R$} currency symbol; spaces (including
   *       the no-break space pt-BR formatters emit) may follow the symbol and separate a leading
   *       sign from it: {@code -R$ 10,00}, {@code - R$ 10,00}, {@code R$ -10,00}, {@code -10,00};
   *   <li>a decimal comma or a decimal point with one or two decimals: {@code 1234,56},
   *       {@code 1234.56}, {@code 10,5}, and no integer digits at all, as ANEEL publishes zero:
   *       {@code ,00};
   *   <li>thousands grouping with the other separator, in groups of three: {@code 1.234,56}
   *       (pt-BR), {@code 1,234.56} (en), {@code 1.234.567};
   *   <li>plain integers: {@code 1234}.
   * </ul>
   *
   * <p>Rejected: text whose meaning is ambiguous (a single separator followed by exactly three
   * digits: {@code 1.234} and {@code 1,234} could mean 1234 or 1.234; write {@code 1.234,00} or
   * {@code 1234}), more than two decimals,
   * malformed grouping ({@code 12.34.567}), exponents, spaces inside the number, non-ASCII
   * digits, and anything else.
   *
   * @param text the amount text, for example {@code "R$ 1.234,56"}
   * @return the money
   * @throws YshException with {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT} when the text is
   *     null, empty, ambiguous, malformed or out of range; the message says which
   */
  public static Money of(String text) {
    if (text == null) {
      throw YshException.invalidArgument("amount text is null");
    }
    String s = text.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2212', '-').strip();
    if (s.isEmpty()) {
      throw YshException.invalidArgument("amount text is empty");
    }
    int i = 0;
    boolean negative = false;
    boolean signed = false;
    if (s.charAt(i) == '-' || s.charAt(i) == '+') {
      negative = s.charAt(i) == '-';
      signed = true;
      i++;
      while (i < s.length() && s.charAt(i) == ' ' && s.startsWith("R$", i + 1)) {
        i++;
      }
    }
    if (s.startsWith("R$", i)) {
      i += 2;
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      if (!signed && i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        negative = s.charAt(i) == '-';
        i++;
      }
    }
    BigDecimal magnitude = parseUnsigned(s.substring(i), text);
    BigDecimal value = negative ? magnitude.negate() : magnitude;
    return inRangeOrInvalid(scale2(value, RoundingMode.UNNECESSARY), value);
  }

  /**
   * An amount given in centavos.
   *
   * @param centavos the amount in centavos, for example {@code 123456} for R$ 1.234,56
   * @return the money
   * @throws YshException with {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT} when centavos is
   *     {@link Long#MIN_VALUE}, whose negation does not fit the range
   */
  public static Money ofCentavos(long centavos) {
    if (centavos == Long.MIN_VALUE) {
      throw YshException.invalidArgument("amount is outside the supported range");
    }
    return new Money(BigDecimal.valueOf(centavos, SCALE));
  }

  /**
   * The amount in reais.
   *
   * @return the amount, always with scale 2
   */
  @JsonValue
  public BigDecimal amount() {
    return amount;
  }

  /**
   * The amount in centavos.
   *
   * @return the amount times 100, exact
   */
  public long centavos() {
    return amount.unscaledValue().longValueExact();
  }

  /**
   * This amount plus another.
   *
   * @param other the amount to add
   * @return the exact sum
   * @throws NullPointerException when other is null
   * @throws ArithmeticException when the sum is outside the supported range
   */
  public Money plus(Money other) {
    Objects.requireNonNull(other, "other");
    return inRangeOrOverflow(amount.add(other.amount));
  }

  /**
   * This amount minus another.
   *
   * @param other the amount to subtract
   * @return the exact difference
   * @throws NullPointerException when other is null
   * @throws ArithmeticException when the difference is outside the supported range
   */
  public Money minus(Money other) {
    Objects.requireNonNull(other, "other");
    return inRangeOrOverflow(amount.subtract(other.amount));
  }

  /**
   * The amount with the opposite sign. Never overflows: the range is symmetric.
   *
   * @return minus this amount
   */
  public Money negate() {
    return amount.signum() == 0 ? this : new Money(amount.negate());
  }

  /**
   * This amount multiplied by a factor (a quantity, a rate, a percentage as a fraction) and
   * rounded to the centavo.
   *
   * @param factor the multiplier, any scale
   * @param rounding how to round the product to two decimal places
   * @return the rounded product
   * @throws NullPointerException when factor or rounding is null
   * @throws ArithmeticException when rounding is {@link RoundingMode#UNNECESSARY} and the
   *     product is not exact at two places, or the product is outside the supported range
   */
  public Money times(BigDecimal factor, RoundingMode rounding) {
    Objects.requireNonNull(factor, "factor");
    Objects.requireNonNull(rounding, "rounding");
    BigDecimal product = scale2(amount.multiply(factor), rounding);
    if (product == null) {
      throw overflow();
    }
    return inRangeOrOverflow(product);
  }

  /**
   * This amount divided by a divisor and rounded to the centavo. To split an amount into parts
   * that must add up to it, use {@link #allocate(int)} instead.
   *
   * @param divisor the divisor, any scale, not zero
   * @param rounding how to round the quotient to two decimal places
   * @return the rounded quotient
   * @throws NullPointerException when divisor or rounding is null
   * @throws YshException with {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT} when the divisor
   *     is zero
   * @throws ArithmeticException when rounding is {@link RoundingMode#UNNECESSARY} and the
   *     quotient is not exact at two places, or the quotient is outside the supported range
   */
  public Money dividedBy(BigDecimal divisor, RoundingMode rounding) {
    Objects.requireNonNull(divisor, "divisor");
    Objects.requireNonNull(rounding, "rounding");
    if (divisor.signum() == 0) {
      throw YshException.invalidArgument("divisor is zero");
    }
    if (amount.signum() == 0) {
      return ZERO;
    }
    // Bound the quotient's magnitude from the operands' digit counts before dividing, so an
    // absurd divisor (1E-999999999) costs nothing: |q| lies in (10^(d-1), 10^(d+1)).
    long d = integerDigits(amount) - integerDigits(divisor);
    if (d - 1 >= MAX_INTEGER_DIGITS) {
      throw overflow();
    }
    if (d + 1 <= -3) {
      int sign = amount.signum() * divisor.signum();
      return inRangeOrOverflow(BigDecimal.valueOf(sign, 3).setScale(SCALE, rounding));
    }
    return inRangeOrOverflow(amount.divide(divisor, SCALE, rounding));
  }

  /**
   * Splits this amount into {@code parts} amounts that add up to exactly this amount: every part
   * gets the amount divided by {@code parts} rounded toward zero, and the centavos left over go,
   * one each, to the first parts. The parts therefore differ by at most one centavo and the
   * larger ones come first; for R$ 100,00 in 3 installments: 33,34 + 33,33 + 33,33. A negative
   * amount splits the same way with negative parts.
   *
   * @param parts how many parts, at least 1
   * @return an unmodifiable list of {@code parts} amounts whose sum is this amount
   * @throws YshException with {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT} when parts is less
   *     than 1
   */
  public List<Money> allocate(int parts) {
    if (parts < 1) {
      throw YshException.invalidArgument("parts must be at least 1, was " + parts);
    }
    long total = centavos();
    long each = total / parts;
    long left = total % parts; // same sign as total, |left| < parts
    long step = Long.signum(left);
    List<Money> out = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      out.add(ofCentavos(i < Math.abs(left) ? each + step : each));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Splits this amount in proportion to the given ratios, so that the parts add up to exactly
   * this amount. Each part first gets its exact share rounded toward zero; the centavos left
   * over go, one each, to the parts whose discarded fractions were largest (ties go to the
   * earlier part). A part with ratio zero gets nothing.
   *
   * @param ratios the weights, non-negative, at least one positive; for example
   *     {@code [70, 30]} or {@code [0.7, 0.3]}
   * @return an unmodifiable list with one amount per ratio whose sum is this amount
   * @throws YshException with {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT} when the list is
   *     null or empty, a ratio is null or negative, all ratios are zero, or a ratio has more
   *     than 100 digits before or after the decimal point
   */
  public List<Money> allocate(List<BigDecimal> ratios) {
    if (ratios == null || ratios.isEmpty()) {
      throw YshException.invalidArgument("ratios must not be null or empty");
    }
    int scale = 0;
    for (BigDecimal r : ratios) {
      if (r == null) {
        throw YshException.invalidArgument("ratios must not contain null");
      }
      if (r.signum() < 0) {
        throw YshException.invalidArgument("ratios must not be negative");
      }
      if (r.signum() == 0) {
        continue;
      }
      BigDecimal stripped = r.stripTrailingZeros();
      if (stripped.scale() > MAX_RATIO_DIGITS || integerDigits(stripped) > MAX_RATIO_DIGITS) {
        throw YshException.invalidArgument("ratios must have at most 100 digits on each side");
      }
      scale = Math.max(scale, stripped.scale());
    }
    List<BigInteger> weights = new ArrayList<>(ratios.size());
    BigInteger sum = BigInteger.ZERO;
    for (BigDecimal r : ratios) {
      BigInteger w = r.signum() == 0 ? BigInteger.ZERO : r.setScale(scale).unscaledValue();
      weights.add(w);
      sum = sum.add(w);
    }
    if (sum.signum() == 0) {
      throw YshException.invalidArgument("ratios must not all be zero");
    }
    long total = centavos();
    BigInteger magnitude = BigInteger.valueOf(Math.abs(total));
    long[] shares = new long[weights.size()];
    BigInteger[] remainders = new BigInteger[weights.size()];
    long given = 0;
    for (int i = 0; i < shares.length; i++) {
      BigInteger[] qr = magnitude.multiply(weights.get(i)).divideAndRemainder(sum);
      shares[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      given += shares[i];
    }
    long left = Math.abs(total) - given; // fewer than the number of parts with a remainder
    List<Integer> order = new ArrayList<>(shares.length);
    for (int i = 0; i < shares.length; i++) {
      order.add(i);
    }
    order.sort((a, b) -> {
      int byRemainder = remainders[b].compareTo(remainders[a]);
      return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
    });
    for (int k = 0; k < left; k++) {
      shares[order.get(k)]++;
    }
    List<Money> out = new ArrayList<>(shares.length);
    for (long share : shares) {
      out.add(ofCentavos(total < 0 ? -share : share));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Whether the amount is zero.
   *
   * @return true for R$ 0,00
   */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /**
   * Whether the amount is greater than zero.
   *
   * @return true for positive amounts
   */
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /**
   * Whether the amount is less than zero.
   *
   * @return true for negative amounts
   */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * The amount in Brazilian display form: {@code R$} and a space, {@code .} grouping thousands,
   * {@code ,} before the centavos, and a leading {@code -} for negative amounts
   * ({@code -R$ 1.234,56}). The output follows pt-BR conventions but does not depend on the
   * default locale or the JDK's locale data (which put a no-break space after {@code R$});
   * {@link #of(String)} reads it back.
   *
   * @return the formatted amount, for example {@code "R$ 1.234,56"}
   */
  public String format() {
    String plain = amount.abs().toPlainString();
    int point = plain.length() - 3;
    StringBuilder sb = new StringBuilder(plain.length() + plain.length() / 3 + 5);
    if (amount.signum() < 0) {
      sb.append('-');
    }
    sb.append("R$ ");
    for (int i = 0; i < point; i++) {
      if (i > 0 && (point - i) % 3 == 0) {
        sb.append('.');
      }
      sb.append(plain.charAt(i));
    }
    return sb.append(',').append(plain, point + 1, plain.length()).toString();
  }

  /**
   * Compares by amount.
   *
   * @param other the amount to compare with
   * @return negative, zero or positive as this amount is less than, equal to or greater than
   *     the other
   * @throws NullPointerException when other is null
   */
  @Override
  public int compareTo(Money other) {
    return amount.compareTo(other.amount);
  }

  /**
   * Two amounts are equal when they are the same number of centavos.
   *
   * @param o the other object
   * @return true when {@code o} is a {@code Money} with the same amount
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Money && ((Money) o).amount.equals(amount);
  }

  /**
   * Hash code of the amount.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return amount.hashCode();
  }

  /**
   * The plain machine form: optional {@code -}, digits, a decimal point and two decimals, no
   * currency symbol and no grouping ({@code 1234.56}, {@code -0.50}, {@code 0.00}). Use
   * {@link #format()} for display.
   *
   * @return the amount as plain text
   */
  @Override
  public String toString() {
    return amount.toPlainString();
  }

  // Rounds to scale 2 without ever doing work proportional to an absurd exponent: returns null
  // when |v| has more integer digits than any in-range amount, and handles |v| < 0.001 (which
  // every rounding mode treats like 0.001) without a giant division. Throws ArithmeticException
  // when rounding is UNNECESSARY and v is not exact at two places.
  private static BigDecimal scale2(BigDecimal v, RoundingMode rounding) {
    if (v.signum() == 0) {
      return ZERO.amount;
    }
    long digits = integerDigits(v);
    if (digits > MAX_INTEGER_DIGITS + 1) {
      return null;
    }
    if (digits < -2) {
      return BigDecimal.valueOf(v.signum(), 3).setScale(SCALE, rounding);
    }
    return v.setScale(SCALE, rounding);
  }

  // precision - scale: |v| < 10^result and |v| >= 10^(result - 1), for nonzero v.
  private static long integerDigits(BigDecimal v) {
    return (long) v.precision() - v.scale();
  }

  private static boolean fits(BigDecimal scaled) {
    return scaled != null && scaled.unscaledValue().abs().bitLength() <= 63;
  }

  private static Money inRangeOrInvalid(BigDecimal scaled, BigDecimal original) {
    if (!fits(scaled)) {
      throw YshException.invalidArgument(
          "amount " + shown(original.toString()) + " is outside the supported range");
    }
    return scaled.signum() == 0 ? ZERO : new Money(scaled);
  }

  private static Money inRangeOrOverflow(BigDecimal scaled) {
    if (!fits(scaled)) {
      throw overflow();
    }
    return scaled.signum() == 0 ? ZERO : new Money(scaled);
  }

  private static ArithmeticException overflow() {
    return new ArithmeticException("Money result is outside the supported range");
  }

  // Parses the unsigned number part of of(String); `original` is only for messages.
  private static BigDecimal parseUnsigned(String body, String original) {
    if (body.isEmpty()) {
      throw bad(original, "has no digits");
    }
    int dots = 0;
    int commas = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c == ',') {
        commas++;
      } else if (c < '0' || c > '9') {
        throw bad(original, "contains " + Cpf.describe(c) + "; expected digits, '.' or ','");
      }
    }
    String integer;
    String fraction;
    if (dots == 0 && commas == 0) {
      integer = body;
      fraction = "";
    } else if (dots > 0 && commas > 0) {
      char decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
      char group = decimal == '.' ? ',' : '.';
      if ((decimal == '.' ? dots : commas) != 1) {
        throw bad(original, "has more than one decimal separator '" + decimal + "'");
      }
      int at = body.indexOf(decimal);
      integer = ungroup(body.substring(0, at), group, original);
      fraction = decimals(body.substring(at + 1), original);
    } else {
      char separator = dots > 0 ? '.' : ',';
      if (dots + commas > 1) {
        integer = ungroup(body, separator, original);
        fraction = "";
      } else {
        int at = body.indexOf(separator);
        String before = body.substring(0, at);
        String after = body.substring(at + 1);
        if (after.length() == 3
            && !before.isEmpty()
            && before.length() <= 3
            && before.charAt(0) != '0') {
          throw bad(
              original,
              "is ambiguous: '"
                  + separator
                  + "' followed by three digits could group thousands or mark decimals;"
                  + " write 1.234,00 or 1234");
        }
        integer = before;
        fraction = decimals(after, original);
      }
    }
    if (integer.isEmpty() && fraction.isEmpty()) {
      throw bad(original, "has no digits");
    }
    if (integer.length() > MAX_INTEGER_DIGITS + 2) {
      throw bad(original, "is outside the supported range");
    }
    String plain = (integer.isEmpty() ? "0" : integer) + (fraction.isEmpty() ? "" : "." + fraction);
    return new BigDecimal(plain);
  }

  private static String decimals(String fraction, String original) {
    if (fraction.isEmpty()) {
      throw bad(original, "has a decimal separator with no digits after it");
    }
    if (fraction.length() > SCALE) {
      throw bad(original, "has more than 2 decimal places");
    }
    return fraction;
  }

  // Removes thousands separators after checking the groups: 1 to 3 digits (no leading zero),
  // then groups of exactly 3.
  private static String ungroup(String grouped, char separator, String original) {
    String[] groups = grouped.split(Pattern.quote(String.valueOf(separator)), -1);
    boolean ok = groups[0].length() >= 1 && groups[0].length() <= 3 && groups[0].charAt(0) != '0';
    for (int i = 1; ok && i < groups.length; i++) {
      ok = groups[i].length() == 3;
    }
    if (!ok) {
      throw bad(original, "has malformed thousands grouping with '" + separator + "'");
    }
    return grouped.replace(String.valueOf(separator), "");
  }

  private static YshException bad(String original, String problem) {
    return YshException.invalidArgument("amount " + shown(original) + " " + problem);
  }

  private static String shown(String text) {
    String t = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
    return "'" + t + "'";
  }
}
