package io.ysh.testkit.gen;

import java.math.BigDecimal;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for the values YSH code handles: CPFs, CNPJs, BRL amounts, byte
 * arrays, object-storage keys and Unicode text.
 *
 * <p>Use them with {@code org.quicktheories.QuickTheory.qt()} inside ordinary JUnit tests:
 *
 * <pre>{@code
 * qt().forAll(YshGenerators.cpfs())
 *     .checkAssert(cpf -> assertThat(Cpf.isValid(cpf)).isTrue());
 *
 * qt().forAll(YshGenerators.objectKeys(), YshGenerators.byteArrays(64 * 1024))
 *     .checkAssert((key, bytes) -> {
 *       storage.put(key, bytes);
 *       assertThat(storage.getBytes(key)).isEqualTo(bytes);
 *     });
 * }</pre>
 *
 * <p>CPF and CNPJ check digits are computed here, independently of {@code ysh-core}'s {@code Cpf}
 * and {@code Cnpj} (this artifact does not depend on core, so core's own tests use these
 * generators too); every generated number is accepted by their {@code parse}. Amounts are
 * {@link BigDecimal}s with scale 2: map them with {@code Money::of} for core's {@code Money}.
 * Every generator draws only from the QuickTheories randomness source, so failures shrink and
 * replay from the reported seed. The generators are stateless and can be shared.
 */
public final class YshGenerators {

  /** The longest key {@link #objectKeys()} generates, in code points. */
  public static final int MAX_KEY_CODE_POINTS = 256;

  /**
   * The longest path segment (text between two {@code /}) {@link #objectKeys()} generates, in
   * code points. At most 4 UTF-8 bytes each, a segment stays within the 255-byte file-name limit
   * of file systems (the {@code file://} driver) and of MinIO.
   */
  public static final int MAX_KEY_SEGMENT_CODE_POINTS = 63;

  /** The default bound of {@link #amounts()}: R$ 1.000.000.000,00. */
  public static final long DEFAULT_MAX_CENTAVOS = 100_000_000_000L;

  private static final String DIGITS = "0123456789";
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ALPHANUMERIC = DIGITS + LETTERS;

  // Printable ASCII that may appear in a key segment: everything from space to '~' except the
  // separator '/' and the backslash.
  private static final String KEY_ASCII = keyAscii();
  // Characters that break naive URL or path handling; over-represented on purpose.
  private static final String KEY_SPECIALS = " +%#?&=:;@!$'()*,~[]{}^`|<>\"._-";

  private YshGenerators() {}

  // --- Brazilian identifiers --------------------------------------------------------------

  /**
   * Valid CPFs as 11 bare digits, for example {@code "52998224725"}: a random 9-digit body plus
   * its check digits, never all digits equal. Shrinks towards {@code 00000000191}.
   *
   * @return a generator of valid CPF strings
   */
  public static Gen<String> cpfs() {
    return fixedLength(DIGITS, 9)
        .map(YshGenerators::notAllEqual)
        .map(body -> body + cpfCheckDigits(body))
        .describedAs(cpf -> cpf);
  }

  /**
   * Valid numeric CNPJs as 14 bare digits, for example {@code "11222333000181"}.
   *
   * @return a generator of valid numeric CNPJ strings
   */
  public static Gen<String> numericCnpjs() {
    return fixedLength(DIGITS, 12)
        .map(YshGenerators::notAllEqual)
        .map(body -> body + cnpjCheckDigits(body))
        .describedAs(cnpj -> cnpj);
  }

  /**
   * Valid alphanumeric CNPJs as 14 bare characters, for example {@code "12ABC34501DE35"}: 12
   * characters from {@code [0-9A-Z]} with at least one letter, then 2 numeric check digits.
   * Letters are uppercase; lowercase them in the test if case handling is what is being tested.
   *
   * @return a generator of valid alphanumeric CNPJ strings
   */
  public static Gen<String> alphanumericCnpjs() {
    Gen<String> body = fixedLength(ALPHANUMERIC, 12);
    Gen<Integer> position = Generate.range(0, 11);
    Gen<Character> letter = pickChar(LETTERS);
    return body.zip(
            position,
            letter,
            (b, p, l) -> hasLetter(b) ? b : b.substring(0, p) + l + b.substring(p + 1))
        .map(b -> b + cnpjCheckDigits(b))
        .describedAs(cnpj -> cnpj);
  }

