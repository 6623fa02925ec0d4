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
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NFS-e on the wire: the schedule's and the update's bodies field by field (InvoiceSaveRequestDto,
 * InvoiceUpdateRequestDto, InvoiceTaxesDto as in the schema's example), the documented response
 * (docs.asaas.com "Eventos para notas fiscais" example invoice) with its typed status and taxes,
 * the list filters, authorize and cancel, the fiscal information as a multipart form with no
 * secret in toString, the municipal services, the invoice webhook events, and the local checks.
 */
class InvoicesWireMockTest {

  private static final Wire WIRE = new Wire();
  private static final LocalDate DAY = LocalDate.now(ZoneId.of("America/Sao_Paulo")).plusDays(3);
  private static final String INVOICE = """
      {"object":"invoice","id":"inv_000000000232","status":"SCHEDULED","customer":"cus_000000002750","type":"NFS-e",
       "statusDescription":null,"serviceDescription":"Nota fiscal da Fatura 101940.","pdfUrl":null,"xmlUrl":null,"rpsSerie":null,
       "rpsNumber":null,"number":null,"validationCode":null,"value":300,"deductions":10,"effectiveDate":"%s",
       "observations":"Mensal referente aos trabalhos de Junho.","estimatedTaxesDescription":"","payment":"pay_637959110194",
       "installment":null,"externalReference":"fee-7","taxes":{"retainIss":true,"iss":3,"cofins":3,"csll":1,"inss":0,"ir":1.5,"pis":0.65},
       "municipalServiceId":"110101","municipalServiceCode":"1.01","municipalServiceName":"Análise e desenvolvimento de sistemas"}"""
      .formatted(DAY);
  private static final InvoiceTaxes TAXES = new InvoiceTaxes(true, new BigDecimal("3"), new BigDecimal("1"), BigDecimal.ZERO,
      new BigDecimal("1.5"), new BigDecimal("0.65"), new BigDecimal("3"));
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

  private static InvoiceRequest.Builder request() {
    return InvoiceRequest.builder().payment("pay_637959110194").serviceDescription("Nota fiscal da Fatura 101940.")
        .observations("Mensal referente aos trabalhos de Junho.").value(Money.of("300.00")).deductions(Money.of("10.00"))
        .effectiveDate(DAY).municipalServiceId("110101").municipalServiceCode("1.01")
        .municipalServiceName("Análise e desenvolvimento de sistemas").updatePayment(false).taxes(TAXES);
  }

  @Test
  void scheduleSendsEveryFieldAndReadsTheDocumentedInvoice() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/invoices")).willReturn(okJson(INVOICE)));
    Invoice i = asaas.invoices().schedule(request().externalReference("fee-7").build());
    JsonNode b = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/invoices")));
    assertThat(b.get("payment").asText()).isEqualTo("pay_637959110194");
    assertThat(b.get("serviceDescription").asText()).isEqualTo("Nota fiscal da Fatura 101940.");
    assertThat(b.get("observations").asText()).isEqualTo("Mensal referente aos trabalhos de Junho.");
    assertThat(b.get("externalReference").asText()).isEqualTo("fee-7");
    assertThat(b.get("value").decimalValue()).isEqualByComparingTo("300");
    assertThat(b.get("deductions").decimalValue()).isEqualByComparingTo("10");
    assertThat(b.get("effectiveDate").asText()).isEqualTo(DAY.toString());
    assertThat(b.get("municipalServiceId").asText()).isEqualTo("110101");
    assertThat(b.get("municipalServiceCode").asText()).isEqualTo("1.01");
    assertThat(b.get("municipalServiceName").asText()).isEqualTo("Análise e desenvolvimento de sistemas");
    assertThat(b.get("updatePayment").asBoolean(true)).isFalse();
    JsonNode t = b.get("taxes");
    assertThat(t.get("retainIss").asBoolean()).isTrue();
    assertThat(t.get("iss").decimalValue()).isEqualByComparingTo("3");
    assertThat(t.get("cofins").decimalValue()).isEqualByComparingTo("3");
    assertThat(t.get("csll").decimalValue()).isEqualByComparingTo("1");
    assertThat(t.get("inss").decimalValue()).isEqualByComparingTo("0");
    assertThat(t.get("ir").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(t.get("pis").decimalValue()).isEqualByComparingTo("0.65");
    assertThat(t.size()).isEqualTo(7);
    assertThat(b.size()).as("nothing else: no installment, no customer").isEqualTo(12);
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/invoices")))).hasSize(1);

    assertThat(i.id()).isEqualTo("inv_000000000232");
    assertThat(i.status()).isEqualTo(InvoiceStatus.SCHEDULED);
    assertThat(i.type()).isEqualTo("NFS-e");
    assertThat(i.value()).isEqualTo(Money.of("300.00"));
    assertThat(i.deductions()).isEqualTo(Money.of("10.00"));
    assertThat(i.effectiveDate()).isEqualTo(DAY);
    assertThat(i.taxes().ir()).isEqualByComparingTo("1.5");
    assertThat(i.taxes().pis()).isEqualByComparingTo("0.65");
    assertThat(i.taxes().retainIss()).isTrue();
    assertThat(i.payment()).isEqualTo("pay_637959110194");
  }

  @Test
  void aScheduleWithoutReferenceGetsOneAndAnUnknownStatusStaysRaw() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/invoices")).willReturn(okJson(INVOICE.replace("\"SCHEDULED\"", "\"SYNCHRONIZED\""))));
    Invoice i = asaas.invoices().schedule(request().build());
    assertThat(WIRE.body(postRequestedFor(urlPathEqualTo("/v3/invoices"))).get("externalReference").asText()).startsWith("ysh-");
    assertThat(i.status()).isEqualTo(InvoiceStatus.UNKNOWN);
    assertThat(i.rawStatus()).isEqualTo("SYNCHRONIZED");
  }

  @Test
  void updateListAuthorizeAndCancel() {
    String authorized = INVOICE.replace("\"SCHEDULED\"", "\"AUTHORIZED\"").replace("\"number\":null", "\"number\":\"1187\"");
    WIRE.wm.stubFor(put(urlPathEqualTo("/v3/invoices/inv_000000000232")).willReturn(okJson(INVOICE)));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/invoices")).willReturn(okJson(AsaasWireMockTest.list(INVOICE))));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/invoices/inv_000000000232")).willReturn(okJson(INVOICE)));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/invoices/inv_000000000232/authorize")).willReturn(okJson(authorized)));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/invoices/inv_000000000232/cancel"))
        .willReturn(okJson(INVOICE.replace("\"SCHEDULED\"", "\"PROCESSING_CANCELLATION\""))));

    asaas.invoices().update("inv_000000000232", InvoiceUpdate.builder().value(Money.of("320.00")).observations("Julho").updatePayment(true)
        .taxes(InvoiceTaxes.issOnly(new BigDecimal("2"), false)).build());
    JsonNode b = WIRE.body(putRequestedFor(urlPathEqualTo("/v3/invoices/inv_000000000232")));
    assertThat(b.get("value").decimalValue()).isEqualByComparingTo("320");
    assertThat(b.get("observations").asText()).isEqualTo("Julho");
    assertThat(b.get("updatePayment").asBoolean()).isTrue();
    assertThat(b.get("taxes").get("iss").decimalValue()).isEqualByComparingTo("2");
    assertThat(b.get("taxes").get("retainIss").asBoolean(true)).isFalse();
    assertThat(b.size()).isEqualTo(4);

    assertThat(asaas.invoices().stream(InvoiceFilter.all().effectiveDateFrom(DAY).effectiveDateTo(DAY.plusDays(1)).payment("pay_1")
        .installment("ins_1").externalReference("fee-7").status(InvoiceStatus.SCHEDULED).customer("cus_1")).toList()).hasSize(1);
    var q = WIRE.request(getRequestedFor(urlPathEqualTo("/v3/invoices"))).getQueryParams();
    assertThat(q.get("effectiveDate[Ge]").firstValue()).isEqualTo(DAY.toString());
    assertThat(q.get("effectiveDate[Le]").firstValue()).isEqualTo(DAY.plusDays(1).toString());
    assertThat(q.get("payment").firstValue()).isEqualTo("pay_1");
    assertThat(q.get("installment").firstValue()).isEqualTo("ins_1");
    assertThat(q.get("externalReference").firstValue()).isEqualTo("fee-7");
    assertThat(q.get("status").firstValue()).isEqualTo("SCHEDULED");
    assertThat(q.get("customer").firstValue()).isEqualTo("cus_1");

    assertThat(asaas.invoices().get("inv_000000000232").municipalServiceName()).isEqualTo("Análise e desenvolvimento de sistemas");
    Invoice a = asaas.invoices().authorize("inv_000000000232");
    assertThat(a.status()).isEqualTo(InvoiceStatus.AUTHORIZED);
    assertThat(a.number()).isEqualTo("1187");
    assertThat(asaas.invoices().cancel("inv_000000000232", false).status()).isEqualTo(InvoiceStatus.PROCESSING_CANCELLATION);
    JsonNode c = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/invoices/inv_000000000232/cancel")));
    assertThat(c.get("cancelOnlyOnAsaas").asBoolean(true)).isFalse();
    assertThat(c.size()).isEqualTo(1);
  }

  @Test
  void fiscalInfoIsAFormWithSecretsSentButNeverShown() {
    String info = """
        {"object":"fiscalInfo","email":"fiscal@ysh.com.br","municipalInscription":"21779501","simplesNacional":false,
         "culturalProjectsPromoter":false,"cnae":"6209100","specialTaxRegime":"1","serviceListItem":"1.01","nbsCode":"1.0101",
         "rpsSerie":"1","rpsNumber":1,"loteNumber":1,"username":"johndoe","passwordSent":true,"accessTokenSent":false,
         "certificateSent":false,"nationalPortalTaxCalculationRegime":null}""";
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/fiscalInfo/")).willReturn(okJson(info)));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/fiscalInfo/")).willReturn(okJson(info)));
    FiscalInfoRequest req = FiscalInfoRequest.builder().email("fiscal@ysh.com.br").municipalInscription("21779501").simplesNacional(false)
        .culturalProjectsPromoter(false).cnae("6209100").specialTaxRegime("1").serviceListItem("1.01").nbsCode("1.0101").rpsSerie("1")
        .rpsNumber(1L).loteNumber(1L).username("johndoe").password(Secret.of("prefeitura-s3nha")).accessToken(Secret.of("tok-pref-123"))
        .certificatePassword(Secret.of("cert-s3nha")).nationalPortalTaxCalculationRegime("2").build();
    assertThat(req.toString()).doesNotContain("prefeitura-s3nha").doesNotContain("tok-pref-123").doesNotContain("cert-s3nha");

    FiscalInfo saved = asaas.invoices().saveFiscalInfo(req);
    LoggedRequest r = WIRE.request(postRequestedFor(urlPathEqualTo("/v3/fiscalInfo/")));
    assertThat(r.getHeader("Content-Type")).startsWith("multipart/form-data");
    assertThat(r.getParts()).hasSize(16);
    assertThat(part(r, "email")).isEqualTo("fiscal@ysh.com.br");
    assertThat(part(r, "municipalInscription")).isEqualTo("21779501");
    assertThat(part(r, "simplesNacional")).isEqualTo("false");
    assertThat(part(r, "culturalProjectsPromoter")).isEqualTo("false");
    assertThat(part(r, "cnae")).isEqualTo("6209100");
    assertThat(part(r, "specialTaxRegime")).isEqualTo("1");
    assertThat(part(r, "serviceListItem")).isEqualTo("1.01");
    assertThat(part(r, "nbsCode")).isEqualTo("1.0101");
    assertThat(part(r, "rpsSerie")).isEqualTo("1");
    assertThat(part(r, "rpsNumber")).isEqualTo("1");
    assertThat(part(r, "loteNumber")).isEqualTo("1");
    assertThat(part(r, "username")).isEqualTo("johndoe");
    assertThat(part(r, "password")).isEqualTo("prefeitura-s3nha");
    assertThat(part(r, "accessToken")).isEqualTo("tok-pref-123");
    assertThat(part(r, "certificatePassword")).isEqualTo("cert-s3nha");
    assertThat(part(r, "nationalPortalTaxCalculationRegime")).isEqualTo("2");
    assertThat(saved.passwordSent()).isTrue();
    assertThat(saved.rpsNumber()).isEqualTo(1L);
    assertThat(asaas.invoices().fiscalInfo().cnae()).isEqualTo("6209100");

    asaas.invoices().saveFiscalInfo(FiscalInfoRequest.builder().email("f@ysh.com.br").simplesNacional(true).build());
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/fiscalInfo/"))).get(1).getParts())
        .as("absent fields are left out of the form").hasSize(2);
  }

  private static String part(LoggedRequest r, String name) {
    return r.getPart(name).getBody().asString();
  }

  @Test
  void municipalServicesArePagedWithTheirIssRate() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/fiscalInfo/services")).willReturn(okJson(AsaasWireMockTest.list(
        "{\"id\":\"110101\",\"description\":\"01.01 - Análise e desenvolvimento de sistemas\",\"issTax\":2.5}"))));
    Page<MunicipalService> p = asaas.invoices().municipalServices("Análise", 0, 10);
    assertThat(p.data()).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo("110101");
      assertThat(s.issTax()).isEqualByComparingTo("2.5");
    });
    var q = WIRE.request(getRequestedFor(urlPathEqualTo("/v3/fiscalInfo/services"))).getQueryParams();
    assertThat(q.get("description").firstValue()).isEqualTo("Análise");
    assertThat(q.get("limit").firstValue()).isEqualTo("10");
  }

  @Test
  void invoiceEventsAreTyped() {
    AsaasWebhooks hooks = AsaasWebhooks.builder().authToken(Secret.of("whsec-ysh-0123456789abcdef0123456789abcdef")).build();
    for (InvoiceEventType type : InvoiceEventType.values()) {
      if (type == InvoiceEventType.UNKNOWN) {
        continue;
      }
      WebhookEvent e = hooks.parse("{\"id\":\"evt_05b708f961d739ea7eba7e4db318f621&368604920\",\"event\":\"" + type
          + "\",\"dateCreated\":\"2024-06-12 16:45:03\",\"account\":{\"id\":\"47ed0d25\",\"ownerId\":null},\"invoice\":" + INVOICE + "}");
      assertThat(e).isInstanceOfSatisfying(InvoiceEvent.class, i -> {
        assertThat(i.type()).isEqualTo(type);
        assertThat(i.invoice().id()).isEqualTo("inv_000000000232");
        assertThat(i.dateCreated()).hasHour(16);
      });
    }
    assertThat(hooks.parse("{\"id\":\"evt_1&2\",\"event\":\"INVOICE_REISSUED\",\"invoice\":" + INVOICE + "}"))
        .isInstanceOfSatisfying(InvoiceEvent.class, i -> {
          assertThat(i.type()).isEqualTo(InvoiceEventType.UNKNOWN);
          assertThat(i.rawEvent()).isEqualTo("INVOICE_REISSUED");
        });
    assertThat(hooks.parse("{\"id\":\"evt_1&3\",\"event\":\"INVOICE_CREATED\",\"invoice\":{\"id\":\"inv_1\",\"value\":\"muito\"}}"))
        .isInstanceOfSatisfying(OtherEvent.class, o -> {
          assertThat(o.family()).isEqualTo("invoice");
          assertThat(o.unmappedReason()).isPresent();
        });
  }

  @Test
  void badInvoicesAreRefusedBeforeSendingNamingTheField() {
    assertThatThrownBy(() -> request().deductions(Money.of("301.00")).build()).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains("deductions");
    });
    assertThatThrownBy(() -> request().value(Money.of("0.00")).build()).hasMessageContaining("value");
    assertThatThrownBy(() -> request().taxes(new InvoiceTaxes(true, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, new BigDecimal("100.01"))).build()).hasMessageContaining("taxes.iss");
    assertThatThrownBy(() -> request().taxes(new InvoiceTaxes(true, new BigDecimal("-1"), BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)).build()).hasMessageContaining("taxes.cofins");
    assertThatThrownBy(() -> request().taxes(new InvoiceTaxes(null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)).build()).hasMessageContaining("taxes.retainIss");
    assertThatThrownBy(() -> asaas.invoices().schedule(request().payment(null).build())).hasMessageContaining("payment");
    assertThatThrownBy(() -> asaas.invoices().schedule(request().municipalServiceId(null).municipalServiceCode(null).build()))
        .hasMessageContaining("municipalServiceId");
    assertThatThrownBy(() -> asaas.invoices().schedule(request().taxes(null).build())).hasMessageContaining("taxes");
    assertThatThrownBy(() -> asaas.invoices().schedule(request().observations(null).build())).hasMessageContaining("observations");
    assertThatThrownBy(() -> asaas.invoices().schedule(request().effectiveDate(LocalDate.of(2020, 1, 1)).build()))
        .hasMessageContaining("effectiveDate");
    assertThatThrownBy(() -> asaas.invoices().saveFiscalInfo(FiscalInfoRequest.builder().email("a@b.c").build()))
        .hasMessageContaining("simplesNacional");
    assertThatThrownBy(() -> FiscalInfoRequest.builder().rpsNumber(0L).build()).hasMessageContaining("rpsNumber");
    assertThatThrownBy(() -> asaas.invoices().cancel("inv/../x", true)).hasMessageContaining("id");
    assertThatThrownBy(() -> InvoiceFilter.all().status(InvoiceStatus.UNKNOWN)).hasMessageContaining("status");
    assertThat(WIRE.wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void theFiscalInfoFormIsNotLoggedEvenAtBodyLevel() {
    ch.qos.logback.classic.Logger http = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.ysh.http");
    ch.qos.logback.classic.Level level = http.getLevel();
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs = new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    http.addAppender(logs);
    http.setLevel(ch.qos.logback.classic.Level.TRACE);
    try {
      WIRE.wm.stubFor(post(urlPathEqualTo("/v3/fiscalInfo/")).willReturn(okJson("{\"email\":\"f@ysh.com.br\",\"passwordSent\":true}")));
      AsaasClient loud = AsaasClient.builder().apiKey(Secret.of(Wire.KEY)).baseUrl(WIRE.wm.baseUrl() + "/v3")
          .logLevel(io.ysh.core.http.HttpLogLevel.BODY).build();
      loud.invoices().saveFiscalInfo(FiscalInfoRequest.builder().email("f@ysh.com.br").simplesNacional(true)
          .password(Secret.of("prefeitura-s3nha")).certificatePassword(Secret.of("cert-s3nha")).build());
      String logged = logs.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
          .collect(java.util.stream.Collectors.joining("\n"));
      assertThat(logged).as("the exchange was logged").contains("fiscalInfo");
      assertThat(logged).doesNotContain("prefeitura-s3nha").doesNotContain("cert-s3nha");
      assertThat(part(WIRE.request(postRequestedFor(urlPathEqualTo("/v3/fiscalInfo/"))), "password")).isEqualTo("prefeitura-s3nha");
    } finally {
      http.detachAppender(logs);
      http.setLevel(level);
    }
  }
}
