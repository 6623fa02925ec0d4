package io.ysh.asaas;

/**
 * The account's fiscal information as Asaas returns it: secrets are never returned, only
 * whether they were sent.
 *
 * <p>Source: the official schema's {@code FiscalInfoGetResponseDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models).
 *
 * @param email the e-mail Asaas sends invoice notices to
 * @param municipalInscription the company's municipal registration
 * @param simplesNacional whether the company is under Simples Nacional
 * @param culturalProjectsPromoter whether the company is a cultural projects promoter
 * @param cnae the CNAE code
 * @param specialTaxRegime the special tax regime's id
 * @param serviceListItem the service list item of LC 116
 * @param nbsCode the NBS code
 * @param rpsSerie the RPS series
 * @param rpsNumber the RPS number of the last invoice issued
 * @param loteNumber the batch number of the last invoice issued
 * @param username the user for the city hall's site
 * @param passwordSent whether the city hall password was given
 * @param accessTokenSent whether the city hall token was given
 * @param certificateSent whether the digital certificate was given
 * @param nationalPortalTaxCalculationRegime the national portal's tax calculation regime
 */
public record FiscalInfo(
    String email,
    String municipalInscription,
    Boolean simplesNacional,
    Boolean culturalProjectsPromoter,
    String cnae,
    String specialTaxRegime,
    String serviceListItem,
    String nbsCode,
    String rpsSerie,
    Long rpsNumber,
    Long loteNumber,
    String username,
    Boolean passwordSent,
    Boolean accessTokenSent,
    Boolean certificateSent,
    String nationalPortalTaxCalculationRegime) {}
