package io.ysh.asaas;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Split refunds: the refund body carries {@code splitRefunds} (id and value of each split) and the
 * refund record's {@code refundedSplits} are read (WireMock, docs.asaas.com "Estornar cobrança"
 * and the schema's PaymentRefundedSplitResponseDto); on the strict simulator a partial refund
 * takes part of the integrator's share back, a later full refund takes only the rest, and split
 * refunds the payment cannot honour are refused.
 */
class SplitRefundsTest {

  private static final Wire WIRE = new Wire();
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));

  @AfterAll
  static void stop() {
    WIRE.close();
  }

  @Test
  void theRefundCarriesItsSplitRefundsAndReadsTheRefundedSplits() {
    WIRE.wm.resetAll();
    AsaasClient asaas = WIRE.client();
    String refunds = AsaasWireMockTest.list("""
        {"dateCreated":"2026-01-05 10:11:12","status":"PENDING","value":30.00,"description":"devolução parcial",
         "endToEndIdentifier":null,"effectiveDate":null,"transactionReceiptUrl":null,
         "refundedSplits":[{"id":"b3b7bd0c-f1fe-4e3f-a9c3-f9ae5d4a4ad3","value":20.00,"done":true}]}""");
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/payments/pay_1")).willReturn(okJson("{\"id\":\"pay_1\",\"value\":100.00,\"status\":\"RECEIVED\"}")));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/payments/pay_1/refunds")).willReturn(okJson(AsaasWireMockTest.list())));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/payments/pay_1/refund")).willReturn(okJson("{\"id\":\"pay_1\",\"value\":100.00,\"status\":\"RECEIVED\"}")));
    asaas.payments().refund("pay_1", new RefundRequest(Money.of("30.00"), "devolução parcial",
        List.of(new RefundRequest.SplitRefund("b3b7bd0c-f1fe-4e3f-a9c3-f9ae5d4a4ad3", Money.of("20.00")))));
    JsonNode b = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/payments/pay_1/refund")));
    assertThat(b.get("value").decimalValue()).isEqualByComparingTo("30.00");
    assertThat(b.get("description").asText()).isEqualTo("devolução parcial");
    assertThat(b.get("splitRefunds")).hasSize(1);
    assertThat(b.get("splitRefunds").get(0).get("id").asText()).isEqualTo("b3b7bd0c-f1fe-4e3f-a9c3-f9ae5d4a4ad3");
    assertThat(b.get("splitRefunds").get(0).get("value").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(b.get("splitRefunds").get(0).size()).isEqualTo(2);
    assertThat(b.size()).isEqualTo(3);
    assertThat(AsaasJson.mapper().valueToTree(RefundRequest.partial(Money.of("1.00"))).has("splitRefunds"))
        .as("no split refunds, no field").isFalse();

    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/payments/pay_1/refunds")).willReturn(okJson(refunds)));
    Refund r = asaas.payments().refunds("pay_1", 0, 10).data().get(0);
    assertThat(r.refundedSplits()).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo("b3b7bd0c-f1fe-4e3f-a9c3-f9ae5d4a4ad3");
      assertThat(s.value()).isEqualTo(Money.of("20.00"));
      assertThat(s.done()).isTrue();
    });
  }

  @Test
  void badSplitRefundsAreRefusedLocallyNamingTheField() {
    RefundRequest.SplitRefund a = new RefundRequest.SplitRefund("s1", Money.of("10.00"));
    assertThatThrownBy(() -> new RefundRequest(Money.of("5.00"), null, List.of(a))).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains("splitRefunds");
    });
    assertThatThrownBy(() -> RefundRequest.full().withSplitRefunds(List.of(a, a))).hasMessageContaining("splitRefunds");
    assertThatThrownBy(() -> new RefundRequest.SplitRefund("s1", Money.of("0.00"))).hasMessageContaining("splitRefunds.value");
    assertThatThrownBy(() -> new RefundRequest.SplitRefund("s/1", Money.of("1.00"))).hasMessageContaining("splitRefunds.id");
    assertThat(RefundRequest.full().withSplitRefunds(List.of()).splitRefunds()).as("empty means none").isNull();
  }

  @Test
  void onTheSimulatorAPartialSplitRefundTakesPartOfTheShareAndAFullRefundOnlyTheRest() {
    AsaasClient platform = Sim.client();
    CreatedSubaccount created = platform.accounts().create(Docs.integrator("Integradora Estorno"));
    AsaasClient integrator = Sim.builder().apiKey(created.apiKey().orElseThrow()).build();
    String customer = platform.customers().create(CustomerRequest.builder().name("Cliente Estorno").cpfCnpj(Docs.cpf()).build()).id();
    Payment p = platform.payments().create(PaymentRequest.builder().customer(customer).billingType(BillingType.PIX)
        .value(Money.of("1000.00")).dueDate(TODAY.plusDays(1))
        .split(List.of(Split.percentual(created.account().walletId(), new BigDecimal("90")))).build());
    Payment paid = platform.sandbox().confirmPayment(p.id());
    PaymentSplit split = paid.split().get(0);
    Money share = split.totalValue();
    Money platformBefore = platform.finance().balance().balance();

    platform.payments().refund(p.id(), new RefundRequest(null, "produto devolvido",
        List.of(new RefundRequest.SplitRefund(split.id(), Money.of("100.00")))));
    assertThat(integrator.finance().balance().balance()).isEqualTo(share.minus(Money.of("100.00")));
    assertThat(platform.finance().balance().balance()).as("the refund is what the split gave back").isEqualTo(platformBefore);
    Refund first = platform.payments().refunds(p.id(), 0, 10).data().get(0);
    assertThat(first.value()).as("without value, the sum of the split refunds").isEqualTo(Money.of("100.00"));
    assertThat(first.refundedSplits()).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo(split.id());
      assertThat(s.value()).isEqualTo(Money.of("100.00"));
      assertThat(s.done()).isTrue();
    });
    assertThat(platform.payments().get(p.id()).split().get(0).status()).isEqualTo(SplitStatus.DONE);

    assertThatThrownBy(() -> platform.payments().refund(p.id(), new RefundRequest(null, null,
        List.of(new RefundRequest.SplitRefund(split.id(), share)))))
        .as("more than is left of the share").isInstanceOf(AsaasInvalidRequestException.class);
    assertThatThrownBy(() -> platform.payments().refund(p.id(), new RefundRequest(null, null,
        List.of(new RefundRequest.SplitRefund("split-de-outra-cobranca", Money.of("1.00"))))))
        .isInstanceOf(AsaasInvalidRequestException.class);

    Payment refunded = platform.payments().refund(p.id(), RefundRequest.full());
    assertThat(refunded.split().get(0).status()).isEqualTo(SplitStatus.REFUNDED);
    assertThat(integrator.finance().balance().balance()).as("only the rest was taken back").isEqualTo(Money.of("0.00"));
  }
}
