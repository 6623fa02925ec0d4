package io.ysh.asaas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
 * Pix on the wire, against bodies shaped as the official schema documents them
 * (PixAddressKeyGetResponseDto, PixQrCodeSaveRequestDto/ResponseDto, PixTransactionSaveRequestDto,
 * PixTransactionGetResponseDto): request bodies field by field, the documented query filters,
 * the typed accessors with raw strings kept, the create-once behaviour of each create after an
 * ambiguous failure, and the local checks.
 */
class PixWireMockTest {

  private static final Wire WIRE = new Wire();
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
  private static final String KEY = """
      {"id":"a33047b1-fb19-4b68-9373-a7ba8a8162aa","key":"b6295ee1-f054-47d1-9e90-ee57b74f60d9","type":"EVP",
       "status":"AWAITING_ACTIVATION","dateCreated":"2024-05-10 10:20:30","canBeDeleted":false,
       "cannotBeDeletedReason":"A chave ainda está sendo registrada","qrCode":{"encodedImage":"iVBORw0KGgo=","payload":"00020126580014br.gov.bcb.pix"}}""";
  private static final String QR = """
      {"id":"ASAAS00000000000000383ASA","encodedImage":"iVBORw0KGgo=","payload":"00020126800014br.gov.bcb.pix0136b6295ee1",
       "allowsMultiplePayments":false,"expirationDate":"2030-05-05 14:20:50","externalReference":"quote-9"}""";
  private static final String DEBIT = """
      {"id":"35363f6e-93e2-11ec-b9d9-96f4053b1bd4","endToEndIdentifier":"E19540550202203151345abcdef12345","finality":null,
       "value":100.00,"changeValue":8.23,"refundedValue":0,"effectiveDate":"2022-03-15 13:45:00","scheduledDate":"%s",
       "status":"SCHEDULED","type":"DEBIT","originType":"DYNAMIC_QRCODE","conciliationIdentifier":"pay_765756139679",
       "description":"Barbecue","transactionReceiptUrl":null,"refusalReason":null,"canBeCanceled":true,
       "originalTransaction":{"id":"tx_0","endToEndIdentifier":"E0","value":1.50,"effectiveDate":"2022-03-01 10:00:00"},
       "externalAccount":{"ispb":"19540550","ispbName":"ASAAS IP","name":"Loja","cpfCnpj":"***.982.247-**","addressKey":"loja@example.com","addressKeyType":"EMAIL"},
       "qrCode":{"payer":{"name":"Maria","cpfCnpj":"52998224725"},"conciliationIdentifier":"pay_765756139679","originalValue":100.00,
         "dueDate":"2022-03-20","interest":0,"fine":0,"discount":0,"expirationDate":"2022-03-21 00:00:00"},
       "payment":null,"canBeRefunded":false,"refundDisabledReason":"Débito","chargedFeeValue":0.00,"dateCreated":"2022-03-15 13:44:59",
       "addressKey":null,"addressKeyType":"PIX_KEY_OF_THE_FUTURE","transferId":"tra_1","externalReference":null}""";
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
  void createsAnEvpKeyWithExactlyTheDocumentedBodyAndReadsIt() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/addressKeys")).willReturn(okJson(AsaasWireMockTest.list())));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/addressKeys")).willReturn(okJson(KEY)));
    PixAddressKey k = asaas.pix().createEvpKey();
    JsonNode b = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/pix/addressKeys")));
    assertThat(b.get("type").asText()).isEqualTo("EVP");
    assertThat(b.size()).isEqualTo(1);
    assertThat(k.id()).isEqualTo("a33047b1-fb19-4b68-9373-a7ba8a8162aa");
    assertThat(k.key()).isEqualTo("b6295ee1-f054-47d1-9e90-ee57b74f60d9");
    assertThat(k.type()).isEqualTo(PixKeyType.EVP);
    assertThat(k.status()).isEqualTo(PixKeyStatus.AWAITING_ACTIVATION);
    assertThat(k.dateCreated()).isEqualTo(LocalDateTime.of(2024, 5, 10, 10, 20, 30));
    assertThat(k.canBeDeleted()).isFalse();
    assertThat(k.cannotBeDeletedReason()).contains("registrada");
    assertThat(k.qrCode().payload()).startsWith("000201");
    assertThat(k.qrCode().encodedImage()).isEqualTo("iVBORw0KGgo=");
  }

  @Test
  void anEvpKeyWhoseCreateTimedOutIsFoundAmongTheNewKeysNotPostedAgain() {
    String old = KEY.replace("a33047b1-fb19-4b68-9373-a7ba8a8162aa", "old-key-id").replace("AWAITING_ACTIVATION", "ACTIVE");
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/addressKeys")).inScenario("k").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(AsaasWireMockTest.list(old))));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/addressKeys")).inScenario("k").willReturn(aResponse().withStatus(502)).willSetStateTo("posted"));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/addressKeys")).inScenario("k").whenScenarioStateIs("posted")
        .willReturn(okJson(AsaasWireMockTest.list(KEY, old))));
    PixAddressKey k = asaas.pix().createEvpKey();
    assertThat(k.id()).as("the new key, not the old one").isEqualTo("a33047b1-fb19-4b68-9373-a7ba8a8162aa");
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/pix/addressKeys")))).hasSize(1);
  }

  @Test
  void anEvpKeyThatNeverAppearsIsAnUnknownOutcome() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/addressKeys")).willReturn(okJson(AsaasWireMockTest.list())));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/addressKeys")).willReturn(aResponse().withStatus(500)));
    assertThatThrownBy(() -> asaas.pix().createEvpKey()).isInstanceOf(AsaasOutcomeUnknownException.class);
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/pix/addressKeys")))).hasSize(1);
  }

  @Test
  void listsGetsAndDeletesKeysWithTheDocumentedFilters() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/addressKeys")).willReturn(okJson(AsaasWireMockTest.list(KEY))));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/addressKeys/a33047b1-fb19-4b68-9373-a7ba8a8162aa")).willReturn(okJson(KEY)));
    WIRE.wm.stubFor(delete(urlPathEqualTo("/v3/pix/addressKeys/a33047b1-fb19-4b68-9373-a7ba8a8162aa"))
        .willReturn(okJson(KEY.replace("AWAITING_ACTIVATION", "AWAITING_DELETION"))));
    assertThat(asaas.pix().streamKeys(PixKeyFilter.all().status(PixKeyStatus.ACTIVE)
        .statusList(PixKeyStatus.ACTIVE, PixKeyStatus.AWAITING_ACTIVATION)).toList()).hasSize(1);
    var q = WIRE.request(getRequestedFor(urlPathEqualTo("/v3/pix/addressKeys"))).getQueryParams();
    assertThat(q.get("status").firstValue()).isEqualTo("ACTIVE");
    assertThat(q.get("statusList").firstValue()).isEqualTo("ACTIVE,AWAITING_ACTIVATION");
    assertThat(q.get("limit").firstValue()).isEqualTo("100");
    assertThat(asaas.pix().getKey("a33047b1-fb19-4b68-9373-a7ba8a8162aa").key()).isEqualTo("b6295ee1-f054-47d1-9e90-ee57b74f60d9");
    assertThat(asaas.pix().deleteKey("a33047b1-fb19-4b68-9373-a7ba8a8162aa").status()).isEqualTo(PixKeyStatus.AWAITING_DELETION);
    assertThat(WIRE.wm.findAll(deleteRequestedFor(urlPathEqualTo("/v3/pix/addressKeys/a33047b1-fb19-4b68-9373-a7ba8a8162aa")))).hasSize(1);
  }

  @Test
  void createsAStaticQrCodeWithEveryDocumentedField() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/qrCodes/static")).willReturn(okJson(QR)));
    LocalDateTime expires = TODAY.plusDays(30).atTime(14, 20, 50);
    PixStaticQrCode q = asaas.pix().createStaticQrCode(PixStaticQrCodeRequest.builder().addressKey("B6295EE1-F054-47D1-9E90-EE57B74F60D9")
        .description("Barbecue").value(Money.of("50.00")).format(PixQrCodeFormat.ALL).expirationDate(expires)
        .allowsMultiplePayments(false).externalReference("quote-9").build());
    JsonNode b = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/pix/qrCodes/static")));
    assertThat(b.get("addressKey").asText()).as("normalised").isEqualTo("b6295ee1-f054-47d1-9e90-ee57b74f60d9");
    assertThat(b.get("description").asText()).isEqualTo("Barbecue");
    assertThat(b.get("value").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(b.get("format").asText()).isEqualTo("ALL");
    assertThat(b.get("expirationDate").asText()).isEqualTo(TODAY.plusDays(30) + " 14:20:50");
    assertThat(b.get("allowsMultiplePayments").asBoolean()).isFalse();
    assertThat(b.get("externalReference").asText()).isEqualTo("quote-9");
    assertThat(b.size()).as("no expirationSeconds").isEqualTo(7);
    assertThat(q.id()).isEqualTo("ASAAS00000000000000383ASA");
    assertThat(q.payload()).startsWith("000201");
    assertThat(q.encodedImage()).isEqualTo("iVBORw0KGgo=");
    assertThat(q.allowsMultiplePayments()).isFalse();
    assertThat(q.expirationDate()).isEqualTo(LocalDateTime.of(2030, 5, 5, 14, 20, 50));

    WIRE.wm.resetRequests();
    asaas.pix().createStaticQrCode(PixStaticQrCodeRequest.builder().expirationSeconds(600L).build());
    JsonNode b2 = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/pix/qrCodes/static")));
    assertThat(b2.get("expirationSeconds").asLong()).isEqualTo(600);
    assertThat(b2.get("externalReference").asText()).as("generated").startsWith("ysh-");
    assertThat(b2.size()).isEqualTo(2);
  }

  @Test
  void theSameStaticQrReferenceIsAnsweredFromMemoryAndAnAmbiguousFailureIsUnknownAtOnce() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/qrCodes/static")).willReturn(okJson(QR)));
    PixStaticQrCodeRequest r = PixStaticQrCodeRequest.builder().value(Money.of("50.00")).externalReference("quote-9").build();
    PixStaticQrCode first = asaas.pix().createStaticQrCode(r);
    assertThat(asaas.pix().createStaticQrCode(r)).isEqualTo(first);
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/pix/qrCodes/static")))).hasSize(1);
    assertThatThrownBy(() -> asaas.pix().createStaticQrCode(PixStaticQrCodeRequest.builder().value(Money.of("60.00")).externalReference("quote-9").build()))
        .as("same reference, other fields").isInstanceOf(AsaasConflictException.class);

    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/qrCodes/static")).willReturn(aResponse().withStatus(503)));
    long start = System.nanoTime();
    assertThatThrownBy(() -> asaas.pix().createStaticQrCode(PixStaticQrCodeRequest.builder().externalReference("quote-10").build()))
        .isInstanceOfSatisfying(AsaasOutcomeUnknownException.class, e -> assertThat(e.getMessage()).contains("no way to look it up"));
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/pix/qrCodes/static")))).hasSize(2);
    assertThatThrownBy(() -> asaas.pix().createStaticQrCode(PixStaticQrCodeRequest.builder().externalReference("quote-10").build()))
        .as("never posted again under that reference").isInstanceOf(AsaasOutcomeUnknownException.class);
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/pix/qrCodes/static")))).hasSize(2);
  }

  @Test
  void deletesAStaticQrCodeAndDecodesAPayload() {
    WIRE.wm.stubFor(delete(urlPathEqualTo("/v3/pix/qrCodes/static/ASAAS00000000000000383ASA"))
        .willReturn(okJson("{\"id\":\"ASAAS00000000000000383ASA\",\"deleted\":true}")));
    assertThat(asaas.pix().deleteStaticQrCode("ASAAS00000000000000383ASA").deleted()).isTrue();
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/qrCodes/decode")).willReturn(okJson("""
        {"payload":"000201x","type":"DYNAMIC","transactionOriginType":"DYNAMIC_QRCODE","pixKey":"k","conciliationIdentifier":"pay_1",
         "dueDate":"2030-01-10","expirationDate":"2030-01-11 00:00:00","finality":null,"value":100.00,"changeValue":null,"interest":1.00,
         "fine":2.00,"discount":0.50,"totalValue":102.50,"canBePaidWithDifferentValue":false,"canBeModifyChangeValue":false,
         "receiver":{"ispb":"19540550","ispbName":"ASAAS","name":"Loja","tradingName":"Loja Solar","cpfCnpj":"11222333000181",
           "personType":"JURIDICA","accountType":"PAYMENT_ACCOUNT"},"payer":null,"description":"d","canBePaid":true,"cannotBePaidReason":null}""")));
    PixDecodedQrCode d = asaas.pix().decodeQrCode(" 000201x ");
    JsonNode b = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/pix/qrCodes/decode")));
    assertThat(b.get("payload").asText()).isEqualTo("000201x");
    assertThat(b.size()).isEqualTo(1);
    assertThat(d.type()).isEqualTo(PixQrCodeType.DYNAMIC);
    assertThat(d.transactionOriginType()).isEqualTo(PixTransactionOriginType.DYNAMIC_QRCODE);
    assertThat(d.totalValue()).isEqualTo(Money.of("102.50"));
    assertThat(d.dueDate()).isEqualTo(LocalDate.of(2030, 1, 10));
    assertThat(d.receiver().tradingName()).isEqualTo("Loja Solar");
    assertThat(d.receiver().toString()).doesNotContain("11222333000181");
    assertThat(d.canBePaid()).isTrue();
  }

  @Test
  void paysAQrCodeWithEveryDocumentedFieldAndReadsTheTransaction() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/transactions")).willReturn(okJson(AsaasWireMockTest.list())));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/qrCodes/pay")).willReturn(okJson(DEBIT.formatted(TODAY.plusDays(1)))));
    PixTransaction t = asaas.pix().payQrCode(PixQrCodePaymentRequest.of("000201payload", Money.of("100.00")).description("Barbecue")
        .scheduleDate(TODAY.plusDays(1)).changeValue(Money.of("8.23")));
    JsonNode b = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/pix/qrCodes/pay")));
    assertThat(b.get("qrCode").get("payload").asText()).isEqualTo("000201payload");
    assertThat(b.get("qrCode").get("changeValue").decimalValue()).isEqualByComparingTo("8.23");
    assertThat(b.get("qrCode").size()).isEqualTo(2);
    assertThat(b.get("value").decimalValue()).isEqualByComparingTo("100.00");
    assertThat(b.get("description").asText()).isEqualTo("Barbecue");
    assertThat(b.get("scheduleDate").asText()).isEqualTo(TODAY.plusDays(1).toString());
    assertThat(b.size()).isEqualTo(4);

    assertThat(t.status()).isEqualTo(PixTransactionStatus.SCHEDULED);
    assertThat(t.type()).isEqualTo(PixTransactionType.DEBIT);
    assertThat(t.originType()).isEqualTo(PixTransactionOriginType.DYNAMIC_QRCODE);
    assertThat(t.value()).isEqualTo(Money.of("100.00"));
    assertThat(t.changeValue()).isEqualTo(Money.of("8.23"));
    assertThat(t.scheduledDate()).isEqualTo(TODAY.plusDays(1));
    assertThat(t.effectiveDate()).isEqualTo(LocalDateTime.of(2022, 3, 15, 13, 45));
    assertThat(t.canBeCanceled()).isTrue();
    assertThat(t.externalAccount().addressKeyType()).isEqualTo(PixKeyType.EMAIL);
    assertThat(t.externalAccount().toString()).doesNotContain("982.247").doesNotContain("loja@example.com");
    assertThat(t.qrCode().payer().name()).isEqualTo("Maria");
    assertThat(t.qrCode().payer().toString()).doesNotContain("52998224725");
    assertThat(t.qrCode().dueDate()).isEqualTo(LocalDate.of(2022, 3, 20));
    assertThat(t.originalTransaction().value()).isEqualTo(Money.of("1.50"));
    assertThat(t.addressKeyType()).as("unknown value kept raw").isEqualTo(PixKeyType.UNKNOWN);
    assertThat(t.rawAddressKeyType()).isEqualTo("PIX_KEY_OF_THE_FUTURE");
    assertThat(t.transferId()).isEqualTo("tra_1");
    assertThat(t.finality()).isNull();
  }

  @Test
  void aQrPaymentWhoseAnswerWasLostIsFoundAmongTheNewDebitsNotPaidAgain() {
    String old = DEBIT.formatted(TODAY).replace("35363f6e-93e2-11ec-b9d9-96f4053b1bd4", "old-debit");
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/transactions")).inScenario("p").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(AsaasWireMockTest.list(old))));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/qrCodes/pay")).inScenario("p").willReturn(aResponse().withStatus(504)).willSetStateTo("paid"));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/transactions")).inScenario("p").whenScenarioStateIs("paid")
        .willReturn(okJson(AsaasWireMockTest.list(DEBIT.formatted(TODAY), old))));
    PixTransaction t = asaas.pix().payQrCode(PixQrCodePaymentRequest.of("000201payload", Money.of("100.00")).description("Barbecue"));
    assertThat(t.id()).isEqualTo("35363f6e-93e2-11ec-b9d9-96f4053b1bd4");
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/pix/qrCodes/pay")))).hasSize(1);
    assertThat(WIRE.wm.findAll(getRequestedFor(urlPathEqualTo("/v3/pix/transactions")).withQueryParam("offset", equalTo("0"))
        .withQueryParam("type", equalTo("DEBIT")))).as("the baseline before the POST, then one look-up").hasSize(2);
  }

  @Test
  void aQrPaymentWithAnotherValueIsNotTakenForThisOne() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/transactions")).inScenario("p").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(AsaasWireMockTest.list())));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/qrCodes/pay")).inScenario("p").willReturn(aResponse().withStatus(504)).willSetStateTo("paid"));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/transactions")).inScenario("p").whenScenarioStateIs("paid")
        .willReturn(okJson(AsaasWireMockTest.list(DEBIT.formatted(TODAY)))));
    assertThatThrownBy(() -> asaas.pix().payQrCode(PixQrCodePaymentRequest.of("000201payload", Money.of("99.00"))))
        .isInstanceOfSatisfying(AsaasOutcomeUnknownException.class, e -> assertThat(e.pendingRequest(PixQrCodePaymentRequest.class)).isPresent());
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/pix/qrCodes/pay")))).hasSize(1);
  }

  @Test
  void listsGetsAndCancelsTransactions() {
    String tx = DEBIT.formatted(TODAY.plusDays(2));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/transactions")).willReturn(okJson(AsaasWireMockTest.list(tx))));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/pix/transactions/35363f6e-93e2-11ec-b9d9-96f4053b1bd4")).willReturn(okJson(tx)));
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/pix/transactions/35363f6e-93e2-11ec-b9d9-96f4053b1bd4/cancel"))
        .willReturn(okJson(tx.replace("\"SCHEDULED\"", "\"CANCELLED\""))));
    assertThat(asaas.pix().streamTransactions(PixTransactionFilter.all().status(PixTransactionStatus.SCHEDULED).type(PixTransactionType.DEBIT)
        .endToEndIdentifier("E19540550202203151345abcdef12345")).toList()).hasSize(1);
    var q = WIRE.request(getRequestedFor(urlPathEqualTo("/v3/pix/transactions"))).getQueryParams();
    assertThat(q.get("status").firstValue()).isEqualTo("SCHEDULED");
    assertThat(q.get("type").firstValue()).isEqualTo("DEBIT");
    assertThat(q.get("endToEndIdentifier").firstValue()).isEqualTo("E19540550202203151345abcdef12345");
    assertThat(asaas.pix().getTransaction("35363f6e-93e2-11ec-b9d9-96f4053b1bd4").description()).isEqualTo("Barbecue");
    assertThat(asaas.pix().cancelTransaction("35363f6e-93e2-11ec-b9d9-96f4053b1bd4").status()).isEqualTo(PixTransactionStatus.CANCELLED);
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/pix/transactions/35363f6e-93e2-11ec-b9d9-96f4053b1bd4/cancel")))).hasSize(1);
  }

  @Test
  void badInputIsRefusedBeforeSendingNamingTheField() {
    rejects(() -> PixStaticQrCodeRequest.builder().addressKey("not a key").build(), "addressKey");
    rejects(() -> PixStaticQrCodeRequest.builder().value(Money.ZERO).build(), "value");
    rejects(() -> PixStaticQrCodeRequest.builder().expirationSeconds(0L).build(), "expirationSeconds");
    rejects(() -> PixStaticQrCodeRequest.builder().expirationSeconds(60L).expirationDate(LocalDateTime.now().plusDays(1)).build(), "expirationSeconds");
    rejects(() -> PixStaticQrCodeRequest.builder().format(PixQrCodeFormat.UNKNOWN).build(), "format");
    rejects(() -> asaas.pix().createStaticQrCode(PixStaticQrCodeRequest.builder().expirationDate(TODAY.minusDays(1).atTime(12, 0)).build()),
        "expirationDate");
    rejects(() -> PixQrCodePaymentRequest.of(" ", Money.of("1.00")), "payload");
    rejects(() -> PixQrCodePaymentRequest.of("000201", Money.ZERO), "value");
    rejects(() -> PixQrCodePaymentRequest.of("000201", Money.of("1.00")).changeValue(Money.of("-1.00")), "changeValue");
    rejects(() -> asaas.pix().payQrCode(PixQrCodePaymentRequest.of("000201", Money.of("1.00")).scheduleDate(TODAY.minusDays(1))), "scheduleDate");
    rejects(() -> asaas.pix().payQrCode(new PixQrCodePaymentRequest(null, Money.of("1.00"), null, null)), "qrCode");
    rejects(() -> asaas.pix().getKey("../x"), "id");
    rejects(() -> PixKeyFilter.all().status(PixKeyStatus.UNKNOWN), "status");
    rejects(() -> PixKeyFilter.all().statusList(), "statuses");
    rejects(() -> PixTransactionFilter.all().type(PixTransactionType.UNKNOWN), "type");
    rejects(() -> asaas.pix().listTransactions(PixTransactionFilter.all(), 0, 101), "limit");
    assertThat(WIRE.wm.getAllServeEvents()).as("nothing was sent").isEmpty();
  }

  private static void rejects(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains(field);
    });
  }
}
