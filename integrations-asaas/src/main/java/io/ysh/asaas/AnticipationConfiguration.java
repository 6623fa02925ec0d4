package io.ysh.asaas;

/**
 * The automatic anticipation setting of the account.
 *
 * <p>Source: the official schema's {@code AnticipationConfigurationGetResponseDto} and
 * {@code AnticipationConfigurationUpdateRequestDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models).
 *
 * @param creditCardAutomaticEnabled whether card payments are anticipated automatically
 */
public record AnticipationConfiguration(Boolean creditCardAutomaticEnabled) {}
