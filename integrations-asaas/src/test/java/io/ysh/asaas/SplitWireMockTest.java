package io.ysh.asaas;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Splits on the wire: the request's split objects field by field, the response's split with its
 * status and cancellation reason, an installment plan's split update, the paid/received lists
 * with their documented filters, and the local checks that refuse a split before anything is
 * sent. Bodies follow the official schema's examples (PaymentSplitGetResponseDto,
 * InstallmentUpdateSplitResponseDto).
 */
class SplitWireMockTest {

  private static final Wire WIRE = new Wire();
  private static final LocalDate DUE = LocalDate.now(ZoneId.of("America/Sao_Paulo")).plusDays(3);
  private static final String SPLIT_JSON = """
      {"id":"c5cb5e1a-2c1a-4b0a-9b1b-6ec1c5c2a111","walletId":"48548710-9baa-4ec1-a11f-9010193527c6","fixedValue":20.00,
       "percentualValue":null,"totalValue":20.00,"cancellationReason":"PAYMENT_OVERDUE","status":"CANCELLED",
       "externalReference":"sp-1","description":"frete","someNewField":true}""";
  private AsaasClient asaas;

  @AfterAll
  static void stop() {
    WIRE.close();
  }

  @BeforeEach
  void reset() {
    WIRE.wm.resetAll();
    asaas = WIRE.client();
  }

