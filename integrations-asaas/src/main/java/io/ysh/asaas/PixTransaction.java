package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A Pix transaction of the account (money in or out), as Asaas returns it.
 *
 * <p>Source: the official schema's {@code PixTransactionGetResponseDto} and its nested
 * {@code PixTransactionExternalAccountResponseDto}, {@code PixTransactionQrCodeResponseDto},
 * {@code PixTransactionQrCodePayerResponseDto} and {@code PixOriginalTransactionResponseDto}
 * (asaasdev/asaas-api-sdk-java, documentation/models).
 *
 * @param id the transaction's id
 * @param endToEndIdentifier the Central Bank's identifier
 * @param rawFinality WITHDRAWAL or CHANGE for Pix Saque/Troco, as Asaas sent it, or null
 * @param value the value (or the withdrawal value)
 * @param changeValue the change, or null
 * @param refundedValue the value refunded, or null
 * @param effectiveDate when it happened
 * @param scheduledDate the day it is scheduled for, or null
 * @param rawStatus the status as Asaas sent it
 * @param rawType the type as Asaas sent it
 * @param rawOriginType how it was initiated, as Asaas sent it
 * @param conciliationIdentifier the identifier of the QR code it is linked to
 * @param description the description
 * @param transactionReceiptUrl the receipt, once confirmed
 * @param refusalReason why it was refused, or null
 * @param canBeCanceled whether it can be cancelled (a scheduled debit)
 * @param originalTransaction the original transaction of a refund, or null
 * @param externalAccount the other party
 * @param qrCode the QR code paid or received with, or null
 * @param payment the charge a credit paid, or null
 * @param canBeRefunded whether it can be refunded
 * @param refundDisabledReason why it cannot, or null
 * @param chargedFeeValue the fee charged
 * @param dateCreated when it was created
 * @param addressKey the key credited, for a credit
 * @param rawAddressKeyType that key's type, as Asaas sent it
 * @param transferId the transfer behind a debit, or null
 * @param externalReference the reference
 */
public record PixTransaction(
    String id,
    String endToEndIdentifier,
    @JsonProperty("finality") String rawFinality,
    Money value,
    Money changeValue,
    Money refundedValue,
    LocalDateTime effectiveDate,
    LocalDate scheduledDate,
    @JsonProperty("status") String rawStatus,
    @JsonProperty("type") String rawType,
    @JsonProperty("originType") String rawOriginType,
    String conciliationIdentifier,
    String description,
    String transactionReceiptUrl,
    String refusalReason,
    Boolean canBeCanceled,
    OriginalTransaction originalTransaction,
    ExternalAccount externalAccount,
    QrCode qrCode,
    String payment,
    Boolean canBeRefunded,
    String refundDisabledReason,
    Money chargedFeeValue,
    LocalDateTime dateCreated,
    String addressKey,
    @JsonProperty("addressKeyType") String rawAddressKeyType,
    String transferId,
    String externalReference) {

  /**
   * The status.
   *
   * @return the status, {@link PixTransactionStatus#UNKNOWN} when this SDK does not know it, or null
   */
  public PixTransactionStatus status() {
    return PixTransactionStatus.from(rawStatus);
  }

  /**
   * The type.
   *
   * @return the type, {@link PixTransactionType#UNKNOWN} when this SDK does not know it, or null
   */
  public PixTransactionType type() {
    return PixTransactionType.from(rawType);
  }

  /**
   * How it was initiated.
   *
   * @return the origin, {@link PixTransactionOriginType#UNKNOWN} when this SDK does not know it, or null
   */
  public PixTransactionOriginType originType() {
    return PixTransactionOriginType.from(rawOriginType);
  }

  /**
   * Withdrawal or change.
   *
   * @return the finality, {@link PixCashValueFinality#UNKNOWN} when this SDK does not know it, or null
   */
  public PixCashValueFinality finality() {
    return PixCashValueFinality.from(rawFinality);
  }

  /**
   * The type of the key credited.
   *
   * @return the type, {@link PixKeyType#UNKNOWN} when this SDK does not know it, or null
   */
  public PixKeyType addressKeyType() {
    return PixKeyType.from(rawAddressKeyType);
  }

  /**
   * The other party of a transaction.
   *
   * @param ispb the institution's ISPB
   * @param ispbName the institution's name
   * @param name the party's name
   * @param cpfCnpj the party's CPF or CNPJ (often masked by Asaas)
   * @param addressKey the party's key
   * @param rawAddressKeyType that key's type, as Asaas sent it
   */
  public record ExternalAccount(
      String ispb,
      String ispbName,
      String name,
      String cpfCnpj,
      String addressKey,
      @JsonProperty("addressKeyType") String rawAddressKeyType) {

    /**
     * The type of the party's key.
     *
     * @return the type, {@link PixKeyType#UNKNOWN} when this SDK does not know it, or null
     */
    public PixKeyType addressKeyType() {
      return PixKeyType.from(rawAddressKeyType);
    }

    /** Masks the CPF/CNPJ and the key. */
    @Override
    public String toString() {
      return "ExternalAccount[ispb=" + ispb + ", ispbName=" + ispbName + ", name=" + name + ", addressKeyType=" + rawAddressKeyType + "]";
    }
  }

  /**
   * The QR code a transaction was made with.
   *
   * @param payer who paid
   * @param conciliationIdentifier the reconciliation identifier
   * @param originalValue the value before interest, fine and discount
   * @param dueDate the due date
   * @param interest the interest
   * @param fine the fine
   * @param discount the discount
   * @param expirationDate when it expires
   */
  public record QrCode(
      Payer payer,
      String conciliationIdentifier,
      Money originalValue,
      LocalDate dueDate,
      Money interest,
      Money fine,
      Money discount,
      LocalDateTime expirationDate) {}

  /**
   * Who paid a QR code.
   *
   * @param name the payer's name
   * @param cpfCnpj the payer's CPF or CNPJ
   */
  public record Payer(String name, String cpfCnpj) {

    /** Masks the CPF/CNPJ. */
    @Override
    public String toString() {
      return "Payer[name=" + name + "]";
    }
  }

  /**
   * The transaction a refund refers to.
   *
   * @param id its id
   * @param endToEndIdentifier its Central Bank identifier
   * @param value its value
   * @param effectiveDate when it happened
   */
  public record OriginalTransaction(String id, String endToEndIdentifier, Money value, LocalDateTime effectiveDate) {}
}
