package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pix end to end on the strict simulator: keys created, listed, read and deleted; a static QR
 * code paid by a payer becomes a received PIX payment with the net value credited and a CREDIT
 * transaction; single-use, deleted and fixed-value codes are enforced; paying a QR code from the
 * balance debits it, a scheduled payment is cancellable; strict mode refuses undefined fields.
 */
class PixSimulatorTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
  private final AsaasClient asaas = Sim.client();

  @BeforeEach
  void clear() {
    Sim.SIM.faults().clear();
  }

  @Test
  void keysAreCreatedListedReadAndDeleted() {
    PixAddressKey k = asaas.pix().createEvpKey();
    assertThat(k.type()).isEqualTo(PixKeyType.EVP);
    assertThat(k.status()).isEqualTo(PixKeyStatus.ACTIVE);
    assertThat(PixKeys.parse(k.key()).type()).isEqualTo(PixKeyType.EVP);
    assertThat(k.qrCode().payload()).startsWith("000201").contains(k.key());
    assertThat(asaas.pix().getKey(k.id())).isEqualTo(k);
    assertThat(asaas.pix().streamKeys(PixKeyFilter.all().status(PixKeyStatus.ACTIVE)).map(PixAddressKey::id)).contains(k.id());

    PixAddressKey gone = asaas.pix().deleteKey(k.id());
    assertThat(gone.status()).isEqualTo(PixKeyStatus.DELETED);
    assertThat(asaas.pix().streamKeys(PixKeyFilter.all().status(PixKeyStatus.ACTIVE)).map(PixAddressKey::id)).doesNotContain(k.id());
    assertThat(asaas.pix().streamKeys(PixKeyFilter.all().statusList(PixKeyStatus.DELETED, PixKeyStatus.ERROR)).map(PixAddressKey::id))
        .contains(k.id());
    assertThatThrownBy(() -> asaas.pix().deleteKey(k.id())).isInstanceOf(AsaasInvalidRequestException.class);
  }

  @Test
  void aPaidStaticQrCodeBecomesAReceivedPaymentAndCreditsTheBalance() {
    PixAddressKey k = asaas.pix().createEvpKey();
    PixStaticQrCode qr = asaas.pix().createStaticQrCode(PixStaticQrCodeRequest.builder().addressKey(k.key()).description("Orçamento 12")
        .value(Money.of("1500.00")).allowsMultiplePayments(false).externalReference("qr-" + System.nanoTime()).build());
    assertThat(qr.payload()).startsWith("000201").contains(k.key()).contains("1500.00");
    assertThat(qr.encodedImage()).isNotBlank();
    assertThat(qr.allowsMultiplePayments()).isFalse();

    PixDecodedQrCode d = asaas.pix().decodeQrCode(qr.payload());
    assertThat(d.type()).isEqualTo(PixQrCodeType.STATIC);
    assertThat(d.pixKey()).isEqualTo(k.key());
    assertThat(d.value()).isEqualTo(Money.of("1500.00"));
    assertThat(d.canBePaid()).isTrue();

    Money before = asaas.finance().balance().balance();
    String payer = Docs.cpf();
    JsonNode paid = Sim.SIM.payStaticQrCode(qr.id(), "Pagador Solar", payer, null);
    Payment p = asaas.payments().get(paid.get("id").asText());
    assertThat(p.status()).isEqualTo(PaymentStatus.RECEIVED);
    assertThat(p.billingType()).isEqualTo(BillingType.PIX);
    assertThat(p.value()).isEqualTo(Money.of("1500.00"));
    assertThat(asaas.finance().balance().balance()).isEqualTo(before.plus(p.netValue()));
    assertThat(asaas.customers().get(p.customer()).cpfCnpj()).isEqualTo(payer);

    PixTransaction credit = asaas.pix().streamTransactions(PixTransactionFilter.all().type(PixTransactionType.CREDIT))
        .filter(t -> p.id().equals(t.payment())).findFirst().orElseThrow();
    assertThat(credit.originType()).isEqualTo(PixTransactionOriginType.STATIC_QRCODE);
    assertThat(credit.conciliationIdentifier()).isEqualTo(qr.id());
    assertThat(credit.value()).isEqualTo(Money.of("1500.00"));
    assertThat(credit.status()).isEqualTo(PixTransactionStatus.DONE);
    assertThat(asaas.pix().getTransaction(credit.id())).isEqualTo(credit);
    assertThat(asaas.pix().streamTransactions(PixTransactionFilter.all().endToEndIdentifier(credit.endToEndIdentifier())).toList())
        .extracting(PixTransaction::id).containsExactly(credit.id());

    assertThat(asaas.pix().decodeQrCode(qr.payload()).canBePaid()).as("single use, paid").isFalse();
    assertThatThrownBy(() -> Sim.SIM.payStaticQrCode(qr.id(), "Outro", Docs.cpf(), null)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anOpenValueCodeTakesThePayersValueAndADeletedCodeTakesNothing() {
    asaas.pix().createEvpKey();
    PixStaticQrCode qr = asaas.pix().createStaticQrCode(PixStaticQrCodeRequest.builder().description("Sinal").build());
    assertThat(qr.allowsMultiplePayments()).as("Asaas's default").isTrue();
    assertThatThrownBy(() -> Sim.SIM.payStaticQrCode(qr.id(), "P", Docs.cpf(), null)).isInstanceOf(IllegalArgumentException.class);
    JsonNode first = Sim.SIM.payStaticQrCode(qr.id(), "P", Docs.cpf(), new BigDecimal("10.00"));
    JsonNode second = Sim.SIM.payStaticQrCode(qr.id(), "Q", Docs.cpf(), new BigDecimal("25.00"));
    assertThat(first.get("value").decimalValue()).isEqualByComparingTo("10.00");
    assertThat(second.get("value").decimalValue()).isEqualByComparingTo("25.00");

    PixStaticQrCode fixed = asaas.pix().createStaticQrCode(PixStaticQrCodeRequest.builder().value(Money.of("5.00")).build());
    assertThatThrownBy(() -> Sim.SIM.payStaticQrCode(fixed.id(), "P", Docs.cpf(), new BigDecimal("6.00"))).isInstanceOf(IllegalArgumentException.class);

    assertThat(asaas.pix().deleteStaticQrCode(qr.id()).deleted()).isTrue();
    assertThatThrownBy(() -> Sim.SIM.payStaticQrCode(qr.id(), "P", Docs.cpf(), new BigDecimal("10.00"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> asaas.pix().deleteStaticQrCode(qr.id())).isInstanceOf(AsaasNotFoundException.class);
  }

  @Test
  void aKeyOrAPaymentCommittedButNotAnsweredIsFoundNotMadeTwice() {
    long keysBefore = asaas.pix().streamKeys(PixKeyFilter.all()).count();
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/pix/addressKeys", 1);
    PixAddressKey k = asaas.pix().createEvpKey();
    assertThat(asaas.pix().streamKeys(PixKeyFilter.all()).count()).isEqualTo(keysBefore + 1);
    assertThat(asaas.pix().getKey(k.id())).isEqualTo(k);

    String payload = asaas.pix().createStaticQrCode(PixStaticQrCodeRequest.builder().addressKey(k.key()).build()).payload();
    Money before = asaas.finance().balance().balance();
    Sim.SIM.faults().failAfterCommit("POST", "/pix/qrCodes/pay", 1, 502);
    PixTransaction t = asaas.pix().payQrCode(PixQrCodePaymentRequest.of(payload, Money.of("12.34")).description("uma vez"));
    assertThat(t.value()).isEqualTo(Money.of("12.34"));
    assertThat(asaas.finance().balance().balance()).as("debited once").isEqualTo(before.minus(Money.of("12.34")));
    assertThat(asaas.pix().streamTransactions(PixTransactionFilter.all().type(PixTransactionType.DEBIT))
        .filter(x -> "uma vez".equals(x.description()))).hasSize(1);
  }

  @Test
  void concurrentKeyCreatesEachGetTheirOwnKey() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<PixAddressKey>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(pool.submit(() -> asaas.pix().createEvpKey()));
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (var f : futures) {
        ids.add(f.get().id());
      }
      assertThat(ids).hasSize(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anExpiredCodeTakesNothing() throws InterruptedException {
    asaas.pix().createEvpKey();
    PixStaticQrCode qr = asaas.pix().createStaticQrCode(PixStaticQrCodeRequest.builder().value(Money.of("5.00")).expirationSeconds(1L).build());
    assertThat(qr.expirationDate()).isNotNull();
    Thread.sleep(2100);
    assertThat(asaas.pix().decodeQrCode(qr.payload()).canBePaid()).isFalse();
    assertThatThrownBy(() -> Sim.SIM.payStaticQrCode(qr.id(), "P", Docs.cpf(), null)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expirado");
  }

  @Test
  void aStaticQrCodeNeedsAnActiveKeyOfTheAccount() {
    assertThatThrownBy(() -> asaas.pix().createStaticQrCode(PixStaticQrCodeRequest.builder()
        .addressKey("00000000-0000-4000-8000-000000000000").build()))
        .isInstanceOfSatisfying(AsaasInvalidRequestException.class, e -> assertThat(e.getMessage()).contains("invalid_addressKey"));
  }

  @Test
  void payingAQrCodeDebitsTheBalanceAndAScheduledOneCanBeCancelled() {
    String payload = asaas.payments().pixQrCode(asaas.payments().create(PaymentRequest.builder()
        .customer(asaas.customers().create(CustomerRequest.builder().name("Fornecedor").cpfCnpj(Docs.cpf()).build()).id())
        .billingType(BillingType.PIX).value(Money.of("30.00")).dueDate(TODAY.plusDays(3)).build()).id()).payload();
    Money before = asaas.finance().balance().balance();
    PixTransaction now = asaas.pix().payQrCode(PixQrCodePaymentRequest.of(payload, Money.of("30.00")).description("Inversor"));
    assertThat(now.type()).isEqualTo(PixTransactionType.DEBIT);
    assertThat(now.status()).isEqualTo(PixTransactionStatus.DONE);
    assertThat(now.canBeCanceled()).isFalse();
    assertThat(asaas.finance().balance().balance()).isEqualTo(before.minus(Money.of("30.00")));
    assertThatThrownBy(() -> asaas.pix().cancelTransaction(now.id())).isInstanceOf(AsaasInvalidRequestException.class);

    PixTransaction later = asaas.pix().payQrCode(PixQrCodePaymentRequest.of(payload, Money.of("30.00")).scheduleDate(TODAY.plusDays(5)));
    assertThat(later.status()).isEqualTo(PixTransactionStatus.SCHEDULED);
    assertThat(later.scheduledDate()).isEqualTo(TODAY.plusDays(5));
    assertThat(later.canBeCanceled()).isTrue();
    assertThat(asaas.pix().cancelTransaction(later.id()).status()).isEqualTo(PixTransactionStatus.CANCELLED);
    assertThat(asaas.pix().getTransaction(later.id()).status()).isEqualTo(PixTransactionStatus.CANCELLED);
    assertThat(asaas.finance().balance().balance()).as("nothing debited for the cancelled one").isEqualTo(before.minus(Money.of("30.00")));

    assertThatThrownBy(() -> asaas.pix().payQrCode(PixQrCodePaymentRequest.of(payload, Money.of("999999.00"))))
        .isInstanceOfSatisfying(AsaasInvalidRequestException.class, e -> assertThat(e.getMessage()).contains("insufficient_balance"));
  }

  @Test
  void strictModeRefusesFieldsThePixSchemasDoNotDefine() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String[] c : new String[][] {
        {"/pix/addressKeys", "{\"type\":\"EVP\",\"key\":\"x\"}", "'key'"},
        {"/pix/qrCodes/static", "{\"value\":10,\"valor\":10}", "'valor'"},
        {"/pix/qrCodes/pay", "{\"qrCode\":{\"payload\":\"000201\",\"value\":1},\"value\":1}", "'qrCode.value'"},
        {"/pix/qrCodes/decode", "{\"payload\":\"000201\",\"value\":1}", "'value'"}}) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(Sim.SIM.baseUrl() + c[0])).header("access_token", Sim.SIM.apiKey())
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(c[1])).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(r.body()).as(c[0]).contains("unknown_field").contains(c[2]);
    }
  }
}
