package io.ysh.aneel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lei 14.300 charge priced from the distributor's own TUSD Fio B: the real tariff extract
 * plus the synthetic components fixture (its Fio B values are made up, the arithmetic is what is
 * checked). Every expected value is computed by hand in the comments.
 */
class FioBTest {

  static TariffCalculator withComponents;
  static TariffCalculator withoutComponents;

  @BeforeAll
  static void load() {
    List<TariffRecord> tariffs = Fixtures.read(Fixtures.TARIFFS, AneelDataset.TARIFFS);
    List<TariffFlagActivation> flags = Fixtures.read(Fixtures.FLAGS_UTF8_QUOTED, AneelDataset.FLAG_ACTIVATIONS);
    withComponents = TariffCalculator.builder().tariffs(tariffs).flagActivations(flags).components(Fixtures.components()).build();
    withoutComponents = TariffCalculator.builder().tariffs(tariffs).flagActivations(flags).build();
  }

  static PostPrice cemigB1(TariffCalculator calc, LocalDate d, String detail) {
    EnergyPriceResult r =
        calc.price(TariffQuery.builder("CEMIG-D", "B1", d).consumerClass("Residencial", "Residencial").detail(detail).includeFlag(false).build());
    assertThat(r).isInstanceOf(EnergyPrice.class);
    return ((EnergyPrice) r).single();
  }

  @Test
  void cemigFioBIn2026IsSixtyPercentOfItsOwnComponent() {
    // REH 3.589/2026, 2026-05-28..2027-05-27, Tarifa de Aplicação B1 Convencional Residencial:
    // TUSD_FioB 282,164318507 R$/MWh; 2026 share 60%: 0.60 x 282.164318507 / 1000 = 0.1692985911042 -> 0.16929859
    PostPrice p = cemigB1(withComponents, LocalDate.of(2026, 6, 15), "Não se aplica");
    FioBCharge.Priced f = p.fioBPriced().orElseThrow();
    assertThat(f.component().resolution()).contains("3.589");
    assertThat(f.component().detail()).isEqualTo("Não se aplica");
    assertThat(f.fioBPerKwh()).isEqualByComparingTo("0.282164318507");
    assertThat(f.share()).isEqualByComparingTo("0.60");
    assertThat(f.chargePerKwh()).isEqualTo(new java.math.BigDecimal("0.16929859"));
    assertThat(f.accessRequested()).isEqualTo(LocalDate.of(2026, 6, 15));
    // the energy price is untouched: (593,08 + 310,21) / 1000
    assertThat(p.totalPerKwh()).isEqualByComparingTo("0.90329");
  }

  @Test
  void theComponentInForceOnTheDateAndTheYearsShareAreUsed() {
    // REH 3.459/2025, 2025-05-28..2025-12-31: TUSD_FioB 262,47; 2025 share 45%: 0.45 x 262.47 / 1000 = 0.1181115
    FioBCharge.Priced f2025 = cemigB1(withComponents, LocalDate.of(2025, 9, 15), "Não se aplica").fioBPriced().orElseThrow();
    assertThat(f2025.chargePerKwh()).isEqualTo(new java.math.BigDecimal("0.11811150"));
    assertThat(f2025.component().validTo()).isEqualTo(LocalDate.of(2025, 12, 31));
    // the same Fio B in 2026-01-01..2026-05-27 at the 2026 share: 0.60 x 262.47 / 1000 = 0.157482
    FioBCharge.Priced f2026 = cemigB1(withComponents, LocalDate.of(2026, 3, 1), "Não se aplica").fioBPriced().orElseThrow();
    assertThat(f2026.chargePerKwh()).isEqualTo(new java.math.BigDecimal("0.15748200"));
    // SCEE detail has its own row
    assertThat(cemigB1(withComponents, LocalDate.of(2026, 6, 15), "SCEE").fioBPriced().orElseThrow().component().detail()).isEqualTo("SCEE");
  }

