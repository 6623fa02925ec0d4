package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * What an anticipation would cost, as Asaas simulates it (nothing is requested).
 *
 * <p>Source: the official schema's {@code AnticipationSimulateResponseDto}
 * (asaasdev/asaas-api-sdk-java, documentation/models).
 *
 * @param installment the installment plan's id, or null
 * @param payment the payment's id, or null
 * @param anticipationDate the day it would be credited
 * @param dueDate the due date of what is anticipated
 * @param fee the fee
 * @param anticipationDays how many days are anticipated
 * @param netValue what would be credited: the value less the fee
 * @param totalValue the total of the payments anticipated
 * @param value the value anticipated
 * @param isDocumentationRequired whether Asaas would ask for invoices or contracts
 */
public record AnticipationSimulation(
    String installment,
    String payment,
    LocalDate anticipationDate,
    LocalDate dueDate,
    Money fee,
    Integer anticipationDays,
    Money netValue,
    Money totalValue,
    Money value,
    Boolean isDocumentationRequired) {}
