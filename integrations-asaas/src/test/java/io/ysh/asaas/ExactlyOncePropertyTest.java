package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.ysh.core.br.Money;
import io.ysh.testkit.asaas.AsaasSimulator;
import io.ysh.testkit.asaas.SimulatorFaults;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever sequence of faults the {@link AsaasSimulator} injects into the create and
 * its lookups (drops before or after commit, 5xx), at most one charge exists afterwards; when
 * the call returns, exactly one exists and it is the one returned; when it throws after the
 * charge was committed, the error says the outcome is unknown and names the reference.
 */
class ExactlyOncePropertyTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));

  @AfterEach
  void clear() {
    Sim.SIM.faults().clear();
  }

  private static void inject(SimulatorFaults f, int kind) {
    switch (kind) {
      case 0 -> f.dropConnectionAfterCommit("POST", "/payments", 1);
      case 1 -> f.dropConnectionBeforeCommit("POST", "/payments", 1);
      case 2 -> f.failNext("POST", "/payments", 1, 503);
      case 3 -> f.failNext("GET", "/payments", 1, 503);
      case 4 -> f.dropConnectionAfterCommit("GET", "/payments", 1);
      default -> f.failNext("POST", "/payments", 1, 500);
    }
  }

  @Test
  void atMostOneChargeWhateverTheFaults() {
    AsaasClient asaas = Sim.client();
    String customer = asaas.customers().create(CustomerRequest.builder().name("P").cpfCnpj("52998224725").build()).id();
    qt().withExamples(40).forAll(lists().of(integers().between(0, 5)).ofSizeBetween(0, 5)).checkAssert(kinds -> {
      Sim.SIM.faults().clear();
      kinds.forEach(k -> inject(Sim.SIM.faults(), k));
      String ref = "prop-" + UUID.randomUUID();
      Payment returned = null;
      AsaasException failure = null;
      try {
        returned = asaas.payments().create(PaymentRequest.builder().customer(customer).billingType(BillingType.PIX)
            .value(Money.of("1.00")).dueDate(TODAY).externalReference(ref).build());
      } catch (AsaasException e) {
        failure = e;
      }
      Sim.SIM.faults().clear();
      List<String> stored = Sim.SIM.payments().stream()
          .filter(p -> ref.equals(p.path("externalReference").asText(null)))
          .map(p -> p.get("id").asText()).toList();
      assertThat(stored).as("faults %s", kinds).hasSizeLessThanOrEqualTo(1);
      if (returned != null) {
        assertThat(stored).containsExactly(returned.id());
      } else if (!stored.isEmpty()) {
        assertThat(failure.outcomeUnknown()).as("faults %s", kinds).isTrue();
        assertThat(failure.externalReference()).contains(ref);
      }
    });
  }
}
