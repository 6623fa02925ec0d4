package io.ysh.asaas;



/**
 * The fields to create or update a customer. Create needs {@code name} and {@code cpfCnpj}; the CPF/CNPJ is validated locally (check digits) and sent as digits. {@link #toString()} masks it.
 *
 * @param name the name (required to create)
 * @param cpfCnpj the CPF or CNPJ, formatted or bare (required to create)
 * @param email the e-mail
 * @param phone the landline
 * @param mobilePhone the mobile phone
 * @param address the street
 * @param addressNumber the number
 * @param complement the complement
 * @param province the neighbourhood (bairro)
 * @param postalCode the CEP
 * @param externalReference your reference; generated on create when absent
 * @param notificationDisabled turns Asaas's e-mail/SMS notifications off
 * @param additionalEmails extra e-mails, comma separated
 * @param municipalInscription the municipal registration
 * @param stateInscription the state registration
 * @param observations free notes
 * @param groupName the group
 * @param company the company name
 * @param foreignCustomer true for a customer without CPF/CNPJ validation
 */
public record CustomerRequest(
    String name,
    String cpfCnpj,
    String email,
    String phone,
    String mobilePhone,
    String address,
    String addressNumber,
    String complement,
    String province,
    String postalCode,
    String externalReference,
    Boolean notificationDisabled,
    String additionalEmails,
    String municipalInscription,
    String stateInscription,
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
    return "CustomerRequest[name=" + name + ", cpfCnpj=****, externalReference=" + externalReference + "]";
  }

  CustomerRequest withExternalReference(String reference) {
    return toBuilder().externalReference(reference).build();
  }

  /**
   * Starts an empty builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised with this request's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.cpfCnpj = cpfCnpj;
    b.email = email;
    b.phone = phone;
    b.mobilePhone = mobilePhone;
    b.address = address;
    b.addressNumber = addressNumber;
    b.complement = complement;
    b.province = province;
    b.postalCode = postalCode;
    b.externalReference = externalReference;
    b.notificationDisabled = notificationDisabled;
    b.additionalEmails = additionalEmails;
    b.municipalInscription = municipalInscription;
    b.stateInscription = stateInscription;
    b.observations = observations;
    b.groupName = groupName;
    b.company = company;
    b.foreignCustomer = foreignCustomer;
    return b;
  }

  /** Builds {@link CustomerRequest} values. Not thread-safe. */
  public static final class Builder {
    private String name;
    private String cpfCnpj;
    private String email;
    private String phone;
    private String mobilePhone;
    private String address;
    private String addressNumber;
    private String complement;
    private String province;
    private String postalCode;
    private String externalReference;
    private Boolean notificationDisabled;
    private String additionalEmails;
    private String municipalInscription;
    private String stateInscription;
    private String observations;
    private String groupName;
    private String company;
    private Boolean foreignCustomer;

    private Builder() {}

    /**
     * Sets name.
     *
     * @param name the name (required to create)
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets cpfCnpj.
     *
     * @param cpfCnpj the CPF or CNPJ, formatted or bare (required to create)
     * @return this builder
     */
    public Builder cpfCnpj(String cpfCnpj) {
      this.cpfCnpj = cpfCnpj;
      return this;
    }

    /**
     * Sets email.
     *
     * @param email the e-mail
     * @return this builder
     */
    public Builder email(String email) {
      this.email = email;
      return this;
    }

    /**
     * Sets phone.
     *
     * @param phone the landline
     * @return this builder
     */
    public Builder phone(String phone) {
      this.phone = phone;
      return this;
    }

    /**
     * Sets mobilePhone.
     *
     * @param mobilePhone the mobile phone
     * @return this builder
     */
    public Builder mobilePhone(String mobilePhone) {
      this.mobilePhone = mobilePhone;
      return this;
    }

    /**
     * Sets address.
     *
     * @param address the street
     * @return this builder
     */
    public Builder address(String address) {
      this.address = address;
      return this;
    }

    /**
     * Sets addressNumber.
     *
     * @param addressNumber the number
     * @return this builder
     */
    public Builder addressNumber(String addressNumber) {
      this.addressNumber = addressNumber;
      return this;
    }

    /**
     * Sets complement.
     *
     * @param complement the complement
     * @return this builder
     */
    public Builder complement(String complement) {
      this.complement = complement;
      return this;
    }

    /**
     * Sets province.
     *
     * @param province the neighbourhood (bairro)
     * @return this builder
     */
    public Builder province(String province) {
      this.province = province;
      return this;
    }

    /**
     * Sets postalCode.
     *
     * @param postalCode the CEP
     * @return this builder
     */
    public Builder postalCode(String postalCode) {
      this.postalCode = postalCode;
      return this;
    }

    /**
     * Sets externalReference.
     *
     * @param externalReference your reference; generated on create when absent
     * @return this builder
     */
    public Builder externalReference(String externalReference) {
      this.externalReference = externalReference;
      return this;
    }

    /**
     * Sets notificationDisabled.
     *
     * @param notificationDisabled turns Asaas's e-mail/SMS notifications off
     * @return this builder
     */
    public Builder notificationDisabled(Boolean notificationDisabled) {
      this.notificationDisabled = notificationDisabled;
      return this;
    }

    /**
     * Sets additionalEmails.
     *
     * @param additionalEmails extra e-mails, comma separated
     * @return this builder
     */
    public Builder additionalEmails(String additionalEmails) {
      this.additionalEmails = additionalEmails;
      return this;
    }

    /**
     * Sets municipalInscription.
     *
     * @param municipalInscription the municipal registration
     * @return this builder
     */
    public Builder municipalInscription(String municipalInscription) {
      this.municipalInscription = municipalInscription;
      return this;
    }

    /**
     * Sets stateInscription.
     *
     * @param stateInscription the state registration
     * @return this builder
     */
    public Builder stateInscription(String stateInscription) {
      this.stateInscription = stateInscription;
      return this;
    }

    /**
     * Sets observations.
     *
     * @param observations free notes
     * @return this builder
     */
    public Builder observations(String observations) {
      this.observations = observations;
      return this;
    }

    /**
     * Sets groupName.
     *
     * @param groupName the group
     * @return this builder
     */
    public Builder groupName(String groupName) {
      this.groupName = groupName;
      return this;
    }

    /**
     * Sets company.
     *
     * @param company the company name
     * @return this builder
     */
    public Builder company(String company) {
      this.company = company;
      return this;
    }

    /**
     * Sets foreignCustomer.
     *
     * @param foreignCustomer true for a customer without CPF/CNPJ validation
     * @return this builder
     */
    public Builder foreignCustomer(Boolean foreignCustomer) {
      this.foreignCustomer = foreignCustomer;
      return this;
    }

    /**
     * Builds the request, checking what can be checked locally.
     *
     * @return the request
     * @throws io.ysh.core.YshException with {@code INVALID_ARGUMENT} naming the field when the
     *     values are inconsistent or invalid
     */
    public CustomerRequest build() {
      if (cpfCnpj != null && !Boolean.TRUE.equals(foreignCustomer)) {
        cpfCnpj = Validation.cpfCnpj("cpfCnpj", cpfCnpj);
      }
      if (email != null && !email.contains("@")) {
        throw Validation.invalid("email", "is not an e-mail address");
      }
      return new CustomerRequest(name, cpfCnpj, email, phone, mobilePhone, address, addressNumber, complement, province, postalCode, externalReference, notificationDisabled, additionalEmails, municipalInscription, stateInscription, observations, groupName, company, foreignCustomer);
    }
  }
}
