package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * A Pix Automático payment instruction: the debit Asaas asks the payer's bank to schedule for one
 * charge created with a Pix Automático authorization.
 *
 * <p>Sources: docs.asaas.com "Listar instruções de pagamento" and "Recuperar uma única instrução de
 * pagamento" and the schema {@code PixAutomaticRecurringPaymentInstructionGetResponse}.
 *
 * @param id the instruction's id
 * @param endToEndIdentifier its identifier at the Central Bank
 * @param authorization the authorization it belongs to
 * @param dueDate the day of the debit
 * @param rawStatus the status as Asaas sent it
 * @param paymentId the charge it pays
 * @param purpose SCHEDULE or RETRY_AFTER_DUE_DATE, as Asaas sent it
 * @param refusalReason why it was refused, or null (Asaas adds values without notice)
 * @param retryAttempt the retry number, or null
 */
public record PixPaymentInstruction(
    String id,
    String endToEndIdentifier,
    Authorization authorization,
    LocalDate dueDate,
    @JsonProperty("status") String rawStatus,
    String paymentId,
    String purpose,
    String refusalReason,
    Integer retryAttempt) {

  /**
   * The status.
   *
   * @return the status, {@link PixPaymentInstructionStatus#UNKNOWN} when this SDK does not know it, or null
   */
  public PixPaymentInstructionStatus status() {
    return PixPaymentInstructionStatus.from(rawStatus);
  }

  /**
   * The authorization an instruction belongs to.
   *
   * @param id the authorization's id
   * @param endToEndIdentifier its identifier at the Central Bank
   * @param customerId the payer's customer id
   */
  public record Authorization(String id, String endToEndIdentifier, String customerId) {}
}
