package io.ysh.asaas;

import io.ysh.core.br.Money;

/**
 * How much the account may anticipate.
 *
 * <p>Source: the official schema's {@code AnticipationLimitsResponseDto} and
 * {@code AnticipationLimitsInfoResponseDto} (asaasdev/asaas-api-sdk-java, documentation/models).
 *
 * @param creditCard the limit for card payments
 * @param bankSlip the limit for boletos
 */
public record AnticipationLimits(Limit creditCard, Limit bankSlip) {

  /**
   * One limit.
   *
   * @param total the limit granted to the account
   * @param available what can still be anticipated
   */
  public record Limit(Money total, Money available) {}
}
