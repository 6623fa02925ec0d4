package io.ysh.core.br;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.testkit.gen.YshGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

class CpfTest {

  // 529.982.247-25: a CPF widely used in documentation as a valid example.
  private static final String SAMPLE = "52998224725";

  @Test
  void parsesBareAndFormattedForms() {
    Cpf bare = Cpf.parse("52998224725");
    Cpf formatted = Cpf.parse("529.982.247-25");

    assertThat(bare).isEqualTo(formatted).hasSameHashCodeAs(formatted);
    assertThat(bare.value()).isEqualTo("52998224725");
    assertThat(bare.formatted()).isEqualTo("529.982.247-25");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "  529.982.247-25  ",
        "\t52998224725\n",
        "529982247-25",
        "529.982.24725",
        "529982.247-25",
        "529.982247-25"
      })
  void acceptsOptionalSeparatorsAndSurroundingWhitespace(String text) {
    assertThat(Cpf.isValid(text)).isTrue();
    assertThat(Cpf.parse(text).value()).isEqualTo(SAMPLE);
  }

  @Test
  void toStringIsMaskedBecauseCpfIsPersonalData() {
    Cpf cpf = Cpf.parse(SAMPLE);

    assertThat(cpf.toString()).isEqualTo("***.982.247-**").isEqualTo(cpf.masked());
    assertThat(cpf.toString()).doesNotContain("529").doesNotContain("25");
    assertThat("customer " + cpf).doesNotContain(SAMPLE).doesNotContain(cpf.formatted());
  }

  @Test
  void checkDigitsComputesTheTwoDigitsForABody() {
    assertThat(Cpf.checkDigits("529982247")).isEqualTo("25");
    assertThat(Cpf.checkDigits("000000001")).isEqualTo("91");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "52998224", "5299822472", "52998224a", "529.982.247", "1234567890"})
  void checkDigitsRejectsABodyThatIsNotNineDigits(String body) {
    assertInvalidArgument(() -> Cpf.checkDigits(body));
  }

  @Test
  void checkDigitsRejectsNull() {
    assertInvalidArgument(() -> Cpf.checkDigits(null));
  }

  @Test
  void checkDigitsAgreesWithTheReferenceImplementation() {
    qt().forAll(digits(9)).checkAssert(body ->
        assertThat(Cpf.checkDigits(body)).isEqualTo(Reference.cpfDvs(body)));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n"})
  void rejectsNullAndBlank(String text) {
    assertThat(Cpf.isValid(text)).isFalse();
    YshException e = assertInvalidArgument(() -> Cpf.parse(text));
    assertThat(e.detail()).containsAnyOf("null", "empty");
  }

  @Test
  void rejectsLettersNamingThePositionButNotTheNumber() {
    YshException e = assertInvalidArgument(() -> Cpf.parse("529.98a.247-25"));

    assertThat(e.detail()).contains("illegal character 'a'").contains("position 7");
    assertThat(Cpf.isValid("52998224x25")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"529 982 247 25", "529/982/247-25", "529_982_247_25", "５２９98224725"})
  void rejectsOtherSeparatorsAndNonAsciiDigits(String text) {
    assertThat(Cpf.isValid(text)).isFalse();
    assertInvalidArgument(() -> Cpf.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5299822472", "529.982.247-2", "529982247250", "1", "529.982.247-251"})
  void rejectsWrongLengthSayingHowManyDigits(String text) {
    int digits = (int) text.chars().filter(Character::isDigit).count();

    YshException e = assertInvalidArgument(() -> Cpf.parse(text));

    assertThat(e.detail()).isEqualTo("CPF has " + digits + " digits, expected 11");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "5299.82.247-25", "529.982.2472-5", "529..982.247-25", ".52998224725", "52998224725-",
        "529-982-247-25", "529.982.247.25", "52.998.224-725"
      })
  void rejectsSeparatorsOutOfPlace(String text) {
    assertThat(Cpf.isValid(text)).isFalse();
    YshException e = assertInvalidArgument(() -> Cpf.parse(text));
    assertThat(e.detail()).contains("misplaced");
  }

  @Test
  void rejectsEveryAllSameDigitNumberEvenThoughItsCheckDigitsAddUp() {
    for (char d = '0'; d <= '9'; d++) {
      String same = String.valueOf(d).repeat(11);
      assertThat(Reference.cpfDvs(same.substring(0, 9))).isEqualTo(same.substring(9));
      assertThat(Cpf.isValid(same)).as(same).isFalse();
      assertThat(Cpf.isValid(Reference.formatCpf(same))).isFalse();
      assertThat(assertInvalidArgument(() -> Cpf.parse(same)).detail()).contains("all 11 digits equal");
    }
  }

  @Test
  void rejectsAWrongCheckDigit() {
    YshException e = assertInvalidArgument(() -> Cpf.parse("529.982.247-26"));

    assertThat(e.detail()).isEqualTo("CPF check digits do not match");
  }

  @Test
  void exceptionMessagesNeverContainTheInputDigits() {
    Gen<String> badCpfs =
        YshGenerators.cpfs()
            .zip(integers().between(0, 5), integers().between(0, 9), (cpf, kind, d) -> {
              switch (kind) {
                case 0: // wrong second check digit
                  return cpf.substring(0, 10) + (char) ('0' + (cpf.charAt(10) - '0' + 1 + d % 9) % 10);
                case 1: // one digit short, formatted
                  return Reference.formatCpf(cpf).substring(0, 13);
                case 2: // one digit too many
                  return cpf + d;
                case 3: // a letter inside
                  return cpf.substring(0, 4) + 'x' + cpf.substring(5);
                case 4: // a misplaced separator
                  return cpf.substring(0, 4) + '.' + cpf.substring(4);
                default: // a stray character at the end
                  return cpf + '#';
              }
            });

    qt().forAll(badCpfs).checkAssert(bad -> {
      assertThat(Cpf.isValid(bad)).isFalse();
      YshException e = assertInvalidArgument(() -> Cpf.parse(bad));
      // No run of three or more digits: neither the number nor a recognisable piece of it.
      assertThat(e.getMessage()).doesNotContainPattern("[0-9]{3}");
      assertThat(e.getMessage()).doesNotContain(bad.replaceAll("[^0-9]", "").substring(0, 9));
    });
  }

  // --- properties -------------------------------------------------------------------------

  @Test
  void everyValidCpfIsAcceptedInEveryFormatAndRoundTrips() {
    qt().forAll(YshGenerators.cpfs(), integers().between(0, 15), integers().between(0, 2))
        .checkAssert((cpf, separators, padding) -> {
          String text = spaced(withSeparators(cpf, separators), padding);

          assertThat(Cpf.isValid(text)).as(text).isTrue();
          Cpf parsed = Cpf.parse(text);
          assertThat(parsed.value()).isEqualTo(cpf);
          assertThat(parsed.formatted()).isEqualTo(Reference.formatCpf(cpf));
          assertThat(Cpf.parse(parsed.formatted())).isEqualTo(parsed);
          assertThat(Cpf.parse(parsed.value())).isEqualTo(parsed);
          assertThat(parsed.toString()).isEqualTo(
              "***." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-**");
        });
  }

  @Test
  void changingACheckDigitToAnyOtherDigitAlwaysFails() {
    qt().forAll(YshGenerators.cpfs(), integers().between(9, 10), integers().between(1, 9))
        .checkAssert((cpf, position, shift) -> {
          char other = (char) ('0' + (cpf.charAt(position) - '0' + shift) % 10);
          String mutated = cpf.substring(0, position) + other + cpf.substring(position + 1);

          assertThat(Cpf.isValid(mutated)).as(mutated).isFalse();
          assertThat(Cpf.isValid(Reference.formatCpf(mutated))).isFalse();
        });
  }

  @Test
  void bodySubstitutionsAreJudgedExactlyLikeTheReference() {
    qt().forAll(YshGenerators.cpfs(), integers().between(0, 8), integers().between(0, 9))
        .checkAssert((cpf, position, digit) -> {
          String mutated = cpf.substring(0, position) + digit + cpf.substring(position + 1);

          assertThat(Cpf.isValid(mutated)).as(mutated).isEqualTo(Reference.cpfValid(mutated));
        });
  }

  /**
   * Exhaustive over every single-digit body substitution of many CPFs: the only ones that slip
   * through are the first digit changed by ±1 and the sixth changed by ±2 or ±9 (≡ ∓2 mod 11),
   * both when a remainder
   * moves between 0 and 1 (which both give check digit 0). This is the official algorithm's
   * blind spot, documented in {@link Cpf}.
   */
  @Test
  void undetectedSingleDigitTyposAreOnlyTheKnownZeroOneCollisions() {
    SplittableRandom random = new SplittableRandom(2026);
    long mutations = 0;
    List<String> undetected = new ArrayList<>();
    for (int n = 0; n < 5_000; n++) {
      String body = randomDigits(random, 9);
      String cpf = body + Reference.cpfDvs(body);
      if (Reference.allSame(cpf)) {
        continue;
      }
      int r1 = Reference.sum(body, Reference.CPF_W1) % 11;
      for (int p = 0; p < 9; p++) {
        for (char c = '0'; c <= '9'; c++) {
          if (c == cpf.charAt(p)) {
            continue;
          }
          mutations++;
          String mutated = cpf.substring(0, p) + c + cpf.substring(p + 1);
          if (!Cpf.isValid(mutated)) {
            continue;
          }
          undetected.add(mutated);
          int delta = c - cpf.charAt(p);
          int mutatedR1 = Reference.sum(mutated, Reference.CPF_W1) % 11;
          assertThat(r1).as("original remainder of %s", cpf).isLessThan(2);
          assertThat(mutatedR1).as("mutated remainder of %s", mutated).isLessThan(2);
          int shift = Math.floorMod(delta, 11);
          assertThat((p == 0 && (shift == 1 || shift == 10)) || (p == 5 && (shift == 2 || shift == 9)))
              .as("%s -> %s", cpf, mutated)
              .isTrue();
        }
      }
    }
    double fraction = (double) undetected.size() / mutations;
    assertThat(undetected).isNotEmpty();
    assertThat(fraction).isBetween(0.001, 0.004);
  }

  @Test
  void knownUndetectableTyposOfTheOfficialAlgorithm() {
    // First digit 0 -> 1: the first remainder moves from 0 to 1 (both give check digit 0) and
    // the second check digit weighs the first digit 11, which is 0 modulo 11.
    assertThat(Cpf.isValid("00000000604")).isTrue();
    assertThat(Cpf.isValid("10000000604")).isTrue();
    // Sixth digit 0 -> 2: both remainders move between 0 and 1.
    assertThat(Cpf.isValid("00000003700")).isTrue();
    assertThat(Cpf.isValid("00000203700")).isTrue();
  }

  // --- helpers ----------------------------------------------------------------------------

  static YshException assertInvalidArgument(Runnable call) {
    Throwable t = catchThrowable(call::run);
    assertThat(t).isInstanceOf(YshException.class);
    YshException e = (YshException) t;
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.isRetryable()).isFalse();
    return e;
  }

  private static Gen<String> digits(int length) {
    Gen<Integer> digit = integers().between(0, 9);
    return rs -> {
      StringBuilder sb = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        sb.append(digit.generate(rs));
      }
      return sb.toString();
    };
  }

  private static String randomDigits(SplittableRandom random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    return sb.toString();
  }

  // Bit i of mask keeps separator i (., ., -).
  private static String withSeparators(String cpf, int mask) {
    return cpf.substring(0, 3)
        + ((mask & 1) != 0 ? "." : "")
        + cpf.substring(3, 6)
        + ((mask & 2) != 0 ? "." : "")
        + cpf.substring(6, 9)
        + ((mask & 4) != 0 ? "-" : "")
        + cpf.substring(9);
  }

  static String spaced(String text, int padding) {
    switch (padding) {
      case 1:
        return "  " + text + " ";
      case 2:
        return "\t" + text + "\r\n";
      default:
        return text;
    }
  }
}