  /**
   * Valid CNPJs of both forms, bare: half numeric, half alphanumeric.
   *
   * @return a generator of valid CNPJ strings
   */
  public static Gen<String> cnpjs() {
    return numericCnpjs().mix(alphanumericCnpjs());
  }

  // --- money ------------------------------------------------------------------------------

  /**
   * Amounts with scale 2 between minus and plus {@link #DEFAULT_MAX_CENTAVOS} centavos (R$ 1
   * billion), shrinking towards zero.
   *
   * @return a generator of {@link BigDecimal} amounts with scale 2
   */
  public static Gen<BigDecimal> amounts() {
    return amounts(-DEFAULT_MAX_CENTAVOS, DEFAULT_MAX_CENTAVOS);
  }

  /**
   * Amounts with scale 2 in a range given in centavos.
   *
   * @param minCentavos the smallest amount, in centavos, inclusive; greater than
   *     {@link Long#MIN_VALUE}
   * @param maxCentavos the largest amount, in centavos, inclusive
   * @return a generator of {@link BigDecimal} amounts with scale 2
   * @throws IllegalArgumentException when {@code minCentavos > maxCentavos} or
   *     {@code minCentavos} is {@link Long#MIN_VALUE}
   */
  public static Gen<BigDecimal> amounts(long minCentavos, long maxCentavos) {
    return centavos(minCentavos, maxCentavos)
        .map(c -> BigDecimal.valueOf(c, 2))
        .describedAs(BigDecimal::toPlainString);
  }

  // --- bytes ------------------------------------------------------------------------------

  /**
   * Byte arrays of 0 to {@code maxSize} bytes, every byte value possible; shrinks towards the
   * empty array.
   *
   * @param maxSize the largest size, inclusive, at least 0
   * @return a generator of byte arrays
   * @throws IllegalArgumentException when maxSize is negative
   */
  public static Gen<byte[]> byteArrays(int maxSize) {
    return byteArrays(0, maxSize);
  }