  @Test
  void brancaIsChargedPerPost() {
    // the tariff extract has no Branca rows: three synthetic ones for CEMIG-D (values made up)
    List<TariffRecord> tariffs = new java.util.ArrayList<>(Fixtures.read(Fixtures.TARIFFS, AneelDataset.TARIFFS));
    for (String post : List.of("Ponta", "Intermediário", "Fora ponta")) {
      tariffs.add(new TariffRecord(null, "RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026", "CEMIG-D", "06981180000116",
          LocalDate.of(2026, 5, 28), LocalDate.of(2027, 5, 27), "Tarifa de Aplicação", "B1", "Branca", "Residencial", "Residencial",
          "Não se aplica", post, TariffUnit.MWH, "Não se aplica", new java.math.BigDecimal("500.00"), new java.math.BigDecimal("300.00")));
    }
    TariffCalculator calc = TariffCalculator.builder().tariffs(tariffs).components(Fixtures.components()).build();
    EnergyPrice p =
        (EnergyPrice) calc.price(
            TariffQuery.builder("06981180000116", "B1", LocalDate.of(2026, 6, 15)).modality("Branca").consumerClass("Residencial", "Residencial").includeFlag(false).build());
    assertThat(p.posts()).hasSize(3).allSatisfy(post -> assertThat(post.fioBPriced()).as(post.post()).isPresent());
    // Ponta 605,112 / Intermediário 390,455 / Fora ponta 190,23 at 60%: 0.3630672, 0.234273, 0.114138
    assertThat(p.post("Ponta").orElseThrow().fioBPriced().orElseThrow().chargePerKwh()).isEqualByComparingTo("0.36306720");
    assertThat(p.post("Intermediario").orElseThrow().fioBPriced().orElseThrow().chargePerKwh()).isEqualByComparingTo("0.23427300");
    assertThat(p.post("Fora ponta").orElseThrow().fioBPriced().orElseThrow().chargePerKwh()).isEqualByComparingTo("0.11413800");
  }

  @Test
  void absentComponentsAreSaidNotGuessed() {
    FioBCharge none = cemigB1(withoutComponents, LocalDate.of(2026, 6, 15), "Não se aplica").fioB();
    assertThat(none).isInstanceOfSatisfying(FioBCharge.Unavailable.class, u -> {
      assertThat(u.reason()).isEqualTo(FioBCharge.Reason.NO_COMPONENTS_LOADED);
      assertThat(u.message()).contains("CEMIG-D, distributor CNPJ 06981180000116");
    });
    // components loaded, none for this combination: the fixture has no Fio B for the Baixa Renda subclass
    EnergyPrice baixaRenda =
        (EnergyPrice) withComponents.price(
            TariffQuery.builder("CEMIG-D", "B1", LocalDate.of(2026, 3, 1)).consumerClass("Residencial", "Baixa Renda").includeFlag(false).build());
    assertThat(baixaRenda.single().fioB()).isInstanceOfSatisfying(FioBCharge.Unavailable.class, u -> {
      assertThat(u.reason()).isEqualTo(FioBCharge.Reason.NO_COMPONENT_FOR_QUERY);
      assertThat(u.message()).contains("TUSD_FioB").contains("Baixa Renda").contains("2026-03-01").contains("CEMIG-D, distributor CNPJ 06981180000116");
    });
    assertThat(baixaRenda.single().fioBPriced()).isEmpty();
  }

  @Test
  void theLawsScheduleDecidesTheShare() {
    TariffQuery.Builder q = TariffQuery.builder("CEMIG-D", "B1", LocalDate.of(2026, 6, 15)).consumerClass("Residencial", "Residencial").includeFlag(false);
    // a unit that requested access by 2023-01-07 keeps the old rule: share 0, charge 0
    EnergyPrice old = (EnergyPrice) withComponents.price(q.generationAccessRequested(LocalDate.of(2022, 12, 1)).build());
    FioBCharge.Priced grandfathered = old.single().fioBPriced().orElseThrow();
    assertThat(grandfathered.share()).isEqualByComparingTo("0");
    assertThat(grandfathered.chargePerKwh()).isEqualByComparingTo("0");
  }
}
