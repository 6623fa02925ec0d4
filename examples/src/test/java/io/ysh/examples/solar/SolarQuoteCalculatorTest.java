package io.ysh.examples.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import io.ysh.aneel.ConnectionType;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import io.ysh.testkit.gen.YshGenerators;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Hand-computed quotes (the arithmetic is spelled out in each test) and properties over many inputs. */
class SolarQuoteCalculatorTest {

  private final SolarQuoteCalculator calc = new SolarQuoteCalculator();

  private static QuoteInput input(String kwh, String hsp, ConnectionType c, String tariff, String fioB, String share, String price) {
    return new QuoteInput(new BigDecimal(kwh), new BigDecimal(hsp), c, new BigDecimal(tariff), new BigDecimal(fioB),
        new BigDecimal(share), Money.of(price));
  }

  @Test
  void quickStartScenarioCemigTwoPhaseIn2026() {
    // tariff (593.08 + 310.21 + 18.85) / 1000 = 0.92214; Fio B 0.45 x 593.08 = 266.886 R$/MWh; 2026 share 60%
    SolarQuote q = calc.quote(input("500", "5.0", ConnectionType.TWO_PHASE, "0.92214", "0.266886", "0.60", "14990.00"));
    // 500 / (5.0 x 30 x 0.80) = 500 / 120 = 4.1666.. -> 4.17 kWp (rounded up); 4.17 x 120 = 500.40 kWh
    assertThat(q.systemKwp()).isEqualByComparingTo("4.17");
    assertThat(q.monthlyGenerationKwh()).isEqualByComparingTo("500.40");
    // before: 500 x 0.92214 = 461.07
    assertThat(q.billBefore()).isEqualTo(Money.of("461.07"));
    // after: net 500 - 500.4 < 0 -> billed the 50 kWh minimum: 50 x 0.92214 = 46.107 -> 46.11; compensated 450
    assertThat(q.compensatedKwh()).isEqualByComparingTo("450");
    assertThat(q.energyAfter()).isEqualTo(Money.of("46.11"));
    // Fio B: 450 x 0.60 x 0.266886 = 72.05922 -> 72.06
    assertThat(q.fioBCharge()).isEqualTo(Money.of("72.06"));
    assertThat(q.billAfter()).isEqualTo(Money.of("118.17"));
    assertThat(q.monthlySavings()).isEqualTo(Money.of("342.90"));
    // 14990 / 342.90 = 43.715.. months; 43.7 / 12 = 3.64 years
    assertThat(q.paybackMonths()).contains(new BigDecimal("43.7"));
    assertThat(q.paybackYears()).contains(new BigDecimal("3.6"));
  }

  @Test
  void singlePhaseIn2023PaysFifteenPercentOfFioB() {
    SolarQuote q = calc.quote(input("200", "4.5", ConnectionType.SINGLE_PHASE, "1.00", "0.30", "0.15", "10000.00"));
    // 200 / (4.5 x 30 x 0.8 = 108) = 1.8518.. -> 1.86 kWp; 1.86 x 108 = 200.88 kWh
    assertThat(q.systemKwp()).isEqualByComparingTo("1.86");
    assertThat(q.monthlyGenerationKwh()).isEqualByComparingTo("200.88");
    assertThat(q.billBefore()).isEqualTo(Money.of("200.00"));
    // 30 kWh minimum x 1.00 = 30.00; Fio B 170 x 0.15 x 0.30 = 7.65
    assertThat(q.energyAfter()).isEqualTo(Money.of("30.00"));
    assertThat(q.fioBCharge()).isEqualTo(Money.of("7.65"));
    assertThat(q.billAfter()).isEqualTo(Money.of("37.65"));
    assertThat(q.monthlySavings()).isEqualTo(Money.of("162.35"));
    // 10000 / 162.35 = 61.595.. -> 61.6 months; 61.6 / 12 = 5.13 -> 5.1 years
    assertThat(q.paybackMonths()).contains(new BigDecimal("61.6"));
    assertThat(q.paybackYears()).contains(new BigDecimal("5.1"));
  }

  @Test
  void threePhaseKeepsTheHundredKwhMinimum() {
    SolarQuote q = calc.quote(input("400", "5", ConnectionType.THREE_PHASE, "0.80", "0.20", "0.45", "20000.00"));
    // 400 / 120 = 3.333.. -> 3.34 kWp, 400.80 kWh; before 400 x 0.80 = 320.00
    assertThat(q.systemKwp()).isEqualByComparingTo("3.34");
    assertThat(q.billBefore()).isEqualTo(Money.of("320.00"));
    // after: 100 x 0.80 = 80.00 + Fio B 300 x 0.45 x 0.20 = 27.00
    assertThat(q.compensatedKwh()).isEqualByComparingTo("300");
    assertThat(q.billAfter()).isEqualTo(Money.of("107.00"));
    assertThat(q.monthlySavings()).isEqualTo(Money.of("213.00"));
    // 20000 / 213 = 93.896.. -> 93.9 months
    assertThat(q.paybackMonths()).contains(new BigDecimal("93.9"));
  }

