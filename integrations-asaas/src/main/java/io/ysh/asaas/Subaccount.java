package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * A subaccount as Asaas returns it ({@code GET /accounts/{id}}).
 *
 * <p>Source: the official schema's {@code AccountGetResponseDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models). The API key is not part of it: only the create answers it, once (see
 * {@link CreatedSubaccount}).
 *
 * @param id the account id
 * @param name the holder's name
 * @param email the account's email
 * @param loginEmail the login email
 * @param phone the landline
 * @param mobilePhone the mobile phone
 * @param address the street
 * @param addressNumber the number
 * @param complement the complement
 * @param province the neighbourhood
 * @param postalCode the CEP
 * @param cpfCnpj the holder's CPF or CNPJ
 * @param birthDate the birth date (individuals)
 * @param rawPersonType FISICA or JURIDICA, as Asaas sent it
 * @param companyType MEI, LIMITED, INDIVIDUAL or ASSOCIATION, as Asaas sent it
 * @param city the city's Asaas id
 * @param state the state's abbreviation
 * @param country the country
 * @param tradingName the display name
 * @param site the web site
 * @param walletId the wallet that receives splits and internal transfers
 * @param accountNumber the account's bank details in Asaas
 * @param commercialInfoExpiration when the commercial data expires
 */
public record Subaccount(
    String id,
    String name,
    String email,
    String loginEmail,
    String phone,
    String mobilePhone,
    String address,
    String addressNumber,
    String complement,
    String province,
    String postalCode,
    String cpfCnpj,
    LocalDate birthDate,
    @JsonProperty("personType") String rawPersonType,
    String companyType,
    Long city,
    String state,
    String country,
    String tradingName,
    String site,
    String walletId,
    AccountNumber accountNumber,
    CommercialInfoExpiration commercialInfoExpiration) {

  /**
   * The person type.
   *
   * @return the value, {@link PersonType#UNKNOWN} when this SDK does not know it, or null
   */
  public PersonType personType() {
    return PersonType.from(rawPersonType);
  }

  /**
   * An account's bank details in Asaas (official schema: {@code AccountNumberDto}).
   *
   * @param agency the branch
   * @param account the account number
   * @param accountDigit the check digit
   */
  public record AccountNumber(String agency, String account, String accountDigit) {}

  /**
   * When the commercial data expires (official schema: {@code AccountInfoCommercialInfoExpirationResponseDto}).
   *
   * @param isExpired whether it has expired
   * @param scheduledDate when it expires
   */
  public record CommercialInfoExpiration(Boolean isExpired, LocalDate scheduledDate) {}
}
