package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The account status events Asaas sends (docs.asaas.com "Eventos para verificar situação da conta"
 * / "Account status events" lists these sixteen names). An {@code ACCOUNT_STATUS_…} event this
 * SDK does not know is {@link #UNKNOWN}; {@link AccountStatusEvent#rawEvent()} keeps its name.
 */
public enum AccountStatusEventType {
  /** {@code ACCOUNT_STATUS_BANK_ACCOUNT_INFO_APPROVED}: the bank account was approved. */
  ACCOUNT_STATUS_BANK_ACCOUNT_INFO_APPROVED,
  /** {@code ACCOUNT_STATUS_BANK_ACCOUNT_INFO_AWAITING_APPROVAL}: the bank account is under review. */
  ACCOUNT_STATUS_BANK_ACCOUNT_INFO_AWAITING_APPROVAL,
  /** {@code ACCOUNT_STATUS_BANK_ACCOUNT_INFO_PENDING}: the bank account went back to pending. */
  ACCOUNT_STATUS_BANK_ACCOUNT_INFO_PENDING,
  /** {@code ACCOUNT_STATUS_BANK_ACCOUNT_INFO_REJECTED}: the bank account was rejected. */
  ACCOUNT_STATUS_BANK_ACCOUNT_INFO_REJECTED,
  /** {@code ACCOUNT_STATUS_COMMERCIAL_INFO_APPROVED}: the commercial data was approved. */
  ACCOUNT_STATUS_COMMERCIAL_INFO_APPROVED,
  /** {@code ACCOUNT_STATUS_COMMERCIAL_INFO_AWAITING_APPROVAL}: the commercial data is under review. */
  ACCOUNT_STATUS_COMMERCIAL_INFO_AWAITING_APPROVAL,
  /** {@code ACCOUNT_STATUS_COMMERCIAL_INFO_PENDING}: the commercial data went back to pending. */
  ACCOUNT_STATUS_COMMERCIAL_INFO_PENDING,
  /** {@code ACCOUNT_STATUS_COMMERCIAL_INFO_REJECTED}: the commercial data was rejected. */
  ACCOUNT_STATUS_COMMERCIAL_INFO_REJECTED,
  /** {@code ACCOUNT_STATUS_DOCUMENT_APPROVED}: the documents were approved. */
  ACCOUNT_STATUS_DOCUMENT_APPROVED,
  /** {@code ACCOUNT_STATUS_DOCUMENT_AWAITING_APPROVAL}: the documents are under review. */
  ACCOUNT_STATUS_DOCUMENT_AWAITING_APPROVAL,
  /** {@code ACCOUNT_STATUS_DOCUMENT_PENDING}: the documents went back to pending. */
  ACCOUNT_STATUS_DOCUMENT_PENDING,
  /** {@code ACCOUNT_STATUS_DOCUMENT_REJECTED}: the documents were rejected. */
  ACCOUNT_STATUS_DOCUMENT_REJECTED,
  /** {@code ACCOUNT_STATUS_GENERAL_APPROVAL_APPROVED}: the account was approved and may move money. */
  ACCOUNT_STATUS_GENERAL_APPROVAL_APPROVED,
  /** {@code ACCOUNT_STATUS_GENERAL_APPROVAL_AWAITING_APPROVAL}: the account is under review. */
  ACCOUNT_STATUS_GENERAL_APPROVAL_AWAITING_APPROVAL,
  /** {@code ACCOUNT_STATUS_GENERAL_APPROVAL_PENDING}: the account went back to pending. */
  ACCOUNT_STATUS_GENERAL_APPROVAL_PENDING,
  /** {@code ACCOUNT_STATUS_GENERAL_APPROVAL_REJECTED}: the account was rejected. */
  ACCOUNT_STATUS_GENERAL_APPROVAL_REJECTED,
  /** An account status event this SDK version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses an event name leniently.
   *
   * @param raw the event name
   * @return the constant, {@link #UNKNOWN} for an unknown name, or null for null
   */
  public static AccountStatusEventType from(String raw) {
    return Enums.parse(AccountStatusEventType.class, raw, UNKNOWN);
  }
}
