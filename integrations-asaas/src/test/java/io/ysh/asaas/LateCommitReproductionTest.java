package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.br.Money;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's scenario, as a new user met it: Asaas is under load, accepts the first
 * {@code POST /payments} and commits it 2.5 s later, after the client's 1 s create timeout; the
 * list shows what is committed so far. The old client looked up once, found nothing (the first
 * request was still being processed), posted again about 200 ms later and returned the second of
 * two charges. Now it never posts again: it keeps looking until the late commit appears.
 */
class LateCommitReproductionTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));

  @AfterEach
  void clear() throws InterruptedException {
    Sim.SIM.faults().clear();
    Sim.SIM.awaitIdle(Duration.ofSeconds(30));
  }

  @Test
  void aPaymentCommittedAfterTheClientTimedOutIsChargedOnceAndReturned() throws InterruptedException {
    AsaasClient asaas = Sim.builder()
        .createTimeout(Duration.ofSeconds(1))
        .settleWindow(Duration.ofSeconds(30))
        .settleBackoff(Duration.ofMillis(200), Duration.ofSeconds(1))
        .build();
    String customer = asaas.customers().create(CustomerRequest.builder().name("Carga").cpfCnpj("52998224725").build()).id();
    String ref = "order-" + UUID.randomUUID();
    long posts = Sim.SIM.requestCount("POST", "/payments");
    Sim.SIM.faults().commitLateWhileHanging("POST", "/payments", 1, Duration.ofMillis(2500));

    Payment p = asaas.payments().create(PaymentRequest.builder().customer(customer).billingType(BillingType.PIX)
        .value(Money.of("1499.90")).dueDate(TODAY.plusDays(3)).externalReference(ref).build());

    assertThat(Sim.SIM.awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertThat(Sim.SIM.requestCount("POST", "/payments") - posts).as("POSTs sent").isEqualTo(1);
    assertThat(Sim.SIM.payments().stream().filter(n -> ref.equals(n.path("externalReference").asText(null))))
        .as("charges committed").singleElement()
        .satisfies(n -> assertThat(n.get("id").asText()).isEqualTo(p.id()));
  }

  @Test
  void aLateCommitAfterADroppedConnectionIsFoundToo() throws InterruptedException {
    AsaasClient asaas = Sim.builder().settleWindow(Duration.ofSeconds(30)).build();
    String customer = asaas.customers().create(CustomerRequest.builder().name("Carga").cpfCnpj("52998224725").build()).id();
    String ref = "order-" + UUID.randomUUID();
    Sim.SIM.faults().commitLateAfterDrop("POST", "/payments", 1, Duration.ofMillis(1200));
    Payment p = asaas.payments().create(PaymentRequest.builder().customer(customer).billingType(BillingType.BOLETO)
        .value(Money.of("10.00")).dueDate(TODAY.plusDays(3)).externalReference(ref).build());
    assertThat(Sim.SIM.awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertThat(Sim.SIM.payments().stream().filter(n -> ref.equals(n.path("externalReference").asText(null))))
        .singleElement().satisfies(n -> assertThat(n.get("id").asText()).isEqualTo(p.id()));
  }
}
