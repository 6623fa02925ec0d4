package io.ysh.examples;

import io.ysh.asaas.Anticipation;
import io.ysh.asaas.AnticipationRequest;
import io.ysh.asaas.AnticipationSimulation;
import io.ysh.asaas.AsaasClient;
import io.ysh.asaas.BillingType;
import io.ysh.asaas.CreatedSubaccount;
import io.ysh.asaas.CustomerRequest;
import io.ysh.asaas.FiscalInfoRequest;
import io.ysh.asaas.Invoice;
import io.ysh.asaas.InvoiceRequest;
import io.ysh.asaas.InvoiceTaxes;
import io.ysh.asaas.MunicipalService;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Asaas for a marketplace: an integrator is onboarded as a subaccount, a customer pays a quote by
 * payment link, 90 % of the net value goes to the integrator's wallet and the platform keeps 10 %;
 * both balances are checked, the integrator with its own API key. The platform then issues an
 * NFS-e to the integrator for its fee (authorized by the simulated city hall), and the integrator
 * bills the installation by boleto due in 30 days and anticipates that receivable: its balance
 * grows by the anticipated value less the fee.
 *
 * <pre>
 * mvn -q -DskipTests -Pdemo -pl examples -am verify -Dysh.demo.main=io.ysh.examples.MarketplaceSplitExample
 * </pre>
 *
 * <p>Runs against the in-process {@code AsaasSimulator}.
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
   * @param feeInvoice the NFS-e the platform issued to the integrator for its fee
   * @param anticipation the integrator's anticipation of its installation boleto
   * @param integratorBalanceAfterAnticipation the integrator's balance once the anticipation was credited
   */
  public record Result(String paymentId, Money net, Money integratorShare, Money platformFee, Money integratorBalance, Money platformBalanceGain,
      Invoice feeInvoice, Anticipation anticipation, Money integratorBalanceAfterAnticipation) {}

  /**
   * Runs the example on a fresh simulator and prints what happens.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new MarketplaceSplitExample(System.out).run();
  }

  /**
   * Onboards, sells by link with a 90/10 split, confirms the payment, reads both balances, issues
   * the NFS-e for the platform's fee and anticipates the integrator's receivable.
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

      // 7. the platform issues an NFS-e to the integrator for its fee (intermediation), once its fiscal data is saved
      LocalDate today = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
      platform.invoices().saveFiscalInfo(FiscalInfoRequest.builder().email("fiscal@ysh.example").simplesNacional(false)
          .municipalInscription("21779501").rpsSerie("1").rpsNumber(1L).username("ysh-prefeitura")
          .password(Secret.of("senha-da-prefeitura")).build());
      MunicipalService intermediation = platform.invoices().municipalServices("intermediação", 0, 10).data().get(0);
      String integratorAsCustomer = platform.customers().create(CustomerRequest.builder().name("Solar Integradora")
          .cpfCnpj("529.982.247-25").email("financeiro@solar-integradora.example").build()).id();
      Invoice scheduled = platform.invoices().schedule(InvoiceRequest.builder().customer(integratorAsCustomer)
          .serviceDescription("Intermediação da venda do orçamento 2026-118").observations("Taxa da plataforma YSH (10%)")
          .externalReference("fee-quote-2026-118").value(fee).deductions(Money.ZERO).effectiveDate(today)
          .municipalServiceId(intermediation.id()).municipalServiceName(intermediation.description())
          .taxes(InvoiceTaxes.issOnly(intermediation.issTax(), false)).build());
      Invoice invoice = platform.invoices().authorize(scheduled.id());
      out.println("NFS-e " + invoice.number() + " for the fee " + invoice.value() + ": " + invoice.status() + " (" + invoice.pdfUrl() + ")");

      // 8. the integrator bills the installation by boleto due in 30 days and anticipates it
      String installationCustomer = integrator.customers().create(CustomerRequest.builder().name("Cliente Final")
          .cpfCnpj("111.444.777-35").build()).id();
      Payment installation = integrator.payments().create(PaymentRequest.builder().customer(installationCustomer)
          .billingType(BillingType.BOLETO).value(Money.of("3500.00")).dueDate(today.plusDays(30))
          .description("Instalação do sistema 6 kWp").externalReference("install-2026-118").build());
      AnticipationSimulation quote = integrator.anticipations().simulate(AnticipationRequest.ofPayment(installation.id()));
      Anticipation anticipation = integrator.anticipations().request(AnticipationRequest.ofPayment(installation.id()));
      Money afterAnticipation = integrator.finance().balance().balance();
      out.println("anticipated " + anticipation.value() + " (fee " + quote.fee() + " for " + quote.anticipationDays() + " days): "
          + anticipation.status() + ", integrator balance " + afterAnticipation);
      return new Result(paymentId, paid.netValue(), share, fee, integratorBalance, gain, invoice, anticipation, afterAnticipation);
    }
  }
}
