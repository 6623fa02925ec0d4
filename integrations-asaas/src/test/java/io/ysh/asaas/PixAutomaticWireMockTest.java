package io.ysh.asaas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pix Automático on the wire (docs.asaas.com "Pix Automático" reference and the schema
 * PixReceiverAutomaticRecurringAuthorization*, PixAutomaticRecurringPaymentInstruction*): the
 * create's body field by field, the answer with its QR code, create-once on the contractId, the
 * documented list filters of authorizations and payment instructions, cancel by DELETE, and the
 * local checks.
 */
class PixAutomaticWireMockTest {

  private static final Wire WIRE = new Wire();
  private static final LocalDate START = LocalDate.now(ZoneId.of("America/Sao_Paulo")).plusDays(1);
  private static final String AUTH = """
      {"id":"a33047b1-fb19-4b68-9373-a7ba8a8162aa","minLimitValue":null,"cancellationDate":null,"cancellationReason":null,
       "contractId":"financiamento-42","customerId":"cus_000005735721","description":"Sistema solar 8 kWp","finishDate":"2031-12-31",
       "frequency":"MONTHLY","endToEndIdentifier":"RR1234567820240115abcdefghijk","startDate":"%s","status":"CREATED","value":1250.00,
       "payload":"00020101021226830014br.gov.bcb.pix","encodedImage":"iVBORw0KGgo=",
       "immediateQrCode":{"conciliationIdentifier":"E12345678202401011234567890123456","expirationDate":"2030-01-01 12:00:00"},
       "originType":"IMMEDIATE_QRCODE","subscriptionId":null,"paymentCreationMode":"MANUAL","retryPolicy":"ALLOW_THREE_IN_SEVEN_DAYS"}"""
      .formatted(START);
  private static final String INSTRUCTION = """
      {"id":"cbfdf6ef-9bd8-48ba-b8cd-efd61a9f614c","endToEndIdentifier":"E00416968202111161635q5bk0brYk2C",
       "authorization":{"id":"a33047b1-fb19-4b68-9373-a7ba8a8162aa","endToEndIdentifier":"RR1234567820240115abcdefghijk","customerId":"cus_000005735721"},
       "dueDate":"2030-01-31","status":"REFUSED","paymentId":"pay_tsp88gie3b5e6o2p","purpose":"SCHEDULE","refusalReason":"Saldo insuficiente",
       "retryAttempt":1}""";
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

  private static PixAutomaticAuthorizationRequest.Builder request() {
    return PixAutomaticAuthorizationRequest.builder().customerId("cus_000005735721").contractId("financiamento-42")
        .frequency(PixAutomaticFrequency.MONTHLY).startDate(START).value(Money.of("1250.00"))
        .immediateQrCode(Money.of("1250.00"), 3600);
  }

  @Test
  void createsAnAuthorizationWithEveryDocumentedField() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/automatic/authorizations")).willReturn(okJson(AUTH)));
    PixAutomaticAuthorization a = asaas.pix().createAutomaticAuthorization(request().finishDate(LocalDate.of(2031, 12, 31))
        .description("Sistema solar 8 kWp").immediateQrCodeDescription("Entrada").immediateQrCodePixKey("B6295EE1-F054-47D1-9E90-EE57B74F60D9")
        .paymentCreationMode(PixAutomaticPaymentCreationMode.MANUAL).retryPolicy(PixAutomaticRetryPolicy.ALLOW_THREE_IN_SEVEN_DAYS).build());
    JsonNode b = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/pix/automatic/authorizations")));
    assertThat(b.get("frequency").asText()).isEqualTo("MONTHLY");
    assertThat(b.get("contractId").asText()).isEqualTo("financiamento-42");
    assertThat(b.get("startDate").asText()).isEqualTo(START.toString());
    assertThat(b.get("finishDate").asText()).isEqualTo("2031-12-31");
    assertThat(b.get("value").decimalValue()).isEqualByComparingTo("1250.00");
    assertThat(b.get("description").asText()).isEqualTo("Sistema solar 8 kWp");
    assertThat(b.get("customerId").asText()).isEqualTo("cus_000005735721");
    assertThat(b.get("paymentCreationMode").asText()).isEqualTo("MANUAL");
    assertThat(b.get("retryPolicy").asText()).isEqualTo("ALLOW_THREE_IN_SEVEN_DAYS");
    assertThat(b.size()).as("no minLimitValue with a fixed value").isEqualTo(10);
    JsonNode q = b.get("immediateQrCode");
    assertThat(q.get("pixKey").asText()).isEqualTo("b6295ee1-f054-47d1-9e90-ee57b74f60d9");
    assertThat(q.get("expirationSeconds").asLong()).isEqualTo(3600);
    assertThat(q.get("originalValue").decimalValue()).isEqualByComparingTo("1250.00");
    assertThat(q.get("description").asText()).isEqualTo("Entrada");
    assertThat(q.size()).isEqualTo(4);

