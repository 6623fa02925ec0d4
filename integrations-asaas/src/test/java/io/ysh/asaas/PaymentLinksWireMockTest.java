package io.ysh.asaas;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
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
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payment links on the wire: the create's and the update's bodies field by field
 * (PaymentLinkSaveRequestDto, PaymentLinkUpdateRequestDto), the response with its URL and typed
 * charge type, the documented list filters, delete and restore, and the local checks.
 */
class PaymentLinksWireMockTest {

  private static final Wire WIRE = new Wire();
  private static final LocalDate END = LocalDate.now(ZoneId.of("America/Sao_Paulo")).plusDays(30);
  private static final String LINK = """
      {"id":"725104409743","name":"Orçamento 7","value":25000.00,"active":true,"chargeType":"INSTALLMENT",
       "url":"https://www.asaas.com/c/725104409743","billingType":"CREDIT_CARD","subscriptionCycle":null,"description":"Sistema 8 kWp",
       "endDate":"%s","deleted":false,"viewCount":3,"maxInstallmentCount":12,"dueDateLimitDays":2,"notificationEnabled":true,
       "isAddressRequired":false,"externalReference":"quote-7"}""".formatted(END);
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
  void createSendsEveryFieldAndReadsTheUrl() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/paymentLinks")).willReturn(okJson(LINK)));
    PaymentLink l = asaas.paymentLinks().create(PaymentLinkRequest.builder().name("Orçamento 7").billingType(BillingType.CREDIT_CARD)
        .chargeType(PaymentLinkChargeType.INSTALLMENT).description("Sistema 8 kWp").endDate(END).value(Money.of("25000.00"))
        .dueDateLimitDays(2).maxInstallmentCount(12).externalReference("quote-7").notificationEnabled(true).isAddressRequired(false).build());
    JsonNode b = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/paymentLinks")));
    assertThat(b.get("name").asText()).isEqualTo("Orçamento 7");
    assertThat(b.get("billingType").asText()).isEqualTo("CREDIT_CARD");
    assertThat(b.get("chargeType").asText()).isEqualTo("INSTALLMENT");
    assertThat(b.get("description").asText()).isEqualTo("Sistema 8 kWp");
    assertThat(b.get("endDate").asText()).isEqualTo(END.toString());
    assertThat(b.get("value").decimalValue()).isEqualByComparingTo("25000.00");
    assertThat(b.get("dueDateLimitDays").asInt()).isEqualTo(2);
    assertThat(b.get("maxInstallmentCount").asInt()).isEqualTo(12);
    assertThat(b.get("externalReference").asText()).isEqualTo("quote-7");
    assertThat(b.get("notificationEnabled").asBoolean()).isTrue();
    assertThat(b.get("isAddressRequired").asBoolean()).isFalse();
    assertThat(b.size()).as("nothing else: no subscriptionCycle, no active").isEqualTo(11);
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/paymentLinks")))).hasSize(1);

    assertThat(l.url()).isEqualTo("https://www.asaas.com/c/725104409743");
    assertThat(l.chargeType()).isEqualTo(PaymentLinkChargeType.INSTALLMENT);
    assertThat(l.billingType()).isEqualTo(BillingType.CREDIT_CARD);
    assertThat(l.value()).isEqualTo(Money.of("25000.00"));
    assertThat(l.endDate()).isEqualTo(END);
    assertThat(l.viewCount()).isEqualTo(3);
  }

  @Test
  void aCreateWithoutReferenceGetsOne() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/paymentLinks")).willReturn(okJson(LINK)));
    asaas.paymentLinks().create(PaymentLinkRequest.builder().name("n").billingType(BillingType.PIX).chargeType(PaymentLinkChargeType.DETACHED).build());
    assertThat(WIRE.body(postRequestedFor(urlPathEqualTo("/v3/paymentLinks"))).get("externalReference").asText()).startsWith("ysh-");
  }

  @Test
  void updateListDeleteAndRestore() {
    WIRE.wm.stubFor(put(urlPathEqualTo("/v3/paymentLinks/725104409743")).willReturn(okJson(LINK)));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/paymentLinks")).willReturn(okJson(AsaasWireMockTest.list(LINK))));
    WIRE.wm.stubFor(delete(urlPathEqualTo("/v3/paymentLinks/725104409743")).willReturn(okJson("{\"deleted\":true,\"id\":\"725104409743\"}")));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/paymentLinks/725104409743/restore")).willReturn(okJson(LINK)));

    asaas.paymentLinks().update("725104409743", PaymentLinkRequest.builder().active(false).chargeType(PaymentLinkChargeType.RECURRENT)
        .subscriptionCycle(SubscriptionCycle.MONTHLY).build());
    JsonNode b = WIRE.body(putRequestedFor(urlPathEqualTo("/v3/paymentLinks/725104409743")));
    assertThat(b.get("active").asBoolean()).isFalse();
    assertThat(b.get("chargeType").asText()).isEqualTo("RECURRENT");
    assertThat(b.get("subscriptionCycle").asText()).isEqualTo("MONTHLY");
    assertThat(b.size()).isEqualTo(3);

    assertThat(asaas.paymentLinks().stream(PaymentLinkFilter.all().active(true).includeDeleted(true).name("Orçamento 7")
        .externalReference("quote-7")).toList()).hasSize(1);
    var q = WIRE.request(getRequestedFor(urlPathEqualTo("/v3/paymentLinks"))).getQueryParams();
    assertThat(q.get("active").firstValue()).isEqualTo("true");
    assertThat(q.get("includeDeleted").firstValue()).isEqualTo("true");
    assertThat(q.get("name").firstValue()).isEqualTo("Orçamento 7");
    assertThat(q.get("externalReference").firstValue()).isEqualTo("quote-7");

    assertThat(asaas.paymentLinks().delete("725104409743").deleted()).isTrue();
    assertThat(asaas.paymentLinks().restore("725104409743").id()).isEqualTo("725104409743");
  }

  @Test
  void inconsistentLinksAreRefusedBeforeSending() {
    assertThatThrownBy(() -> PaymentLinkRequest.builder().chargeType(PaymentLinkChargeType.RECURRENT).build())
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("subscriptionCycle");
        });
    assertThatThrownBy(() -> PaymentLinkRequest.builder().chargeType(PaymentLinkChargeType.DETACHED).maxInstallmentCount(3).build())
        .hasMessageContaining("maxInstallmentCount");
    assertThatThrownBy(() -> PaymentLinkRequest.builder().value(Money.of("0.00")).build()).hasMessageContaining("value");
    assertThatThrownBy(() -> asaas.paymentLinks().create(PaymentLinkRequest.builder().name("n").billingType(BillingType.PIX)
        .chargeType(PaymentLinkChargeType.DETACHED).endDate(LocalDate.of(2020, 1, 1)).build())).hasMessageContaining("endDate");
    assertThatThrownBy(() -> asaas.paymentLinks().create(PaymentLinkRequest.builder().name("n").billingType(BillingType.PIX)
        .chargeType(PaymentLinkChargeType.DETACHED).active(true).build())).hasMessageContaining("active");
    assertThatThrownBy(() -> asaas.paymentLinks().update("l1", PaymentLinkRequest.builder().isAddressRequired(true).build()))
        .hasMessageContaining("isAddressRequired");
    assertThatThrownBy(() -> asaas.paymentLinks().create(PaymentLinkRequest.builder().name("n").billingType(BillingType.PIX).build()))
        .hasMessageContaining("chargeType");
    assertThat(WIRE.wm.getAllServeEvents()).isEmpty();
  }
}
