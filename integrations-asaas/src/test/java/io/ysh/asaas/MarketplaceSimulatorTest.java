package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Subaccounts and splits end to end on the strict simulator: a subaccount's own API key works,
 * a 90/10 split is credited to the integrator's wallet when the payment is received, the paid
 * and received lists agree, deleting a payment cancels its splits, a refund takes the share
 * back, installment plans' splits are replaced, subscriptions keep theirs, and the simulator
 * refuses splits Asaas would refuse.
 */
class MarketplaceSimulatorTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
  private final AsaasClient platform = Sim.client();
  private String customerId;

  @BeforeEach
  void customer() {
    Sim.SIM.faults().clear();
    customerId = platform.customers().create(CustomerRequest.builder().name("Cliente Solar").cpfCnpj(Docs.cpf()).build()).id();
  }

  private AsaasClient clientOf(CreatedSubaccount created) {
    return Sim.builder().apiKey(created.apiKey().orElseThrow()).build();
  }

  @Test
  void aSubaccountsKeyIsAnsweredOnceAndWorksAgainstTheSimulator() {
    SubaccountRequest req = Docs.integrator("Solar Integradora");
    CreatedSubaccount created = platform.accounts().create(req);
    assertThat(created.apiKey()).isPresent();
    assertThat(created.toString()).doesNotContain(created.apiKey().get().reveal());
    assertThat(created.account().walletId()).isNotBlank();
    assertThat(created.account().cpfCnpj()).isEqualTo(req.cpfCnpj());

    AsaasClient integrator = clientOf(created);
    assertThat(integrator.accounts().wallets()).extracting(Wallet::id).containsExactly(created.account().walletId());
    assertThat(integrator.finance().balance().balance()).isEqualTo(Money.of("0.00"));
    assertThat(integrator.accounts().status().general()).isEqualTo(AccountApprovalStatus.APPROVED);
    assertThat(integrator.accounts().commercialInfo().cpfCnpj()).isEqualTo(req.cpfCnpj());
    assertThat(platform.accounts().get(created.account().id()).email()).isEqualTo(req.email());
    assertThat(platform.accounts().stream(SubaccountFilter.all().cpfCnpj(req.cpfCnpj())).toList()).extracting(Subaccount::id)
        .containsExactly(created.account().id());
    // the platform's own customers are not the integrator's
    assertThat(integrator.customers().list(CustomerFilter.all(), 0, 10).data()).isEmpty();

    // the same request again (same CPF, same email, within the recent window) does not create a second account
    CreatedSubaccount again = platform.accounts().create(req);
    assertThat(again.account().id()).isEqualTo(created.account().id());
    assertThat(again.apiKey()).as("the key is answered once only").isEmpty();
    assertThat(Sim.SIM.subaccounts().stream().filter(a -> a.path("cpfCnpj").asText().equals(req.cpfCnpj()))).hasSize(1);
  }

  @Test
  void aNinetyTenSplitCreditsTheIntegratorsWalletWhenThePaymentIsReceived() {
    CreatedSubaccount created = platform.accounts().create(Docs.integrator("Integradora 90"));
    String wallet = created.account().walletId();
    AsaasClient integrator = clientOf(created);
    Money platformBefore = platform.finance().balance().balance();

    Payment p = platform.payments().create(PaymentRequest.builder().customer(customerId).billingType(BillingType.PIX)
        .value(Money.of("1000.00")).dueDate(TODAY.plusDays(2))
        .split(List.of(Split.percentual(wallet, new BigDecimal("90")).withExternalReference("quote-7").withDescription("integrador")))
        .build());
    assertThat(p.split()).singleElement().satisfies(s -> {
      assertThat(s.walletId()).isEqualTo(wallet);
      assertThat(s.status()).isEqualTo(SplitStatus.PENDING);
      assertThat(s.percentualValue()).isEqualByComparingTo("90");
      assertThat(s.externalReference()).isEqualTo("quote-7");
    });
    Money net = p.netValue();
    Money share = net.times(new BigDecimal("0.90"), java.math.RoundingMode.DOWN);

    Payment paid = platform.sandbox().confirmPayment(p.id());
    assertThat(paid.split().get(0).status()).isEqualTo(SplitStatus.DONE);
    assertThat(paid.split().get(0).totalValue()).isEqualTo(share);
    assertThat(integrator.finance().balance().balance()).isEqualTo(share);
    assertThat(platform.finance().balance().balance()).isEqualTo(platformBefore.plus(net).minus(share));
    assertThat(integrator.finance().streamTransactions(FinancialTransactionFilter.all()).toList())
        .anySatisfy(t -> {
          assertThat(t.paymentId()).isEqualTo(p.id());
          assertThat(t.value()).isEqualTo(share);
        });

    List<PaymentSplit> received = integrator.splits().streamReceived(SplitFilter.all().paymentId(p.id())).toList();
    assertThat(received).singleElement().satisfies(s -> {
      assertThat(s.totalValue()).isEqualTo(share);
      assertThat(s.status()).isEqualTo(SplitStatus.DONE);
      assertThat(s.paymentId()).isEqualTo(p.id());
    });
    assertThat(integrator.splits().getReceived(received.get(0).id()).walletId()).isEqualTo(wallet);
    assertThat(platform.splits().streamPaid(SplitFilter.all().paymentId(p.id()).status(SplitStatus.DONE)).toList()).hasSize(1);
    assertThat(Sim.SIM.walletBalance(wallet)).isEqualByComparingTo(share.amount());

    // a full refund takes the share back from the integrator
    Payment refunded = platform.payments().refund(p.id(), null);
    assertThat(refunded.split().get(0).status()).isEqualTo(SplitStatus.REFUNDED);
    assertThat(refunded.split().get(0).cancellationReason()).isEqualTo(SplitCancellationReason.PAYMENT_REFUNDED);
    assertThat(integrator.finance().balance().balance()).isEqualTo(Money.of("0.00"));
  }

  @Test
  void deletingAPaymentCancelsItsSplits() {
    String wallet = platform.accounts().create(Docs.integrator("Integradora Del")).account().walletId();
    Payment p = platform.payments().create(PaymentRequest.builder().customer(customerId).billingType(BillingType.BOLETO)
        .value(Money.of("300.00")).dueDate(TODAY.plusDays(2)).split(List.of(Split.fixed(wallet, Money.of("100.00")))).build());
    platform.payments().delete(p.id());
    PaymentSplit s = platform.payments().get(p.id()).split().get(0);
    assertThat(s.status()).isEqualTo(SplitStatus.CANCELLED);
    assertThat(s.cancellationReason()).isEqualTo(SplitCancellationReason.PAYMENT_DELETED);
    assertThat(Sim.SIM.walletBalance(wallet)).isEqualByComparingTo("0");
  }

  @Test
  void anInstallmentPlansSplitsAreSpreadAndReplaced() {
    String w1 = platform.accounts().create(Docs.integrator("Parcelas 1")).account().walletId();
    String w2 = platform.accounts().create(Docs.integrator("Parcelas 2")).account().walletId();
    Payment first = platform.payments().create(PaymentRequest.builder().customer(customerId).billingType(BillingType.BOLETO)
        .value(Money.of("100.00")).dueDate(TODAY.plusDays(2)).installmentCount(3).totalValue(Money.of("300.00"))
        .split(List.of(Split.totalFixed(w1, Money.of("90.00")))).build());
    List<Payment> parts = platform.installments().payments(first.installment(), 0, 10).data();
    assertThat(parts).hasSize(3).allSatisfy(x -> assertThat(x.split().get(0).totalValue()).isEqualTo(Money.of("30.00")));

    List<PaymentSplit> updated = platform.installments().updateSplits(first.installment(),
        List.of(InstallmentSplit.of(Split.percentual(w2, BigDecimal.TEN)), InstallmentSplit.of(Split.fixed(w1, Money.of("5.00"))).forInstallment(2)));
    assertThat(updated).hasSize(4);
    assertThat(updated).filteredOn(s -> Integer.valueOf(2).equals(s.installmentNumber())).extracting(PaymentSplit::walletId)
        .containsExactlyInAnyOrder(w1, w2);
    Payment second = platform.installments().payments(first.installment(), 0, 10).data().stream()
        .filter(x -> x.installmentNumber() == 2).findFirst().orElseThrow();
    assertThat(second.split()).hasSize(2);
  }

  @Test
  void aSubscriptionKeepsItsSplitAndPassesItToItsPayments() {
    String wallet = platform.accounts().create(Docs.integrator("Assinatura")).account().walletId();
    Subscription sub = platform.subscriptions().create(SubscriptionRequest.builder().customer(customerId).billingType(BillingType.PIX)
        .value(Money.of("200.00")).nextDueDate(TODAY.plusDays(1)).cycle(SubscriptionCycle.MONTHLY)
        .split(List.of(Split.percentual(wallet, new BigDecimal("90")))).build());
    assertThat(sub.split()).singleElement().satisfies(s -> {
      assertThat(s.active()).isTrue();
      assertThat(s.walletId()).isEqualTo(wallet);
    });
    Payment p = platform.subscriptions().payments(sub.id(), 0, 10).data().get(0);
    assertThat(p.split()).singleElement().satisfies(s -> assertThat(s.percentualValue()).isEqualByComparingTo("90"));
  }

  @Test
  void theSimulatorRefusesSplitsAsaasWouldRefuse() {
    PaymentRequest.Builder base = PaymentRequest.builder().customer(customerId).billingType(BillingType.PIX).value(Money.of("10.00"))
        .dueDate(TODAY.plusDays(2));
    assertThatThrownBy(() -> platform.payments().create(base.split(List.of(Split.percentual("no-such-wallet", BigDecimal.ONE))).build()))
        .isInstanceOf(AsaasInvalidRequestException.class).hasMessageContaining("invalid_walletId");
    assertThatThrownBy(() -> platform.payments().create(base.split(List.of(Split.fixed(Sim.SIM.walletId(), Money.of("1.00")))).build()))
        .as("its own wallet").isInstanceOf(AsaasInvalidRequestException.class).hasMessageContaining("invalid_walletId");
    String wallet = platform.accounts().create(Docs.integrator("Excede")).account().walletId();
    // 9.95 <= the gross 10.00, so it passes the local check, but the net (10.00 - fee) is lower
    assertThatThrownBy(() -> platform.payments().create(base.split(List.of(Split.fixed(wallet, Money.of("9.95")))).build()))
        .isInstanceOf(AsaasInvalidRequestException.class).hasMessageContaining("invalid_split");
  }

  @Test
  void aPaymentLinkPaidCreatesAPaymentThatCarriesTheLinkAndItsSplit() {
    CreatedSubaccount created = platform.accounts().create(Docs.integrator("Link Integradora"));
    String wallet = created.account().walletId();
    PaymentLink link = platform.paymentLinks().create(PaymentLinkRequest.builder().name("Orçamento 12").billingType(BillingType.UNDEFINED)
        .chargeType(PaymentLinkChargeType.DETACHED).value(Money.of("500.00")).dueDateLimitDays(1).description("Sistema 3 kWp").build());
    assertThat(link.url()).contains(link.id());
    assertThat(platform.paymentLinks().get(link.id()).active()).isTrue();
    assertThat(platform.paymentLinks().stream(PaymentLinkFilter.all().externalReference(link.externalReference())).toList()).hasSize(1);

    String payer = Docs.cpf();
    String paymentId = Sim.SIM.payPaymentLink(link.id(), "Comprador", payer, "PIX", null, 1).get("id").asText();
    Payment p = platform.payments().get(paymentId);
    assertThat(p.paymentLink()).isEqualTo(link.id());
    assertThat(p.value()).isEqualTo(Money.of("500.00"));
    assertThat(p.billingType()).isEqualTo(BillingType.PIX);
    assertThat(platform.customers().get(p.customer()).cpfCnpj()).isEqualTo(payer);

    // the platform splits the payment made through its link, then the payer pays
    platform.payments().update(paymentId, PaymentRequest.builder().split(List.of(Split.percentual(wallet, new BigDecimal("90")))).build());
    Payment paid = platform.sandbox().confirmPayment(paymentId);
    assertThat(paid.split().get(0).status()).isEqualTo(SplitStatus.DONE);
    assertThat(clientOf(created).finance().balance().balance()).isEqualTo(paid.split().get(0).totalValue());

    PaymentLink off = platform.paymentLinks().update(link.id(), PaymentLinkRequest.builder().active(false).build());
    assertThat(off.active()).isFalse();
    assertThatThrownBy(() -> Sim.SIM.payPaymentLink(link.id(), "Outro", Docs.cpf(), "PIX", null, 1)).isInstanceOf(IllegalStateException.class);
    assertThat(platform.paymentLinks().delete(link.id()).deleted()).isTrue();
    assertThat(platform.paymentLinks().restore(link.id()).deleted()).isFalse();
  }

  @Test
  void anInstallmentLinkCreatesAPlanWithinItsMaximum() {
    PaymentLink link = platform.paymentLinks().create(PaymentLinkRequest.builder().name("Parcelado").billingType(BillingType.BOLETO)
        .chargeType(PaymentLinkChargeType.INSTALLMENT).value(Money.of("1200.00")).maxInstallmentCount(6).build());
    JsonNode first = Sim.SIM.payPaymentLink(link.id(), "Comprador", Docs.cpf(), null, null, 10);
    List<Payment> plan = platform.installments().payments(first.get("installment").asText(), 0, 20).data();
    assertThat(plan).hasSize(6).allSatisfy(x -> assertThat(x.paymentLink()).isEqualTo(link.id()));
  }
}
