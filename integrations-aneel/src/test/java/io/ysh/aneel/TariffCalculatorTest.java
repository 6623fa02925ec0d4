package io.ysh.aneel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calculator against the real rows of {@code scrutiniums_tarifas_amostra.csv},
 * {@code alupdatalake_aneel_tarifas_fixture.csv} and {@code scrutiniums_bandeira_acionamento.csv}.
 * Every expected value is computed by hand from the rows quoted in the comments.
 */
class TariffCalculatorTest {

  static TariffCalculator calc;

  @BeforeAll
  static void load() {
    List<TariffRecord> rows = new ArrayList<>(Fixtures.read(Fixtures.TARIFFS, AneelDataset.TARIFFS));
    rows.addAll(Fixtures.read(Fixtures.TARIFFS_EDGE, AneelDataset.TARIFFS));
    calc =
        TariffCalculator.builder()
            .tariffs(rows)
            .flagActivations(Fixtures.read(Fixtures.FLAGS_UTF8_QUOTED, AneelDataset.FLAG_ACTIVATIONS))
            .flagSurcharges(Fixtures.read(Fixtures.SURCHARGES, AneelDataset.FLAG_SURCHARGES))
            .build();
  }

  @Test
  void surchargeTableAnswersScenarios() {
    // REH 3.306/2024 from 2024-04-01: Vermelha P2 78,77; REH 3.051/2022 from 2022-07-01: Amarela 29,89
    assertThat(calc.surcharge(TariffFlag.VERMELHA_P2, LocalDate.of(2026, 6, 1)).orElseThrow().surchargePerMwh()).isEqualByComparingTo("78.77");
    assertThat(calc.surcharge(TariffFlag.AMARELA, LocalDate.of(2023, 1, 1)).orElseThrow().surchargePerMwh()).isEqualByComparingTo("29.89");
    assertThat(calc.surcharge(TariffFlag.ESCASSEZ_HIDRICA, LocalDate.of(2021, 9, 1)).orElseThrow().surchargePerMwh()).isEqualByComparingTo("142.00");
    assertThat(calc.surcharge(TariffFlag.AMARELA, LocalDate.of(2014, 1, 1))).isEmpty();
    // "what if June 2026 were Vermelha P2": 0.90329 + 78.77 / 1000 = 0.90329 + 0.07877 = 0.98206
    TariffFlagSurcharge p2 = calc.surcharge(TariffFlag.VERMELHA_P2, LocalDate.of(2026, 6, 1)).orElseThrow();
    EnergyPrice base = priced(calc.price(cemigB1(LocalDate.of(2026, 6, 15)).includeFlag(false).build()));
    EnergyPrice red = base.withFlag(new TariffFlagActivation(null, YearMonth.of(2026, 6), p2.flag(), p2.surchargePerMwh()));
    assertThat(red.single().totalPerKwh()).isEqualByComparingTo("0.98206");
  }

  static EnergyPrice priced(EnergyPriceResult r) {
    assertThat(r).isInstanceOf(EnergyPrice.class);
    return (EnergyPrice) r;
  }

  static TariffQuery.Builder cemigB1(LocalDate d) {
    return TariffQuery.builder("06981180000116", "B1", d).consumerClass("Residencial", "Residencial");
  }

  @Test
  void cemigResidentialWithYellowFlag() {
    // REH 3.589, 2026-05-28..2027-05-27, Tarifa de Aplicação B1 Convencional Residencial/Residencial:
    //   VlrTUSD 593,08 VlrTE 310,21 -> (593.08 + 310.21) / 1000 = 0.90329 R$/kWh
    // Flag 2026-06: Amarela 18,85 R$/MWh -> 0.01885 R$/kWh; total 0.90329 + 0.01885 = 0.92214
    EnergyPrice p = priced(calc.price(cemigB1(LocalDate.of(2026, 6, 15)).build()));
    PostPrice only = p.single();
    assertThat(only.energyPerKwh()).isEqualByComparingTo("0.90329");
    assertThat(only.flagPerKwh()).isEqualByComparingTo("0.01885");
    assertThat(only.totalPerKwh()).isEqualByComparingTo("0.92214");
    assertThat(only.grossPerKwh()).isNull();
    assertThat(only.source().resolution()).contains("3.589");
    assertThat(p.appliedFlag()).map(TariffFlagActivation::flag).contains(TariffFlag.AMARELA);
    assertThat(p.distributorAcronym()).isEqualTo("CEMIG-D");
  }

