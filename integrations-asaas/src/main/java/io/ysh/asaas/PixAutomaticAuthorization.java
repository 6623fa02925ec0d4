package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A Pix Automático authorization (a payer's consent to recurring debits), as Asaas returns it.
 *
 * <p>Sources: docs.asaas.com "Pix Automático" reference ("Criar uma autorização", "Recuperar uma
 * única autorização", "Listar autorizações") and the schema {@code PixReceiverAutomaticRecurringAuthorizationGetResponse}.
 *
 * @param id the authorization's id
 * @param minLimitValue the least the payer may cap debits at, for variable-value authorizations
 * @param cancellationDate when it was cancelled, or null
 * @param cancellationReason why, or null
 * @param contractId your contract's identifier (at most 35 characters)
 * @param customerId the payer's customer id
 * @param description the description
 * @param finishDate the last day it is valid, or null for no end
 * @param rawFrequency the frequency as Asaas sent it
 * @param endToEndIdentifier the recurrence's identifier at the Central Bank
 * @param startDate the first day it is valid
 * @param rawStatus the status as Asaas sent it
 * @param value the fixed value of each debit, or null for a variable value
 * @param payload the copy-and-paste code of the immediate QR code (pay it to activate)
 * @param encodedImage that QR code as a base64 PNG
 * @param immediateQrCode the immediate charge's reconciliation identifier and expiration
 * @param originType how it was created, as Asaas sent it
 * @param subscriptionId the subscription Asaas created (payment creation mode SUBSCRIPTION), or null
 * @param rawPaymentCreationMode MANUAL or SUBSCRIPTION, as Asaas sent it
 * @param rawRetryPolicy the retry policy, as Asaas sent it
 */
public record PixAutomaticAuthorization(
    String id,
    Money minLimitValue,
    LocalDateTime cancellationDate,
    String cancellationReason,
    String contractId,
    String customerId,
    String description,
    LocalDate finishDate,
    @JsonProperty("frequency") String rawFrequency,
    String endToEndIdentifier,
    LocalDate startDate,
    @JsonProperty("status") String rawStatus,
    Money value,
    String payload,
    String encodedImage,
    ImmediateQrCode immediateQrCode,
    String originType,
    String subscriptionId,
    @JsonProperty("paymentCreationMode") String rawPaymentCreationMode,
    @JsonProperty("retryPolicy") String rawRetryPolicy) {

  /**
   * The status.
   *
   * @return the status, {@link PixAutomaticAuthorizationStatus#UNKNOWN} when this SDK does not know it, or null
   */
  public PixAutomaticAuthorizationStatus status() {
    return PixAutomaticAuthorizationStatus.from(rawStatus);
  }

  /**
   * The frequency.
   *
   * @return the frequency, {@link PixAutomaticFrequency#UNKNOWN} when this SDK does not know it, or null
   */
  public PixAutomaticFrequency frequency() {
    return PixAutomaticFrequency.from(rawFrequency);
  }

  /**
   * Who creates the charges.
   *
   * @return the mode, {@link PixAutomaticPaymentCreationMode#UNKNOWN} when this SDK does not know it, or null
   */
  public PixAutomaticPaymentCreationMode paymentCreationMode() {
    return PixAutomaticPaymentCreationMode.from(rawPaymentCreationMode);
  }

  /**
   * The retry policy.
   *
   * @return the policy, {@link PixAutomaticRetryPolicy#UNKNOWN} when this SDK does not know it, or null
   */
  public PixAutomaticRetryPolicy retryPolicy() {
    return PixAutomaticRetryPolicy.from(rawRetryPolicy);
  }

  /**
   * The immediate charge that activates the authorization when paid.
   *
   * @param conciliationIdentifier carried by the payment that settles it
   * @param expirationDate when it expires (the authorization is then REFUSED)
   */
  public record ImmediateQrCode(String conciliationIdentifier, LocalDateTime expirationDate) {}
}
