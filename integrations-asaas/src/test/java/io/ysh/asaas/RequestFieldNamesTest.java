package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ysh.core.Secret;
import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every request record, with every component set, serializes only to field names that Asaas's
 * schema defines for the endpoint it is sent to (Asaas silently ignores unknown fields, so a
 * misspelling changes behaviour without an error: {@code authorizedOnly} captured pre-authorized
 * cards at once). The lists come from the official generated SDK's request models
 * (asaasdev/asaas-api-sdk-java, documentation/models/*RequestDto.md) and the docs.asaas.com
 * reference pages.
 */
class RequestFieldNamesTest {

  private static final Set<String> CREDIT_CARD = Set.of("holderName", "number", "expiryMonth", "expiryYear", "ccv");
  private static final Set<String> HOLDER = Set.of("name", "email", "cpfCnpj", "postalCode", "addressNumber", "addressComplement", "phone", "mobilePhone");
  private static final Set<String> DISCOUNT = Set.of("value", "dueDateLimitDays", "type");
  private static final Set<String> FINE = Set.of("value", "type");
  private static final Set<String> INTEREST = Set.of("value");
  private static final Set<String> SPLIT = Set.of("walletId", "fixedValue", "percentualValue", "totalFixedValue", "externalReference", "description");
  private static final Set<String> PAYMENT_WITH_CARD = Set.of("customer", "billingType", "value", "dueDate", "remoteIp", "description",
      "daysAfterDueDateToRegistrationCancellation", "externalReference", "installmentCount", "totalValue", "installmentValue", "discount",
      "interest", "fine", "postalService", "split", "callback", "creditCard", "creditCardHolderInfo", "creditCardToken", "authorizeOnly");
  private static final Set<String> SUBSCRIPTION_WITH_CARD = Set.of("customer", "billingType", "value", "nextDueDate", "cycle", "creditCard",
      "creditCardHolderInfo", "remoteIp", "discount", "interest", "fine", "description", "endDate", "maxPayments", "externalReference", "split",
      "callback", "creditCardToken");
  private static final Set<String> SUBSCRIPTION_UPDATE_ONLY = Set.of("status", "updatePendingPayments");
  private static final Set<String> CUSTOMER = Set.of("name", "cpfCnpj", "email", "phone", "mobilePhone", "address", "addressNumber", "complement",
      "province", "postalCode", "externalReference", "notificationDisabled", "additionalEmails", "municipalInscription", "stateInscription",
      "observations", "groupName", "company", "foreignCustomer");
  private static final Set<String> TRANSFER = Set.of("value", "bankAccount", "operationType", "pixAddressKey", "pixAddressKeyType",
      "description", "scheduleDate", "externalReference", "recurring");
  private static final Set<String> BANK_ACCOUNT = Set.of("bank", "accountName", "ownerName", "ownerBirthDate", "cpfCnpj", "agency", "account",
      "accountDigit", "bankAccountType", "ispb");
  private static final Set<String> WEBHOOK = Set.of("name", "url", "email", "enabled", "interrupted", "apiVersion", "authToken", "sendType", "events");
  private static final Set<String> TOKENIZE = Set.of("customer", "creditCard", "creditCardHolderInfo", "remoteIp");

  private static final CreditCard CARD = new CreditCard("A", "5162306219378829", "05", "2035", "318");
  private static final CreditCardHolderInfo HOLDER_INFO =
      new CreditCardHolderInfo("A", "a@example.com", "52998224725", "01310-100", "1", "apto 2", "1133334444", "11999990000");
  private static final List<Split> SPLITS = List.of(new Split("wal_1", Money.of("1.00"), new BigDecimal("10"), Money.of("2.00"), "r", "d"));
  private static final List<Split> SUBSCRIPTION_SPLITS = List.of(new Split("wal_1", Money.of("1.00"), new BigDecimal("10"), null, "r", "d"));

  private static JsonNode json(Object request) {
    return AsaasJson.mapper().valueToTree(request);
  }

  /** Every field name, nested ones as {@code parent.child}; fails on a name the schema lacks. */
  private static List<String> unknown(JsonNode node, Set<String> allowed, Map<String, Set<String>> nested) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        out.add(name);
        return;
      }
      Set<String> inner = nested.get(name);
      JsonNode v = node.get(name);
      if (inner != null) {
        for (JsonNode item : v.isArray() ? v : List.of(v)) {
          unknown(item, inner, Map.of()).forEach(u -> out.add(name + "." + u));
        }
      }
    });
    return out;
  }

  @Test
  void paymentRequestsUseOnlyAsaasFieldNames() {
    PaymentRequest full = PaymentRequest.builder().customer("cus_1").billingType(BillingType.CREDIT_CARD).value(Money.of("10.00"))
        .dueDate(LocalDate.of(2030, 1, 1)).description("d").externalReference("r").installmentCount(2).totalValue(Money.of("20.00"))
        .discount(Discount.fixed(Money.of("1.00"), 0)).interest(new Interest(BigDecimal.ONE)).fine(new Fine(BigDecimal.TEN, DiscountType.PERCENTAGE))
        .postalService(false).split(SPLITS).creditCard(CARD).creditCardHolderInfo(HOLDER_INFO).remoteIp("203.0.113.7").authorizeOnly(true)
        .build();
    JsonNode n = json(full);
    assertThat(n.has("authorizeOnly")).as("the documented spelling").isTrue();
    assertThat(unknown(n, PAYMENT_WITH_CARD, Map.of("creditCard", CREDIT_CARD, "creditCardHolderInfo", HOLDER, "discount", DISCOUNT,
        "interest", INTEREST, "fine", FINE, "split", SPLIT))).isEmpty();
    JsonNode token = json(full.toBuilder().creditCard(null).creditCardHolderInfo(null).creditCardToken("tok").build());
    assertThat(unknown(token, PAYMENT_WITH_CARD, Map.of())).isEmpty();
  }

  @Test
  void subscriptionRequestsUseOnlyAsaasFieldNames() {
    SubscriptionRequest full = SubscriptionRequest.builder().customer("cus_1").billingType(BillingType.CREDIT_CARD).value(Money.of("10.00"))
        .nextDueDate(LocalDate.of(2030, 1, 1)).cycle(SubscriptionCycle.MONTHLY).description("d").endDate(LocalDate.of(2031, 1, 1))
        .maxPayments(3).externalReference("r").discount(Discount.fixed(Money.of("1.00"), 0)).interest(new Interest(BigDecimal.ONE))
        .fine(new Fine(BigDecimal.TEN, DiscountType.FIXED)).split(SUBSCRIPTION_SPLITS).creditCard(CARD).creditCardHolderInfo(HOLDER_INFO)
        .remoteIp("203.0.113.7").status(SubscriptionStatus.ACTIVE).updatePendingPayments(true).build();
    Set<String> all = new java.util.HashSet<>(SUBSCRIPTION_WITH_CARD);
    all.addAll(SUBSCRIPTION_UPDATE_ONLY);
    assertThat(unknown(json(full), all, Map.of("creditCard", CREDIT_CARD, "creditCardHolderInfo", HOLDER, "discount", DISCOUNT,
        "interest", INTEREST, "fine", FINE, "split", Set.of("walletId", "fixedValue", "percentualValue", "externalReference", "description"))))
        .isEmpty();
  }

  @Test
  void customerTransferWebhookRefundAndTokenRequestsUseOnlyAsaasFieldNames() {
    CustomerRequest customer = CustomerRequest.builder().name("n").cpfCnpj("52998224725").email("e@example.com").phone("1").mobilePhone("2")
        .address("a").addressNumber("1").complement("c").province("p").postalCode("01310-100").externalReference("r")
        .notificationDisabled(true).additionalEmails("x@example.com").municipalInscription("m").stateInscription("s").observations("o")
        .groupName("g").company("co").foreignCustomer(false).build();
    assertThat(unknown(json(customer), CUSTOMER, Map.of())).isEmpty();

    TransferRequest bank = TransferRequest.builder().value(Money.of("1.00"))
        .bankAccount(new BankAccount("237", "conta", "Dono", LocalDate.of(1990, 1, 1), "52998224725", "0001", "12345", "6", "CONTA_CORRENTE", "60746948"))
        .operationType(TransferOperationType.TED).description("d").scheduleDate(LocalDate.of(2030, 1, 1)).externalReference("r").build();
    JsonNode t = json(bank);
    assertThat(unknown(t, TRANSFER, Map.of("bankAccount", BANK_ACCOUNT))).isEmpty();
    assertThat(t.path("bankAccount").path("bank").path("code").asText()).as("bank is {code}").isEqualTo("237");
    assertThat(t.path("bankAccount").path("bank").size()).isEqualTo(1);
    TransferRequest pix = TransferRequest.builder().value(Money.of("1.00")).pixAddressKey("a@example.com").pixAddressKeyType(PixKeyType.EMAIL).build();
    assertThat(unknown(json(pix), TRANSFER, Map.of())).isEmpty();

    WebhookConfigRequest webhook = WebhookConfigRequest.of("n", "https://example.com/h", "ops@example.com", Secret.of("t".repeat(32)),
        List.of("PAYMENT_RECEIVED"));
    assertThat(unknown(json(webhook), WEBHOOK, Map.of())).isEmpty();

    assertThat(unknown(json(new RefundRequest(Money.of("1.00"), "d")), Set.of("value", "description"), Map.of())).isEmpty();
    assertThat(unknown(json(new CashReceipt(LocalDate.of(2030, 1, 1), Money.of("1.00"), true)), Set.of("paymentDate", "value", "notifyCustomer"),
        Map.of())).isEmpty();
    assertThat(unknown(json(new CreditCardTokenRequest("cus_1", CARD, HOLDER_INFO, "203.0.113.7")), TOKENIZE,
        Map.of("creditCard", CREDIT_CARD, "creditCardHolderInfo", HOLDER))).isEmpty();
  }

  @Test
  void invoiceAnticipationNotificationAndSplitRefundRequestsUseOnlyAsaasFieldNames() {
    Set<String> taxes = Set.of("retainIss", "cofins", "csll", "inss", "ir", "pis", "iss");
    InvoiceTaxes t = new InvoiceTaxes(true, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);
    InvoiceRequest invoice = InvoiceRequest.builder().payment("pay_1").installment("ins_1").customer("cus_1").serviceDescription("s")
        .observations("o").externalReference("r").value(Money.of("2.00")).deductions(Money.of("1.00")).effectiveDate(LocalDate.of(2030, 1, 1))
        .municipalServiceId("1").municipalServiceCode("1.01").municipalServiceName("n").updatePayment(true).taxes(t).build();
    JsonNode inv = json(invoice);
    assertThat(unknown(inv, Set.of("payment", "installment", "customer", "serviceDescription", "observations", "externalReference", "value",
        "deductions", "effectiveDate", "municipalServiceId", "municipalServiceCode", "municipalServiceName", "updatePayment", "taxes"),
        Map.of("taxes", taxes))).isEmpty();
    assertThat(inv.size()).as("every component sent").isEqualTo(14);
    InvoiceUpdate update = InvoiceUpdate.builder().serviceDescription("s").observations("o").externalReference("r").value(Money.of("2.00"))
        .deductions(Money.of("1.00")).effectiveDate(LocalDate.of(2030, 1, 1)).updatePayment(true).taxes(t).build();
    assertThat(unknown(json(update), Set.of("serviceDescription", "observations", "externalReference", "value", "deductions", "effectiveDate",
        "updatePayment", "taxes"), Map.of("taxes", taxes))).isEmpty();
    assertThat(unknown(json(AnticipationRequest.ofPayment("pay_1")), Set.of("payment", "installment"), Map.of())).isEmpty();
    assertThat(unknown(json(new AnticipationConfiguration(true)), Set.of("creditCardAutomaticEnabled"), Map.of())).isEmpty();
    NotificationUpdate n = NotificationUpdate.builder().enabled(true).emailEnabledForProvider(true).smsEnabledForProvider(true)
        .emailEnabledForCustomer(true).smsEnabledForCustomer(true).phoneCallEnabledForCustomer(true).whatsappEnabledForCustomer(true)
        .scheduleOffset(5).build();
    JsonNode nj = json(n);
    assertThat(unknown(nj, Set.of("enabled", "emailEnabledForProvider", "smsEnabledForProvider", "emailEnabledForCustomer",
        "smsEnabledForCustomer", "phoneCallEnabledForCustomer", "whatsappEnabledForCustomer", "scheduleOffset"), Map.of())).isEmpty();
    assertThat(nj.size()).isEqualTo(8);
    RefundRequest refund = new RefundRequest(Money.of("2.00"), "d", List.of(new RefundRequest.SplitRefund("s1", Money.of("1.00"))));
    assertThat(unknown(json(refund), Set.of("value", "description", "splitRefunds"), Map.of("splitRefunds", Set.of("id", "value")))).isEmpty();
  }
}
