package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * A transfer out of the Asaas account (PIX or TED).
 *
 * @param id the id
 * @param dateCreated when it was created
 * @param rawStatus the status as Asaas sent it
 * @param effectiveDate when it was done, or null
 * @param scheduleDate when it is scheduled, or null
 * @param endToEndIdentifier the PIX end-to-end id, or null
 * @param type BANK_ACCOUNT or ASAAS_ACCOUNT
 * @param value the value
 * @param netValue the value net of fees
 * @param transferFee the fee
 * @param authorized whether it is authorized
 * @param failReason why it failed, or null
 * @param transactionReceiptUrl the receipt, or null
 * @param rawOperationType PIX, TED or INTERNAL as Asaas sent it
 * @param description the description
 * @param externalReference your reference
 * @param bankAccount the destination account, or null
 */
public record Transfer(
    String id,
    LocalDate dateCreated,
    @JsonProperty("status") String rawStatus,
    LocalDate effectiveDate,
    LocalDate scheduleDate,
    String endToEndIdentifier,
    String type,
    Money value,
    Money netValue,
    Money transferFee,
    Boolean authorized,
    String failReason,
    String transactionReceiptUrl,
    @JsonProperty("operationType") String rawOperationType,
    String description,
    String externalReference,
    TransferBankAccount bankAccount) {

  /**
   * The status.
   *
   * @return the value, {@link TransferStatus#UNKNOWN} when this SDK does not know it (see {@link #rawStatus()}), or null
   */
  public TransferStatus status() {
    return TransferStatus.from(rawStatus);
  }

  /**
   * The rail.
   *
   * @return the value, {@link TransferOperationType#UNKNOWN} when this SDK does not know it (see {@link #rawOperationType()}), or null
   */
  public TransferOperationType operationType() {
    return TransferOperationType.from(rawOperationType);
  }
}
