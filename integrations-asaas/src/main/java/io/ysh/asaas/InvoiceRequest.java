package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * The fields to schedule an NFS-e, named exactly as Asaas's schema names them.
 *
 * <p>Source: the official schema's {@code InvoiceSaveRequestDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models) and docs.asaas.com "Notas fiscais". Checked by {@link Builder#build()}:
 * value greater than zero, deductions between zero and the value, tax rates between 0 and 100;
 * checked by {@link Invoices#schedule}: the required fields, one of payment, installment or
 * customer, one of municipalServiceId or municipalServiceCode, and an effective date not in the
 * past.
 *
 * @param payment the payment the invoice is for (or installment, or customer for a standalone invoice)
 * @param installment the installment plan the invoice is for
 * @param customer the customer of a standalone invoice (not tied to a payment)
 * @param serviceDescription the description of the services (required)
 * @param observations additional observations (required by the schema; may be empty)
 * @param externalReference your reference; generated on schedule when absent, and used to find the invoice after an ambiguous failure
 * @param value the total value, greater than zero (required)
 * @param deductions deductions: they change the ISS base, not the total; zero or more, at most the value (required)
 * @param effectiveDate the issue date, today or later (required)
 * @param municipalServiceId the municipal service's id, from {@link Invoices#municipalServices}
 * @param municipalServiceCode the municipal service's code, where the city has no list (give this or the id)
 * @param municipalServiceName the municipal service's name (required)
 * @param updatePayment whether Asaas lowers the payment's value by the withheld taxes
 * @param taxes the taxes (required)
 */
public record InvoiceRequest(
    String payment,
    String installment,
    String customer,
    String serviceDescription,
    String observations,
    String externalReference,
    Money value,
    Money deductions,
    LocalDate effectiveDate,
    String municipalServiceId,
    String municipalServiceCode,
    String municipalServiceName,
    Boolean updatePayment,
    InvoiceTaxes taxes) {

  InvoiceRequest withExternalReference(String reference) {
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
    b.payment = payment;
    b.installment = installment;
    b.customer = customer;
    b.serviceDescription = serviceDescription;
    b.observations = observations;
    b.externalReference = externalReference;
    b.value = value;
    b.deductions = deductions;
    b.effectiveDate = effectiveDate;
    b.municipalServiceId = municipalServiceId;
    b.municipalServiceCode = municipalServiceCode;
    b.municipalServiceName = municipalServiceName;
    b.updatePayment = updatePayment;
    b.taxes = taxes;
    return b;
  }

  /** Builds {@link InvoiceRequest} values. Not thread-safe. */
  public static final class Builder {
    private String payment;
    private String installment;
    private String customer;
    private String serviceDescription;
    private String observations;
    private String externalReference;
    private Money value;
    private Money deductions;
    private LocalDate effectiveDate;
    private String municipalServiceId;
    private String municipalServiceCode;
    private String municipalServiceName;
    private Boolean updatePayment;
    private InvoiceTaxes taxes;

    private Builder() {}

    /**
     * Sets payment.
     *
     * @param v the payment the invoice is for (or installment, or customer for a standalone invoice)
     * @return this builder
     */
    public Builder payment(String v) {
      this.payment = v;
      return this;
    }

    /**
     * Sets installment.
     *
     * @param v the installment plan the invoice is for
     * @return this builder
     */
    public Builder installment(String v) {
      this.installment = v;
      return this;
    }

    /**
     * Sets customer.
     *
     * @param v the customer of a standalone invoice (not tied to a payment)
     * @return this builder
     */
    public Builder customer(String v) {
      this.customer = v;
      return this;
    }

    /**
     * Sets serviceDescription.
     *
     * @param v the description of the services (required)
     * @return this builder
     */
    public Builder serviceDescription(String v) {
      this.serviceDescription = v;
      return this;
    }

    /**
     * Sets observations.
     *
     * @param v additional observations (required by the schema; may be empty)
     * @return this builder
     */
    public Builder observations(String v) {
      this.observations = v;
      return this;
    }

    /**
     * Sets externalReference.
     *
     * @param v your reference; generated on schedule when absent, and used to find the invoice after an ambiguous failure
     * @return this builder
     */
    public Builder externalReference(String v) {
      this.externalReference = v;
      return this;
    }

    /**
     * Sets value.
     *
     * @param v the total value, greater than zero (required)
     * @return this builder
     */
    public Builder value(Money v) {
      this.value = v;
      return this;
    }

    /**
     * Sets deductions.
     *
     * @param v deductions: they change the ISS base, not the total; zero or more, at most the value (required)
     * @return this builder
     */
    public Builder deductions(Money v) {
      this.deductions = v;
      return this;
    }

    /**
     * Sets effectiveDate.
     *
     * @param v the issue date, today or later (required)
     * @return this builder
     */
    public Builder effectiveDate(LocalDate v) {
      this.effectiveDate = v;
      return this;
    }

    /**
     * Sets municipalServiceId.
     *
     * @param v the municipal service's id, from {@link Invoices#municipalServices}
     * @return this builder
     */
    public Builder municipalServiceId(String v) {
      this.municipalServiceId = v;
      return this;
    }

    /**
     * Sets municipalServiceCode.
     *
     * @param v the municipal service's code, where the city has no list (give this or the id)
     * @return this builder
     */
    public Builder municipalServiceCode(String v) {
      this.municipalServiceCode = v;
      return this;
    }

    /**
     * Sets municipalServiceName.
     *
     * @param v the municipal service's name (required)
     * @return this builder
     */
    public Builder municipalServiceName(String v) {
      this.municipalServiceName = v;
      return this;
    }

    /**
     * Sets updatePayment.
     *
     * @param v whether Asaas lowers the payment's value by the withheld taxes
     * @return this builder
     */
    public Builder updatePayment(Boolean v) {
      this.updatePayment = v;
      return this;
    }

    /**
     * Sets taxes.
     *
     * @param v the taxes (required)
     * @return this builder
     */
    public Builder taxes(InvoiceTaxes v) {
      this.taxes = v;
      return this;
    }

    /**
     * Builds the request, checking what can be checked locally.
     *
     * @return the request
     * @throws io.ysh.core.YshException with {@code INVALID_ARGUMENT} naming the field
     */
    public InvoiceRequest build() {
      if (value != null && !value.isPositive()) {
        throw Validation.invalid("value", "must be greater than zero, was " + value);
      }
      if (deductions != null && deductions.isNegative()) {
        throw Validation.invalid("deductions", "must not be negative, was " + deductions);
      }
      if (deductions != null && value != null && deductions.compareTo(value) > 0) {
        throw Validation.invalid("deductions", "must not exceed the value (" + deductions + " > " + value + ")");
      }
      if (taxes != null) {
        taxes.check();
      }
      return new InvoiceRequest(payment, installment, customer, serviceDescription, observations, externalReference, value, deductions, effectiveDate, municipalServiceId, municipalServiceCode, municipalServiceName, updatePayment, taxes);
    }
  }
}
