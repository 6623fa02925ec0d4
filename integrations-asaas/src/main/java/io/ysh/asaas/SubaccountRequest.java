package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * The fields to create a subaccount (white-label), named exactly as Asaas's schema names them.
 *
 * <p>Source: the official schema's {@code AccountSaveRequestDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models) and docs.asaas.com "Criar subconta". Required: name, email, cpfCnpj,
 * mobilePhone, incomeValue, address, addressNumber, province, postalCode; checked by
 * {@link Builder#build()} with the CPF/CNPJ's check digits. {@code webhooks} is not offered:
 * configure them with the subaccount's own client ({@code webhooks()}), so the token stays a
 * {@code Secret} of that client.
 *
 * @param name the account holder's name
 * @param email the account's email
 * @param loginEmail the login email, or null for {@code email}
 * @param cpfCnpj the holder's CPF or CNPJ, digits only once built
 * @param birthDate the birth date (individuals only), or null
 * @param companyType MEI, LIMITED, INDIVIDUAL or ASSOCIATION (companies only), or null
 * @param phone a landline, or null
 * @param mobilePhone the mobile phone
 * @param site a web site, or null
 * @param incomeValue the monthly income or revenue, greater than zero
 * @param address the street
 * @param addressNumber the number
 * @param complement the complement, or null
 * @param province the neighbourhood
 * @param postalCode the CEP
 */
public record SubaccountRequest(
    String name,
    String email,
    String loginEmail,
    String cpfCnpj,
    LocalDate birthDate,
    String companyType,
    String phone,
    String mobilePhone,
    String site,
    Money incomeValue,
    String address,
    String addressNumber,
    String complement,
    String province,
    String postalCode) {

  /**
   * Starts an empty builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SubaccountRequest} values. Not thread-safe. */
  public static final class Builder {
    private String name;
    private String email;
    private String loginEmail;
    private String cpfCnpj;
    private LocalDate birthDate;
    private String companyType;
    private String phone;
    private String mobilePhone;
    private String site;
    private Money incomeValue;
    private String address;
    private String addressNumber;
    private String complement;
    private String province;
    private String postalCode;

    private Builder() {}

    /**
     * Sets name.
     *
     * @param v the holder's name (required)
     * @return this builder
     */
    public Builder name(String v) {
      this.name = v;
      return this;
    }

    /**
     * Sets email.
     *
     * @param v the account's email (required)
     * @return this builder
     */
    public Builder email(String v) {
      this.email = v;
      return this;
    }

    /**
     * Sets loginEmail.
     *
     * @param v the login email, when it differs from {@code email}
     * @return this builder
     */
    public Builder loginEmail(String v) {
      this.loginEmail = v;
      return this;
    }

    /**
     * Sets cpfCnpj.
     *
     * @param v a valid CPF or CNPJ, formatted or bare (required)
     * @return this builder
     */
    public Builder cpfCnpj(String v) {
      this.cpfCnpj = v;
      return this;
    }

    /**
     * Sets birthDate.
     *
     * @param v the birth date (individuals)
     * @return this builder
     */
    public Builder birthDate(LocalDate v) {
      this.birthDate = v;
      return this;
    }

    /**
     * Sets companyType.
     *
     * @param v MEI, LIMITED, INDIVIDUAL or ASSOCIATION (companies)
     * @return this builder
     */
    public Builder companyType(String v) {
      this.companyType = v;
      return this;
    }

    /**
     * Sets phone.
     *
     * @param v a landline
     * @return this builder
     */
    public Builder phone(String v) {
      this.phone = v;
      return this;
    }

    /**
     * Sets mobilePhone.
     *
     * @param v the mobile phone (required)
     * @return this builder
     */
    public Builder mobilePhone(String v) {
      this.mobilePhone = v;
      return this;
    }

    /**
     * Sets site.
     *
     * @param v a web site
     * @return this builder
     */
    public Builder site(String v) {
      this.site = v;
      return this;
    }

    /**
     * Sets incomeValue.
     *
     * @param v the monthly income or revenue, greater than zero (required)
     * @return this builder
     */
    public Builder incomeValue(Money v) {
      this.incomeValue = v;
      return this;
    }

    /**
     * Sets address.
     *
     * @param v the street (required)
     * @return this builder
     */
    public Builder address(String v) {
      this.address = v;
      return this;
    }

    /**
     * Sets addressNumber.
     *
     * @param v the number (required)
     * @return this builder
     */
    public Builder addressNumber(String v) {
      this.addressNumber = v;
      return this;
    }

    /**
     * Sets complement.
     *
     * @param v the complement
     * @return this builder
     */
    public Builder complement(String v) {
      this.complement = v;
      return this;
    }

    /**
     * Sets province.
     *
     * @param v the neighbourhood (required)
     * @return this builder
     */
    public Builder province(String v) {
      this.province = v;
      return this;
    }

    /**
     * Sets postalCode.
     *
     * @param v the CEP (required)
     * @return this builder
     */
    public Builder postalCode(String v) {
      this.postalCode = v;
      return this;
    }

    /**
     * Builds the request, checking the required fields and the CPF/CNPJ.
     *
     * @return the request
     * @throws io.ysh.core.YshException with {@code INVALID_ARGUMENT} naming the field
     */
    public SubaccountRequest build() {
      Validation.required("name", name);
      Validation.required("email", email);
      String doc = Validation.cpfCnpj("cpfCnpj", cpfCnpj);
      Validation.required("mobilePhone", mobilePhone);
      Validation.required("incomeValue", incomeValue);
      if (!incomeValue.isPositive()) {
        throw Validation.invalid("incomeValue", "must be greater than zero");
      }
      Validation.required("address", address);
      Validation.required("addressNumber", addressNumber);
      Validation.required("province", province);
      Validation.required("postalCode", postalCode);
      if (companyType != null && !java.util.Set.of("MEI", "LIMITED", "INDIVIDUAL", "ASSOCIATION").contains(companyType)) {
        throw Validation.invalid("companyType", "must be MEI, LIMITED, INDIVIDUAL or ASSOCIATION");
      }
      return new SubaccountRequest(name, email, loginEmail, doc, birthDate, companyType, phone, mobilePhone, site, incomeValue, address,
          addressNumber, complement, province, postalCode);
    }
  }
}
