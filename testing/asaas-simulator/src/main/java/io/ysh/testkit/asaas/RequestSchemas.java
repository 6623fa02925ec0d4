package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The request fields Asaas's schema defines for each endpoint the simulator serves, for strict
 * mode. Asaas itself silently ignores an unknown field, so a misspelt one ({@code authorizedOnly}
 * for {@code authorizeOnly}) changes what happens without any error; strict mode answers 400
 * naming the field instead.
 *
 * <p>Sources: the request models of the official generated SDK (asaasdev/asaas-api-sdk-java,
 * {@code documentation/models/*RequestDto.md}) and the docs.asaas.com reference pages (which add
 * {@code value} to the subscription update).
 */
final class RequestSchemas {

  /** Allowed fields; a field mapped to a schema is an object (or an array of objects) checked recursively. */
  record Schema(Map<String, Schema> fields) {
    static Schema of(Object... pairs) {
      Map<String, Schema> m = new LinkedHashMap<>();
      for (int i = 0; i < pairs.length; i++) {
        String name = (String) pairs[i];
        Schema nested = i + 1 < pairs.length && pairs[i + 1] instanceof Schema s ? s : null;
        if (nested != null) {
          i++;
        }
        m.put(name, nested);
      }
      return new Schema(m);
    }
  }

  private RequestSchemas() {}

  static final Schema CREDIT_CARD = Schema.of("holderName", "number", "expiryMonth", "expiryYear", "ccv");
  static final Schema HOLDER_INFO = Schema.of("name", "email", "cpfCnpj", "postalCode", "addressNumber", "addressComplement", "phone", "mobilePhone");
  static final Schema DISCOUNT = Schema.of("value", "dueDateLimitDays", "type");
  static final Schema INTEREST = Schema.of("value");
  static final Schema FINE = Schema.of("value", "type");
  static final Schema CALLBACK = Schema.of("successUrl", "autoRedirect");
  static final Schema PAYMENT_SPLIT = Schema.of("walletId", "fixedValue", "percentualValue", "totalFixedValue", "externalReference", "description");
  static final Schema INSTALLMENT_SPLIT = Schema.of("walletId", "fixedValue", "percentualValue", "totalFixedValue", "externalReference",
      "description", "installmentNumber");
  /** {@code PUT /installments/{id}/splits} (InstallmentUpdateSplitRequestDto). */
  static final Schema INSTALLMENT_SPLITS = Schema.of("splits", INSTALLMENT_SPLIT);
  static final Schema SUBSCRIPTION_SPLIT = Schema.of("walletId", "fixedValue", "percentualValue", "externalReference", "description");

  static final Schema CUSTOMER = Schema.of("name", "cpfCnpj", "email", "phone", "mobilePhone", "address", "addressNumber", "complement",
      "province", "postalCode", "externalReference", "notificationDisabled", "additionalEmails", "municipalInscription",
      "stateInscription", "observations", "groupName", "company", "foreignCustomer");

  private static final Object[] PAYMENT_COMMON = {"customer", "billingType", "value", "dueDate", "description",
      "daysAfterDueDateToRegistrationCancellation", "externalReference", "installmentCount", "totalValue", "installmentValue",
      "discount", DISCOUNT, "interest", INTEREST, "fine", FINE, "postalService", "split", PAYMENT_SPLIT, "callback", CALLBACK};

  /** {@code POST /payments}: no card fields. */
  static final Schema PAYMENT = Schema.of(PAYMENT_COMMON);
  /** {@code POST /payments/}: card data, token, remoteIp and pre-authorization. */
  static final Schema PAYMENT_WITH_CARD = Schema.of(concat(PAYMENT_COMMON, "remoteIp", "creditCard", CREDIT_CARD,
      "creditCardHolderInfo", HOLDER_INFO, "creditCardToken", "authorizeOnly"));
  static final Schema PAYMENT_UPDATE = Schema.of("billingType", "value", "dueDate", "description", "daysAfterDueDateToRegistrationCancellation",
      "externalReference", "discount", DISCOUNT, "interest", INTEREST, "fine", FINE, "postalService", "split", PAYMENT_SPLIT, "callback", CALLBACK);
  static final Schema REFUND = Schema.of("value", "description", "splitRefunds", Schema.of("id", "value"));
  static final Schema RECEIVE_IN_CASH = Schema.of("paymentDate", "value", "notifyCustomer");
  static final Schema EMPTY = Schema.of();
  static final Schema TOKENIZE = Schema.of("customer", "creditCard", CREDIT_CARD, "creditCardHolderInfo", HOLDER_INFO, "remoteIp");

  private static final Object[] SUBSCRIPTION_COMMON = {"customer", "billingType", "value", "nextDueDate", "cycle", "discount", DISCOUNT,
      "interest", INTEREST, "fine", FINE, "description", "endDate", "maxPayments", "externalReference", "split", SUBSCRIPTION_SPLIT,
      "callback", CALLBACK};
  static final Schema SUBSCRIPTION = Schema.of(SUBSCRIPTION_COMMON);
  /** {@code POST /subscriptions/}. */
  static final Schema SUBSCRIPTION_WITH_CARD = Schema.of(concat(SUBSCRIPTION_COMMON, "creditCard", CREDIT_CARD,
      "creditCardHolderInfo", HOLDER_INFO, "remoteIp", "creditCardToken"));
  static final Schema SUBSCRIPTION_UPDATE = Schema.of("billingType", "status", "nextDueDate", "discount", DISCOUNT, "interest", INTEREST,
      "fine", FINE, "cycle", "description", "endDate", "updatePendingPayments", "externalReference", "split", SUBSCRIPTION_SPLIT,
      "callback", CALLBACK, "value");

  static final Schema BANK_ACCOUNT = Schema.of("bank", Schema.of("code"), "accountName", "ownerName", "ownerBirthDate", "cpfCnpj",
      "agency", "account", "accountDigit", "bankAccountType", "ispb");
  static final Schema TRANSFER = Schema.of("value", "bankAccount", BANK_ACCOUNT, "operationType", "pixAddressKey", "pixAddressKeyType",
      "description", "scheduleDate", "externalReference", "recurring", Schema.of("frequency", "quantity"));
  /** {@code POST /transfers/}: to another Asaas account. */
  static final Schema INTERNAL_TRANSFER = Schema.of("value", "walletId", "externalReference");

  /** {@code POST /paymentLinks} (PaymentLinkSaveRequestDto). */
  static final Schema PAYMENT_LINK = Schema.of("name", "billingType", "chargeType", "description", "endDate", "value", "dueDateLimitDays",
      "subscriptionCycle", "maxInstallmentCount", "externalReference", "notificationEnabled", "callback", CALLBACK, "isAddressRequired");
  /** {@code PUT /paymentLinks/{id}} (PaymentLinkUpdateRequestDto). */
  /** {@code POST /paymentLinks/{id}/images}: the official schema's {@code PaymentLinkFileSaveRequestDto} (a multipart form). */
  static final Schema PAYMENT_LINK_IMAGE = Schema.of("main", "image");
  static final Schema PAYMENT_LINK_UPDATE = Schema.of("name", "description", "endDate", "value", "active", "billingType", "chargeType",
      "dueDateLimitDays", "subscriptionCycle", "maxInstallmentCount", "externalReference", "notificationEnabled", "callback", CALLBACK);

  /** {@code POST /pix/addressKeys} (PixAddressKeySaveRequestDto). */
  static final Schema PIX_ADDRESS_KEY = Schema.of("type");
  /** {@code POST /pix/qrCodes/static} (PixQrCodeSaveRequestDto). */
  static final Schema PIX_STATIC_QR_CODE = Schema.of("addressKey", "description", "value", "format", "expirationDate", "expirationSeconds",
      "allowsMultiplePayments", "externalReference");
  /**
   * {@code POST /pix/automatic/authorizations} (docs.asaas.com "Criar uma autorização";
   * PixReceiverAutomaticRecurringAuthorizationSaveRequest and its ImmediateQrCodeRequest).
   */
  static final Schema PIX_AUTOMATIC_AUTHORIZATION = Schema.of("frequency", "contractId", "startDate", "finishDate", "value", "description",
      "customerId", "immediateQrCode", Schema.of("pixKey", "expirationSeconds", "originalValue", "description"), "minLimitValue",
      "paymentCreationMode", "retryPolicy");
  /** {@code POST /pix/qrCodes/decode} (PixQrCodeDecodeRequestDto). */
  static final Schema PIX_QR_CODE_DECODE = Schema.of("payload", "changeValue");
  /** {@code POST /pix/qrCodes/pay} (PixTransactionSaveRequestDto, PixTransactionQrCodeSaveRequestDto). */
  static final Schema PIX_QR_CODE_PAY = Schema.of("qrCode", Schema.of("payload", "changeValue"), "value", "description", "scheduleDate");

  /** {@code POST /accounts} (AccountSaveRequestDto). */
  static final Schema ACCOUNT = Schema.of("name", "email", "loginEmail", "cpfCnpj", "birthDate", "companyType", "phone", "mobilePhone", "site",
      "incomeValue", "address", "addressNumber", "complement", "province", "postalCode", "webhooks");

  static final Schema WEBHOOK = Schema.of("name", "url", "email", "enabled", "interrupted", "apiVersion", "authToken", "sendType", "events");
  static final Schema WEBHOOK_UPDATE = Schema.of("name", "url", "sendType", "enabled", "interrupted", "authToken", "events");

  /** The webhook events Asaas documents (WebhookConfigSaveRequestWebhookEvent). */
  static final Schema INVOICE_TAXES = Schema.of("retainIss", "cofins", "csll", "inss", "ir", "pis", "iss");
  static final Schema INVOICE = Schema.of("payment", "installment", "customer", "serviceDescription", "observations", "externalReference",
      "value", "deductions", "effectiveDate", "municipalServiceId", "municipalServiceCode", "municipalServiceName", "updatePayment",
      "taxes", INVOICE_TAXES);
  static final Schema INVOICE_UPDATE = Schema.of("serviceDescription", "observations", "externalReference", "value", "deductions",
      "effectiveDate", "updatePayment", "taxes", INVOICE_TAXES);
  static final Schema INVOICE_CANCEL = Schema.of("cancelOnlyOnAsaas");
  static final Schema FISCAL_INFO = Schema.of("email", "municipalInscription", "simplesNacional", "culturalProjectsPromoter", "cnae",
      "specialTaxRegime", "serviceListItem", "nbsCode", "rpsSerie", "rpsNumber", "loteNumber", "username", "password", "accessToken",
      "certificateFile", "certificatePassword", "nationalPortalTaxCalculationRegime");

  static final Schema ANTICIPATION_SIMULATE = Schema.of("installment", "payment");
  static final Schema ANTICIPATION_REQUEST = Schema.of("installment", "payment", "documents");
  static final Schema ANTICIPATION_CONFIGURATION = Schema.of("creditCardAutomaticEnabled");

  static final Schema NOTIFICATION_UPDATE = Schema.of("enabled", "emailEnabledForProvider", "smsEnabledForProvider",
      "emailEnabledForCustomer", "smsEnabledForCustomer", "phoneCallEnabledForCustomer", "whatsappEnabledForCustomer", "scheduleOffset");
  static final Schema NOTIFICATION_BATCH = Schema.of("customer", "notifications", Schema.of("id", "enabled", "emailEnabledForProvider",
      "smsEnabledForProvider", "emailEnabledForCustomer", "smsEnabledForCustomer", "phoneCallEnabledForCustomer",
      "whatsappEnabledForCustomer", "scheduleOffset"));

  static final Set<String> EVENTS = Set.of(
      "PAYMENT_AUTHORIZED", "PAYMENT_AWAITING_RISK_ANALYSIS", "PAYMENT_APPROVED_BY_RISK_ANALYSIS", "PAYMENT_REPROVED_BY_RISK_ANALYSIS",
      "PAYMENT_CREATED", "PAYMENT_UPDATED", "PAYMENT_CONFIRMED", "PAYMENT_RECEIVED", "PAYMENT_ANTICIPATED", "PAYMENT_OVERDUE",
      "PAYMENT_DELETED", "PAYMENT_RESTORED", "PAYMENT_REFUNDED", "PAYMENT_REFUND_IN_PROGRESS", "PAYMENT_REFUND_DENIED",
      "PAYMENT_RECEIVED_IN_CASH_UNDONE", "PAYMENT_CHARGEBACK_REQUESTED", "PAYMENT_CHARGEBACK_DISPUTE",
      "PAYMENT_AWAITING_CHARGEBACK_REVERSAL", "PAYMENT_DUNNING_RECEIVED", "PAYMENT_DUNNING_REQUESTED", "PAYMENT_BANK_SLIP_VIEWED",
      "PAYMENT_CHECKOUT_VIEWED", "PAYMENT_CREDIT_CARD_CAPTURE_REFUSED", "PAYMENT_PARTIALLY_REFUNDED", "PAYMENT_SPLIT_CANCELLED",
      "PAYMENT_SPLIT_DIVERGENCE_BLOCK", "PAYMENT_SPLIT_DIVERGENCE_BLOCK_FINISHED",
      "INVOICE_CREATED", "INVOICE_UPDATED", "INVOICE_SYNCHRONIZED", "INVOICE_AUTHORIZED", "INVOICE_PROCESSING_CANCELLATION",
      "INVOICE_CANCELED", "INVOICE_CANCELLATION_DENIED", "INVOICE_ERROR",
      "TRANSFER_CREATED", "TRANSFER_PENDING", "TRANSFER_IN_BANK_PROCESSING", "TRANSFER_BLOCKED", "TRANSFER_DONE", "TRANSFER_FAILED",
      "TRANSFER_CANCELLED",
      "BILL_CREATED", "BILL_PENDING", "BILL_BANK_PROCESSING", "BILL_PAID", "BILL_CANCELLED", "BILL_FAILED", "BILL_REFUNDED",
      "RECEIVABLE_ANTICIPATION_CANCELLED", "RECEIVABLE_ANTICIPATION_SCHEDULED", "RECEIVABLE_ANTICIPATION_PENDING",
      "RECEIVABLE_ANTICIPATION_CREDITED", "RECEIVABLE_ANTICIPATION_DEBITED", "RECEIVABLE_ANTICIPATION_DENIED",
      "RECEIVABLE_ANTICIPATION_OVERDUE",
      "MOBILE_PHONE_RECHARGE_PENDING", "MOBILE_PHONE_RECHARGE_CANCELLED", "MOBILE_PHONE_RECHARGE_CONFIRMED",
      "MOBILE_PHONE_RECHARGE_REFUNDED",
      "ACCOUNT_STATUS_BANK_ACCOUNT_INFO_APPROVED", "ACCOUNT_STATUS_BANK_ACCOUNT_INFO_AWAITING_APPROVAL",
      "ACCOUNT_STATUS_BANK_ACCOUNT_INFO_PENDING", "ACCOUNT_STATUS_BANK_ACCOUNT_INFO_REJECTED",
      "ACCOUNT_STATUS_COMMERCIAL_INFO_APPROVED", "ACCOUNT_STATUS_COMMERCIAL_INFO_AWAITING_APPROVAL",
      "ACCOUNT_STATUS_COMMERCIAL_INFO_EXPIRED", "ACCOUNT_STATUS_COMMERCIAL_INFO_EXPIRING_SOON",
      "ACCOUNT_STATUS_COMMERCIAL_INFO_PENDING", "ACCOUNT_STATUS_COMMERCIAL_INFO_REJECTED",
      "ACCOUNT_STATUS_DOCUMENT_APPROVED", "ACCOUNT_STATUS_DOCUMENT_AWAITING_APPROVAL", "ACCOUNT_STATUS_DOCUMENT_PENDING",
      "ACCOUNT_STATUS_DOCUMENT_REJECTED", "ACCOUNT_STATUS_GENERAL_APPROVAL_APPROVED",
      "ACCOUNT_STATUS_GENERAL_APPROVAL_AWAITING_APPROVAL", "ACCOUNT_STATUS_GENERAL_APPROVAL_PENDING",
      "ACCOUNT_STATUS_GENERAL_APPROVAL_REJECTED",
      "SUBSCRIPTION_CREATED", "SUBSCRIPTION_UPDATED", "SUBSCRIPTION_INACTIVATED", "SUBSCRIPTION_DELETED",
      "SUBSCRIPTION_SPLIT_DISABLED", "SUBSCRIPTION_SPLIT_DIVERGENCE_BLOCK", "SUBSCRIPTION_SPLIT_DIVERGENCE_BLOCK_FINISHED",
      "PIX_AUTOMATIC_RECURRING_ELIGIBILITY_UPDATED", "PIX_AUTOMATIC_RECURRING_AUTHORIZATION_CREATED",
      "PIX_AUTOMATIC_RECURRING_AUTHORIZATION_ACTIVATED", "PIX_AUTOMATIC_RECURRING_AUTHORIZATION_CANCELLED",
      "PIX_AUTOMATIC_RECURRING_AUTHORIZATION_EXPIRED", "PIX_AUTOMATIC_RECURRING_AUTHORIZATION_REFUSED",
      "PIX_AUTOMATIC_RECURRING_PAYMENT_INSTRUCTION_CREATED", "PIX_AUTOMATIC_RECURRING_PAYMENT_INSTRUCTION_SCHEDULED",
      "PIX_AUTOMATIC_RECURRING_PAYMENT_INSTRUCTION_REFUSED", "PIX_AUTOMATIC_RECURRING_PAYMENT_INSTRUCTION_CANCELLED",
      "CHECKOUT_CREATED", "CHECKOUT_CANCELED", "CHECKOUT_EXPIRED", "CHECKOUT_PAID");

  /**
   * Rejects a field the schema does not define, naming it (dotted path, {@code split[0].walletId}).
   *
   * @param endpoint such as {@code POST /payments/}, for the message
   * @param schema the schema
   * @param body the request body
   * @throws ApiError 400 {@code unknown_field}
   */
  static void check(String endpoint, Schema schema, JsonNode body) {
    String unknown = firstUnknown(schema, body, "");
    if (unknown != null) {
      throw ApiError.bad("unknown_field", "Unknown field '" + unknown + "' in " + endpoint
          + " (simulator strict mode: Asaas would silently ignore it)");
    }
  }

  private static String firstUnknown(Schema schema, JsonNode node, String prefix) {
    if (node == null || !node.isObject()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      String name = f.getKey();
      if (!schema.fields().containsKey(name)) {
        return prefix + name;
      }
      Schema nested = schema.fields().get(name);
      JsonNode v = f.getValue();
      if (nested != null && v.isObject()) {
        String u = firstUnknown(nested, v, prefix + name + ".");
        if (u != null) {
          return u;
        }
      } else if (nested != null && v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          String u = firstUnknown(nested, v.get(i), prefix + name + "[" + i + "].");
          if (u != null) {
            return u;
          }
        }
      }
    }
    return null;
  }

  private static Object[] concat(Object[] a, Object... b) {
    Object[] out = new Object[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
