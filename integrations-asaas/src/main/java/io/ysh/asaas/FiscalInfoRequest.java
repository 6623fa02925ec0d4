package io.ysh.asaas;

import io.ysh.core.Secret;

/**
 * The account's fiscal information for issuing NFS-e, named exactly as Asaas's schema names it;
 * sent as a multipart form.
 *
 * <p>Source: the official schema's {@code FiscalInfoSaveRequestDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models, and FiscalInfoService's form encoding). The digital certificate file
 * ({@code certificateFile}) is not offered: upload it in Asaas's web app. Secrets are {@link Secret}s:
 * {@link #toString()} shows none of them. Checked by {@link Builder#build()}: rpsNumber and
 * loteNumber at least 1; checked when saved: email and simplesNacional are required.
 *
 * @param email the e-mail Asaas sends invoice notices to (required)
 * @param municipalInscription the company's municipal registration
 * @param simplesNacional whether the company is under Simples Nacional (required)
 * @param culturalProjectsPromoter whether the company is a cultural projects promoter
 * @param cnae the CNAE code
 * @param specialTaxRegime the special tax regime's id (from Asaas's municipal options)
 * @param serviceListItem the service list item of LC 116
 * @param nbsCode the NBS code, where the city requires it
 * @param rpsSerie the RPS series (in most cities '1' or 'E')
 * @param rpsNumber the next RPS number (the last one issued plus one; 1 if none)
 * @param loteNumber the next batch number, where the city uses batches
 * @param username the user for the city hall's site
 * @param password the password for the city hall's site; sent, never shown by toString
 * @param accessToken the token for the city hall's site, where it uses one; never shown by toString
 * @param certificatePassword the digital certificate's password; never shown by toString
 * @param nationalPortalTaxCalculationRegime the national portal's tax calculation regime (ME/EPP under Simples Nacional)
 */
