package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * A customer (payer) as Asaas returns it. {@link #toString()} masks the CPF/CNPJ.
 *
 * @param id the id, {@code cus_…}
 * @param dateCreated when it was created
 * @param name the name
 * @param email the e-mail
 * @param phone the landline
 * @param mobilePhone the mobile phone
 * @param address the street
 * @param addressNumber the number
 * @param complement the complement
 * @param province the neighbourhood (bairro)
 * @param postalCode the CEP
 * @param cityName the city
 * @param state the state (UF)
 * @param country the country
 * @param cpfCnpj the CPF or CNPJ
 * @param rawPersonType FISICA or JURIDICA as Asaas sent it
 * @param deleted whether it is deleted (restorable)
 * @param additionalEmails extra e-mails, comma separated
 * @param externalReference your reference
 * @param notificationDisabled whether Asaas's notifications are off
 * @param observations free notes
 * @param groupName the group
 * @param company the company name
 * @param foreignCustomer whether the customer is not Brazilian
 */
public record Customer(
    String id,
    LocalDate dateCreated,
    String name,
    String email,
    String phone,
    String mobilePhone,
    String address,
    String addressNumber,
    String complement,
    String province,
    String postalCode,
    String cityName,
    String state,
    String country,
    String cpfCnpj,
    @JsonProperty("personType") String rawPersonType,
    boolean deleted,
    String additionalEmails,
    String externalReference,
    Boolean notificationDisabled,
    String observations,
    String groupName,
    String company,
    Boolean foreignCustomer) {

  /**
   * A description with personal and card data masked.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "Customer[id=" + id + ", name=" + name + ", cpfCnpj=****, externalReference=" + externalReference + ", deleted=" + deleted + "]";
  }

  /**
   * Whether this is a person or a company.
   *
   * @return the value, {@link PersonType#UNKNOWN} when this SDK does not know it (see {@link #rawPersonType()}), or null
   */
  public PersonType personType() {
    return PersonType.from(rawPersonType);
  }
}
