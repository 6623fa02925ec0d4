package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The onboarding status of the account the client's key belongs to ({@code GET /myAccount/status/}).
 *
 * <p>Source: the official schema's {@code MyAccountGetStatusResponseDto}
 * (asaasdev/asaas-api-sdk-java, documentation/models).
 *
 * @param id the account id
 * @param rawCommercialInfo the commercial data's status, as Asaas sent it
 * @param rawBankAccountInfo the bank account's status, as Asaas sent it
 * @param rawDocumentation the documents' status, as Asaas sent it
 * @param rawGeneral the overall status, as Asaas sent it
 */
public record AccountStatus(
    String id,
    @JsonProperty("commercialInfo") String rawCommercialInfo,
    @JsonProperty("bankAccountInfo") String rawBankAccountInfo,
    @JsonProperty("documentation") String rawDocumentation,
    @JsonProperty("general") String rawGeneral) {

  /**
   * The commercial data's status.
   *
   * @return the status, UNKNOWN for a value this SDK does not know, or null
   */
  public AccountApprovalStatus commercialInfo() {
    return AccountApprovalStatus.from(rawCommercialInfo);
  }

  /**
   * The bank account's status.
   *
   * @return the status, UNKNOWN for a value this SDK does not know, or null
   */
  public AccountApprovalStatus bankAccountInfo() {
    return AccountApprovalStatus.from(rawBankAccountInfo);
  }

  /**
   * The documents' status.
   *
   * @return the status, UNKNOWN for a value this SDK does not know, or null
   */
  public AccountApprovalStatus documentation() {
    return AccountApprovalStatus.from(rawDocumentation);
  }

  /**
   * The overall status: APPROVED once the account may move money.
   *
   * @return the status, UNKNOWN for a value this SDK does not know, or null
   */
  public AccountApprovalStatus general() {
    return AccountApprovalStatus.from(rawGeneral);
  }
}
