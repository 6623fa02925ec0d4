package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.br.Money;
import io.ysh.core.json.Json;
import io.ysh.testkit.asaas.AsaasSimulator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client end to end against {@link AsaasSimulator}, the stateful in-process simulator of the
 * Asaas API (a faithful protocol stub: real HTTP, Asaas's bodies and status machine).
 */
class AsaasSimulatorClientTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
  private final AsaasClient asaas = Sim.client();
  private String customerId;

  @BeforeEach
  void customer() {
    Sim.SIM.faults().clear();
    customerId = asaas.customers().create(CustomerRequest.builder().name("Maria Silva").cpfCnpj("529.982.247-25").email("maria@example.com").build()).id();
  }

  private PaymentRequest.Builder pix(String value) {
    return PaymentRequest.builder().customer(customerId).billingType(BillingType.PIX).value(Money.of(value)).dueDate(TODAY.plusDays(3));
  }

  @Test
  void customerLifecycleCreateGetUpdateDeleteRestore() {
    Customer c = asaas.customers().get(customerId);
    assertThat(c.name()).isEqualTo("Maria Silva");
    assertThat(c.cpfCnpj()).isEqualTo("52998224725");
    assertThat(c.personType()).isEqualTo(PersonType.FISICA);
    assertThat(c.externalReference()).startsWith("ysh-");
    assertThat(c.toString()).doesNotContain("52998224725");

    Customer updated = asaas.customers().update(customerId, CustomerRequest.builder().email("novo@example.com").build());
    assertThat(updated.email()).isEqualTo("novo@example.com");
    assertThat(asaas.customers().delete(customerId).deleted()).isTrue();
    assertThat(asaas.customers().get(customerId).deleted()).isTrue();
    assertThat(asaas.customers().restore(customerId).deleted()).isFalse();
  }

  @Test
  void getOrCreateReturnsTheExistingCustomerForTheSameCpfCnpj() {
    CustomerRequest req = CustomerRequest.builder().name("Empresa Solar").cpfCnpj("11.222.333/0001-81").build();
    Customer first = asaas.customers().getOrCreate(req);
    Customer second = asaas.customers().getOrCreate(req);
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(first.personType()).isEqualTo(PersonType.JURIDICA);
    assertThat(asaas.customers().findByCpfCnpj("11222333000181")).extracting(Customer::id).containsExactly(first.id());
    assertThat(asaas.customers().findByExternalReference(first.externalReference())).map(Customer::id).contains(first.id());
  }

  @Test
  void pixPaymentHasAQrCodeWithAValidBrCodeChecksum() {
    Payment p = asaas.payments().create(pix("150.00").description("Kit solar").build());
    assertThat(p.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(p.billingType()).isEqualTo(BillingType.PIX);
    assertThat(p.value()).isEqualTo(Money.of("150.00"));
    assertThat(p.dueDate()).isEqualTo(TODAY.plusDays(3));
    PixQrCode qr = asaas.payments().pixQrCode(p.id());
    assertThat(qr.payload()).startsWith("000201").contains("br.gov.bcb.pix").contains("150.00");
    assertThat(qr.encodedImage()).isNotBlank();
    assertThat(qr.expirationDate().toLocalDate()).isEqualTo(TODAY.plusDays(3));
    assertThat(asaas.payments().status(p.id())).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void boletoHasATypeableLine() {
    Payment p = asaas.payments().create(pix("99.90").billingType(BillingType.BOLETO).build());
    BoletoIdentification line = asaas.payments().identificationField(p.id());
    assertThat(line.identificationField()).hasSize(47).containsOnlyDigits();
    assertThat(line.barCode()).hasSize(44);
    assertThat(p.bankSlipUrl()).isNotBlank();
  }

  @Test
  void cardPaymentWithCardDataIsConfirmedAndReturnsAToken() {
    Payment p = asaas.payments().create(PaymentRequest.builder()
        .customer(customerId).billingType(BillingType.CREDIT_CARD).value(Money.of("300.00")).dueDate(TODAY)
        .creditCard(new CreditCard("MARIA SILVA", "5162306219378829", "05", "2030", "318"))
        .creditCardHolderInfo(new CreditCardHolderInfo("Maria Silva", "maria@example.com", "52998224725", "01310-100", "150", null, null, "11999990000"))
        .remoteIp("203.0.113.7")
        .build());
    assertThat(p.status()).isEqualTo(PaymentStatus.CONFIRMED);
    assertThat(p.creditCard().creditCardNumber()).isEqualTo("8829");
    assertThat(p.creditCard().toString()).doesNotContain(p.creditCard().creditCardToken());
    assertThat(Sim.SIM.requests()).contains("POST /payments/");

    Payment again = asaas.payments().create(PaymentRequest.builder()
        .customer(customerId).billingType(BillingType.CREDIT_CARD).value(Money.of("10.00")).dueDate(TODAY)
        .creditCardToken(p.creditCard().creditCardToken()).remoteIp("203.0.113.7").build());
    assertThat(again.status()).isEqualTo(PaymentStatus.CONFIRMED);
  }

  @Test
  void installmentsSplitTheTotalExactly() {
    Payment first = asaas.payments().create(pix("1").value(Money.of("100.00")).installmentCount(3).totalValue(Money.of("100.00")).build());
    assertThat(first.installment()).isNotNull();
    assertThat(first.installmentNumber()).isEqualTo(1);
    List<Payment> all = asaas.installments().payments(first.installment(), 0, 10).data();
    assertThat(all).extracting(Payment::value).containsExactly(Money.of("33.34"), Money.of("33.33"), Money.of("33.33"));
    Installment plan = asaas.installments().get(first.installment());
    assertThat(plan.installmentCount()).isEqualTo(3);
    assertThat(plan.value()).isEqualTo(Money.of("100.00"));
    assertThat(asaas.installments().delete(first.installment()).deleted()).isTrue();
  }

  @Test
  void confirmThenRefundPartiallyThenFully() {
    Payment p = asaas.payments().create(pix("200.00").build());
    Payment paid = asaas.sandbox().confirmPayment(p.id());
    assertThat(paid.status()).isEqualTo(PaymentStatus.RECEIVED);
    assertThat(paid.paymentDate()).isEqualTo(TODAY);

    Payment partial = asaas.payments().refund(p.id(), RefundRequest.partial(Money.of("50.00")));
    assertThat(partial.status()).isEqualTo(PaymentStatus.RECEIVED);
    Payment full = asaas.payments().refund(p.id(), RefundRequest.full());
    assertThat(full.status()).isEqualTo(PaymentStatus.REFUNDED);
    Page<Refund> refunds = asaas.payments().refunds(p.id(), 0, 10);
    assertThat(refunds.data()).extracting(Refund::value).containsExactly(Money.of("50.00"), Money.of("150.00"));
    assertThat(refunds.data().get(0).dateCreated()).isNotNull();
  }

  @Test
  void refundingAPendingPaymentIsAnInvalidRequestWithAsaasErrorItems() {
    Payment p = asaas.payments().create(pix("20.00").build());
    assertThatThrownBy(() -> asaas.payments().refund(p.id(), RefundRequest.full()))
        .isInstanceOfSatisfying(AsaasInvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.hasCode("invalid_action")).isTrue();
          assertThat(e.request()).isEqualTo("POST /v3/payments/" + p.id() + "/refund");
          assertThat(e.rawBody()).hasValueSatisfying(b -> assertThat(b).contains("invalid_action"));
        });
  }

  @Test
  void overdueReceiveInCashDeleteRestoreAndUpdate() {
    Payment p = asaas.payments().create(pix("80.00").build());
    assertThat(asaas.payments().update(p.id(), PaymentRequest.builder().value(Money.of("85.00")).build()).value()).isEqualTo(Money.of("85.00"));
    assertThat(asaas.sandbox().overduePayment(p.id()).status()).isEqualTo(PaymentStatus.OVERDUE);
    assertThat(asaas.payments().receiveInCash(p.id(), new CashReceipt(TODAY, Money.of("85.00"), false)).status())
        .isEqualTo(PaymentStatus.RECEIVED_IN_CASH);

    Payment q = asaas.payments().create(pix("10.00").build());
    assertThat(asaas.payments().delete(q.id()).deleted()).isTrue();
    assertThat(asaas.payments().get(q.id()).deleted()).isTrue();
    assertThat(asaas.payments().restore(q.id()).deleted()).isFalse();
  }

  @Test
  void notFoundIsTyped() {
    assertThatThrownBy(() -> asaas.payments().get("pay_doesnotexist"))
        .isInstanceOfSatisfying(AsaasNotFoundException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
          assertThat(e.httpStatus()).isEqualTo(404);
        });
  }

  @Test
  void subscriptionGeneratesPaymentsAndCanBePausedAndResumed() {
    Subscription s = asaas.subscriptions().create(SubscriptionRequest.builder()
        .customer(customerId).billingType(BillingType.BOLETO).value(Money.of("49.90")).nextDueDate(TODAY.plusDays(1))
        .cycle(SubscriptionCycle.MONTHLY).description("Monitoramento").build());
    assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(s.cycle()).isEqualTo(SubscriptionCycle.MONTHLY);
    assertThat(s.nextDueDate()).isEqualTo(TODAY.plusDays(1).plusMonths(1));
    Sim.SIM.generateNextPayment(s.id());
    assertThat(asaas.subscriptions().streamPayments(s.id())).hasSize(2).allSatisfy(p -> assertThat(p.subscription()).isEqualTo(s.id()));
    assertThat(asaas.subscriptions().pause(s.id()).status()).isEqualTo(SubscriptionStatus.INACTIVE);
    assertThat(asaas.subscriptions().resume(s.id()).status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(asaas.subscriptions().findByExternalReference(s.externalReference())).isPresent();
    assertThat(asaas.subscriptions().delete(s.id()).deleted()).isTrue();
  }

  @Test
  void transfersMoveTheBalanceAndShowInTheStatement() {
    Money before = asaas.finance().balance().balance();
    Transfer t = asaas.transfers().create(TransferRequest.builder()
        .value(Money.of("25.00")).pixAddressKey("529.982.247-25").pixAddressKeyType(PixKeyType.CPF).description("Repasse").build());
    assertThat(t.status()).isEqualTo(TransferStatus.PENDING);
    assertThat(t.operationType()).isEqualTo(TransferOperationType.PIX);
    assertThat(asaas.finance().balance().balance()).isEqualTo(before.minus(Money.of("25.00")));
    assertThat(asaas.finance().streamTransactions(FinancialTransactionFilter.all().startDate(TODAY)))
        .anySatisfy(ft -> assertThat(ft.transferId()).isEqualTo(t.id()));
    assertThat(asaas.transfers().cancel(t.id()).status()).isEqualTo(TransferStatus.CANCELLED);
    assertThat(asaas.finance().balance().balance()).isEqualTo(before);
  }

  @Test
  void webhookConfigurationCrudAndRemoveBackoff() {
    WebhookConfig w = asaas.webhooks().create(WebhookConfigRequest.of(
        "erp", "http://127.0.0.1:9/hook", "ops@example.com", Secret.of("x".repeat(32)), List.of("PAYMENT_RECEIVED")));
    try {
      assertThat(w.hasAuthToken()).isTrue();
      assertThat(w.sendType()).isEqualTo(WebhookSendType.SEQUENTIALLY);
      assertThat(asaas.webhooks().list(0, 10).data()).extracting(WebhookConfig::id).contains(w.id());
      WebhookConfig off = asaas.webhooks().update(w.id(), new WebhookConfigRequest(null, null, null, false, true, null, null, null, null));
      assertThat(off.enabled()).isFalse();
      assertThat(asaas.webhooks().removeBackoff(w.id()).interrupted()).isFalse();
    } finally {
      asaas.webhooks().delete(w.id());
    }
  }

  @Test
  void autoPaginationStreamsEveryPaymentOnceAcrossPages() {
    for (int i = 0; i < 230; i++) {
      Sim.SIM.seedPayment(customerId, "PIX", new BigDecimal("1.00"), TODAY.plusDays(1));
    }
    long before = Sim.SIM.requestCount("GET", "/payments");
    List<Payment> all = asaas.payments().stream(PaymentFilter.all().customer(customerId)).toList();
    assertThat(all).hasSize(230);
    assertThat(all.stream().map(Payment::id).collect(Collectors.toSet())).hasSize(230);
    assertThat(Sim.SIM.requestCount("GET", "/payments") - before).isEqualTo(3);
    assertThat(asaas.payments().list(PaymentFilter.all().customer(customerId), 0, 10).totalCount()).isEqualTo(230);
  }

  @Test
  void autoPaginationSkipsItemsPushedToTheNextPageByInsertsWhileIterating() {
    for (int i = 0; i < 150; i++) {
      Sim.SIM.seedPayment(customerId, "PIX", new BigDecimal("1.00"), TODAY.plusDays(1));
    }
    Set<String> seen = new HashSet<>();
    AtomicInteger n = new AtomicInteger();
    for (Payment p : asaas.payments().iterate(PaymentFilter.all().customer(customerId))) {
      assertThat(seen.add(p.id())).as("duplicate %s", p.id()).isTrue();
      if (n.incrementAndGet() == 50) {
        // newest first: five inserts push five items of page 1 onto page 2
        for (int i = 0; i < 5; i++) {
          Sim.SIM.seedPayment(customerId, "PIX", new BigDecimal("1.00"), TODAY.plusDays(1));
        }
      }
    }
    assertThat(seen).hasSize(150);
  }

  @Test
  void rawResponsesUseTheAsaasShapes() throws Exception {
    Payment p = asaas.payments().create(pix("12.34").build());
    var json = Json.mapper().readTree(Json.mapper().writeValueAsString(Sim.SIM.payments().stream().filter(n -> n.get("id").asText().equals(p.id())).findFirst().orElseThrow()));
    assertThat(json.get("value").decimalValue()).isEqualByComparingTo("12.34");
    assertThat(json.get("status").asText()).isEqualTo("PENDING");
  }
}