  /**
   * Byte arrays with a size between the bounds, every byte value possible.
   *
   * @param minSize the smallest size, inclusive, at least 0
   * @param maxSize the largest size, inclusive, at least minSize
   * @return a generator of byte arrays
   * @throws IllegalArgumentException when a size is negative or minSize exceeds maxSize
   */
  public static Gen<byte[]> byteArrays(int minSize, int maxSize) {
    if (minSize < 0 || maxSize < minSize) {
      throw new IllegalArgumentException(
          "need 0 <= minSize <= maxSize, got " + minSize + " and " + maxSize);
    }
    return Generate.byteArrays(
            Generate.range(minSize, maxSize),
            Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
        .describedAs(YshGenerators::hex);
  }

  // --- object keys ------------------------------------------------------------------------

  /**
   * Object-storage keys that every YSH storage driver must accept and store verbatim.
   *
   * <p>Each key:
   *
   * <ul>
   *   <li>has 1 to {@value #MAX_KEY_CODE_POINTS} code points (so at most 1,024 UTF-8 bytes),
   *       short keys being the most frequent and the maximum length being generated on purpose;
   *   <li>is made of path segments separated by single {@code /}: it never starts or ends with
   *       {@code /} and never contains {@code //};
   *   <li>has segments of 1 to {@value #MAX_KEY_SEGMENT_CODE_POINTS} code points that never end
   *       with {@code .}, so no segment is {@code .} or {@code ..} (no path traversal) and none
   *       trips Azure's trailing-dot rule;
   *   <li>uses printable ASCII (space, {@code +}, {@code %}, {@code #}, {@code ?}, quotes and the
   *       other characters that break naive URL encoding are over-represented), accented Latin,
   *       Cyrillic, CJK and emoji (characters outside the Basic Multilingual Plane, that is
   *       surrogate pairs in Java);
   *   <li>never contains a backslash, NUL or any other control character, nor an unpaired
   *       surrogate, so it is valid UTF-8.
   * </ul>
   *
   * @return a generator of portable object keys
   */
  public static Gen<String> objectKeys() {
    Gen<Integer> codePoint = keyCodePoints();
    Gen<Integer> totalLength =
        Generate.frequency(
            List.of(
                Pair.of(5, Generate.range(1, 16)),
                Pair.of(3, Generate.range(17, 128)),
                Pair.of(1, Generate.range(129, MAX_KEY_CODE_POINTS)),
                Pair.of(1, Generate.constant(MAX_KEY_CODE_POINTS))));
    Gen<Boolean> finishSegment = Generate.booleans();
    Gen<String> keys =
        rs -> {
          int remaining = totalLength.generate(rs);
          StringBuilder key = new StringBuilder(remaining * 2);
          while (remaining > 0) {
            int max = Math.min(MAX_KEY_SEGMENT_CODE_POINTS, remaining);
            int length =
                remaining <= max && finishSegment.generate(rs)
                    ? remaining
                    : Generate.range(1, max).generate(rs);
            // Never leave exactly one code point: it could only be a trailing '/'.
            if (remaining - length == 1) {
              length = length < max ? length + 1 : length - 1;
            }
            appendSegment(key, length, codePoint, rs);
            remaining -= length;
            if (remaining > 0) {
              key.append('/');
              remaining--;
            }
          }
          return key.toString();
        };
    return keys.describedAs(YshGenerators::quoted);
  }

  // --- text -------------------------------------------------------------------------------

  /**
   * Arbitrary Unicode text of 0 to 32 code points: ASCII including control characters and NUL,
   * Latin-1, the rest of the Basic Multilingual Plane and supplementary characters (emoji and
   * beyond). Only well-formed text: no unpaired surrogates, so it survives a UTF-8 round trip.
   *
   * @return a generator of short Unicode strings
   */
  public static Gen<String> unicodeStrings() {
    return unicodeStrings(32);
  }

  /**
   * Arbitrary Unicode text of 0 to {@code maxCodePoints} code points, as
   * {@link #unicodeStrings()}.
   *
   * @param maxCodePoints the longest string, in code points (a string may have up to twice as
   *     many {@code char}s), at least 0
   * @return a generator of Unicode strings
   * @throws IllegalArgumentException when maxCodePoints is negative
   */
  public static Gen<String> unicodeStrings(int maxCodePoints) {
    if (maxCodePoints < 0) {
      throw new IllegalArgumentException("maxCodePoints must be >= 0, got " + maxCodePoints);
    }
    Gen<Integer> length = Generate.range(0, maxCodePoints);
    Gen<Integer> codePoint =
        Generate.frequency(
            List.of(
                Pair.of(4, Generate.range(0x20, 0x7e)),
                Pair.of(1, Generate.range(0x00, 0x1f)),
                Pair.of(2, Generate.range(0x7f, 0xff)),
                Pair.of(2, Generate.range(0x100, 0xd7ff)),
                Pair.of(1, Generate.range(0xe000, 0xffff)),
                Pair.of(2, Generate.range(0x10000, Character.MAX_CODE_POINT))));
    Gen<String> strings =
        rs -> {
          int n = length.generate(rs);
          StringBuilder sb = new StringBuilder(n * 2);
          for (int i = 0; i < n; i++) {
            sb.appendCodePoint(codePoint.generate(rs));
          }
          return sb.toString();
        };
    return strings.describedAs(YshGenerators::quoted);
  }

  // --- helpers ----------------------------------------------------------------------------

  private static String cpfCheckDigits(String body) {
    int first = mod11(body, Integer.MAX_VALUE);
    int second = mod11(body + first, Integer.MAX_VALUE);
    return "" + first + second;
  }

  private static String cnpjCheckDigits(String body) {
    int first = mod11(body, 9);
    int second = mod11(body + first, 9);
    return "" + first + second;
  }

  // The Receita's modulo-11 digit: weights 2, 3, ... from the right, back to 2 after maxWeight
  // (9 for CNPJ; CPF never wraps); a character is worth its code minus '0', so 'A' is 17.
  private static int mod11(String s, int maxWeight) {
    int sum = 0;
    int weight = 2;
    for (int i = s.length() - 1; i >= 0; i--) {
      sum += (s.charAt(i) - '0') * weight;
      weight = weight == maxWeight ? 2 : weight + 1;
    }
    int remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  }

  private static Gen<Long> centavos(long minCentavos, long maxCentavos) {
    if (minCentavos == Long.MIN_VALUE || minCentavos > maxCentavos) {
      throw new IllegalArgumentException(
          "need Long.MIN_VALUE < minCentavos <= maxCentavos, got "
              + minCentavos
              + " and "
              + maxCentavos);
    }
    long shrinkTarget = Math.max(minCentavos, Math.min(0, maxCentavos));
    return Generate.longRange(minCentavos, maxCentavos, shrinkTarget);
  }

  private static Gen<String> fixedLength(String alphabet, int length) {
    Gen<Character> c = pickChar(alphabet);
    return rs -> {
      char[] chars = new char[length];
      for (int i = 0; i < length; i++) {
        chars[i] = c.generate(rs);
      }
      return new String(chars);
    };
  }

  private static Gen<Character> pickChar(String alphabet) {
    return Generate.range(0, alphabet.length() - 1).map(alphabet::charAt);
  }

  private static Gen<Integer> keyCodePoints() {
    return Generate.frequency(
        List.of(
            Pair.of(12, pickChar(KEY_ASCII).map(c -> (int) c)),
            Pair.of(4, pickChar(KEY_SPECIALS).map(c -> (int) c)),
            Pair.of(2, Generate.range(0xc0, 0x24f)), // accented Latin: ç, ã, é, ő, …
            Pair.of(1, Generate.range(0x410, 0x44f)), // Cyrillic
            Pair.of(1, Generate.range(0x4e00, 0x9fff)), // CJK ideographs
            Pair.of(1, Generate.range(0x1f600, 0x1f64f)))); // emoji: surrogate pairs
  }

  // Appends `length` code points; a final '.' becomes '_' so no segment is '.', '..' or ends
  // with a dot.
  private static void appendSegment(
      StringBuilder key, int length, Gen<Integer> codePoint, RandomnessSource rs) {
    for (int i = 0; i < length; i++) {
      int cp = codePoint.generate(rs);
      key.appendCodePoint(i == length - 1 && cp == '.' ? '_' : cp);
    }
  }

  private static String keyAscii() {
    StringBuilder sb = new StringBuilder();
    for (char c = 0x20; c < 0x7f; c++) {
      if (c != '/' && c != '\\') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > '9') {
        return true;
      }
    }
    return false;
  }

  // A body of equal digits would make an all-equal number, which is never valid: bump its last
  // digit instead of filtering, so the generator never has to retry.
  private static String notAllEqual(String body) {
    for (int i = 1; i < body.length(); i++) {
      if (body.charAt(i) != body.charAt(0)) {
        return body;
      }
    }
    char last = body.charAt(body.length() - 1);
    return body.substring(0, body.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
  }

  // "3 bytes [00 7f ff]", the first 32 bytes at most.
  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder().append(bytes.length).append(" bytes [");
    for (int i = 0; i < Math.min(bytes.length, 32); i++) {
      sb.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i] & 0xff));
    }
    return sb.append(bytes.length > 32 ? " …]" : "]").toString();
  }

  private static String quoted(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
    s.codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == '"' || cp == '\\') {
                sb.append(String.format("\\u%04x", cp));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.append('"').toString();
  }
}
