package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import io.ysh.testkit.gen.YshGenerators;
import java.time.LocalDate;
import java.time.ZoneId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad input is rejected locally with INVALID_ARGUMENT naming the field, before any request. */
class LocalValidationTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
  private final AsaasClient asaas = Sim.client();

  private static void rejects(ThrowingCallable call, String field) {
    long before = Sim.SIM.requests().size();
    assertThatThrownBy(call).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.detail()).startsWith(field);
    });
    assertThat(Sim.SIM.requests()).as("no request sent").hasSize((int) before);
  }

  private static PaymentRequest.Builder valid() {
    return PaymentRequest.builder().customer("cus_000005113026").billingType(BillingType.PIX).value(Money.of("10.00")).dueDate(TODAY);
  }

  @Test
  void invalidCpfCnpj() {
    rejects(() -> asaas.customers().create(CustomerRequest.builder().name("x").cpfCnpj("123.456.789-00").build()), "cpfCnpj");
    rejects(() -> asaas.customers().findByCpfCnpj("11.111.111/1111-11"), "cpfCnpj");
  }

  @Test
  void invalidCpfErrorNeverEchoesTheNumber() {
    assertThatThrownBy(() -> CustomerRequest.builder().cpfCnpj("529.982.247-24").build())
        .hasMessageNotContaining("529.982.247-24").hasMessageNotContaining("52998224724");
  }

  @Test
  void everyValidCpfAndCnpjIsAcceptedAndSentBare() {
    qt().forAll(YshGenerators.cpfs()).checkAssert(cpf ->
        assertThat(CustomerRequest.builder().name("x").cpfCnpj(cpf).build().cpfCnpj()).hasSize(11).containsOnlyDigits());
    qt().forAll(YshGenerators.cnpjs()).checkAssert(cnpj ->
        assertThat(CustomerRequest.builder().name("x").cpfCnpj(cnpj).build().cpfCnpj()).hasSize(14));
  }

  @Test
  void valueMustBePositive() {
    rejects(() -> valid().value(Money.ZERO).build(), "value");
    rejects(() -> valid().value(Money.of("-1.00")).build(), "value");
    rejects(() -> RefundRequest.partial(Money.ZERO), "value");
  }

  @Test
  void dueDateInThePast() {
    rejects(() -> asaas.payments().create(valid().dueDate(TODAY.minusDays(1)).build()), "dueDate");
  }

  @Test
  void billingTypeMismatch() {
    rejects(() -> valid().creditCardToken("tok").remoteIp("1.2.3.4").build(), "billingType");
    rejects(() -> valid().billingType(BillingType.DEPOSIT).build(), "billingType");
  }

  @Test
  void installmentValueAndTotalValueTogether() {
    rejects(() -> valid().installmentCount(3).installmentValue(Money.of("10.00")).totalValue(Money.of("30.00")).build(), "installmentValue");
    rejects(() -> valid().installmentValue(Money.of("10.00")).build(), "installmentValue");
    rejects(() -> valid().installmentCount(3).build(), "installmentCount");
  }

  @Test
  void cardWithoutRemoteIp() {
    rejects(() -> valid().billingType(BillingType.CREDIT_CARD).creditCardToken("tok").build(), "remoteIp");
  }

  @Test
  void missingRequiredFields() {
    rejects(() -> asaas.payments().create(PaymentRequest.builder().billingType(BillingType.PIX).value(Money.of("1.00")).dueDate(TODAY).build()), "customer");
    rejects(() -> asaas.customers().create(CustomerRequest.builder().cpfCnpj("52998224725").build()), "name");
    rejects(() -> asaas.payments().list(PaymentFilter.all(), 0, 101), "limit");
    rejects(() -> asaas.payments().get("../finance/balance"), "id");
  }

  @Test
  void transferNeedsExactlyOneDestination() {
    rejects(() -> TransferRequest.builder().value(Money.of("1.00")).build(), "pixAddressKey");
    rejects(() -> TransferRequest.builder().value(Money.of("1.00")).pixAddressKey("123").pixAddressKeyType(PixKeyType.CPF).build(), "pixAddressKey");
  }

  @Test
  void webhookTokenLength() {
    rejects(() -> WebhookConfigRequest.of("n", "https://x", "a@b", Secret.of("short"), null), "authToken");
  }
}