    assertThat(a.status()).isEqualTo(PixAutomaticAuthorizationStatus.CREATED);
    assertThat(a.frequency()).isEqualTo(PixAutomaticFrequency.MONTHLY);
    assertThat(a.paymentCreationMode()).isEqualTo(PixAutomaticPaymentCreationMode.MANUAL);
    assertThat(a.retryPolicy()).isEqualTo(PixAutomaticRetryPolicy.ALLOW_THREE_IN_SEVEN_DAYS);
    assertThat(a.value()).isEqualTo(Money.of("1250.00"));
    assertThat(a.startDate()).isEqualTo(START);
    assertThat(a.finishDate()).isEqualTo(LocalDate.of(2031, 12, 31));
    assertThat(a.payload()).startsWith("000201");
    assertThat(a.immediateQrCode().conciliationIdentifier()).isEqualTo("E12345678202401011234567890123456");
    assertThat(a.immediateQrCode().expirationDate()).isEqualTo(LocalDateTime.of(2030, 1, 1, 12, 0));
    assertThat(a.originType()).isEqualTo("IMMEDIATE_QRCODE");
  }

  @Test
  void aCreateWhoseAnswerWasLostIsFoundByContractNotPostedAgain() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/automatic/authorizations")).inScenario("a").willReturn(aResponse().withStatus(502))
        .willSetStateTo("created"));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/automatic/authorizations")).inScenario("a").whenScenarioStateIs("created")
        .willReturn(okJson(AsaasWireMockTest.list(AUTH.replace("financiamento-42", "outro-contrato").replace("a33047b1", "00000000"), AUTH))));
    PixAutomaticAuthorization a = asaas.pix().createAutomaticAuthorization(request().build());
    assertThat(a.id()).isEqualTo("a33047b1-fb19-4b68-9373-a7ba8a8162aa");
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/pix/automatic/authorizations")))).hasSize(1);
    assertThat(WIRE.request(getRequestedFor(urlPathEqualTo("/v3/pix/automatic/authorizations"))).getQueryParams().get("customerId").firstValue())
        .isEqualTo("cus_000005735721");

    WIRE.wm.resetRequests();
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/automatic/authorizations/a33047b1-fb19-4b68-9373-a7ba8a8162aa")).willReturn(okJson(AUTH)));
    assertThat(asaas.pix().createAutomaticAuthorization(request().build()).id()).as("remembered: read back by id").isEqualTo(a.id());
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/pix/automatic/authorizations")))).isEmpty();
  }

  @Test
  void theSameContractWithOtherTermsIsAConflict() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/automatic/authorizations")).willReturn(aResponse().withStatus(500)));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/automatic/authorizations")).willReturn(okJson(AsaasWireMockTest.list(AUTH))));
    assertThatThrownBy(() -> asaas.pix().createAutomaticAuthorization(request().value(Money.of("999.00")).build()))
        .isInstanceOfSatisfying(AsaasOutcomeUnknownException.class, e -> assertThat(e.conflictingIds()).contains("a33047b1-fb19-4b68-9373-a7ba8a8162aa"));
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/pix/automatic/authorizations")))).hasSize(1);
  }

  @Test
  void listsGetsAndCancelsAuthorizationsAndReadsPaymentInstructions() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/automatic/authorizations")).willReturn(okJson(AsaasWireMockTest.list(AUTH))));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/automatic/authorizations/a33047b1-fb19-4b68-9373-a7ba8a8162aa")).willReturn(okJson(AUTH)));
    WIRE.wm.stubFor(delete(urlPathEqualTo("/v3/pix/automatic/authorizations/a33047b1-fb19-4b68-9373-a7ba8a8162aa"))
        .willReturn(okJson(AUTH.replace("\"CREATED\"", "\"CANCELLED\""))));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/automatic/paymentInstructions")).willReturn(okJson(AsaasWireMockTest.list(INSTRUCTION))));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/automatic/paymentInstructions/cbfdf6ef-9bd8-48ba-b8cd-efd61a9f614c")).willReturn(okJson(INSTRUCTION)));

    assertThat(asaas.pix().streamAutomaticAuthorizations(PixAutomaticFilter.all().status(PixAutomaticAuthorizationStatus.ACTIVE)
        .customerId("cus_000005735721")).toList()).hasSize(1);
    var q = WIRE.request(getRequestedFor(urlPathEqualTo("/v3/pix/automatic/authorizations"))).getQueryParams();
    assertThat(q.get("status").firstValue()).isEqualTo("ACTIVE");
    assertThat(q.get("customerId").firstValue()).isEqualTo("cus_000005735721");
    assertThat(asaas.pix().getAutomaticAuthorization("a33047b1-fb19-4b68-9373-a7ba8a8162aa").contractId()).isEqualTo("financiamento-42");
    assertThat(asaas.pix().cancelAutomaticAuthorization("a33047b1-fb19-4b68-9373-a7ba8a8162aa").status())
        .isEqualTo(PixAutomaticAuthorizationStatus.CANCELLED);
    assertThat(WIRE.wm.findAll(deleteRequestedFor(urlPathEqualTo("/v3/pix/automatic/authorizations/a33047b1-fb19-4b68-9373-a7ba8a8162aa")))).hasSize(1);

    PixPaymentInstruction i = asaas.pix().streamPaymentInstructions(PixAutomaticFilter.all().authorizationId("a33047b1-fb19-4b68-9373-a7ba8a8162aa")
        .customerId("cus_000005735721").paymentId("pay_tsp88gie3b5e6o2p").instructionStatus(PixPaymentInstructionStatus.REFUSED)).findFirst().orElseThrow();
    var iq = WIRE.request(getRequestedFor(urlPathEqualTo("/v3/pix/automatic/paymentInstructions"))).getQueryParams();
    assertThat(iq.get("authorizationId").firstValue()).isEqualTo("a33047b1-fb19-4b68-9373-a7ba8a8162aa");
    assertThat(iq.get("customerId").firstValue()).isEqualTo("cus_000005735721");
    assertThat(iq.get("paymentId").firstValue()).isEqualTo("pay_tsp88gie3b5e6o2p");
    assertThat(iq.get("status").firstValue()).isEqualTo("REFUSED");
    assertThat(iq).as("the internal name never leaks").doesNotContainKey("instruction.status");
    assertThat(i.status()).isEqualTo(PixPaymentInstructionStatus.REFUSED);
    assertThat(i.authorization().customerId()).isEqualTo("cus_000005735721");
    assertThat(i.dueDate()).isEqualTo(LocalDate.of(2030, 1, 31));
    assertThat(i.refusalReason()).isEqualTo("Saldo insuficiente");
    assertThat(i.retryAttempt()).isEqualTo(1);
    assertThat(i.purpose()).isEqualTo("SCHEDULE");
    assertThat(asaas.pix().getPaymentInstruction("cbfdf6ef-9bd8-48ba-b8cd-efd61a9f614c")).isEqualTo(i);
  }

  @Test
  void badInputIsRefusedBeforeSendingNamingTheField() {
    rejects(() -> request().contractId("x".repeat(36)).build(), "contractId");
    rejects(() -> request().description("d".repeat(36)).build(), "description");
    rejects(() -> request().customerId(null).build(), "customerId");
    rejects(() -> request().frequency(null).build(), "frequency");
    rejects(() -> request().frequency(PixAutomaticFrequency.UNKNOWN).build(), "frequency");
    rejects(() -> request().startDate(null).build(), "startDate");
    rejects(() -> request().finishDate(START.minusDays(1)).build(), "finishDate");
    rejects(() -> request().minLimitValue(Money.of("10.00")).build(), "minLimitValue");
    rejects(() -> request().value(Money.ZERO).build(), "value");
    rejects(() -> request().immediateQrCode(Money.ZERO, 60).build(), "immediateQrCode.originalValue");
    rejects(() -> request().immediateQrCode(Money.of("1.00"), 0).build(), "immediateQrCode.expirationSeconds");
    rejects(() -> request().immediateQrCodePixKey("nope").build(), "immediateQrCode.pixKey");
    rejects(() -> request().retryPolicy(PixAutomaticRetryPolicy.UNKNOWN).build(), "retryPolicy");
    rejects(() -> asaas.pix().createAutomaticAuthorization(request().startDate(START.minusDays(2)).build()), "startDate");
    rejects(() -> asaas.pix().listAutomaticAuthorizations(PixAutomaticFilter.all().paymentId("pay_1"), 0, 10), "filter");
    rejects(() -> asaas.pix().streamPaymentInstructions(PixAutomaticFilter.all().status(PixAutomaticAuthorizationStatus.ACTIVE)), "filter");
    rejects(() -> PixAutomaticFilter.all().instructionStatus(PixPaymentInstructionStatus.UNKNOWN), "status");
    assertThat(WIRE.wm.getAllServeEvents()).as("nothing was sent").isEmpty();
  }

  private static void rejects(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains(field);
    });
  }
}