public record FiscalInfoRequest(
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
    Secret password,
    Secret accessToken,
    Secret certificatePassword,
    String nationalPortalTaxCalculationRegime) {

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
    b.email = email;
    b.municipalInscription = municipalInscription;
    b.simplesNacional = simplesNacional;
    b.culturalProjectsPromoter = culturalProjectsPromoter;
    b.cnae = cnae;
    b.specialTaxRegime = specialTaxRegime;
    b.serviceListItem = serviceListItem;
    b.nbsCode = nbsCode;
    b.rpsSerie = rpsSerie;
    b.rpsNumber = rpsNumber;
    b.loteNumber = loteNumber;
    b.username = username;
    b.password = password;
    b.accessToken = accessToken;
    b.certificatePassword = certificatePassword;
    b.nationalPortalTaxCalculationRegime = nationalPortalTaxCalculationRegime;
    return b;
  }

  /** Builds {@link FiscalInfoRequest} values. Not thread-safe. */
  public static final class Builder {
    private String email;
    private String municipalInscription;
    private Boolean simplesNacional;
    private Boolean culturalProjectsPromoter;
    private String cnae;
    private String specialTaxRegime;
    private String serviceListItem;
    private String nbsCode;
    private String rpsSerie;
    private Long rpsNumber;
    private Long loteNumber;
    private String username;
    private Secret password;
    private Secret accessToken;
    private Secret certificatePassword;
    private String nationalPortalTaxCalculationRegime;

    private Builder() {}

    /**
     * Sets email.
     *
     * @param v the e-mail Asaas sends invoice notices to (required)
     * @return this builder
     */
    public Builder email(String v) {
      this.email = v;
      return this;
    }

    /**
     * Sets municipalInscription.
     *
     * @param v the company's municipal registration
     * @return this builder
     */
    public Builder municipalInscription(String v) {
      this.municipalInscription = v;
      return this;
    }

    /**
     * Sets simplesNacional.
     *
     * @param v whether the company is under Simples Nacional (required)
     * @return this builder
     */
    public Builder simplesNacional(Boolean v) {
      this.simplesNacional = v;
      return this;
    }

    /**
     * Sets culturalProjectsPromoter.
     *
     * @param v whether the company is a cultural projects promoter
     * @return this builder
     */
    public Builder culturalProjectsPromoter(Boolean v) {
      this.culturalProjectsPromoter = v;
      return this;
    }

    /**
     * Sets cnae.
     *
     * @param v the CNAE code
     * @return this builder
     */
    public Builder cnae(String v) {
      this.cnae = v;
      return this;
    }

    /**
     * Sets specialTaxRegime.
     *
     * @param v the special tax regime's id (from Asaas's municipal options)
     * @return this builder
     */
    public Builder specialTaxRegime(String v) {
      this.specialTaxRegime = v;
      return this;
    }

    /**
     * Sets serviceListItem.
     *
     * @param v the service list item of LC 116
     * @return this builder
     */
    public Builder serviceListItem(String v) {
      this.serviceListItem = v;
      return this;
    }

    /**
     * Sets nbsCode.
     *
     * @param v the NBS code, where the city requires it
     * @return this builder
     */
    public Builder nbsCode(String v) {
      this.nbsCode = v;
      return this;
    }

    /**
     * Sets rpsSerie.
     *
     * @param v the RPS series (in most cities '1' or 'E')
     * @return this builder
     */
    public Builder rpsSerie(String v) {
      this.rpsSerie = v;
      return this;
    }

    /**
     * Sets rpsNumber.
     *
     * @param v the next RPS number (the last one issued plus one; 1 if none)
     * @return this builder
     */
    public Builder rpsNumber(Long v) {
      this.rpsNumber = v;
      return this;
    }

    /**
     * Sets loteNumber.
     *
     * @param v the next batch number, where the city uses batches
     * @return this builder
     */
    public Builder loteNumber(Long v) {
      this.loteNumber = v;
      return this;
    }

    /**
     * Sets username.
     *
     * @param v the user for the city hall's site
     * @return this builder
     */
    public Builder username(String v) {
      this.username = v;
      return this;
    }

    /**
     * Sets password.
     *
     * @param v the password for the city hall's site; sent, never shown by toString
     * @return this builder
     */
    public Builder password(Secret v) {
      this.password = v;
      return this;
    }

    /**
     * Sets accessToken.
     *
     * @param v the token for the city hall's site, where it uses one; never shown by toString
     * @return this builder
     */
    public Builder accessToken(Secret v) {
      this.accessToken = v;
      return this;
    }

    /**
     * Sets certificatePassword.
     *
     * @param v the digital certificate's password; never shown by toString
     * @return this builder
     */
    public Builder certificatePassword(Secret v) {
      this.certificatePassword = v;
      return this;
    }

    /**
     * Sets nationalPortalTaxCalculationRegime.
     *
     * @param v the national portal's tax calculation regime (ME/EPP under Simples Nacional)
     * @return this builder
     */
    public Builder nationalPortalTaxCalculationRegime(String v) {
      this.nationalPortalTaxCalculationRegime = v;
      return this;
    }

    /**
     * Builds the request, checking what can be checked locally.
     *
     * @return the request
     * @throws io.ysh.core.YshException with {@code INVALID_ARGUMENT} naming the field
     */
    public FiscalInfoRequest build() {
      if (rpsNumber != null && rpsNumber < 1) {
        throw Validation.invalid("rpsNumber", "must be at least 1, was " + rpsNumber);
      }
      if (loteNumber != null && loteNumber < 1) {
        throw Validation.invalid("loteNumber", "must be at least 1, was " + loteNumber);
      }
      return new FiscalInfoRequest(email, municipalInscription, simplesNacional, culturalProjectsPromoter, cnae, specialTaxRegime, serviceListItem, nbsCode, rpsSerie, rpsNumber, loteNumber, username, password, accessToken, certificatePassword, nationalPortalTaxCalculationRegime);
    }
  }
}