  @Test
  void aPaymentSendsEverySplitFieldAndReadsTheSplitsStatus() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/payments")).willReturn(okJson("""
        {"object":"payment","id":"pay_1","customer":"cus_1","value":100.00,"netValue":99.01,"billingType":"PIX","status":"PENDING",
         "dueDate":"%s","externalReference":"q-1","deleted":false,"split":[%s,
         {"id":"s2","walletId":"w2","fixedValue":null,"percentualValue":10,"totalValue":9.90,"status":"SOMETHING_NEW"}]}
        """.formatted(DUE, SPLIT_JSON))));
    Payment p = asaas.payments().create(PaymentRequest.builder().customer("cus_1").billingType(BillingType.PIX).value(Money.of("100.00"))
        .dueDate(DUE).externalReference("q-1")
        .split(List.of(Split.fixed("48548710-9baa-4ec1-a11f-9010193527c6", Money.of("20.00")).withExternalReference("sp-1").withDescription("frete"),
            Split.percentual("w2", new BigDecimal("10.5"))))
        .build());

    JsonNode body = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/payments")));
    JsonNode s0 = body.get("split").get(0);
    assertThat(s0.get("walletId").asText()).isEqualTo("48548710-9baa-4ec1-a11f-9010193527c6");
    assertThat(s0.get("fixedValue").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(s0.get("externalReference").asText()).isEqualTo("sp-1");
    assertThat(s0.get("description").asText()).isEqualTo("frete");
    assertThat(s0.has("percentualValue")).as("absent, not null").isFalse();
    assertThat(s0.has("totalFixedValue")).isFalse();
    assertThat(s0.size()).isEqualTo(4);
    JsonNode s1 = body.get("split").get(1);
    assertThat(s1.get("walletId").asText()).isEqualTo("w2");
    assertThat(s1.get("percentualValue").decimalValue()).isEqualByComparingTo("10.5");
    assertThat(s1.size()).isEqualTo(2);

    PaymentSplit got = p.split().get(0);
    assertThat(got.id()).isEqualTo("c5cb5e1a-2c1a-4b0a-9b1b-6ec1c5c2a111");
    assertThat(got.totalValue()).isEqualTo(Money.of("20.00"));
    assertThat(got.status()).isEqualTo(SplitStatus.CANCELLED);
    assertThat(got.cancellationReason()).isEqualTo(SplitCancellationReason.PAYMENT_OVERDUE);
    assertThat(got.externalReference()).isEqualTo("sp-1");
    assertThat(p.split().get(1).status()).isEqualTo(SplitStatus.UNKNOWN);
    assertThat(p.split().get(1).rawStatus()).isEqualTo("SOMETHING_NEW");
    assertThat(p.split().get(1).percentualValue()).isEqualByComparingTo("10");
  }

  @Test
  void anInstallmentPlanSendsTotalFixedValue() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/payments")).willReturn(okJson("""
        {"object":"payment","id":"pay_1","customer":"cus_1","value":50.00,"billingType":"BOLETO","status":"PENDING","dueDate":"%s",
         "installment":"ins_1","installmentNumber":1,"externalReference":"q-2","deleted":false}""".formatted(DUE))));
    asaas.payments().create(PaymentRequest.builder().customer("cus_1").billingType(BillingType.BOLETO).value(Money.of("50.00")).dueDate(DUE)
        .installmentCount(4).totalValue(Money.of("200.00")).externalReference("q-2")
        .split(List.of(Split.totalFixed("w1", Money.of("20.00")))).build());
    JsonNode s0 = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/payments"))).get("split").get(0);
    assertThat(s0.get("walletId").asText()).isEqualTo("w1");
    assertThat(s0.get("totalFixedValue").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(s0.size()).isEqualTo(2);
  }

  @Test
  void aSubscriptionReadsItsSplitsStatusAndDisabledReason() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/subscriptions/sub_1")).willReturn(okJson("""
        {"object":"subscription","id":"sub_1","customer":"cus_1","value":10.00,"cycle":"MONTHLY","billingType":"PIX","status":"ACTIVE",
         "deleted":false,"split":[{"walletId":"w1","fixedValue":null,"percentualValue":20,"externalReference":null,"description":null,
         "status":"DISABLED","disabledReason":"WALLET_UNABLE_TO_RECEIVE"}]}""")));
    SubscriptionSplit sp = asaas.subscriptions().get("sub_1").split().get(0);
    assertThat(sp.active()).isFalse();
    assertThat(sp.rawDisabledReason()).isEqualTo("WALLET_UNABLE_TO_RECEIVE");
    assertThat(sp.percentualValue()).isEqualByComparingTo("20");
  }

  @Test
  void updatingAnInstallmentPlansSplitsPutsTheSplitsArray() {
    WIRE.wm.stubFor(put(urlPathEqualTo("/v3/installments/ins_1/splits")).willReturn(okJson("""
        {"splits":[{"id":"s1","walletId":"w1","fixedValue":5.00,"percentualValue":null,"totalValue":5.00,"status":"PENDING",
         "cancellationReason":null,"externalReference":"e","description":"d","installmentNumber":2}]}""")));
    List<PaymentSplit> got = asaas.installments().updateSplits("ins_1",
        List.of(InstallmentSplit.of(Split.fixed("w1", Money.of("5.00")).withExternalReference("e").withDescription("d")).forInstallment(2)));
    JsonNode s0 = WIRE.body(putRequestedFor(urlPathEqualTo("/v3/installments/ins_1/splits"))).get("splits").get(0);
    assertThat(s0.get("walletId").asText()).isEqualTo("w1");
    assertThat(s0.get("fixedValue").decimalValue()).isEqualByComparingTo("5.00");
    assertThat(s0.get("externalReference").asText()).isEqualTo("e");
    assertThat(s0.get("description").asText()).isEqualTo("d");
    assertThat(s0.get("installmentNumber").asInt()).isEqualTo(2);
    assertThat(s0.size()).isEqualTo(5);
    assertThat(got).singleElement().satisfies(s -> {
      assertThat(s.installmentNumber()).isEqualTo(2);
      assertThat(s.status()).isEqualTo(SplitStatus.PENDING);
    });
  }

  @Test
  void paidAndReceivedListsSendTheDocumentedFilters() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/payments/splits/paid")).willReturn(okJson(AsaasWireMockTest.list(SPLIT_JSON))));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/payments/splits/received")).willReturn(okJson(AsaasWireMockTest.list(SPLIT_JSON))));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/payments/splits/received/s9")).willReturn(okJson(SPLIT_JSON)));
    SplitFilter f = SplitFilter.all().paymentId("pay_1").status(SplitStatus.DONE).paymentConfirmedFrom(LocalDate.of(2026, 1, 1))
        .paymentConfirmedTo(LocalDate.of(2026, 1, 31)).creditFrom(LocalDate.of(2026, 2, 1)).creditTo(LocalDate.of(2026, 2, 28));
    assertThat(asaas.splits().streamPaid(f).toList()).hasSize(1);
    assertThat(asaas.splits().listReceived(SplitFilter.all(), 0, 10).data()).hasSize(1);
    assertThat(asaas.splits().getReceived("s9").walletId()).isEqualTo("48548710-9baa-4ec1-a11f-9010193527c6");
    var q = WIRE.request(getRequestedFor(urlPathEqualTo("/v3/payments/splits/paid"))).getQueryParams();
    assertThat(q.get("paymentId").firstValue()).isEqualTo("pay_1");
    assertThat(q.get("status").firstValue()).isEqualTo("DONE");
    assertThat(q.get("paymentConfirmedDate[ge]").firstValue()).isEqualTo("2026-01-01");
    assertThat(q.get("paymentConfirmedDate[le]").firstValue()).isEqualTo("2026-01-31");
    assertThat(q.get("creditDate[ge]").firstValue()).isEqualTo("2026-02-01");
    assertThat(q.get("creditDate[le]").firstValue()).isEqualTo("2026-02-28");
    assertThat(q.get("limit").firstValue()).isEqualTo("100");
  }

  private static PaymentRequest.Builder pix() {
    return PaymentRequest.builder().customer("cus_1").billingType(BillingType.PIX).value(Money.of("100.00")).dueDate(DUE);
  }

  private static void refused(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains(field);
    });
  }

  @Test
  void splitsThatCannotBeRightAreRefusedBeforeSending() {
    refused(() -> pix().split(List.of(Split.percentual("w1", new BigDecimal("100.01")))).build(), "split[0].percentualValue");
    refused(() -> pix().split(List.of(Split.percentual("w1", BigDecimal.ZERO))).build(), "split[0].percentualValue");
    refused(() -> pix().split(List.of(Split.percentual("w1", new BigDecimal("60")), Split.percentual("w2", new BigDecimal("41")))).build(),
        "percentages add up to 101%");
    refused(() -> pix().split(List.of(Split.fixed("w1", Money.of("100.01")))).build(), "fixed values add up to");
    refused(() -> pix().split(List.of(Split.fixed("w1", Money.of("60.00")), Split.percentual("w2", new BigDecimal("50")))).build(),
        "left after 50%");
    refused(() -> pix().split(List.of(Split.fixed("w1", Money.of("1.00")), Split.percentual("w1", BigDecimal.TEN))).build(),
        "split[1].walletId");
    refused(() -> pix().split(List.of(new Split("w1", null, null, null, "r", null))).build(), "split[0]");
    refused(() -> pix().split(List.of(Split.fixed(null, Money.of("1.00")))).build(), "split[0].walletId");
    refused(() -> pix().split(List.of(Split.totalFixed("w1", Money.of("1.00")))).build(), "installment plans only");
    refused(() -> pix().installmentCount(2).totalValue(Money.of("100.00")).split(List.of(Split.totalFixed("w1", Money.of("100.01")))).build(),
        "total fixed values");
    refused(() -> SubscriptionRequest.builder().value(Money.of("10.00")).split(List.of(Split.percentual("w1", new BigDecimal("101")))).build(),
        "percentualValue");
    refused(() -> asaas.installments().updateSplits("ins_1", List.of(InstallmentSplit.of(Split.totalFixed("w1", Money.of("1.00"))).forInstallment(1))),
        "installmentNumber");
    assertThat(WIRE.wm.getAllServeEvents()).as("nothing was sent").isEmpty();
    // the limits themselves are allowed
    pix().split(List.of(Split.percentual("w1", new BigDecimal("90")), Split.percentual("w2", BigDecimal.TEN))).build();
    pix().split(List.of(Split.fixed("w1", Money.of("50.00")), Split.percentual("w2", new BigDecimal("50")))).build();
  }
}