  @Test
  void taxGrossUpPorDentro() {
    // 0.92214 / ((1 - 0.0165 - 0.076) x (1 - 0.18)) = 0.92214 / (0.9075 x 0.82) = 0.92214 / 0.74415
    //   = 1.239185648... -> 1.23918565 (8 decimals, half up)
    // minimum for three-phase: 100 kWh x 1.23918565 = 123.918565 -> R$ 123.92
    EnergyPrice p =
        priced(calc.price(cemigB1(LocalDate.of(2026, 6, 15)).taxes(Taxes.percent("18", "1.65", "7.6")).build()));
    assertThat(p.single().grossPerKwh()).isEqualByComparingTo("1.23918565");
    assertThat(p.single().minimumCharge(ConnectionType.THREE_PHASE).amount()).isEqualByComparingTo("123.92");
    // single phase: 30 x 1.23918565 = 37.1755695 -> R$ 37.18
    assertThat(p.single().minimumCharge(ConnectionType.SINGLE_PHASE).amount()).isEqualByComparingTo("37.18");
  }

  @Test
  void currentAcronymResolvesToTheCnpjInAnyCase() {
    EnergyPrice p = priced(calc.price(TariffQuery.builder("cemig-d", "B1", LocalDate.of(2026, 6, 15)).consumerClass("residencial", "RESIDENCIAL").build()));
    assertThat(p.distributorCnpj()).isEqualTo("06981180000116");
    assertThat(p.single().totalPerKwh()).isEqualByComparingTo("0.92214");
  }

  @Test
  void dayBeforeTheNewResolutionUsesThePreviousPeriod() {
    // REH 3.459, 2026-01-01..2026-05-27: 541,30 + 317,28 = 858,58 -> 0.85858; flag 2026-05 Amarela 0.01885
    // -> 0.87743
    EnergyPrice p = priced(calc.price(cemigB1(LocalDate.of(2026, 5, 27)).build()));
    assertThat(p.single().totalPerKwh()).isEqualByComparingTo("0.87743");
  }

  @Test
  void sceeDetailOnlyWhenAsked() {
    // REH 3.589 detail SCEE: 593,08 + 30,44 = 623,52 -> 0.62352; + 0.01885 = 0.64237
    EnergyPrice p = priced(calc.price(cemigB1(LocalDate.of(2026, 6, 15)).detail("SCEE").build()));
    assertThat(p.single().totalPerKwh()).isEqualByComparingTo("0.64237");
    assertThat(p.single().source().detail()).isEqualTo("SCEE");
  }

  @Test
  void overlappingResolutionsSameStartLaterResolutionWins() {
    // CEA 2021-11-30..2021-12-16, two Tarifa de Aplicação rows with the same start:
    //   REH 2.979: 432,18 + 108,61; REH 3.001: 362,45 + 142,80 -> 3.001 wins: 505,25 -> 0.50525
    // flag 2021-12: Escassez Hídrica 142,00 -> 0.142; total 0.64725
    EnergyPrice p =
        priced(calc.price(TariffQuery.builder("05965546000109", "B1", LocalDate.of(2021, 12, 1)).consumerClass("Residencial", "Residencial").build()));
    assertThat(p.single().source().resolution()).contains("3.001");
    assertThat(p.single().energyPerKwh()).isEqualByComparingTo("0.50525");
    assertThat(p.appliedFlag().orElseThrow().flag()).isEqualTo(TariffFlag.ESCASSEZ_HIDRICA);
    assertThat(p.single().totalPerKwh()).isEqualByComparingTo("0.64725");
  }

