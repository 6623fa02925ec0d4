package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The commercial data of the account the client's key belongs to ({@code GET /myAccount/commercialInfo/}).
 *
 * <p>Source: the official schema's {@code AccountInfoGetResponseDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models).
 *
 * @param rawStatus APPROVED, AWAITING_ACTION_AUTHORIZATION, DENIED or PENDING, as Asaas sent it
 * @param rawPersonType FISICA or JURIDICA, as Asaas sent it
 * @param cpfCnpj the holder's CPF or CNPJ
 * @param name the holder's name
 * @param birthDate the birth date (individuals)
 * @param companyName the company name
 * @param companyType MEI, LIMITED, INDIVIDUAL or ASSOCIATION, as Asaas sent it
 * @param incomeValue the monthly income or revenue
 * @param email the email
 * @param phone the landline
 * @param mobilePhone the mobile phone
 * @param postalCode the CEP
 * @param address the street
 * @param addressNumber the number
 * @param complement the complement
 * @param province the neighbourhood
 * @param city the city
 * @param denialReason why the data must be sent again, or null
 * @param tradingName the display name
 * @param site the web site
 * @param availableCompanyNames the company names that may be chosen (companies)
 * @param commercialInfoExpiration when the commercial data expires
 */
public record CommercialInfo(
    @JsonProperty("status") String rawStatus,
    @JsonProperty("personType") String rawPersonType,
    String cpfCnpj,
    String name,
    LocalDate birthDate,
    String companyName,
    String companyType,
    Money incomeValue,
    String email,
    String phone,
    String mobilePhone,
    String postalCode,
    String address,
    String addressNumber,
    String complement,
    String province,
    City city,
    String denialReason,
    String tradingName,
    String site,
    List<String> availableCompanyNames,
    Subaccount.CommercialInfoExpiration commercialInfoExpiration) {

  /**
   * Whether Asaas approved the data (status APPROVED).
   *
   * @return true when approved
   */
  public boolean approved() {
    return "APPROVED".equals(rawStatus);
  }

  /**
   * A city as Asaas describes it (official schema: {@code AccountInfoCityDto}).
   *
   * @param id the city's Asaas id
   * @param ibgeCode the IBGE code
   * @param name the name
   * @param districtCode the district code
   * @param district the district
   * @param state the state's abbreviation
   */
  public record City(Long id, String ibgeCode, String name, String districtCode, String district, String state) {}
}
