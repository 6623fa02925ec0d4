package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.br.Money;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Card flows on the strict simulator: pre-authorization that really pre-authorizes, capture,
 * tokenization and paying with the token, the sandbox's declining cards, cash receipts undone,
 * card subscriptions on their documented path.
 */
class CardFlowsTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
  private static final CreditCard CARD = new CreditCard("MARIA SILVA", "5162306219378829", "05", "2035", "318");
  private static final CreditCardHolderInfo HOLDER =
      new CreditCardHolderInfo("Maria Silva", "maria@example.com", "52998224725", "01310-100", "150", null, "1133334444", "11999990000");

  private final AsaasClient asaas = Sim.client();
  private String customerId;

  @BeforeEach
  void customer() {
    Sim.SIM.faults().clear();
    customerId = asaas.customers().create(CustomerRequest.builder().name("Maria Silva").cpfCnpj("52998224725").build()).id();
  }

  private PaymentRequest.Builder card(String value) {
    return PaymentRequest.builder().customer(customerId).billingType(BillingType.CREDIT_CARD).value(Money.of(value)).dueDate(TODAY)
        .creditCard(CARD).creditCardHolderInfo(HOLDER).remoteIp("203.0.113.7");
  }

  @Test
  void aPreAuthorizedPaymentStaysAuthorizedUntilCaptured() {
    Payment p = asaas.payments().create(card("300.00").authorizeOnly(true).build());
    assertThat(p.status()).isEqualTo(PaymentStatus.AUTHORIZED);
    assertThat(Sim.SIM.requests()).contains("POST /payments/");
    // nothing moves it on by itself
    asaas.payments().list(PaymentFilter.all().customer(customerId), 0, 10);
    assertThat(asaas.payments().get(p.id()).status()).isEqualTo(PaymentStatus.AUTHORIZED);
    assertThat(asaas.payments().status(p.id())).isEqualTo(PaymentStatus.AUTHORIZED);

    Payment captured = asaas.payments().captureAuthorizedPayment(p.id());
    assertThat(captured.status()).isEqualTo(PaymentStatus.CONFIRMED);
    assertThat(asaas.payments().get(p.id()).status()).isEqualTo(PaymentStatus.CONFIRMED);
    assertThatThrownBy(() -> asaas.payments().captureAuthorizedPayment(p.id()))
        .as("a second capture is refused, never a second charge").isInstanceOf(AsaasInvalidRequestException.class);
  }

  @Test
  void aCaptureWhoseAnswerIsLostIsReadBack() {
    Payment p = asaas.payments().create(card("40.00").authorizeOnly(true).build());
    Sim.SIM.faults().dropConnectionAfterCommit("POST", "/payments/" + p.id() + "/captureAuthorizedPayment", 1);
    assertThat(asaas.payments().captureAuthorizedPayment(p.id()).status()).isEqualTo(PaymentStatus.CONFIRMED);
  }

  @Test
  void theMisspeltFieldThatCapturedCardsAtOnceIsRefusedByTheStrictSimulator() throws Exception {
    String body = "{\"customer\":\"" + customerId + "\",\"billingType\":\"CREDIT_CARD\",\"value\":10,\"dueDate\":\"" + TODAY + "\","
        + "\"remoteIp\":\"203.0.113.7\",\"creditCardToken\":\"x\",\"authorizedOnly\":true}";
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Sim.SIM.baseUrl() + "/payments/"))
        .timeout(Duration.ofSeconds(10)).header("access_token", Sim.SIM.apiKey()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("unknown_field").contains("authorizedOnly");
  }

  @Test
  void authorizeOnlyWithoutACardIsRefusedLocally() {
    assertThatThrownBy(() -> PaymentRequest.builder().customer(customerId).billingType(BillingType.PIX).value(Money.of("1.00"))
        .dueDate(TODAY).authorizeOnly(true).build())
        .isInstanceOfSatisfying(io.ysh.core.YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("authorizeOnly");
        });
  }

  @Test
  void aTokenizedCardPaysWithoutTheCardData() {
    CreditCardSummary token = asaas.payments().tokenizeCreditCard(new CreditCardTokenRequest(customerId, CARD, HOLDER, "203.0.113.7"));
    assertThat(token.creditCardNumber()).isEqualTo("8829");
    assertThat(token.creditCardBrand()).isEqualTo("MASTERCARD");
    assertThat(token.toString()).doesNotContain(token.creditCardToken());
    Payment p = asaas.payments().create(PaymentRequest.builder().customer(customerId).billingType(BillingType.CREDIT_CARD)
        .value(Money.of("25.00")).dueDate(TODAY).creditCardToken(token.creditCardToken()).remoteIp("203.0.113.7").build());
    assertThat(p.status()).isEqualTo(PaymentStatus.CONFIRMED);
    assertThat(p.creditCard().creditCardNumber()).isEqualTo("8829");
  }

  @Test
  void theSandboxsDecliningCardsCreateNothing() {
    for (String number : new String[] {"5184019740373151", "4916561358240741"}) {
      String ref = "declined-" + UUID.randomUUID();
      assertThatThrownBy(() -> asaas.payments().create(card("10.00").creditCard(new CreditCard("X", number, "01", "2035", "123"))
          .externalReference(ref).build()))
          .isInstanceOfSatisfying(AsaasInvalidRequestException.class, e -> assertThat(e.hasCode("invalid_creditCard")).isTrue());
      assertThat(Sim.SIM.payments().stream().filter(n -> ref.equals(n.path("externalReference").asText(null)))).isEmpty();
    }
  }

  @Test
  void aCashReceiptCanBeUndone() {
    Payment p = asaas.payments().create(PaymentRequest.builder().customer(customerId).billingType(BillingType.BOLETO)
        .value(Money.of("80.00")).dueDate(TODAY.plusDays(2)).build());
    assertThat(asaas.payments().receiveInCash(p.id(), new CashReceipt(TODAY, Money.of("80.00"), false)).status())
        .isEqualTo(PaymentStatus.RECEIVED_IN_CASH);
    Payment undone = asaas.payments().undoReceivedInCash(p.id());
    assertThat(undone.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(undone.paymentDate()).isNull();
  }

  @Test
  void cardSubscriptionsArePostedToTheDocumentedPathAndChargeTheFirstPayment() {
    long before = Sim.SIM.requestCount("POST", "/subscriptions/");
    Subscription s = asaas.subscriptions().create(SubscriptionRequest.builder().customer(customerId).billingType(BillingType.CREDIT_CARD)
        .value(Money.of("49.90")).nextDueDate(TODAY).cycle(SubscriptionCycle.MONTHLY)
        .creditCard(CARD).creditCardHolderInfo(HOLDER).remoteIp("203.0.113.7").build());
    assertThat(Sim.SIM.requestCount("POST", "/subscriptions/") - before).isEqualTo(1);
    assertThat(asaas.subscriptions().streamPayments(s.id())).singleElement()
        .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.CONFIRMED));
  }

  @Test
  void updatesRefuseFieldsAsaasUpdatesDoNotDefine() {
    assertThatThrownBy(() -> asaas.payments().update("pay_1", PaymentRequest.builder().customer(customerId).build()))
        .hasMessageContaining("customer");
    assertThatThrownBy(() -> asaas.subscriptions().update("sub_1", SubscriptionRequest.builder().maxPayments(3).build()))
        .hasMessageContaining("maxPayments");
    assertThatThrownBy(() -> asaas.subscriptions().create(SubscriptionRequest.builder().customer(customerId).billingType(BillingType.PIX)
        .value(Money.of("1.00")).nextDueDate(TODAY).cycle(SubscriptionCycle.WEEKLY).status(SubscriptionStatus.ACTIVE).build()))
        .hasMessageContaining("status");
  }
}