  @Test
  void sameResolutionSameStartShorterPeriodWins() {
    // Ceraçá REH 3.537, both from 2025-09-30: ..2026-09-29 with 567,80 and ..2025-12-31 with 723,72
    // -> the 2025-12-31 row: 723,72 + 227,70 = 951,42 -> 0.95142; flag 2025-10 Vermelha P1 44,63
    // -> 0.04463; total 0.99605
    EnergyPrice p =
        priced(calc.price(TariffQuery.builder("09364804000144", "B1", LocalDate.of(2025, 10, 15)).consumerClass("Residencial", "Residencial").build()));
    assertThat(p.single().energyPerKwh()).isEqualByComparingTo("0.95142");
    assertThat(p.single().totalPerKwh()).isEqualByComparingTo("0.99605");
  }

  @Test
  void latestStartWins() {
    // Ceraçá 2026-03-10 is covered by 2025-09-30..2026-09-29 and 2026-01-01..2026-09-29 (both 567,80 +
    // 227,70); the later start wins: 795,50 -> 0.79550; flag 2026-03 Verde ,00
    EnergyPrice p =
        priced(calc.price(TariffQuery.builder("ceraçá", "B1", LocalDate.of(2026, 3, 10)).consumerClass("Residencial", "Residencial").build()));
    assertThat(p.single().source().validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(p.single().totalPerKwh()).isEqualByComparingTo("0.79550");
    assertThat(p.appliedFlag().orElseThrow().flag()).isEqualTo(TariffFlag.VERDE);
  }

  @Test
  void renamedDistributorByCnpjAndFormerAcronymIsRefusedAfterTheRenameNamingTheCurrentOne() {
    // RGE (ex RGE SUL) REH 2.697 2020-06-19..2020-06-30: 290,26 + 270,01 = 560,27 -> 0.56027; 2020-06 Verde
    EnergyPrice p =
        priced(calc.price(TariffQuery.builder("02.016.440/0001-62", "B1", LocalDate.of(2020, 6, 25)).consumerClass("Residencial", "Residencial").build()));
    assertThat(p.single().totalPerKwh()).isEqualByComparingTo("0.56027");
    assertThat(p.distributorAcronym()).isEqualTo("RGE");
    assertThatThrownBy(() -> calc.resolveCnpj("RGE SUL"))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.UNKNOWN_DISTRIBUTOR))
        .hasMessageContaining("not in force")
        .hasMessageContaining("distributor CNPJ 02016440000162 bore it from 2018-04-19 to 2019-06-18")
        .hasMessageContaining("\"RGE\"");
  }

  @Test
  void publicationLagIsSaidNotGuessed() {
    // CERNHE's last period ends 2026-07-29; nothing after it in the file
    EnergyPriceResult r =
        calc.price(TariffQuery.builder("53176038000186", "B1", LocalDate.of(2026, 8, 1)).consumerClass("Residencial", "Residencial").build());
    assertThat(r).isInstanceOfSatisfying(NoTariffInForce.class, n -> {
      assertThat(n.reason()).isEqualTo(NoTariffInForce.Reason.NOT_YET_PUBLISHED);
      assertThat(n.lastCoveredDay()).isEqualTo(LocalDate.of(2026, 7, 29));
      assertThat(n.message()).contains("2026-07-29");
    });
  }

  @Test
  void gapBetweenPeriods() {
    // CERNHE: 2025-07-30..2025-12-31 and 2026-01-01..2026-07-29 are contiguous; RGE has 2019-04-19..2019-06-18
    // then 2019-06-19: contiguous as well. CERES has only 2010-03-22..2011-03-21: before it -> BEFORE_FIRST_PERIOD
    EnergyPriceResult r =
        calc.price(
            TariffQuery.builder("31465487000101", "B2", LocalDate.of(2010, 1, 5)).consumerClass("Rural", "Cooperativa de eletrificação rural").build());
    assertThat(r).isInstanceOfSatisfying(NoTariffInForce.class, n -> {
      assertThat(n.reason()).isEqualTo(NoTariffInForce.Reason.BEFORE_FIRST_PERIOD);
      assertThat(n.nextPeriodStart()).isEqualTo(LocalDate.of(2010, 3, 22));
    });
  }

  @Test
  void zeroTusdAndTeIsNotHomologated() {
    // CERES 2010-03-22..2011-03-21 B2 Rural/Cooperativa: ",00";",00"
    EnergyPriceResult r =
        calc.price(
            TariffQuery.builder("31465487000101", "B2", LocalDate.of(2010, 6, 1)).consumerClass("Rural", "Cooperativa de eletrificação rural").build());
    assertThat(r).isInstanceOfSatisfying(NoTariffInForce.class, n -> assertThat(n.reason()).isEqualTo(NoTariffInForce.Reason.NOT_HOMOLOGATED));
  }

  @Test
  void unpublishedFlagIsSaidAndThePreviousMonthIsOfferedExplicitly() {
    // The flag file ends at 2026-09 (Amarela 18,85); 2026-10 is not published.
    EnergyPriceResult r = calc.price(cemigB1(LocalDate.of(2026, 10, 5)).build());
    assertThat(r).isInstanceOf(FlagNotPublished.class);
    FlagNotPublished f = (FlagNotPublished) r;
    assertThat(f.month()).isEqualTo(YearMonth.of(2026, 10));
    assertThat(f.priceWithoutFlag().single().totalPerKwh()).isEqualByComparingTo("0.90329");
    assertThat(f.previous().orElseThrow().month()).isEqualTo(YearMonth.of(2026, 9));
    // applying September's Amarela by choice: 0.90329 + 0.01885 = 0.92214
    assertThat(f.priceWithoutFlag().withFlag(f.previous().orElseThrow()).single().totalPerKwh()).isEqualByComparingTo("0.92214");
  }

  @Test
  void kwRowsAreNeverEnergy() {
    // CEMIG A2 Azul APE Fora ponta is a kW row (10,97 ; ,00): no energy price for it
    assertThatThrownBy(() -> calc.price(TariffQuery.builder("06981180000116", "A2", LocalDate.of(2026, 6, 15)).modality("Azul").detail("APE").build()))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.NO_MATCHING_TARIFF))
        .hasMessageContaining("A2");
  }

  @Test
  void perPostWhenTheModalityHasNoSingleRow() {
    // ELFSM A3 Azul Fora ponta MWh, REH 3.678 2026-09-22..2027-09-21: 75,94 + 318,70 = 394,64 -> 0.39464
    EnergyPrice p =
        priced(calc.price(TariffQuery.builder("27485069000109", "A3", LocalDate.of(2026, 10, 1)).modality("Azul").includeFlag(false).build()));
    assertThat(p.post("fora ponta").orElseThrow().totalPerKwh()).isEqualByComparingTo("0.39464");
    assertThat(p.appliedFlag()).isEmpty();
  }

  @Test
  void whiteTariffIsPricedPerPost() {
    // Synthetic Branca rows (the real extracts have none), 2026-01-01..2026-12-31:
    //   Ponta 1200,00 + 500,00 -> 1.70000; Intermediário 800,00 + 350,00 -> 1.15000;
    //   Fora ponta 400,00 + 300,00 -> 0.70000; plus 2026-06 Amarela 0.01885 on each
    TariffCalculator c =
        TariffCalculator.builder()
            .tariffs(List.of(branca("Ponta", "1200,00", "500,00"), branca("Intermediário", "800,00", "350,00"), branca("Fora ponta", "400,00", "300,00")))
            .flagActivations(Fixtures.read(Fixtures.FLAGS_UTF8_QUOTED, AneelDataset.FLAG_ACTIVATIONS))
            .build();
    EnergyPrice p =
        priced(c.price(TariffQuery.builder("11222333000181", "B1", LocalDate.of(2026, 6, 1)).modality("Branca").consumerClass("Residencial", "Residencial").build()));
    assertThat(p.posts()).extracting(PostPrice::post).containsExactly("Ponta", "Intermediário", "Fora ponta");
    assertThat(p.post("Ponta").orElseThrow().totalPerKwh()).isEqualByComparingTo("1.71885");
    assertThat(p.post("intermediario").orElseThrow().totalPerKwh()).isEqualByComparingTo("1.16885");
    assertThat(p.post("Fora ponta").orElseThrow().totalPerKwh()).isEqualByComparingTo("0.71885");
    assertThatThrownBy(p::single).isInstanceOf(IllegalStateException.class);
  }

  private static TariffRecord branca(String post, String tusd, String te) {
    return new TariffRecord(
        LocalDate.of(2026, 9, 30), "RESOLUÇÃO HOMOLOGATÓRIA Nº 9.999", "SYNTH", "11222333000181", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
        "Tarifa de Aplicação", "B1", "Branca", "Residencial", "Residencial", "Não se aplica", post, TariffUnit.MWH, "Não se aplica",
        Decimals.parse(tusd), Decimals.parse(te));
  }

  @Test
  void badInputIsNamed() {
    assertProblem(() -> calc.price(cemigB1(LocalDate.of(2009, 12, 31)).build()), AneelException.Problem.DATE_OUT_OF_RANGE, "2009-12-31");
    assertProblem(() -> calc.price(TariffQuery.builder("CEMIG-D", "B9", LocalDate.of(2026, 6, 1)).build()), AneelException.Problem.UNKNOWN_SUBGROUP, "B9");
    assertProblem(
        () -> calc.price(TariffQuery.builder("CEMIG-D", "B1", LocalDate.of(2026, 6, 1)).modality("Verdinha").build()),
        AneelException.Problem.UNKNOWN_MODALITY,
        "Verdinha");
    assertProblem(() -> calc.price(TariffQuery.builder("12345678000195", "B1", LocalDate.of(2026, 6, 1)).build()), AneelException.Problem.UNKNOWN_DISTRIBUTOR, "no tariffs for CNPJ");
    assertProblem(() -> calc.price(TariffQuery.builder("NOPE", "B1", LocalDate.of(2026, 6, 1)).build()), AneelException.Problem.UNKNOWN_DISTRIBUTOR, "NOPE");
    assertProblem(
        () -> calc.price(TariffQuery.builder("CEMIG-D", "B1", LocalDate.of(2026, 6, 1)).consumerClass("Residencial", "Inexistente").build()),
        AneelException.Problem.NO_MATCHING_TARIFF,
        "Inexistente");
  }

  private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, AneelException.Problem problem, String named) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(problem))
        .hasMessageContaining(named);
  }

  @Test
  void fioBShareByYear() {
    LocalDate after = LocalDate.of(2024, 3, 1);
    assertThat(Lei14300.fioBShare(after, 2023)).contains(new BigDecimal("0.15"));
    assertThat(Lei14300.fioBShare(after, 2026)).contains(new BigDecimal("0.60"));
    assertThat(Lei14300.fioBShare(after, 2028)).contains(new BigDecimal("0.90"));
    assertThat(Lei14300.fioBShare(after, 2029)).isEmpty();
    assertThat(Lei14300.fioBShare(LocalDate.of(2023, 1, 7), 2030)).contains(BigDecimal.ZERO);
    assertThat(Lei14300.fioBShare(LocalDate.of(2023, 1, 8), 2025)).contains(new BigDecimal("0.45"));
    // 0.60 x 150.00 R$/MWh / 1000 = 0.09 R$/kWh
    assertThat(Lei14300.fioBChargePerKwh(new BigDecimal("0.60"), new BigDecimal("150.00"))).isEqualByComparingTo("0.09");
  }

  @Test
  void minimumBilledEnergy() {
    assertThat(ConnectionType.SINGLE_PHASE.billableKwh(new BigDecimal("12"))).isEqualByComparingTo("30");
    assertThat(ConnectionType.TWO_PHASE.billableKwh(new BigDecimal("12"))).isEqualByComparingTo("50");
    assertThat(ConnectionType.THREE_PHASE.billableKwh(new BigDecimal("250.5"))).isEqualByComparingTo("250.5");
  }
}
