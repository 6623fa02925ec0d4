package io.ysh.core.br;

import static io.ysh.core.br.CpfTest.assertInvalidArgument;
import static io.ysh.core.br.CpfTest.spaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.ysh.core.YshException;
import io.ysh.testkit.gen.YshGenerators;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class CnpjTest {

  // The Receita Federal's worked example of an alphanumeric CNPJ.
  private static final String OFFICIAL_EXAMPLE = "12.ABC.345/01DE-35";

  @Test
  void parsesTheReceitaFederalAlphanumericExample() {
    Cnpj cnpj = Cnpj.parse(OFFICIAL_EXAMPLE);

    assertThat(cnpj.value()).isEqualTo("12ABC34501DE35");
    assertThat(cnpj.formatted()).isEqualTo(OFFICIAL_EXAMPLE);
    assertThat(cnpj.toString()).isEqualTo(OFFICIAL_EXAMPLE);
    assertThat(cnpj.isAlphanumeric()).isTrue();
    assertThat(Cnpj.parse("12ABC34501DE35")).isEqualTo(cnpj).hasSameHashCodeAs(cnpj);
  }

  @Test
  void officialExampleStepByStep() {
    // Values: 1 2 A=17 B=18 C=19 3 4 5 0 1 D=20 E=21; the Receita's worked sum is 459.
    int sum1 = Reference.sum("12ABC34501DE", Reference.CNPJ_W1);
    assertThat(sum1).isEqualTo(459);
    assertThat(sum1 % 11).isEqualTo(8); // first check digit 11 - 8 = 3
    assertThat(Cnpj.checkDigits("12ABC34501DE")).isEqualTo("35");
    assertThat(Cnpj.checkDigits("12abc34501de")).isEqualTo("35");
  }

  @Test
  void lowercaseLettersAreAcceptedAndNormalizedToUppercase() {
    assertThat(Cnpj.isValid("12.abc.345/01de-35")).isTrue();
    assertThat(Cnpj.parse("12abc34501De35").value()).isEqualTo("12ABC34501DE35");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11.222.333/0001-81", // the classic documentation example
        "00.000.000/0001-91", // Banco do Brasil
        "02016440000162", // RGE Sul, from ANEEL tariff data: leading zero kept
        "06981180000116", // CEMIG Distribuição
        "31465487000101" // CERES
      })
  void acceptsRealNumericCnpjs(String text) {
    Cnpj cnpj = Cnpj.parse(text);

    assertThat(cnpj.isAlphanumeric()).isFalse();
    assertThat(cnpj.value()).hasSize(14).isEqualTo(text.replaceAll("[./-]", ""));
    assertThat(cnpj.toString()).isEqualTo(cnpj.formatted());
    assertThat(Cnpj.checkDigits(cnpj.value().substring(0, 12)))
        .isEqualTo(cnpj.value().substring(12));
  }

  @Test
  void formattedKeepsLeadingZeros() {
    assertThat(Cnpj.parse("02016440000162").formatted()).isEqualTo("02.016.440/0001-62");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "  12.ABC.345/01DE-35 ",
        "\t12ABC34501DE35\n",
        "12ABC345/01DE-35",
        "12.ABC34501DE35",
        "12.ABC.34501DE-35",
        "12ABC.345/01DE35"
      })
  void acceptsOptionalSeparatorsAndSurroundingWhitespace(String text) {
    assertThat(Cnpj.isValid(text)).isTrue();
    assertThat(Cnpj.parse(text).value()).isEqualTo("12ABC34501DE35");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\n"})
  void rejectsNullAndBlank(String text) {
    assertThat(Cnpj.isValid(text)).isFalse();
    assertThat(assertInvalidArgument(() -> Cnpj.parse(text)).detail())
        .containsAnyOf("null", "empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.ABC.345/01DE-3", "1222333000181", "112223330001810", "12ABC34501DE3"})
  void rejectsWrongLength(String text) {
    int chars = text.replaceAll("[./-]", "").length();

    YshException e = assertInvalidArgument(() -> Cnpj.parse(text));

    assertThat(e.detail()).isEqualTo("CNPJ has " + chars + " letters and digits, expected 14");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"12.ÀBC.345/01DE-35", "12 ABC 345 01DE 35", "12_ABC_345_01DE_35", "12.ABC.345\\01DE-35"})
  void rejectsIllegalCharacters(String text) {
    assertThat(Cnpj.isValid(text)).isFalse();
    assertThat(assertInvalidArgument(() -> Cnpj.parse(text)).detail()).contains("illegal character");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12ABC34501DE3A", "12ABC34501DEAB", "12.ABC.345/01DE-3F", "AAAAAAAAAAAAAA"
      })
  void rejectsLettersInTheCheckDigits(String text) {
    assertThat(Cnpj.isValid(text)).isFalse();
    assertThat(assertInvalidArgument(() -> Cnpj.parse(text)).detail()).contains("must be digits");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.2ABC.345/01DE-35", "12.ABC.345-01DE/35", "12..ABC345/01DE-35", "12.ABC.345/01DE35-",
        "/12ABC34501DE35", "12.ABC.345/01D-E35", "12.ABC.345.01DE-35"
      })
  void rejectsSeparatorsOutOfPlace(String text) {
    assertThat(Cnpj.isValid(text)).isFalse();
    assertThat(assertInvalidArgument(() -> Cnpj.parse(text)).detail()).contains("misplaced");
  }

  @Test
  void rejectsEveryAllSameDigitNumber() {
    // 00000000000000 even passes the check-digit arithmetic.
    assertThat(Reference.cnpjDvs("000000000000")).isEqualTo("00");
    for (char d = '0'; d <= '9'; d++) {
      String same = String.valueOf(d).repeat(14);
      assertThat(Cnpj.isValid(same)).as(same).isFalse();
      assertThat(Cnpj.isValid(Reference.formatCnpj(same))).isFalse();
      assertThat(assertInvalidArgument(() -> Cnpj.parse(same)).detail())
          .contains("all 14 characters equal");
    }
  }

  @Test
  void rejectsWrongCheckDigits() {
    assertThat(Cnpj.isValid("12.ABC.345/01DE-36")).isFalse();
    assertThat(Cnpj.isValid("11.222.333/0001-80")).isFalse();
    assertThat(assertInvalidArgument(() -> Cnpj.parse("11222333000180")).detail())
        .isEqualTo("CNPJ check digits do not match");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12ABC34501D", "12ABC34501DE3", "12ABC34501D-", "12ABC34501DÉ"})
  void checkDigitsRejectsABodyThatIsNotTwelveLettersAndDigits(String body) {
    assertInvalidArgument(() -> Cnpj.checkDigits(body));
  }

  @Test
  void checkDigitsRejectsNull() {
    assertInvalidArgument(() -> Cnpj.checkDigits(null));
  }

  @Test
  void checkDigitsAgreesWithTheReferenceImplementation() {
    Gen<String> bodies = YshGenerators.alphanumericCnpjs().mix(YshGenerators.numericCnpjs())
        .map(c -> c.substring(0, 12));
    qt().forAll(bodies).checkAssert(body -> {
      assertThat(Cnpj.checkDigits(body)).isEqualTo(Reference.cnpjDvs(body));
      assertThat(Cnpj.checkDigits(body.toLowerCase(Locale.ROOT))).isEqualTo(Reference.cnpjDvs(body));
    });
  }

  // --- properties -------------------------------------------------------------------------

  @Test
  void everyValidNumericCnpjIsAcceptedInEveryFormatAndRoundTrips() {
    assertAcceptedInEveryFormat(YshGenerators.numericCnpjs(), false);
  }

  @Test
  void everyValidAlphanumericCnpjIsAcceptedInEveryFormatAndRoundTrips() {
    assertAcceptedInEveryFormat(YshGenerators.alphanumericCnpjs(), true);
  }

  private static void assertAcceptedInEveryFormat(Gen<String> cnpjs, boolean alphanumeric) {
    qt().forAll(cnpjs, integers().between(0, 15), Generate.booleans(), integers().between(0, 2))
        .checkAssert((cnpj, separators, lowercase, padding) -> {
          String shaped = withSeparators(cnpj, separators);
          String text = spaced(lowercase ? shaped.toLowerCase(Locale.ROOT) : shaped, padding);

          assertThat(Cnpj.isValid(text)).as(text).isTrue();
          Cnpj parsed = Cnpj.parse(text);
          assertThat(parsed.value()).isEqualTo(cnpj);
          assertThat(parsed.formatted()).isEqualTo(Reference.formatCnpj(cnpj));
          assertThat(parsed.toString()).isEqualTo(Reference.formatCnpj(cnpj));
          assertThat(parsed.isAlphanumeric()).isEqualTo(alphanumeric);
          assertThat(Cnpj.parse(parsed.formatted())).isEqualTo(parsed);
          assertThat(Cnpj.parse(parsed.value())).isEqualTo(parsed);
        });
  }

  @Test
  void changingACheckDigitToAnyOtherDigitAlwaysFails() {
    Gen<String> cnpjs = YshGenerators.alphanumericCnpjs().mix(YshGenerators.numericCnpjs());
    qt().forAll(cnpjs, integers().between(12, 13), integers().between(1, 9))
        .checkAssert((cnpj, position, shift) -> {
          char other = (char) ('0' + (cnpj.charAt(position) - '0' + shift) % 10);
          String mutated = cnpj.substring(0, position) + other + cnpj.substring(position + 1);

          assertThat(Cnpj.isValid(mutated)).as(mutated).isFalse();
          assertThat(Cnpj.isValid(Reference.formatCnpj(mutated))).isFalse();
        });
  }

  @Test
  void changingACheckDigitToALetterAlwaysFails() {
    qt().forAll(YshGenerators.alphanumericCnpjs(), integers().between(12, 13), integers().between(0, 25))
        .checkAssert((cnpj, position, letter) -> {
          String mutated =
              cnpj.substring(0, position) + (char) ('A' + letter) + cnpj.substring(position + 1);
          assertThat(Cnpj.isValid(mutated)).isFalse();
        });
  }

  @Test
  void bodySubstitutionsAreJudgedExactlyLikeTheReference() {
    Gen<String> cnpjs = YshGenerators.alphanumericCnpjs().mix(YshGenerators.numericCnpjs());
    qt().forAll(cnpjs, integers().between(0, 11), integers().between(0, 35))
        .checkAssert((cnpj, position, replacement) -> {
          char c = Reference.ALNUM.charAt(replacement);
          String mutated = cnpj.substring(0, position) + c + cnpj.substring(position + 1);

          assertThat(Cnpj.isValid(mutated)).as(mutated).isEqualTo(Reference.cnpjValid(mutated));
        });
  }

  /**
   * Exhaustive over every single-digit body substitution of many numeric CNPJs: a substitution
   * never changes a sum by a multiple of 11, so the only ones that slip through are those where
   * both remainders move between 0 and 1; the weights confine them to the 1st and 9th digits
   * shifted by ±2 or ±9 and the 5th shifted by ±5 or ±6.
   */
  @Test
  void numericUndetectedTyposAreOnlyTheKnownZeroOneCollisions() {
    SplittableRandom random = new SplittableRandom(7_2026);
    long mutations = 0;
    long undetected = 0;
    for (int n = 0; n < 5_000; n++) {
      String body = randomChars(random, Reference.DIGITS, 12);
      String cnpj = body + Reference.cnpjDvs(body);
      if (Reference.allSame(cnpj)) {
        continue;
      }
      for (int p = 0; p < 12; p++) {
        for (char c = '0'; c <= '9'; c++) {
          if (c == cnpj.charAt(p)) {
            continue;
          }
          mutations++;
          String mutated = cnpj.substring(0, p) + c + cnpj.substring(p + 1);
          if (!Cnpj.isValid(mutated)) {
            continue;
          }
          undetected++;
          assertBothRemaindersCollide(cnpj, mutated);
          int shift = Math.floorMod(c - cnpj.charAt(p), 11);
          boolean explained =
              ((p == 0 || p == 8) && (shift == 2 || shift == 9))
                  || (p == 4 && (shift == 5 || shift == 6));
          assertThat(explained).as("%s -> %s", cnpj, mutated).isTrue();
        }
      }
    }
    assertThat(undetected).isPositive();
    assertThat((double) undetected / mutations).isLessThan(0.001);
  }

  /**
   * Exhaustive over every single-character body substitution of many alphanumeric CNPJs: a
   * substitution is undetected exactly when it shifts the character's value by a multiple of 11
   * (always undetected) or, rarely, when both remainders move between 0 and 1.
   */
  @Test
  void alphanumericUndetectedSubstitutionsAreMultiplesOfElevenOrZeroOneCollisions() {
    SplittableRandom random = new SplittableRandom(12_2026);
    long mutations = 0;
    long multiplesOfEleven = 0;
    long collisions = 0;
    for (int n = 0; n < 2_000; n++) {
      String body = randomChars(random, Reference.ALNUM, 12);
      String cnpj = body + Reference.cnpjDvs(body);
      for (int p = 0; p < 12; p++) {
        for (char c : Reference.ALNUM.toCharArray()) {
          if (c == cnpj.charAt(p)) {
            continue;
          }
          mutations++;
          String mutated = cnpj.substring(0, p) + c + cnpj.substring(p + 1);
          boolean multipleOfEleven =
              (Reference.value(c) - Reference.value(cnpj.charAt(p))) % 11 == 0;
          if (multipleOfEleven) {
            multiplesOfEleven++;
            assertThat(Cnpj.isValid(mutated)).as("%s -> %s", cnpj, mutated).isTrue();
          } else if (Cnpj.isValid(mutated)) {
            collisions++;
            assertBothRemaindersCollide(cnpj, mutated);
          }
        }
      }
    }
    assertThat(multiplesOfEleven).isPositive();
    assertThat((double) collisions / mutations).isLessThan(0.002);
    assertThat((double) (multiplesOfEleven + collisions) / mutations).isBetween(0.05, 0.09);
  }

  @Test
  void sixAndAAreIndistinguishableToTheOfficialCheckDigits() {
    // '6' is worth 6 and 'A' is worth 17: 11 apart, so swapping them at any body position keeps
    // both check digits. This is the Receita's algorithm, documented in Cnpj, not a bug.
    assertThat(Cnpj.isValid("12.ABC.345/01DE-35")).isTrue();
    assertThat(Cnpj.isValid("12.6BC.345/01DE-35")).isTrue();
    assertThat(Cnpj.isValid("12.LBC.345/01DE-35")).isTrue(); // 'L' = 28 = 'A' + 11
    assertThat(Cnpj.checkDigits("126BC34501DE")).isEqualTo(Cnpj.checkDigits("12ABC34501DE"));
  }

  @Test
  void numericTypoThatTheOfficialCheckDigitsCannotSee() {
    // First digit 0 -> 9 (≡ -2 mod 11): both remainders move between 0 and 1.
    assertThat(Cnpj.isValid("00000100003800")).isTrue();
    assertThat(Cnpj.isValid("90000100003800")).isTrue();
  }

  // --- helpers ----------------------------------------------------------------------------

  private static void assertBothRemaindersCollide(String original, String mutated) {
    int r1 = Reference.sum(original, Reference.CNPJ_W1) % 11;
    int m1 = Reference.sum(mutated, Reference.CNPJ_W1) % 11;
    int r2 = Reference.sum(original, Reference.CNPJ_W2) % 11;
    int m2 = Reference.sum(mutated, Reference.CNPJ_W2) % 11;
    assertThat(new int[] {r1, m1, r2, m2}).as("%s -> %s", original, mutated).containsOnly(0, 1);
    assertThat(r1).isNotEqualTo(m1);
    assertThat(r2).isNotEqualTo(m2);
  }

  private static String randomChars(SplittableRandom random, String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  // Bit i of mask keeps separator i (., ., /, -).
  private static String withSeparators(String cnpj, int mask) {
    return cnpj.substring(0, 2)
        + ((mask & 1) != 0 ? "." : "")
        + cnpj.substring(2, 5)
        + ((mask & 2) != 0 ? "." : "")
        + cnpj.substring(5, 8)
        + ((mask & 4) != 0 ? "/" : "")
        + cnpj.substring(8, 12)
        + ((mask & 8) != 0 ? "-" : "")
        + cnpj.substring(12);
  }
}
