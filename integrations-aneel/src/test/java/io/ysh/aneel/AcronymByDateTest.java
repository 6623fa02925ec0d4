package io.ysh.aneel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acronyms resolve as of the query's date, on the real tariff extract
 * ({@code scrutiniums_tarifas_amostra.csv}: CNPJ 02016440000162 is "RGE SUL" from 2018-04-19 and
 * "RGE" from 2019-06-19), and messages name distributors with their CNPJ readable while a
 * CNPJ that is not a known distributor's stays masked.
 */
class AcronymByDateTest {

  static TariffCalculator calc;

  @BeforeAll
  static void load() {
    calc =
        TariffCalculator.builder()
            .tariffs(Fixtures.read(Fixtures.TARIFFS, AneelDataset.TARIFFS))
            .flagActivations(Fixtures.read(Fixtures.FLAGS_UTF8_QUOTED, AneelDataset.FLAG_ACTIVATIONS))
            .build();
  }

  @Test
  void aFormerAcronymIsFineForADateWhenItWasInForce() {
    // RGE SUL REH 2.528 2019-04-19..2019-06-18: 250,50 + 296,82 = 547,32; May 2019 flag Amarela 10,00:
    // (547,32 + 10,00) / 1000 = 0.55732
    EnergyPrice p =
        (EnergyPrice) calc.price(TariffQuery.builder("RGE SUL", "B1", LocalDate.of(2019, 5, 1)).consumerClass("Residencial", "Residencial").build());
    assertThat(p.distributorCnpj()).isEqualTo("02016440000162");
    assertThat(p.distributorAcronym()).isEqualTo("RGE SUL");
    assertThat(p.single().totalPerKwh()).isEqualByComparingTo("0.55732");
    assertThat(calc.resolveCnpj("rge sul", LocalDate.of(2018, 4, 19))).isEqualTo("02016440000162");
    assertThat(calc.resolveCnpj("RGE", LocalDate.of(2019, 6, 19))).isEqualTo("02016440000162");
    // before its first row a distributor bears its first row's acronym
    assertThat(calc.resolveCnpj("RGE SUL", LocalDate.of(2015, 1, 1))).isEqualTo("02016440000162");
  }

  @Test
  void anAcronymNotInForceOnTheDateNamesWhoBoreItAndWhen() {
    assertThatThrownBy(() -> calc.resolveCnpj("RGE SUL", LocalDate.of(2019, 6, 19)))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.UNKNOWN_DISTRIBUTOR))
        .hasMessageEndingWith(
            "acronym \"RGE SUL\" was not in force on 2019-06-19: distributor CNPJ 02016440000162 bore it from 2018-04-19 to 2019-06-18"
                + " (on 2019-06-19: \"RGE\") - use the CNPJ or the acronym in force");
    assertThatThrownBy(() -> calc.price(TariffQuery.builder("RGE", "B1", LocalDate.of(2019, 5, 1)).build()))
        .hasMessageContaining("\"RGE\" was not in force on 2019-05-01")
        .hasMessageContaining("distributor CNPJ 02016440000162 bore it from 2019-06-19 (on 2019-05-01: \"RGE SUL\")");
  }

  @Test
  void aReusedAcronymResolvesByDate() {
    // Before the 2019 merger, "RGE" was Rio Grande Energia, CNPJ 02016439000138 (the real CNPJ; the
    // row below is synthetic: its period and values are made up for this test).
    List<TariffRecord> rows = new ArrayList<>(Fixtures.read(Fixtures.TARIFFS, AneelDataset.TARIFFS));
    rows.add(
        new TariffRecord(null, "RESOLUÇÃO HOMOLOGATÓRIA Nº 2.390, DE 17 DE ABRIL DE 2018", "RGE", "02016439000138",
            LocalDate.of(2018, 4, 19), LocalDate.of(2019, 4, 18), "Tarifa de Aplicação", "B1", "Convencional", "Residencial",
            "Residencial", "Não se aplica", "Não se aplica", TariffUnit.MWH, "Não se aplica", new BigDecimal("260.00"), new BigDecimal("290.00")));
    TariffCalculator reused = TariffCalculator.builder().tariffs(rows).build();
    assertThat(reused.resolveCnpj("RGE", LocalDate.of(2018, 6, 1))).isEqualTo("02016439000138");
    assertThat(reused.resolveCnpj("RGE", LocalDate.of(2020, 1, 1))).isEqualTo("02016440000162");
    assertThat(reused.resolveCnpj("RGE")).isEqualTo("02016440000162");
    // on 2019-05-01 the old company's last row (2018-04-19) still names it "RGE"; the other bears "RGE SUL"
    assertThat(reused.resolveCnpj("RGE", LocalDate.of(2019, 5, 1))).isEqualTo("02016439000138");
    assertThat(reused.resolveCnpj("RGE SUL", LocalDate.of(2019, 5, 1))).isEqualTo("02016440000162");
  }

  @Test
  void anUnknownAcronymListsTheClosestInForce() {
    assertThatThrownBy(() -> calc.resolveCnpj("CEMIG", LocalDate.of(2026, 6, 1)))
        .isInstanceOfSatisfying(AneelException.class, e -> assertThat(e.problem()).isEqualTo(AneelException.Problem.UNKNOWN_DISTRIBUTOR))
        .hasMessageContaining("no distributor with acronym \"CEMIG\" in the data loaded; closest acronyms in force on 2026-06-01: \"CEMIG-D\", ");
    assertThatThrownBy(() -> calc.resolveCnpj("CERAC", LocalDate.of(2026, 6, 1)))
        .hasMessageContaining("\"Ceraçá\"");
    assertThat(calc.resolveCnpj("ceraca", LocalDate.of(2026, 6, 1))).isEqualTo("09364804000144");
  }

  @Test
  void distributorsAreNamedInFullWhileOtherCnpjsStayMasked() {
    assertThatThrownBy(
            () -> calc.price(TariffQuery.builder("CEMIG-D", "B1", LocalDate.of(2026, 6, 1)).consumerClass("Residencial", "Inexistente").build()))
        .hasMessageContaining(": CEMIG-D, distributor CNPJ 06981180000116 has no MWh");
    // a CNPJ that no loaded distributor has may be a customer's: masked
    assertThatThrownBy(() -> calc.resolveCnpj("11.222.333/0001-81"))
        .hasMessageEndingWith(": no tariffs for CNPJ **** in the data loaded")
        .hasMessageNotContaining("11222333000181");
  }

  @Test
  void editDistance() {
    assertThat(TariffCalculator.editDistance("cemig", "cemig-d")).isEqualTo(2);
    assertThat(TariffCalculator.editDistance("", "abc")).isEqualTo(3);
    assertThat(TariffCalculator.editDistance("rge", "rge")).isZero();
    assertThat(TariffCalculator.editDistance("kitten", "sitting")).isEqualTo(3);
  }
}
