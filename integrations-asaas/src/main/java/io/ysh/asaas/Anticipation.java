package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * An anticipation as Asaas returns it.
 *
 * <p>Source: the official schema's {@code AnticipationGetResponseDto}
 * (asaasdev/asaas-api-sdk-java, documentation/models).
 *
 * @param id the anticipation's id
 * @param installment the installment plan's id, or null
 * @param payment the payment's id, or null
 * @param rawStatus the status as Asaas sent it
 * @param anticipationDate the day it is (or was) credited
 * @param dueDate the due date of what is anticipated
 * @param requestDate the day it was requested
 * @param fee the fee
 * @param anticipationDays how many days are anticipated
 * @param netValue what is credited: the value less the fee
 * @param totalValue the total of the payments anticipated
 * @param value the value anticipated
 * @param denialObservation why it was denied, or null
 */
public record Anticipation(
    String id,
    String installment,
    String payment,
    @JsonProperty("status") String rawStatus,
    LocalDate anticipationDate,
    LocalDate dueDate,
    LocalDate requestDate,
    Money fee,
    Integer anticipationDays,
    Money netValue,
    Money totalValue,
    Money value,
    String denialObservation) {

  /**
   * The status.
   *
   * @return the value, {@link AnticipationStatus#UNKNOWN} when this SDK does not know it, or null
   */
  public AnticipationStatus status() {
    return AnticipationStatus.from(rawStatus);
  }
}