  @Test
  void consumptionBelowTheMinimumSavesNothingAndHasNoPayback() {
    SolarQuote q = calc.quote(input("20", "5", ConnectionType.SINGLE_PHASE, "0.90", "0.25", "0.60", "5000.00"));
    // billed the 30 kWh minimum before and after: 30 x 0.90 = 27.00; nothing compensated
    assertThat(q.billBefore()).isEqualTo(Money.of("27.00"));
    assertThat(q.billAfter()).isEqualTo(Money.of("27.00"));
    assertThat(q.compensatedKwh()).isEqualByComparingTo("0");
    assertThat(q.monthlySavings()).isEqualTo(Money.ZERO);
    assertThat(q.paybackMonths()).isEmpty();
  }

  @Test
  void aPerformanceRatioOfOneSizesSmaller() {
    SolarQuote q = new SolarQuoteCalculator(BigDecimal.ONE)
        .quote(input("300", "5", ConnectionType.TWO_PHASE, "1.00", "0", "0", "9000.00"));
    // 300 / (5 x 30 x 1) = 2.00 kWp; no Fio B: after = 50 x 1.00
    assertThat(q.systemKwp()).isEqualByComparingTo("2.00");
    assertThat(q.billAfter()).isEqualTo(Money.of("50.00"));
    assertThat(q.monthlySavings()).isEqualTo(Money.of("250.00"));
    assertThat(q.paybackMonths()).contains(new BigDecimal("36.0"));
  }

  @Test
  void badInputIsInvalidArgumentNamingTheField() {
    assertInvalid(() -> input("0", "5", ConnectionType.SINGLE_PHASE, "1", "0.2", "0.6", "1.00"), "monthlyConsumptionKwh");
    assertInvalid(() -> input("100", "-1", ConnectionType.SINGLE_PHASE, "1", "0.2", "0.6", "1.00"), "peakSunHours");
    // a Fio B in R$/MWh passed as R$/kWh is larger than the whole tariff
    assertInvalid(() -> input("100", "5", ConnectionType.SINGLE_PHASE, "0.92", "266.89", "0.6", "1.00"), "fioBPerKwh");
    assertInvalid(() -> input("100", "5", ConnectionType.SINGLE_PHASE, "0.92", "0.2", "60", "1.00"), "fioBShare");
    assertInvalid(() -> input("100", "5", ConnectionType.SINGLE_PHASE, "0.92", "0.2", "0.6", "0.00"), "systemPrice");
    assertInvalid(() -> new SolarQuoteCalculator(new BigDecimal("1.2")), "performanceRatio");
  }

  private static void assertInvalid(Runnable r, String field) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining(field);
  }

  // ------------------------------------------------------------------ properties

  /** Realistic-to-extreme inputs: 1..10,000 kWh, 2.0..7.0 HSP, R$ 0.10..3.00/kWh, any Fio B up to the tariff, any share. */
  private static Gen<QuoteInput> inputs() {
    Gen<BigDecimal> kwh = integers().between(1, 10_000).map(i -> BigDecimal.valueOf(i.longValue()));
    Gen<BigDecimal> hsp = integers().between(20, 70).map(i -> BigDecimal.valueOf(i, 1));
    Gen<BigDecimal> tariff = integers().between(100, 3000).map(i -> BigDecimal.valueOf(i, 3));
    Gen<BigDecimal> fraction = integers().between(0, 100).map(i -> BigDecimal.valueOf(i, 2));
    Gen<ConnectionType> connection = arbitrary().enumValues(ConnectionType.class);
    Gen<Money> price = YshGenerators.amounts(100_00, 500_000_00).map(amount -> Money.of(amount));
    return kwh.zip(hsp, connection, tariff, (k, h, c, t) -> new Object[] {k, h, c, t})
        .zip(fraction, fraction, price, (a, fioBOfTariff, share, p) -> new QuoteInput((BigDecimal) a[0], (BigDecimal) a[1],
            (ConnectionType) a[2], (BigDecimal) a[3], ((BigDecimal) a[3]).multiply(fioBOfTariff), share, p));
  }

  @Test
  void savingsAreNeverNegativeAndTheBillNeverGoesUpByMoreThanRounding() {
    qt().withExamples(2000).forAll(inputs()).check(in -> {
      SolarQuote q = calc.quote(in);
      return !q.monthlySavings().isNegative()
          && q.billAfter().compareTo(q.billBefore().plus(Money.of("0.01"))) <= 0
          && q.monthlyGenerationKwh().compareTo(in.monthlyConsumptionKwh()) >= 0
          && q.energyAfter().compareTo(Money.ZERO) > 0;
    });
  }

  @Test
  void paybackGrowsWithThePrice() {
    qt().withExamples(1000)
        .forAll(inputs(), YshGenerators.amounts(1_00, 100_000_00).map(amount -> Money.of(amount)))
        .check((in, extra) -> {
          Optional<BigDecimal> cheaper = calc.quote(in).paybackMonths();
          QuoteInput dearer = new QuoteInput(in.monthlyConsumptionKwh(), in.peakSunHours(), in.connection(), in.tariffPerKwh(),
              in.fioBPerKwh(), in.fioBShare(), in.systemPrice().plus(extra));
          Optional<BigDecimal> other = calc.quote(dearer).paybackMonths();
          return cheaper.isPresent() == other.isPresent()
              && (cheaper.isEmpty() || cheaper.get().compareTo(other.get()) <= 0);
        });
  }
}
