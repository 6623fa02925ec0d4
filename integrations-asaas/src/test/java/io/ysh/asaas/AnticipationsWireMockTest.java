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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anticipations on the wire: the simulate body (JSON) and the request form (multipart) field by
 * field, the documented anticipation (docs.asaas.com "Eventos para antecipações" example) read
 * with Money and dates, the list filters, cancel, limits, the automatic configuration, the
 * create-once look-up, and the local checks.
 */
class AnticipationsWireMockTest {

  private static final Wire WIRE = new Wire();
  private static final String ANTICIPATION = """
      {"object":"anticipation","id":"29ad50e9-64ee-427e-a00c-a3999510ca0a","installment":null,"payment":"pay_4310966350068380",
       "status":"CREDITED","anticipationDate":"2022-09-19","dueDate":"2022-09-30","requestDate":"2022-09-19","fee":5.64,
       "anticipationDays":11,"netValue":302.37,"totalValue":310,"value":308.01,"denialObservation":null}""";
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
  void simulateSendsThePaymentAndReadsTheCosts() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/anticipations/simulate")).willReturn(okJson("""
        {"installment":null,"payment":"pay_4310966350068380","anticipationDate":"2022-09-19","dueDate":"2022-09-30","fee":5.64,
         "anticipationDays":11,"netValue":302.37,"totalValue":310,"value":308.01,"isDocumentationRequired":false}""")));
    AnticipationSimulation s = asaas.anticipations().simulate(AnticipationRequest.ofPayment("pay_4310966350068380"));
    JsonNode b = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/anticipations/simulate")));
    assertThat(b.get("payment").asText()).isEqualTo("pay_4310966350068380");
    assertThat(b.path("installment").isMissingNode() || b.get("installment").isNull()).isTrue();
    assertThat(s.fee()).isEqualTo(Money.of("5.64"));
    assertThat(s.netValue()).isEqualTo(Money.of("302.37"));
    assertThat(s.totalValue()).isEqualTo(Money.of("310.00"));
    assertThat(s.value()).isEqualTo(Money.of("308.01"));
    assertThat(s.anticipationDays()).isEqualTo(11);
    assertThat(s.dueDate()).isEqualTo(LocalDate.of(2022, 9, 30));
    assertThat(s.isDocumentationRequired()).isFalse();
  }

  @Test
  void requestIsAFormAndReadsTheDocumentedAnticipation() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/anticipations")).willReturn(okJson(AsaasWireMockTest.list())));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/anticipations")).willReturn(okJson(ANTICIPATION)));
    Anticipation a = asaas.anticipations().request(AnticipationRequest.ofInstallment("ins_000005113423"));
    LoggedRequest r = WIRE.request(postRequestedFor(urlPathEqualTo("/v3/anticipations")));
    assertThat(r.getHeader("Content-Type")).startsWith("multipart/form-data");
    assertThat(r.getParts()).hasSize(1);
    assertThat(r.getPart("installment").getBody().asString()).isEqualTo("ins_000005113423");
    assertThat(a.id()).isEqualTo("29ad50e9-64ee-427e-a00c-a3999510ca0a");
    assertThat(a.status()).isEqualTo(AnticipationStatus.CREDITED);
    assertThat(a.requestDate()).isEqualTo(LocalDate.of(2022, 9, 19));
    assertThat(a.netValue()).isEqualTo(Money.of("302.37"));
    assertThat(a.fee().plus(a.netValue())).isEqualTo(a.value());
  }

  @Test
  void aRequestAlreadyMadeIsAnsweredFromTheLookUpAfterAnAmbiguousFailure() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/anticipations")).willReturn(
        com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(502)));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/anticipations")).willReturn(okJson(AsaasWireMockTest.list(
        ANTICIPATION.replace("\"CREDITED\"", "\"CANCELLED\"").replace("29ad50e9", "00000000"), ANTICIPATION))));
    Anticipation a = asaas.anticipations().request(AnticipationRequest.ofPayment("pay_4310966350068380"));
    assertThat(a.id()).as("the live one, not the cancelled one").isEqualTo("29ad50e9-64ee-427e-a00c-a3999510ca0a");
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/anticipations")))).as("never posted again").hasSize(1);
    assertThat(WIRE.request(getRequestedFor(urlPathEqualTo("/v3/anticipations"))).getQueryParams().get("payment").firstValue())
        .isEqualTo("pay_4310966350068380");
  }

  @Test
  void listCancelLimitsAndConfiguration() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/anticipations")).willReturn(okJson(AsaasWireMockTest.list(ANTICIPATION))));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/anticipations/29ad50e9-64ee-427e-a00c-a3999510ca0a")).willReturn(okJson(ANTICIPATION)));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/anticipations/29ad50e9-64ee-427e-a00c-a3999510ca0a/cancel"))
        .willReturn(okJson(ANTICIPATION.replace("\"CREDITED\"", "\"CANCELLED\""))));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/anticipations/limits")).willReturn(okJson(
        "{\"creditCard\":{\"total\":1000.00,\"available\":250.50},\"bankSlip\":{\"total\":2000.00,\"available\":2000.00}}")));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/anticipations/configurations")).willReturn(okJson("{\"creditCardAutomaticEnabled\":false}")));
    WIRE.wm.stubFor(put(urlPathEqualTo("/v3/anticipations/configurations")).willReturn(okJson("{\"creditCardAutomaticEnabled\":true}")));

    assertThat(asaas.anticipations().stream(AnticipationFilter.all().payment("pay_1").installment("ins_1")
        .status(AnticipationStatus.CREDITED)).toList()).hasSize(1);
    var q = WIRE.request(getRequestedFor(urlPathEqualTo("/v3/anticipations"))).getQueryParams();
    assertThat(q.get("payment").firstValue()).isEqualTo("pay_1");
    assertThat(q.get("installment").firstValue()).isEqualTo("ins_1");
    assertThat(q.get("status").firstValue()).isEqualTo("CREDITED");
    assertThat(asaas.anticipations().get("29ad50e9-64ee-427e-a00c-a3999510ca0a").anticipationDays()).isEqualTo(11);
    assertThat(asaas.anticipations().cancel("29ad50e9-64ee-427e-a00c-a3999510ca0a").status()).isEqualTo(AnticipationStatus.CANCELLED);
    AnticipationLimits l = asaas.anticipations().limits();
    assertThat(l.creditCard().available()).isEqualTo(Money.of("250.50"));
    assertThat(l.bankSlip().total()).isEqualTo(Money.of("2000.00"));
    assertThat(asaas.anticipations().configuration().creditCardAutomaticEnabled()).isFalse();
    assertThat(asaas.anticipations().configure(true).creditCardAutomaticEnabled()).isTrue();
    JsonNode b = WIRE.body(putRequestedFor(urlPathEqualTo("/v3/anticipations/configurations")));
    assertThat(b.get("creditCardAutomaticEnabled").asBoolean()).isTrue();
    assertThat(b.size()).isEqualTo(1);
  }

  @Test
  void badRequestsAreRefusedBeforeSendingNamingTheArgument() {
    assertThatThrownBy(() -> new AnticipationRequest("pay_1", "ins_1")).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains("payment");
    });
    assertThatThrownBy(() -> new AnticipationRequest(null, null)).hasMessageContaining("payment");
    assertThatThrownBy(() -> AnticipationRequest.ofInstallment(" ")).hasMessageContaining("installment");
    assertThatThrownBy(() -> AnticipationRequest.ofPayment("pay/../1")).hasMessageContaining("payment");
    assertThatThrownBy(() -> AnticipationFilter.all().status(AnticipationStatus.UNKNOWN)).hasMessageContaining("status");
    assertThatThrownBy(() -> asaas.anticipations().cancel("")).hasMessageContaining("id");
    assertThat(WIRE.wm.getAllServeEvents()).isEmpty();
  }
}
