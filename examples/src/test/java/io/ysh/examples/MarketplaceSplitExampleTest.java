package io.ysh.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.asaas.AnticipationStatus;
import io.ysh.asaas.InvoiceStatus;
import io.ysh.core.br.Money;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The marketplace example against the strict AsaasSimulator: 90/10 split of a payment-link sale,
 * the NFS-e for the platform's fee, and the integrator's anticipation reflected in its balance.
 */
class MarketplaceSplitExampleTest {

  @Test
  void theIntegratorGetsNinetyPercentOfTheNetValueAndThePlatformKeepsTheRest() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    MarketplaceSplitExample.Result r = new MarketplaceSplitExample(QuickStartDemoTest.print(buffer)).run();

    assertThat(r.integratorShare()).isEqualTo(r.net().times(new BigDecimal("0.90"), RoundingMode.DOWN));
    assertThat(r.platformFee()).isEqualTo(r.net().minus(r.integratorShare()));
    assertThat(r.integratorBalance()).isEqualTo(r.integratorShare());
    assertThat(r.platformBalanceGain()).isEqualTo(r.platformFee());
    assertThat(r.platformFee().amount()).isGreaterThan(Money.of("2000.00").amount());
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("payment link: https://").contains("1 split received");
  }

  @Test
  void theFeeIsInvoicedAndTheIntegratorsAnticipationReachesItsBalance() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    MarketplaceSplitExample.Result r = new MarketplaceSplitExample(QuickStartDemoTest.print(buffer)).run();

    assertThat(r.feeInvoice().status()).isEqualTo(InvoiceStatus.AUTHORIZED);
    assertThat(r.feeInvoice().value()).as("the NFS-e is for the platform's fee").isEqualTo(r.platformFee());
    assertThat(r.feeInvoice().number()).isNotBlank();
    assertThat(r.feeInvoice().taxes().iss()).isEqualByComparingTo("5");

    assertThat(r.anticipation().status()).isEqualTo(AnticipationStatus.CREDITED);
    assertThat(r.anticipation().netValue()).isEqualTo(r.anticipation().value().minus(r.anticipation().fee()));
    assertThat(r.anticipation().fee().isPositive()).isTrue();
    assertThat(r.integratorBalanceAfterAnticipation()).isEqualTo(r.integratorBalance().plus(r.anticipation().netValue()));
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("AUTHORIZED").contains("CREDITED");
  }
}
