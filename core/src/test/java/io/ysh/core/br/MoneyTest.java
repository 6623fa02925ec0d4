package io.ysh.core.br;

import static io.ysh.core.br.CpfTest.assertInvalidArgument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.ysh.core.YshException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class MoneyTest {

  // Amounts up to ±R$ 10 quadrillion (10^18 centavos): sums of three never leave the range.
  private static final long BOUND = 1_000_000_000_000_000L;

  private static Gen<Money> money() {
    return longs().between(-BOUND, BOUND).map(Money::ofCentavos);
  }

  private static Gen<Money> smallMoney() {
    return longs().between(-10_000_000L, 10_000_000L).map(Money::ofCentavos);
  }

  private static Gen<RoundingMode> roundings() {
    return Generate.pick(
        List.of(
            RoundingMode.UP,
            RoundingMode.DOWN,
            RoundingMode.CEILING,
            RoundingMode.FLOOR,
            RoundingMode.HALF_UP,
            RoundingMode.HALF_DOWN,
            RoundingMode.HALF_EVEN));
  }

  // Factors like 1.2345 or -0.07: up to 6 decimals.
  private static Gen<BigDecimal> factors() {
    return longs().between(-100_000_000L, 100_000_000L).zip(integers().between(0, 6),
        (unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
  }

  // --- factories --------------------------------------------------------------------------

  @Test
  void ofAcceptsAmountsExactAtTwoPlacesAndAlwaysHasScaleTwo() {
    assertThat(Money.of(new BigDecimal("10")).amount()).isEqualByComparingTo("10").hasScaleOf(2);
    assertThat(Money.of(new BigDecimal("10.5")).toString()).isEqualTo("10.50");
    assertThat(Money.of(new BigDecimal("10.500")).toString()).isEqualTo("10.50");
    assertThat(Money.of(new BigDecimal("1E+3")).toString()).isEqualTo("1000.00");
    assertThat(Money.of(new BigDecimal("-0.01")).centavos()).isEqualTo(-1);
  }

  @Test
  void ofRejectsAFractionOfACentavoUnlessARoundingModeIsGiven() {
    YshException e = assertInvalidArgument(() -> Money.of(new BigDecimal("10.005")));
    assertThat(e.detail()).contains("more than 2 decimal places");

    assertThat(Money.of(new BigDecimal("10.005"), RoundingMode.HALF_UP).toString()).isEqualTo("10.01");
    assertThat(Money.of(new BigDecimal("10.005"), RoundingMode.HALF_EVEN).toString()).isEqualTo("10.00");
    assertThat(Money.of(new BigDecimal("-10.001"), RoundingMode.FLOOR).toString()).isEqualTo("-10.01");
    assertInvalidArgument(() -> Money.of(new BigDecimal("10.005"), RoundingMode.UNNECESSARY));
  }

  @Test
  void ofRejectsNulls() {
    assertThat(assertInvalidArgument(() -> Money.of((BigDecimal) null)).detail()).contains("null");
    assertThat(assertInvalidArgument(() -> Money.of((String) null)).detail()).contains("null");
    assertInvalidArgument(() -> Money.of(null, RoundingMode.HALF_UP));
    assertInvalidArgument(() -> Money.of(BigDecimal.ONE, null));
  }

  @Test
  void theRangeIsEveryCentavoCountALongCanHoldSymmetrically() {
    assertThat(Money.ofCentavos(Long.MAX_VALUE).toString()).isEqualTo("92233720368547758.07");
    assertThat(Money.ofCentavos(-Long.MAX_VALUE).negate()).isEqualTo(Money.ofCentavos(Long.MAX_VALUE));
    assertInvalidArgument(() -> Money.ofCentavos(Long.MIN_VALUE));
    assertInvalidArgument(() -> Money.of(new BigDecimal("92233720368547758.08")));
    assertInvalidArgument(() -> Money.of("92233720368547758,08"));
    assertInvalidArgument(() -> Money.of("1" + "0".repeat(40)));
    assertThatThrownBy(() -> Money.ofCentavos(Long.MAX_VALUE).plus(Money.ofCentavos(1)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.ofCentavos(-Long.MAX_VALUE).minus(Money.ofCentavos(1)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.ofCentavos(Long.MAX_VALUE).times(BigDecimal.TEN, RoundingMode.UP))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void absurdExponentsAreHandledWithoutHugeComputations() {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      BigDecimal tiny = new BigDecimal("1E-999999999");
      BigDecimal huge = new BigDecimal("1E+999999999");
      assertThat(Money.of(tiny, RoundingMode.UP)).isEqualTo(Money.ofCentavos(1));
      assertThat(Money.of(tiny.negate(), RoundingMode.HALF_UP)).isEqualTo(Money.ZERO);
      assertInvalidArgument(() -> Money.of(tiny));
      assertInvalidArgument(() -> Money.of(huge));
      assertInvalidArgument(() -> Money.of(huge, RoundingMode.DOWN));
      Money ten = Money.ofCentavos(1000);
      assertThat(ten.times(tiny, RoundingMode.CEILING)).isEqualTo(Money.ofCentavos(1));
      assertThat(ten.dividedBy(huge, RoundingMode.FLOOR)).isEqualTo(Money.ZERO);
      assertThat(ten.negate().dividedBy(huge, RoundingMode.FLOOR)).isEqualTo(Money.ofCentavos(-1));
      assertThatThrownBy(() -> ten.times(huge, RoundingMode.DOWN)).isInstanceOf(ArithmeticException.class);
      assertThatThrownBy(() -> ten.dividedBy(tiny, RoundingMode.DOWN))
          .isInstanceOf(ArithmeticException.class);
    });
  }

  @Test
  void ofCentavosAndCentavosAreInverse() {
    qt().forAll(longs().between(-Long.MAX_VALUE, Long.MAX_VALUE)).checkAssert(c -> {
      Money m = Money.ofCentavos(c);
      assertThat(m.centavos()).isEqualTo(c);
      assertThat(m.amount().scale()).isEqualTo(2);
      assertThat(Money.of(m.amount())).isEqualTo(m);
    });
  }

  // --- parsing ----------------------------------------------------------------------------

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1234.56        | 1234.56",
        "1234,56        | 1234.56",
        "1.234,56       | 1234.56",
        "1,234.56       | 1234.56",
        "R$ 1.234,56    | 1234.56",
        "R$1.234,56     | 1234.56",
        "'R$\u00a01.234,56' | 1234.56",
        "-R$ 1.234,56   | -1234.56",
        "R$ -1.234,56   | -1234.56",
        "'- R$ 10,00'   | -10.00",
        "-10,00         | -10.00",
        "+10,00         | 10.00",
        "\u22127,50     | -7.50",
        ",00            | 0.00",
        ",5             | 0.50",
        ".99            | 0.99",
        "-,50           | -0.50",
        "10,5           | 10.50",
        "10             | 10.00",
        "007            | 7.00",
        "0              | 0.00",
        "-0,00          | 0.00",
        "1.234.567      | 1234567.00",
        "1,234,567      | 1234567.00",
        "1.234.567,89   | 1234567.89",
        "0,001e0        | ERROR",
        "'  472,42  '   | 472.42",
        "1234.567       | ERROR",
        "12345,678      | ERROR"
      })
  void parsesTheUsualWritingsOfAnAmount(String text, String expected) {
    if (expected.equals("ERROR")) {
      assertInvalidArgument(() -> Money.of(text));
    } else {
      Money m = Money.of(text);
      assertThat(m.toString()).isEqualTo(expected);
      assertThat(m.amount().scale()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.234", "1,234", "-1.000", "R$ 999,999", "12.345"})
  void rejectsAmbiguousThousandsOrDecimals(String text) {
    assertThat(assertInvalidArgument(() -> Money.of(text)).detail()).contains("ambiguous");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "   ", "R$", "-", "+", "R$ -", "abc", "10 reais", "1e3", "1E3", "10,", "10.", ",", ".",
        "1 234,56", "1.23.456", "12.34.567", "1.234.56", "1,234,56", "1.234,56.78", "1,2.3,4",
        "01.234,56", ".123.456", "1.2345,67", "10,005", "0,001", "--10", "+-10", "R$ R$ 10",
        "10-", "(10,00)", "USD 10.00", "r$ 10,00", "١٢٣", "１２", "NaN", "Infinity", "0x10", "10%"
      })
  void rejectsGarbageAndMalformedAmounts(String text) {
    assertInvalidArgument(() -> Money.of(text));
  }

  @Test
  void parseErrorsSayWhatIsWrong() {
    assertThat(assertInvalidArgument(() -> Money.of("1234,567")).detail())
        .isEqualTo("amount '1234,567' has more than 2 decimal places");
    assertThat(assertInvalidArgument(() -> Money.of("10,005")).detail()).contains("ambiguous");
    assertThat(assertInvalidArgument(() -> Money.of("12.34.567")).detail())
        .contains("malformed thousands grouping");
    assertThat(assertInvalidArgument(() -> Money.of("")).detail()).contains("empty");
    assertThat(assertInvalidArgument(() -> Money.of("10 reais")).detail()).contains("U+0020");
    assertThat(assertInvalidArgument(() -> Money.of("9".repeat(100))).detail())
        .hasSizeLessThan(100);
  }

  // --- arithmetic -------------------------------------------------------------------------

  @Test
  void plusIsAssociativeAndCommutative() {
    qt().forAll(money(), money(), money()).checkAssert((a, b, c) -> {
      assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
      assertThat(a.plus(b)).isEqualTo(b.plus(a));
      assertThat(a.plus(Money.ZERO)).isEqualTo(a);
    });
  }

  @Test
  void minusAndNegateAreInversesOfPlus() {
    qt().forAll(money(), money()).checkAssert((a, b) -> {
      assertThat(a.plus(b).minus(b)).isEqualTo(a);
      assertThat(a.minus(b)).isEqualTo(a.plus(b.negate()));
      assertThat(a.plus(a.negate()).isZero()).isTrue();
      assertThat(a.negate().negate()).isEqualTo(a);
      assertThat(a.minus(b).amount().scale()).isEqualTo(2);
      assertThat(a.minus(b).centavos()).isEqualTo(a.centavos() - b.centavos());
    });
  }

  @Test
  void signPredicatesAndOrderingAgreeWithCentavos() {
    qt().forAll(money(), money()).checkAssert((a, b) -> {
      assertThat(Integer.signum(a.compareTo(b)))
          .isEqualTo(Long.signum(Long.compare(a.centavos(), b.centavos())));
      assertThat(a.isZero()).isEqualTo(a.centavos() == 0);
      assertThat(a.isPositive()).isEqualTo(a.centavos() > 0);
      assertThat(a.isNegative()).isEqualTo(a.centavos() < 0);
      assertThat(a.equals(b)).isEqualTo(a.centavos() == b.centavos());
      if (a.equals(b)) {
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
      }
    });
  }

  @Test
  void timesRoundsTheExactProductWithTheGivenMode() {
    qt().forAll(money(), factors(), roundings()).checkAssert((m, factor, rounding) -> {
      BigDecimal exact = m.amount().multiply(factor);
      BigDecimal expected = exact.setScale(2, rounding);
      if (expected.unscaledValue().bitLength() > 63) {
        assertThatThrownBy(() -> m.times(factor, rounding)).isInstanceOf(ArithmeticException.class);
        return;
      }
      Money product = m.times(factor, rounding);
      assertThat(product.amount()).isEqualTo(expected);
      assertThat(product.amount().scale()).isEqualTo(2);
      assertThat(product.amount().subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
    });
  }

  @Test
  void timesWithUnnecessaryRoundingDemandsAnExactProduct() {
    Money m = Money.of("10,01");
    assertThat(m.times(new BigDecimal("3"), RoundingMode.UNNECESSARY).toString()).isEqualTo("30.03");
    assertThatThrownBy(() -> m.times(new BigDecimal("0.5"), RoundingMode.UNNECESSARY))
        .isInstanceOf(ArithmeticException.class);
    assertThat(Money.of("100").times(new BigDecimal("0.0925"), RoundingMode.HALF_EVEN).toString())
        .isEqualTo("9.25");
  }

  @Test
  void dividedByRoundsTheExactQuotientWithTheGivenMode() {
    Gen<BigDecimal> divisors = factors().map(f -> f.signum() == 0 ? BigDecimal.ONE : f);
    qt().forAll(smallMoney(), divisors, roundings()).checkAssert((m, divisor, rounding) -> {
      BigDecimal expected = m.amount().divide(divisor, 2, rounding);
      if (expected.unscaledValue().bitLength() > 63) {
        assertThatThrownBy(() -> m.dividedBy(divisor, rounding))
            .isInstanceOf(ArithmeticException.class);
        return;
      }
      Money quotient = m.dividedBy(divisor, rounding);
      assertThat(quotient.amount()).isEqualTo(expected);
      assertThat(quotient.amount().scale()).isEqualTo(2);
    });
  }

  @Test
  void dividingByZeroIsAnInvalidArgument() {
    assertInvalidArgument(() -> Money.of("10").dividedBy(BigDecimal.ZERO, RoundingMode.HALF_UP));
    assertInvalidArgument(() -> Money.ZERO.dividedBy(new BigDecimal("0.00"), RoundingMode.HALF_UP));
  }

  @Test
  void arithmeticRejectsNullOperands() {
    Money m = Money.of("1");
    assertThatThrownBy(() -> m.plus(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> m.minus(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> m.times(null, RoundingMode.UP)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> m.times(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> m.dividedBy(null, RoundingMode.UP))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> m.compareTo(null)).isInstanceOf(NullPointerException.class);
  }

  // --- allocation -------------------------------------------------------------------------

  @Test
  void allocateSplitsInstallmentsWithTheExtraCentavosFirst() {
    assertThat(Money.of("100").allocate(3))
        .extracting(Money::toString)
        .containsExactly("33.34", "33.33", "33.33");
    assertThat(Money.of("0,05").allocate(3))
        .extracting(Money::toString)
        .containsExactly("0.02", "0.02", "0.01");
    assertThat(Money.of("-10,01").allocate(3))
        .extracting(Money::toString)
        .containsExactly("-3.34", "-3.34", "-3.33");
    assertThat(Money.of("0,02").allocate(4))
        .extracting(Money::toString)
        .containsExactly("0.01", "0.01", "0.00", "0.00");
    assertThat(Money.of("7").allocate(1)).containsExactly(Money.of("7"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void allocateRejectsFewerThanOnePart(int parts) {
    assertInvalidArgument(() -> Money.of("10").allocate(parts));
  }

  @Test
  void allocatedPartsSumExactlyAndDifferByAtMostOneCentavo() {
    Gen<Money> amounts = money().mix(smallMoney());
    qt().forAll(amounts, integers().between(1, 480)).checkAssert((m, parts) -> {
      List<Money> split = m.allocate(parts);

      assertThat(split).hasSize(parts);
      assertThat(split.stream().reduce(Money.ZERO, Money::plus)).isEqualTo(m);
      long max = split.stream().mapToLong(Money::centavos).max().orElseThrow();
      long min = split.stream().mapToLong(Money::centavos).min().orElseThrow();
      assertThat(max - min).isLessThanOrEqualTo(1);
      for (int i = 1; i < split.size(); i++) { // the bigger parts (in magnitude) come first
        assertThat(Math.abs(split.get(i).centavos()))
            .isLessThanOrEqualTo(Math.abs(split.get(i - 1).centavos()));
      }
      split.forEach(p -> assertThat(p.amount().scale()).isEqualTo(2));
      split.forEach(p -> assertThat(p.isNegative() && m.isPositive()).isFalse());
    });
  }

  @Test
  void allocateByRatiosSplitsProportionallyAndExactly() {
    assertThat(Money.of("100").allocate(List.of(new BigDecimal("70"), new BigDecimal("30"))))
        .extracting(Money::toString)
        .containsExactly("70.00", "30.00");
    assertThat(Money.of("0,05").allocate(List.of(BigDecimal.ONE, BigDecimal.ONE)))
        .extracting(Money::toString)
        .containsExactly("0.03", "0.02");
    // 10.00 by 1:2: 3.333… and 6.666…; the larger discarded fraction (.666) gets the centavo.
    assertThat(Money.of("10").allocate(List.of(BigDecimal.ONE, new BigDecimal("2"))))
        .extracting(Money::toString)
        .containsExactly("3.33", "6.67");
    assertThat(Money.of("-10").allocate(List.of(new BigDecimal("0.5"), BigDecimal.ZERO, new BigDecimal("0.50"))))
        .extracting(Money::toString)
        .containsExactly("-5.00", "0.00", "-5.00");
  }

  @Test
  void allocateByRatiosRejectsBadRatios() {
    Money m = Money.of("10");
    assertInvalidArgument(() -> m.allocate((List<BigDecimal>) null));
    assertInvalidArgument(() -> m.allocate(List.of()));
    assertInvalidArgument(() -> m.allocate(List.of(BigDecimal.ZERO, BigDecimal.ZERO)));
    assertInvalidArgument(() -> m.allocate(List.of(BigDecimal.ONE, new BigDecimal("-1"))));
    assertInvalidArgument(() -> m.allocate(Collections.singletonList(null)));
    assertInvalidArgument(() -> m.allocate(List.of(new BigDecimal("1E-101"))));
    assertInvalidArgument(() -> m.allocate(List.of(new BigDecimal("1E+101"))));
  }

  @Test
  void allocatedRatioPartsSumExactlyAndStayWithinACentavoOfTheExactShare() {
    Gen<List<BigDecimal>> ratios =
        lists()
            .of(longs().between(0, 1_000_000).zip(integers().between(0, 4), BigDecimal::valueOf))
            .ofSizeBetween(1, 12)
            .map(MoneyTest::atLeastOnePositive);
    qt().forAll(money(), ratios).checkAssert((m, weights) -> {
      List<Money> split = m.allocate(weights);
      BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);

      assertThat(split).hasSize(weights.size());
      assertThat(split.stream().reduce(Money.ZERO, Money::plus)).isEqualTo(m);
      for (int i = 0; i < split.size(); i++) {
        BigDecimal exact = m.amount().multiply(weights.get(i)).divide(total, 10, RoundingMode.DOWN);
        assertThat(split.get(i).amount().subtract(exact).abs())
            .isLessThanOrEqualTo(new BigDecimal("0.01"));
        if (weights.get(i).signum() == 0) {
          assertThat(split.get(i).isZero()).isTrue();
        }
      }
    });
  }

  // --- text -------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0          | R$ 0,00",
        "0.05       | R$ 0,05",
        "1          | R$ 1,00",
        "999.99     | R$ 999,99",
        "1000       | R$ 1.000,00",
        "1234.56    | R$ 1.234,56",
        "-1234.56   | -R$ 1.234,56",
        "123456.7   | R$ 123.456,70",
        "1234567.89 | R$ 1.234.567,89",
        "-0.01      | -R$ 0,01"
      })
  void formatsInBrazilianStyle(String amount, String expected) {
    assertThat(Money.of(new BigDecimal(amount)).format()).isEqualTo(expected);
  }

  @Test
  void formatDoesNotDependOnTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      assertThat(Money.of("1234,56").format()).isEqualTo("R$ 1.234,56");
      Locale.setDefault(Locale.GERMANY);
      assertThat(Money.of("1234,56").toString()).isEqualTo("1234.56");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void formatMatchesTheJdkPtBrCurrencyFormatApartFromTheNoBreakSpace() {
    NumberFormat ptBr = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("pt-BR"));
    qt().forAll(money()).checkAssert(m ->
        assertThat(m.format())
            .isEqualTo(ptBr.format(m.amount()).replace('\u00a0', ' ').replace('\u2212', '-')));
  }

  @Test
  void parsingWhatFormatAndToStringProduceGivesTheSameAmount() {
    qt().forAll(money().mix(smallMoney())).checkAssert(m -> {
      assertThat(Money.of(m.format())).isEqualTo(m);
      assertThat(Money.of(m.toString())).isEqualTo(m);
      assertThat(Money.of(m.amount())).isEqualTo(m);
      assertThat(new BigDecimal(m.toString())).isEqualTo(m.amount());
    });
  }

  @ParameterizedTest
  @EnumSource(value = RoundingMode.class, mode = EnumSource.Mode.EXCLUDE, names = "UNNECESSARY")
  void everyOperationKeepsScaleTwo(RoundingMode rounding) {
    Money m = Money.of("12,34");
    BigDecimal third = new BigDecimal("0.333333");
    assertThat(m.times(third, rounding).amount().scale()).isEqualTo(2);
    assertThat(m.dividedBy(new BigDecimal("3"), rounding).amount().scale()).isEqualTo(2);
    assertThat(Money.of(third, rounding).amount().scale()).isEqualTo(2);
    assertThat(m.negate().amount().scale()).isEqualTo(2);
    assertThat(Money.ZERO.amount().scale()).isEqualTo(2);
    assertThat(Money.ZERO.toString()).isEqualTo("0.00");
    assertThat(m.times(BigDecimal.ZERO, rounding)).isEqualTo(Money.ZERO);
    assertThat(m.times(BigDecimal.ZERO, rounding).amount().scale()).isEqualTo(2);
  }

  @Test
  void allocateReturnsUnmodifiableLists() {
    List<Money> parts = Money.of("10").allocate(2);
    assertThatThrownBy(() -> parts.add(Money.ZERO)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Money.of("10").allocate(List.of(BigDecimal.ONE)).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static List<BigDecimal> atLeastOnePositive(List<BigDecimal> ratios) {
    if (ratios.stream().anyMatch(r -> r.signum() > 0)) {
      return ratios;
    }
    List<BigDecimal> fixed = new java.util.ArrayList<>(ratios);
    fixed.set(0, BigDecimal.ONE);
    return fixed;
  }
}
