package io.ysh.examples;

import io.ysh.asaas.AsaasClient;
import io.ysh.asaas.BillingType;
import io.ysh.asaas.CreatedSubaccount;
import io.ysh.asaas.Payment;
import io.ysh.asaas.PaymentLink;
import io.ysh.asaas.PaymentLinkChargeType;
import io.ysh.asaas.PaymentLinkRequest;
import io.ysh.asaas.PaymentRequest;
import io.ysh.asaas.Split;
import io.ysh.asaas.SplitFilter;
import io.ysh.asaas.SplitStatus;
import io.ysh.asaas.SubaccountRequest;
import io.ysh.core.Secret;
import io.ysh.core.br.Money;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.testkit.asaas.AsaasSimulator;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * Asaas for a marketplace: an integrator is onboarded as a subaccount, a customer pays a quote by
 * payment link, 90 % of the net value goes to the integrator's wallet and the platform keeps 10 %;
 * both balances are checked, the integrator with its own API key.
 *
 * <pre>
 * mvn -q -DskipTests -Pdemo -pl examples -am verify -Dysh.demo.main=io.ysh.examples.MarketplaceSplitExample
 * </pre>
 *
 * <p>Runs against the in-process {@code AsaasSimulator}; the NFS-e for the platform's fee and the
 * integrator's anticipation of issue 19 are not part of it (those resources are not implemented yet).
 */
public final class MarketplaceSplitExample {

  private final PrintStream out;

  /**
   * An example.
   *
   * @param out where the report goes
   */
  public MarketplaceSplitExample(PrintStream out) {
    this.out = out;
  }

  /**
   * What the example saw.
   *
   * @param paymentId the payment made through the link
   * @param net the payment's net value
   * @param integratorShare what the integrator's wallet received
   * @param platformFee what the platform kept of the net value
   * @param integratorBalance the integrator's balance, read with its own key
   * @param platformBalanceGain how much the platform's balance grew
   */
  public record Result(String paymentId, Money net, Money integratorShare, Money platformFee, Money integratorBalance, Money platformBalanceGain) {}

  /**
   * Runs the example on a fresh simulator and prints what happens.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new MarketplaceSplitExample(System.out).run();
  }

  /**
   * Onboards, sells by link with a 90/10 split, confirms the payment and reads both balances.
   *
   * @return what happened
   */
  public Result run() {
    try (AsaasSimulator sim = AsaasSimulator.builder().strict(true).start()) {
      AsaasClient platform = AsaasClient.builder().apiKey(Secret.of(sim.apiKey())).baseUrl(sim.baseUrl())
          .userAgentSuffix("ysh-examples/1.0").logLevel(HttpLogLevel.NONE).build();

      // 1. the integrator becomes a subaccount; its key is answered once: a real service stores it in a secret store now
      CreatedSubaccount onboarded = platform.accounts().create(SubaccountRequest.builder()
          .name("Solar Integradora").email("financeiro@solar-integradora.example").cpfCnpj("529.982.247-25")
          .mobilePhone("11988887777").incomeValue(Money.of("40000.00")).address("Rua das Placas").addressNumber("42")
          .province("Centro").postalCode("01001-000").build());
      String wallet = onboarded.account().walletId();
      AsaasClient integrator = AsaasClient.builder().apiKey(onboarded.apiKey().orElseThrow()).baseUrl(sim.baseUrl())
          .userAgentSuffix("ysh-examples/1.0").logLevel(HttpLogLevel.NONE).build();
      out.println("integrator onboarded: wallet " + wallet + ", status " + integrator.accounts().status().general());

      // 2. the quote is sold by payment link
      PaymentLink link = platform.paymentLinks().create(PaymentLinkRequest.builder().name("Orçamento 2026-118 — 6 kWp")
          .billingType(BillingType.UNDEFINED).chargeType(PaymentLinkChargeType.DETACHED).value(Money.of("21500.00"))
          .dueDateLimitDays(3).externalReference("quote-2026-118").build());
      out.println("payment link: " + link.url());

      // 3. the customer opens the link and chooses PIX (the simulator stands in for the browser)
      String paymentId = sim.payPaymentLink(link.id(), "Cliente Final", "11144477735", "PIX", null, 1).get("id").asText();

      // 4. the platform splits what the link created: 90 % to the integrator, 10 % stays as the platform's fee
      platform.payments().update(paymentId, PaymentRequest.builder()
          .split(List.of(Split.percentual(wallet, new BigDecimal("90")).withExternalReference("quote-2026-118")
              .withDescription("Solar Integradora: 90%")))
          .build());
      Money before = platform.finance().balance().balance();

      // 5. the customer pays
      Payment paid = platform.sandbox().confirmPayment(paymentId);
      Money share = paid.split().get(0).totalValue();
      Money fee = paid.netValue().minus(share);
      out.println("paid " + paid.value() + " (net " + paid.netValue() + "): integrator " + share + ", platform fee " + fee
          + ", split " + paid.split().get(0).status());

      // 6. both sides check their money
      Money integratorBalance = integrator.finance().balance().balance();
      Money gain = platform.finance().balance().balance().minus(before);
      long received = integrator.splits().streamReceived(SplitFilter.all().paymentId(paymentId).status(SplitStatus.DONE)).count();
      out.println("integrator balance " + integratorBalance + " (" + received + " split received); platform balance +" + gain);
      return new Result(paymentId, paid.netValue(), share, fee, integratorBalance, gain);
    }
  }
}
